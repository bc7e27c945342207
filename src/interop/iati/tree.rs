//! The element tree of one activity.
//!
//! The importer holds one `<iati-activity>` at a time as a compact tree: all
//! names, attribute values and texts live in one string, and nodes and
//! attributes in two vectors. The tree is cleared, not freed, between
//! activities, so memory is bounded by the largest activity and allocations
//! stop once the buffers have grown to fit it.
//!
//! Text is appended where it lies: text read in one run (entity references,
//! CDATA sections, comments and processing instructions between its pieces
//! add nothing to the buffer) grows in place at the end of the string. Text
//! split by a child element (`<narrative>A<b/>A…</narrative>`) moves, once,
//! to a buffer of its own, and later pieces are appended there, so every
//! byte of text is copied at most twice and the tree stays within a small
//! multiple of the activity's size whatever its shape.

use std::ops::Range;

/// A slice of [`Tree::strings`].
#[derive(Debug, Clone, Copy, Default)]
struct Span {
    start: usize,
    end: usize,
}

/// Where an element's text lives.
#[derive(Debug, Clone, Copy)]
enum Text {
    /// A slice of [`Tree::strings`] (text read in one run).
    Span(Span),
    /// One of [`Tree::split_texts`] (text split by child elements).
    Own(usize),
}

impl Default for Text {
    fn default() -> Self {
        Text::Span(Span::default())
    }
}

#[derive(Debug, Clone)]
struct Node {
    name: Span,
    attrs: Range<usize>,
    text: Text,
    /// Index of the first and last child and of the next sibling; 0 means
    /// none (the activity node, index 0, is never a child or a sibling).
    first_child: usize,
    last_child: usize,
    next_sibling: usize,
    line: u64,
}

#[derive(Debug, Clone, Copy)]
struct Attr {
    name: Span,
    value: Span,
}

/// One activity as a tree of elements with their attributes and text.
#[derive(Debug, Default)]
pub(super) struct Tree {
    nodes: Vec<Node>,
    attrs: Vec<Attr>,
    strings: String,
    /// The texts split by child elements, one buffer each, appended to.
    split_texts: Vec<String>,
}

impl Tree {
    /// Empties the tree, keeping its buffers.
    pub(super) fn clear(&mut self) {
        self.nodes.clear();
        self.attrs.clear();
        self.strings.clear();
        // Freed, not kept: split text is rare, and keeping each buffer's
        // capacity would let memory grow with the sum over activities.
        self.split_texts = Vec::new();
    }

    fn span(&mut self, s: &str) -> Span {
        let start = self.strings.len();
        self.strings.push_str(s);
        Span {
            start,
            end: self.strings.len(),
        }
    }

    #[expect(
        clippy::expect_used,
        reason = "spans are made by Tree::span over `strings`, which only grows \
                  until Tree::clear, which drops every node holding a span too"
    )]
    fn str(&self, span: Span) -> &str {
        self.strings
            .get(span.start..span.end)
            .expect("a span of this tree's strings")
    }

    /// The node at `index`, a child or sibling link of another node.
    #[expect(
        clippy::expect_used,
        reason = "Tree::open links only to nodes it has pushed, and Tree::clear \
                  drops every node together"
    )]
    fn node(&self, index: usize) -> &Node {
        self.nodes.get(index).expect("a linked node of this tree")
    }

    /// The node at `index` to change: one [`Tree::open`] returned (the
    /// reader passes back only those) or a link it made.
    #[expect(
        clippy::expect_used,
        reason = "Tree::open returns and links only nodes it has pushed, and \
                  Tree::clear drops every node together"
    )]
    fn node_mut(&mut self, index: usize) -> &mut Node {
        self.nodes.get_mut(index).expect("a node this tree opened")
    }

    /// The text split by child elements that `Text::Own(i)` names.
    #[expect(
        clippy::expect_used,
        reason = "Tree::text makes Text::Own(i) right after pushing buffer i, \
                  and Tree::clear drops the buffers and the nodes together"
    )]
    fn split_text(&self, i: usize) -> &str {
        self.split_texts.get(i).expect("a split text of this tree")
    }

    /// The split text `Text::Own(i)` names, to append to.
    #[expect(
        clippy::expect_used,
        reason = "Tree::text makes Text::Own(i) right after pushing buffer i, \
                  and Tree::clear drops the buffers and the nodes together"
    )]
    fn split_text_mut(&mut self, i: usize) -> &mut String {
        self.split_texts
            .get_mut(i)
            .expect("a split text of this tree")
    }

    /// Starts an element under `parent` (`None` for the activity itself) and
    /// returns its index. Its attributes must be added next, before any
    /// child or text.
    pub(super) fn open(&mut self, parent: Option<usize>, name: &str, line: u64) -> usize {
        let index = self.nodes.len();
        let name = self.span(name);
        self.nodes.push(Node {
            name,
            attrs: self.attrs.len()..self.attrs.len(),
            text: Text::default(),
            first_child: 0,
            last_child: 0,
            next_sibling: 0,
            line,
        });
        if let Some(p) = parent {
            // Index 0 is the activity, never a child: 0 means "no child yet".
            let previous = self.node(p).last_child;
            if previous == 0 {
                self.node_mut(p).first_child = index;
            } else {
                self.node_mut(previous).next_sibling = index;
            }
            self.node_mut(p).last_child = index;
        }
        index
    }

    /// Adds an attribute to the element `node` just opened.
    pub(super) fn attribute(&mut self, node: usize, name: &str, value: &str) {
        let name = self.span(name);
        let value = self.span(value);
        self.attrs.push(Attr { name, value });
        let end = self.attrs.len();
        self.node_mut(node).attrs.end = end;
    }

    /// Appends text to element `node`.
    pub(super) fn text(&mut self, node: usize, text: &str) {
        let current = self.node(node).text;
        let updated = match current {
            Text::Own(i) => {
                self.split_text_mut(i).push_str(text);
                current
            }
            Text::Span(span) if span.start == span.end || span.end == self.strings.len() => {
                // No text yet, or the text so far is last in the buffer:
                // extend it in place.
                let start = if span.start == span.end {
                    self.strings.len()
                } else {
                    span.start
                };
                self.strings.push_str(text);
                Text::Span(Span {
                    start,
                    end: self.strings.len(),
                })
            }
            Text::Span(span) => {
                // Split around a child element: the text so far moves, once,
                // to a buffer of its own, where later pieces are appended.
                let mut own = String::with_capacity(span.end - span.start + text.len());
                own.push_str(self.str(span));
                own.push_str(text);
                self.split_texts.push(own);
                Text::Own(self.split_texts.len() - 1)
            }
        };
        self.node_mut(node).text = updated;
    }

    /// How many bytes the tree holds in its buffers (strings and split
    /// texts), for the scaling tests.
    #[cfg(test)]
    fn text_bytes(&self) -> usize {
        self.strings.len() + self.split_texts.iter().map(String::len).sum::<usize>()
    }

    /// The activity element, if the tree holds one.
    pub(super) fn root(&self) -> Option<El<'_>> {
        self.nodes.first().map(|node| El { tree: self, node })
    }
}

/// A borrowed element of a [`Tree`]: the tree and the element's node, so
/// every question about the element has an answer.
#[derive(Clone, Copy)]
pub(super) struct El<'t> {
    tree: &'t Tree,
    node: &'t Node,
}

impl<'t> El<'t> {
    /// The element's qualified name, e.g. `narrative` or `usg:treasury-account`.
    pub(super) fn name(&self) -> &'t str {
        self.tree.str(self.node.name)
    }

    /// The line of the source on which the element starts.
    pub(super) fn line(&self) -> u64 {
        self.node.line
    }

    /// The value of attribute `name`, trimmed; `None` when absent or blank.
    pub(super) fn attr(&self, name: &str) -> Option<&'t str> {
        self.tree
            .attrs
            .get(self.node.attrs.clone())?
            .iter()
            .find(|a| self.tree.str(a.name) == name)
            .map(|a| self.tree.str(a.value).trim())
            .filter(|v| !v.is_empty())
    }

    /// The element's own text (not its children's), trimmed.
    pub(super) fn text(&self) -> &'t str {
        let text = match self.node.text {
            Text::Span(span) => self.tree.str(span),
            Text::Own(i) => self.tree.split_text(i),
        };
        text.trim()
    }

    /// The child elements, in document order.
    pub(super) fn children(&self) -> Children<'t> {
        Children {
            tree: self.tree,
            next: self.node.first_child,
        }
    }

    /// The child elements called `name`, in document order.
    pub(super) fn children_named(&self, name: &'t str) -> impl Iterator<Item = El<'t>> + 't {
        self.children().filter(move |c| c.name() == name)
    }

    /// The first child element called `name`.
    pub(super) fn child(&self, name: &str) -> Option<El<'t>> {
        self.children().find(|c| c.name() == name)
    }
}

/// Iterator over an element's children.
pub(super) struct Children<'t> {
    tree: &'t Tree,
    next: usize,
}

impl<'t> Iterator for Children<'t> {
    type Item = El<'t>;

    fn next(&mut self) -> Option<El<'t>> {
        if self.next == 0 {
            return None;
        }
        let node = self.tree.node(self.next);
        self.next = node.next_sibling;
        Some(El {
            tree: self.tree,
            node,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_and_walks() {
        let mut t = Tree::default();
        let a = t.open(None, "iati-activity", 1);
        t.attribute(a, "default-currency", " USD ");
        let title = t.open(Some(a), "title", 2);
        let n = t.open(Some(title), "narrative", 3);
        t.attribute(n, "xml:lang", "en");
        t.text(n, "Police ");
        t.text(n, "reform");
        let n2 = t.open(Some(title), "narrative", 4);
        t.text(n2, "Réforme");
        t.text(title, "  x");
        let root = t.root().unwrap();
        assert_eq!(root.attr("default-currency"), Some("USD"));
        assert_eq!(root.attr("missing"), None);
        let title = root.child("title").unwrap();
        let texts: Vec<_> = title
            .children_named("narrative")
            .map(|e| e.text())
            .collect();
        assert_eq!(texts, ["Police reform", "Réforme"]);
        assert_eq!(title.text(), "x");
        assert_eq!(title.children().count(), 2);
        assert_eq!(title.line(), 2);
        t.clear();
        assert!(t.root().is_none());
    }

    #[test]
    fn text_split_around_children_is_joined() {
        let mut t = Tree::default();
        let a = t.open(None, "a", 1);
        t.text(a, "one ");
        let b = t.open(Some(a), "b", 1);
        t.text(b, "inner");
        t.text(a, "two");
        let root = t.root().unwrap();
        assert_eq!(root.text(), "one two");
        assert_eq!(root.child("b").unwrap().text(), "inner");
    }

    /// `<a>x<b/>x<b/>…</a>`: the text split `n` times around children.
    fn split_text(n: usize) -> Tree {
        let mut t = Tree::default();
        let a = t.open(None, "a", 1);
        for _ in 0..n {
            t.text(a, "x");
            t.open(Some(a), "b", 1);
        }
        t
    }

    #[test]
    fn text_split_many_times_is_held_once() {
        let t = split_text(1000);
        assert_eq!(t.root().unwrap().text(), "x".repeat(1000));
        // Each piece of text once, plus the child names: linear, where moving
        // the text to the end at every split held n²/2 bytes.
        assert!(t.text_bytes() <= 3 * 1000, "{} bytes", t.text_bytes());
        let small = split_text(250).text_bytes();
        assert!(t.text_bytes() <= 4 * small + 16);
    }
}

//! The element tree of one activity.
//!
//! The importer holds one `<iati-activity>` at a time as a compact tree: all
//! names, attribute values and texts live in one string, and nodes and
//! attributes in two vectors. The tree is cleared, not freed, between
//! activities, so memory is bounded by the largest activity and allocations
//! stop once the buffers have grown to fit it.

use std::ops::Range;

/// A slice of [`Tree::strings`].
#[derive(Debug, Clone, Copy, Default)]
struct Span {
    start: usize,
    end: usize,
}

#[derive(Debug, Clone)]
struct Node {
    name: Span,
    attrs: Range<usize>,
    text: Span,
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
}

impl Tree {
    /// Empties the tree, keeping its buffers.
    pub(super) fn clear(&mut self) {
        self.nodes.clear();
        self.attrs.clear();
        self.strings.clear();
    }

    fn span(&mut self, s: &str) -> Span {
        let start = self.strings.len();
        self.strings.push_str(s);
        Span {
            start,
            end: self.strings.len(),
        }
    }

    fn str(&self, span: Span) -> &str {
        self.strings.get(span.start..span.end).unwrap_or("")
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
            text: Span::default(),
            first_child: 0,
            last_child: 0,
            next_sibling: 0,
            line,
        });
        if let Some(p) = parent {
            let previous = self.nodes.get(p).map(|n| n.last_child).unwrap_or(0);
            if previous == 0 {
                if let Some(n) = self.nodes.get_mut(p) {
                    n.first_child = index;
                }
            } else if let Some(n) = self.nodes.get_mut(previous) {
                n.next_sibling = index;
            }
            if let Some(n) = self.nodes.get_mut(p) {
                n.last_child = index;
            }
        }
        index
    }

    /// Adds an attribute to the element `node` just opened.
    pub(super) fn attribute(&mut self, node: usize, name: &str, value: &str) {
        let name = self.span(name);
        let value = self.span(value);
        self.attrs.push(Attr { name, value });
        let end = self.attrs.len();
        if let Some(n) = self.nodes.get_mut(node) {
            n.attrs.end = end;
        }
    }

    /// Appends text to element `node`.
    pub(super) fn text(&mut self, node: usize, text: &str) {
        let Some(current) = self.nodes.get(node).map(|n| n.text) else {
            return;
        };
        let span = if current.end == self.strings.len() && current.end > current.start {
            // The text so far is last in the buffer: extend it in place.
            self.strings.push_str(text);
            Span {
                start: current.start,
                end: self.strings.len(),
            }
        } else {
            // Text split around a child element: move it to the end first.
            let start = self.strings.len();
            self.strings.extend_from_within(current.start..current.end);
            self.strings.push_str(text);
            Span {
                start,
                end: self.strings.len(),
            }
        };
        if let Some(n) = self.nodes.get_mut(node) {
            n.text = span;
        }
    }

    /// The activity element, if the tree holds one.
    pub(super) fn root(&self) -> Option<El<'_>> {
        (!self.nodes.is_empty()).then_some(El {
            tree: self,
            index: 0,
        })
    }
}

/// A borrowed element of a [`Tree`].
#[derive(Clone, Copy)]
pub(super) struct El<'t> {
    tree: &'t Tree,
    index: usize,
}

impl<'t> El<'t> {
    fn node(&self) -> Option<&'t Node> {
        self.tree.nodes.get(self.index)
    }

    /// The element's qualified name, e.g. `narrative` or `usg:treasury-account`.
    pub(super) fn name(&self) -> &'t str {
        self.node().map(|n| self.tree.str(n.name)).unwrap_or("")
    }

    /// The line of the source on which the element starts.
    pub(super) fn line(&self) -> u64 {
        self.node().map(|n| n.line).unwrap_or(0)
    }

    /// The value of attribute `name`, trimmed; `None` when absent or blank.
    pub(super) fn attr(&self, name: &str) -> Option<&'t str> {
        let node = self.node()?;
        self.tree
            .attrs
            .get(node.attrs.clone())?
            .iter()
            .find(|a| self.tree.str(a.name) == name)
            .map(|a| self.tree.str(a.value).trim())
            .filter(|v| !v.is_empty())
    }

    /// The element's own text (not its children's), trimmed.
    pub(super) fn text(&self) -> &'t str {
        self.node()
            .map(|n| self.tree.str(n.text).trim())
            .unwrap_or("")
    }

    /// The child elements, in document order.
    pub(super) fn children(&self) -> Children<'t> {
        Children {
            tree: self.tree,
            next: self.node().map(|n| n.first_child).unwrap_or(0),
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
        let index = self.next;
        self.next = self.tree.nodes.get(index).map(|n| n.next_sibling)?;
        Some(El {
            tree: self.tree,
            index,
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
}

//! Choosing one narrative among an element's translations.

use super::tree::El;

/// The languages that decide which `<narrative>` is read.
#[derive(Debug, Clone, Copy)]
pub(super) struct Languages<'a> {
    /// The language the user asked for, if any.
    pub(super) requested: Option<&'a str>,
    /// The activity's (or the file's) `xml:lang`: the language of narratives
    /// that do not state their own.
    pub(super) default: Option<&'a str>,
}

/// Whether two language tags name the same language: compared
/// case-insensitively on their primary subtag, so `EN`, `en` and `en-GB`
/// match.
fn same_language(a: &str, b: &str) -> bool {
    primary_subtag(a).eq_ignore_ascii_case(primary_subtag(b))
}

fn primary_subtag(tag: &str) -> &str {
    tag.split(['-', '_']).next().unwrap_or("").trim()
}

impl Languages<'_> {
    /// The text of the `<narrative>` of `el` in the requested language, else
    /// the first non-empty one. IATI 1.x put the text directly in the
    /// element, which is read when there is no narrative.
    pub(super) fn narrative<'t>(&self, el: El<'t>) -> Option<&'t str> {
        let mut narratives = el
            .children_named("narrative")
            .filter(|n| !n.text().is_empty());
        let first = el
            .children_named("narrative")
            .find(|n| !n.text().is_empty());
        let chosen = match self.requested {
            Some(want) => narratives
                .find(|n| {
                    n.attr("xml:lang")
                        .or(self.default)
                        .is_some_and(|l| same_language(l, want))
                })
                .or(first),
            None => first,
        };
        chosen
            .map(|n| n.text())
            .or_else(|| Some(el.text()).filter(|t| !t.is_empty()))
    }
}

#[cfg(test)]
mod tests {
    use super::super::tree::Tree;
    use super::*;

    #[test]
    fn picks_requested_language_else_first() {
        let mut t = Tree::default();
        let title = t.open(None, "title", 1);
        let empty = t.open(Some(title), "narrative", 2);
        t.attribute(empty, "xml:lang", "de");
        let en = t.open(Some(title), "narrative", 2);
        t.text(en, "Activity title");
        let fr = t.open(Some(title), "narrative", 3);
        t.attribute(fr, "xml:lang", "FR");
        t.text(fr, "Titre");
        let el = t.root().unwrap();
        let langs = |requested, default| Languages { requested, default };
        assert_eq!(langs(None, None).narrative(el), Some("Activity title"));
        assert_eq!(langs(Some("fr"), None).narrative(el), Some("Titre"));
        assert_eq!(
            langs(Some("en"), Some("en-GB")).narrative(el),
            Some("Activity title")
        );
        assert_eq!(
            langs(Some("es"), None).narrative(el),
            Some("Activity title")
        );
        assert_eq!(
            langs(Some("de"), None).narrative(el),
            Some("Activity title")
        );
    }

    #[test]
    fn version_1_text_without_narrative() {
        let mut t = Tree::default();
        let title = t.open(None, "title", 1);
        t.text(title, " Old style ");
        let none = Languages {
            requested: None,
            default: None,
        };
        assert_eq!(none.narrative(t.root().unwrap()), Some("Old style"));
    }
}

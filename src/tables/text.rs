//! Text columns that hold a repeated value once.

/// The values of a text or code column. A value equal to the one before it
/// in the column is stored once and referred to by both rows, so a
/// programme's name, repeated on each of its rows of the scores table, is
/// held once per batch however long it is.
///
/// ```
/// use ssr_model::Scorer;
/// use ssr_model::tables::{Source, TableName, Values};
///
/// let card = Scorer::default().scorecard(&ssr_model::samples::portfolio());
/// let scores = ssr_model::tables::scores(&card);
/// let Some(Values::Text(names)) = scores.column("programme_name").map(|c| c.values()) else {
///     panic!("programme_name is a text column")
/// };
/// assert_eq!(names.len(), scores.rows());
/// // One stored name per programme, not one per row.
/// assert_eq!(names.distinct(), card.programmes.len());
/// assert_eq!(names.get(0), Some(Some(card.programmes[0].name.as_str())));
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TextValues {
    /// The stored values, each different from the one stored before it.
    stored: Vec<String>,
    /// Per row, the position of its value in `stored`; `None` when unknown.
    rows: Vec<Option<usize>>,
}

impl TextValues {
    /// How many rows the column holds.
    ///
    /// ```
    /// use ssr_model::tables::TextValues;
    ///
    /// assert_eq!(TextValues::default().len(), 0);
    /// ```
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether the column holds no row.
    ///
    /// ```
    /// use ssr_model::tables::TextValues;
    ///
    /// assert!(TextValues::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// How many values are stored: at most the number of known values,
    /// fewer where consecutive rows repeat a value.
    ///
    /// ```
    /// use ssr_model::tables::TextValues;
    ///
    /// assert_eq!(TextValues::default().distinct(), 0);
    /// ```
    pub fn distinct(&self) -> usize {
        self.stored.len()
    }

    /// The value of row `row`: `Some(None)` when unknown, `None` past the
    /// end.
    ///
    /// ```
    /// use ssr_model::tables::TextValues;
    ///
    /// assert_eq!(TextValues::default().get(0), None);
    /// ```
    pub fn get(&self, row: usize) -> Option<Option<&str>> {
        self.rows.get(row).map(|key| self.value(*key))
    }

    /// Every row's value, in order.
    ///
    /// ```
    /// use ssr_model::Scorer;
    /// use ssr_model::tables::Values;
    ///
    /// let scores = ssr_model::tables::scores(&Scorer::default().scorecard(&ssr_model::samples::portfolio()));
    /// let Some(Values::Text(measures)) = scores.column("measure").map(|c| c.values()) else { panic!() };
    /// assert_eq!(measures.iter().next(), Some(Some("score")));
    /// assert_eq!(measures.iter().count(), scores.rows());
    /// ```
    pub fn iter(&self) -> impl ExactSizeIterator<Item = Option<&str>> + '_ {
        self.rows.iter().map(|key| self.value(*key))
    }

    /// How many values are unknown.
    pub(crate) fn nulls(&self) -> usize {
        self.rows.iter().filter(|k| k.is_none()).count()
    }

    fn value(&self, key: Option<usize>) -> Option<&str> {
        key.and_then(|k| self.stored.get(k)).map(String::as_str)
    }

    /// Appends a row; a value equal to the last one stored is not stored
    /// again.
    pub(crate) fn push(&mut self, value: Option<String>) {
        let key = value.map(|v| match self.stored.last() {
            Some(last) if *last == v => self.stored.len() - 1,
            _ => {
                self.stored.push(v);
                self.stored.len() - 1
            }
        });
        self.rows.push(key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeats_are_stored_once_and_read_back_in_order() {
        let mut t = TextValues::default();
        for v in [Some("a"), Some("a"), None, Some("a"), Some("b"), Some("a")] {
            t.push(v.map(str::to_owned));
        }
        let read: Vec<Option<&str>> = t.iter().collect();
        assert_eq!(
            read,
            [Some("a"), Some("a"), None, Some("a"), Some("b"), Some("a")]
        );
        // "a" (rows 0, 1 and 3, the unknown between does not break the
        // run), "b", then "a" again after "b".
        assert_eq!(t.distinct(), 3);
        assert_eq!((t.len(), t.nulls()), (6, 1));
        assert_eq!(t.get(2), Some(None));
        assert_eq!(t.get(6), None);
    }
}

//! Streaming an `iati-activities` file one activity at a time.

use std::io::{self, BufRead, Read};

use quick_xml::Reader;
use quick_xml::XmlVersion;
use quick_xml::events::{BytesRef, BytesStart, Event};

use super::activity::{self, Context, ImportedActivity};
use super::tree::Tree;
use super::{ImportError, ImportOptions};

/// The IATI versions whose activity format this importer reads.
const SUPPORTED_VERSIONS: [&str; 3] = ["2.01", "2.02", "2.03"];

/// A [`BufRead`] that counts the lines it has passed, so errors and findings
/// can name a line. Newlines since the last [`mark`](Self::mark) (one XML
/// event) are kept by offset, so a position inside the current event maps
/// to its exact line; older ones are only counted.
struct LineCounter<R> {
    inner: R,
    consumed: u64,
    lines_before_mark: u64,
    recent_newlines: Vec<u64>,
    /// Bytes consumed since the last `<`: the XML reader buffers a text
    /// node whole, so a file of zeros or of text without markup would
    /// otherwise grow without bound.
    since_markup: u64,
}

/// The longest run of bytes without markup (`<`) that is read: far above
/// any real text node, far below memory. Beyond it the file is refused.
pub(super) const MAX_TEXT_RUN: u64 = 64 * 1024 * 1024;

impl<R: BufRead> LineCounter<R> {
    fn new(inner: R) -> Self {
        LineCounter {
            inner,
            consumed: 0,
            lines_before_mark: 0,
            recent_newlines: Vec::new(),
            since_markup: 0,
        }
    }

    /// Forgets the offsets of the newlines passed so far, keeping their count.
    fn mark(&mut self) {
        self.lines_before_mark += self.recent_newlines.len() as u64;
        self.recent_newlines.clear();
    }

    /// The 1-based line of the last mark.
    fn line_at_mark(&self) -> u64 {
        1 + self.lines_before_mark
    }

    /// The 1-based line of byte offset `position`, at or after the last mark.
    fn line_at(&self, position: u64) -> u64 {
        let within = self
            .recent_newlines
            .iter()
            .take_while(|&&o| o < position)
            .count();
        self.line_at_mark() + within as u64
    }
}

impl<R: BufRead> Read for LineCounter<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let n = {
            let available = self.fill_buf()?;
            let n = available.len().min(out.len());
            if let (Some(dst), Some(src)) = (out.get_mut(..n), available.get(..n)) {
                dst.copy_from_slice(src);
            }
            n
        };
        self.consume(n);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for LineCounter<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.since_markup > MAX_TEXT_RUN {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!(
                    "no markup in {} MiB before byte {}: not an XML file",
                    MAX_TEXT_RUN >> 20,
                    self.consumed
                ),
            ));
        }
        self.inner.fill_buf()
    }

    fn consume(&mut self, amount: usize) {
        // The bytes consumed are the start of the buffer `fill_buf` returned
        // last; asking again does not read more.
        if let Ok(buffer) = self.inner.fill_buf() {
            let start = self.consumed;
            let passed = buffer.get(..amount).unwrap_or(buffer);
            self.since_markup = match passed.iter().rposition(|b| *b == b'<') {
                Some(at) => (passed.len() - at) as u64,
                None => self.since_markup + passed.len() as u64,
            };
            let newlines = passed
                .iter()
                .enumerate()
                .filter(|(_, b)| **b == b'\n')
                .map(|(i, _)| start + i as u64);
            self.recent_newlines.extend(newlines);
        }
        self.consumed += amount as u64;
        self.inner.consume(amount);
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    InRoot,
    Done,
}

/// An iterator over the activities of an IATI 2.0x `iati-activities` file,
/// read as a stream: one activity is held at a time, in buffers reused from
/// one activity to the next, so memory is bounded by the largest activity,
/// not by the file.
///
/// Each item is an [`ImportedActivity`]: the programme read from one
/// activity (or `None` when it could not be imported) with its import
/// findings. Activities the [`Filter`](super::Filter) leaves out are skipped
/// and counted ([`filtered_out`](Self::filtered_out)). A malformed file
/// yields one `Err` (with a line number) after the activities before the
/// problem, and then ends.
///
/// ```
/// use ssr_model::interop::iati;
///
/// let xml = r#"<iati-activities version="2.03">
///   <iati-activity default-currency="USD">
///     <iati-identifier>XM-EX-1</iati-identifier>
///     <title><narrative>Police reform</narrative></title>
///     <recipient-country code="LR"/>
///     <sector code="15132" vocabulary="1"/>
///   </iati-activity>
/// </iati-activities>"#;
/// for activity in iati::activities(xml.as_bytes())? {
///     let activity = activity?;
///     let programme = activity.programme.expect("imported");
///     assert_eq!(programme.name, "Police reform");
///     assert_eq!(programme.single_country().map(|c| c.to_string()).as_deref(), Some("LBR"));
/// }
/// # Ok::<(), iati::ImportError>(())
/// ```
pub struct Activities<R> {
    reader: Reader<LineCounter<R>>,
    buf: Vec<u8>,
    stack: Vec<usize>,
    tree: Tree,
    options: ImportOptions,
    root_language: Option<String>,
    state: State,
    seen: usize,
    filtered_out: usize,
}

impl<R> std::fmt::Debug for Activities<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Activities")
            .field("options", &self.options)
            .field("seen", &self.seen)
            .field("filtered_out", &self.filtered_out)
            .finish_non_exhaustive()
    }
}

/// Whether `name` is `iati-activity`, the only element the stream maps.
fn is_activity(name: &str) -> bool {
    name == "iati-activity"
}

impl<R: BufRead> Activities<R> {
    /// Starts reading `reader` and checks the root element and version.
    pub(super) fn new(reader: R, options: ImportOptions) -> Result<Self, ImportError> {
        let mut activities = Activities {
            reader: Reader::from_reader(LineCounter::new(reader)),
            buf: Vec::new(),
            stack: Vec::new(),
            tree: Tree::default(),
            options,
            root_language: None,
            state: State::InRoot,
            seen: 0,
            filtered_out: 0,
        };
        activities.read_root()?;
        Ok(activities)
    }

    /// How many `iati-activity` elements have been read so far, imported or
    /// not.
    pub fn seen(&self) -> usize {
        self.seen
    }

    /// How many of them the filter left out.
    pub fn filtered_out(&self) -> usize {
        self.filtered_out
    }

    fn xml_error(&self, error: &quick_xml::Error) -> ImportError {
        if let quick_xml::Error::Io(e) = error {
            return ImportError::Io(io::Error::new(e.kind(), e.to_string()));
        }
        let line = self.reader.get_ref().line_at(self.reader.error_position());
        ImportError::Xml {
            line,
            message: error.to_string(),
        }
    }

    fn truncated(&self, element: &str) -> ImportError {
        ImportError::Truncated {
            line: self.reader.get_ref().line_at_mark(),
            element: element.to_owned(),
        }
    }

    /// Reads up to the root start tag and checks it.
    fn read_root(&mut self) -> Result<(), ImportError> {
        loop {
            self.buf.clear();
            let line = self.reader.get_ref().line_at_mark();
            let event = match self.reader.read_event_into(&mut self.buf) {
                Ok(event) => event,
                Err(e) => return Err(self.xml_error(&e)),
            };
            let (start, empty) = match event {
                Event::Start(e) => (e, false),
                Event::Empty(e) => (e, true),
                Event::Eof => {
                    return Err(ImportError::WrongRoot {
                        line,
                        found: String::new(),
                    });
                }
                Event::Text(t) if t.trim().is_empty() => {
                    self.reader.get_mut().mark();
                    continue;
                }
                Event::Text(_) | Event::CData(_) | Event::GeneralRef(_) | Event::End(_) => {
                    return Err(ImportError::Xml {
                        line,
                        message: "content before the root element".to_owned(),
                    });
                }
                Event::Decl(_) | Event::Comment(_) | Event::PI(_) | Event::DocType(_) => {
                    self.reader.get_mut().mark();
                    continue;
                }
            };
            let name = start.name().as_ref().to_owned();
            if name != "iati-activities" {
                return Err(ImportError::WrongRoot { line, found: name });
            }
            let mut version = None;
            for attr in start.attributes() {
                let attr = attr.map_err(|e| ImportError::Xml {
                    line,
                    message: e.to_string(),
                })?;
                let key = attr.key.as_ref();
                if key == "version" || key == "xml:lang" {
                    let value = attr
                        .normalized_value(XmlVersion::Implicit1_0)
                        .map_err(|e| ImportError::Xml {
                            line,
                            message: e.to_string(),
                        })?
                        .trim()
                        .to_owned();
                    if key == "version" {
                        version = Some(value);
                    } else {
                        self.root_language = Some(value);
                    }
                }
            }
            if !version
                .as_deref()
                .is_some_and(|v| SUPPORTED_VERSIONS.contains(&v))
            {
                return Err(ImportError::UnsupportedVersion {
                    line,
                    found: version,
                });
            }
            self.reader.get_mut().mark();
            if empty {
                self.state = State::Done;
            }
            return Ok(());
        }
    }

    /// Adds the element of `start` under `parent` to the tree.
    fn add_element(
        tree: &mut Tree,
        parent: Option<usize>,
        start: &BytesStart<'_>,
        line: u64,
    ) -> Result<usize, ImportError> {
        let index = tree.open(parent, start.name().as_ref(), line);
        for attr in start.attributes() {
            let attr = attr.map_err(|e| ImportError::Xml {
                line,
                message: e.to_string(),
            })?;
            let value = attr
                .normalized_value(XmlVersion::Implicit1_0)
                .map_err(|e| ImportError::Xml {
                    line,
                    message: e.to_string(),
                })?;
            tree.attribute(index, attr.key.as_ref(), &value);
        }
        Ok(index)
    }

    /// Reads the next activity into the tree; `Ok(None)` at the end of the
    /// root element.
    fn read_activity(&mut self) -> Result<Option<u64>, ImportError> {
        let Some((activity_line, empty)) = self.find_activity()? else {
            return Ok(None);
        };
        if !empty {
            self.read_body()?;
        }
        Ok(Some(activity_line))
    }

    /// Finds the next `<iati-activity>`, skipping anything else in the root,
    /// and opens it in the cleared tree: its line and whether it is empty,
    /// or `None` at the end of the root element.
    fn find_activity(&mut self) -> Result<Option<(u64, bool)>, ImportError> {
        let mut skip_depth = 0usize;
        let (activity_line, empty) = loop {
            self.buf.clear();
            let line = self.reader.get_ref().line_at_mark();
            let event = match self.reader.read_event_into(&mut self.buf) {
                Ok(event) => event,
                Err(e) => return Err(self.xml_error(&e)),
            };
            match event {
                Event::Start(e) if skip_depth == 0 && is_activity(e.name().as_ref()) => {
                    self.tree.clear();
                    Self::add_element(&mut self.tree, None, &e, line)?;
                    break (line, false);
                }
                Event::Empty(e) if skip_depth == 0 && is_activity(e.name().as_ref()) => {
                    self.tree.clear();
                    Self::add_element(&mut self.tree, None, &e, line)?;
                    break (line, true);
                }
                Event::Start(_) => skip_depth += 1,
                Event::End(_) if skip_depth == 0 => {
                    self.reader.get_mut().mark();
                    return Ok(None);
                }
                Event::End(_) => skip_depth -= 1,
                Event::Eof => return Err(self.truncated("iati-activities")),
                _ => {}
            }
            self.reader.get_mut().mark();
        };
        self.reader.get_mut().mark();
        Ok(Some((activity_line, empty)))
    }

    /// Reads the open activity's content into the tree, up to its end tag.
    fn read_body(&mut self) -> Result<(), ImportError> {
        self.stack.clear();
        self.stack.push(0);
        // Whitespace-only text next to markup is layout; next to other text
        // (as between two entity references) it is content.
        let mut after_text = false;
        while let Some(&parent) = self.stack.last() {
            self.buf.clear();
            let line = self.reader.get_ref().line_at_mark();
            let event = match self.reader.read_event_into(&mut self.buf) {
                Ok(event) => event,
                Err(e) => return Err(self.xml_error(&e)),
            };
            let mut text_like = false;
            match event {
                Event::Start(e) => {
                    let index = Self::add_element(&mut self.tree, Some(parent), &e, line)?;
                    self.stack.push(index);
                }
                Event::Empty(e) => {
                    Self::add_element(&mut self.tree, Some(parent), &e, line)?;
                }
                Event::End(_) => {
                    self.stack.pop();
                }
                Event::Text(t) => {
                    let content = t.xml10_content();
                    if after_text || !content.trim().is_empty() {
                        self.tree.text(parent, &content);
                    }
                    text_like = true;
                }
                Event::CData(c) => {
                    self.tree.text(parent, &c);
                    text_like = true;
                }
                Event::GeneralRef(r) => {
                    self.tree.text(parent, &resolve(&r, line)?);
                    text_like = true;
                }
                Event::Eof => return Err(self.truncated("iati-activity")),
                Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
            }
            after_text = text_like;
            self.reader.get_mut().mark();
        }
        Ok(())
    }
}

/// The text of a character or predefined entity reference.
fn resolve(r: &BytesRef<'_>, line: u64) -> Result<String, ImportError> {
    let resolved = match r.resolve_char_ref() {
        Ok(Some(c)) => Some(c.to_string()),
        Ok(None) => quick_xml::escape::resolve_predefined_entity(r).map(str::to_owned),
        Err(e) => {
            return Err(ImportError::Xml {
                line,
                message: e.to_string(),
            });
        }
    };
    resolved.ok_or_else(|| ImportError::Xml {
        line,
        message: format!("undefined entity `&{};`", &**r),
    })
}

impl<R: BufRead> Iterator for Activities<R> {
    type Item = Result<ImportedActivity, ImportError>;

    fn next(&mut self) -> Option<Self::Item> {
        while self.state == State::InRoot {
            let line = match self.read_activity() {
                Ok(Some(line)) => line,
                Ok(None) => {
                    self.state = State::Done;
                    return None;
                }
                Err(e) => {
                    self.state = State::Done;
                    return Some(Err(e));
                }
            };
            self.seen += 1;
            let root = self.tree.root()?;
            let context = Context {
                options: &self.options,
                position: self.seen,
                line,
                file_language: self.root_language.as_deref(),
            };
            match activity::map(root, &context) {
                Some(imported) => return Some(Ok(imported)),
                None => self.filtered_out += 1,
            }
        }
        None
    }
}

impl<R: BufRead> std::iter::FusedIterator for Activities<R> {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_lines_through_buffer_refills() {
        let text = "a\nbb\n\nccc\n";
        // A tiny buffer forces many fill/consume rounds.
        let mut counter = LineCounter::new(io::BufReader::with_capacity(2, text.as_bytes()));
        let mut out = String::new();
        counter.read_to_string(&mut out).unwrap();
        assert_eq!(out, text);
        assert_eq!(counter.line_at(0), 1);
        assert_eq!(counter.line_at(2), 2);
        assert_eq!(counter.line_at(6), 4);
        assert_eq!(counter.line_at(100), 5);
        counter.mark();
        assert_eq!(counter.line_at_mark(), 5);
    }
}

//! Where IATI XML comes from: files, folders of files, standard input, or
//! any reader.

use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Reads in chunks this large: big enough that the reader is not the
/// bottleneck, small enough to stay out of the memory budget.
const BUFFER: usize = 1 << 16;

enum Kind {
    Path(PathBuf),
    Stdin,
    Reader(Box<dyn Read + Send>),
    /// A folder that could not be listed: reading it gives this error.
    Unlisted(io::ErrorKind, String),
}

/// One input of a [`Corpus`](super::Corpus): a file, standard input, or any
/// reader, with the name findings and errors give it.
///
/// [`Source::expand`] turns a path as a user gives it into sources: `-` is
/// standard input, a folder is every `*.xml` file inside it (recursively,
/// sorted by path, so a run is reproducible), anything else is a file.
///
/// ```
/// use ssr_model::interop::iati::Source;
///
/// let dir = std::env::temp_dir().join(format!("ssr-source-doc-{}", std::process::id()));
/// std::fs::create_dir_all(dir.join("b"))?;
/// std::fs::write(dir.join("b/two.xml"), "<iati-activities version=\"2.03\"/>")?;
/// std::fs::write(dir.join("one.XML"), "<iati-activities version=\"2.03\"/>")?;
/// std::fs::write(dir.join("notes.txt"), "not read")?;
/// let names: Vec<String> = Source::expand(&dir)
///     .iter()
///     .map(|s| s.name().strip_prefix(dir.to_str().unwrap()).unwrap().to_owned())
///     .collect();
/// assert_eq!(names, ["/b/two.xml", "/one.XML"]);
/// assert_eq!(Source::expand("-")[0].name(), "<stdin>");
/// # std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), std::io::Error>(())
/// ```
pub struct Source {
    name: String,
    kind: Kind,
}

impl fmt::Debug for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Source").field("name", &self.name).finish()
    }
}

impl Source {
    /// The file at `path` (whatever its extension).
    pub fn file(path: impl Into<PathBuf>) -> Source {
        let path = path.into();
        Source {
            name: path.display().to_string(),
            kind: Kind::Path(path),
        }
    }

    /// Standard input, named `<stdin>`.
    pub fn stdin() -> Source {
        Source {
            name: "<stdin>".to_owned(),
            kind: Kind::Stdin,
        }
    }

    /// Any reader, under `name`.
    pub fn reader(name: impl Into<String>, reader: impl Read + Send + 'static) -> Source {
        Source {
            name: name.into(),
            kind: Kind::Reader(Box::new(reader)),
        }
    }

    /// The sources a command-line path stands for: standard input for `-`,
    /// every file whose name ends in `.xml` (any case) under a folder,
    /// recursively and sorted by path, else the file itself. A folder (or
    /// subfolder) that cannot be listed becomes one source whose reading
    /// fails with the reason, so that the problem is reported with the
    /// other files' results rather than stopping them. Symbolic links to
    /// folders are not followed (they could loop).
    pub fn expand(path: impl AsRef<Path>) -> Vec<Source> {
        let path = path.as_ref();
        if path == Path::new("-") {
            return vec![Source::stdin()];
        }
        if !path.is_dir() {
            return vec![Source::file(path)];
        }
        let mut out = Vec::new();
        walk(path, &mut out);
        out.sort_by(|a, b| a.name.cmp(&b.name));
        out
    }

    /// The name used in findings and errors: the path as given, or
    /// `<stdin>`, or the name given to [`Source::reader`].
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Opens the source for reading, counting the bytes read into `bytes`
    /// when given.
    pub(super) fn open(self, bytes: Option<&AtomicU64>) -> io::Result<Counted<'_>> {
        let inner: Box<dyn BufRead + Send> = match self.kind {
            Kind::Path(path) => Box::new(BufReader::with_capacity(BUFFER, File::open(path)?)),
            Kind::Stdin => Box::new(BufReader::with_capacity(BUFFER, io::stdin())),
            Kind::Reader(reader) => Box::new(BufReader::with_capacity(BUFFER, reader)),
            Kind::Unlisted(kind, message) => return Err(io::Error::new(kind, message)),
        };
        Ok(Counted { inner, bytes })
    }
}

/// Collects the `*.xml` files under `folder`.
fn walk(folder: &Path, out: &mut Vec<Source>) {
    let entries = match std::fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(e) => {
            out.push(unlisted(folder, &e));
            return;
        }
    };
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                out.push(unlisted(folder, &e));
                continue;
            }
        };
        let path = entry.path();
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        if is_dir {
            walk(&path, out);
        } else if is_xml(&path) && path.is_file() {
            out.push(Source::file(path));
        }
    }
}

fn unlisted(folder: &Path, e: &io::Error) -> Source {
    Source {
        name: folder.display().to_string(),
        kind: Kind::Unlisted(e.kind(), format!("cannot list the folder: {e}")),
    }
}

fn is_xml(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xml"))
}

/// A reader that adds the bytes it passes on to a shared counter, for
/// progress reports.
pub(super) struct Counted<'a> {
    inner: Box<dyn BufRead + Send>,
    bytes: Option<&'a AtomicU64>,
}

impl Counted<'_> {
    fn count(&self, n: usize) {
        if let Some(bytes) = self.bytes {
            bytes.fetch_add(n as u64, Ordering::Relaxed);
        }
    }
}

impl Read for Counted<'_> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(out)?;
        self.count(n);
        Ok(n)
    }
}

impl BufRead for Counted<'_> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, amount: usize) {
        self.count(amount);
        self.inner.consume(amount);
    }
}

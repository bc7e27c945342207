//! Files that appear whole or not at all.
//!
//! A table is written to a temporary file beside its final name and renamed
//! into place only once it is complete and flushed. A full disk, an error
//! or an interrupted run therefore never leaves a half-written table under
//! a final name, and a symbolic link at the final name is replaced, never
//! followed: renaming onto a path replaces the link itself.

use std::fs::{File, OpenOptions};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

pub(super) type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// The temporary name of `path` while it is written: hidden, in the same
/// folder (so the rename stays on one file system), marked with the
/// process id so two runs never share it.
fn partial(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| "table".into(), |n| n.to_string_lossy().into_owned());
    path.with_file_name(format!(".{name}.partial-{}", std::process::id()))
}

/// Writes `path` with `write`, which gets a buffered file and returns it
/// when done: through a temporary file renamed onto `path` after the data
/// is flushed and synced, and removed if anything fails.
pub(super) fn write_file<T>(
    path: &Path,
    write: impl FnOnce(BufWriter<File>) -> Result<(BufWriter<File>, T), BoxError>,
) -> Result<T, BoxError> {
    let temporary = partial(path);
    // `create_new` refuses an existing path, a symbolic link included, so a
    // link planted at the temporary name is never followed either.
    let file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temporary)?;
    let result = write(BufWriter::new(file)).and_then(|(mut out, value)| {
        out.flush()?;
        out.get_ref().sync_all()?;
        std::fs::rename(&temporary, path)?;
        Ok(value)
    });
    if result.is_err() {
        // Best effort: the error being reported matters more than a
        // leftover temporary file, which is hidden and named as partial.
        let _ = std::fs::remove_file(&temporary);
    }
    result
}

/// Writes folder `path` with `write`, which gets an empty folder to fill:
/// through a temporary folder renamed onto `path` once `write` succeeds,
/// and removed (with whatever it holds) if anything fails. What was at
/// `path` (a folder, a file or a symbolic link, which is not followed) is
/// moved aside for the rename and then removed.
pub(super) fn write_folder<T>(
    path: &Path,
    write: impl FnOnce(&Path) -> Result<T, BoxError>,
) -> Result<T, BoxError> {
    let temporary = partial(path);
    // `create_dir` refuses an existing path, a symbolic link included.
    std::fs::create_dir(&temporary)?;
    let result = write(&temporary).and_then(|value| {
        replace(&temporary, path)?;
        Ok(value)
    });
    if result.is_err() {
        let _ = std::fs::remove_dir_all(&temporary);
    }
    result
}

/// Renames `from` onto `to`. A rename replaces a file, a link or an empty
/// folder but not a folder with files in it, so whatever is at `to` is
/// first moved aside (beside it, hidden) and removed once `from` is in
/// place; if that rename fails, it goes back.
fn replace(from: &Path, to: &Path) -> std::io::Result<()> {
    match std::fs::rename(from, to) {
        Ok(()) => return Ok(()),
        Err(_) if std::fs::symlink_metadata(to).is_ok() => {}
        Err(e) => return Err(e),
    }
    let name = to
        .file_name()
        .map_or_else(|| "table".into(), |n| n.to_string_lossy().into_owned());
    let aside = to.with_file_name(format!(".{name}.replaced-{}", std::process::id()));
    std::fs::rename(to, &aside)?;
    if let Err(e) = std::fs::rename(from, to) {
        let _ = std::fs::rename(&aside, to);
        return Err(e);
    }
    let is_folder = std::fs::symlink_metadata(&aside)?.is_dir();
    if is_folder {
        std::fs::remove_dir_all(&aside)
    } else {
        std::fs::remove_file(&aside)
    }
}

/// Writes `bytes` to `path` whole or not at all: through a temporary file
/// beside it, renamed into place once flushed and synced (so a reader never
/// sees half a file, a failed write leaves the old file as it was, and a
/// symbolic link at `path` is replaced, not followed). What the tables'
/// writers use, for any other output (an HTML report, say).
///
/// ```
/// let path = std::env::temp_dir().join(format!("ssr-model-doc-atomic-{}.txt", std::process::id()));
/// ssr_model::tables::write_atomically(&path, b"whole")?;
/// assert_eq!(std::fs::read(&path)?, b"whole");
/// # std::fs::remove_file(&path)?;
/// # Ok::<(), std::io::Error>(())
/// ```
///
/// # Errors
///
/// When the temporary file cannot be created, written or renamed.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_file(path, |mut out| {
        out.write_all(bytes)?;
        Ok((out, ()))
    })
    .map_err(|e| match e.downcast::<std::io::Error>() {
        Ok(io) => *io,
        Err(other) => std::io::Error::other(other.to_string()),
    })
}

/// The paths of `paths` that exist (as files, folders or links, broken or
/// not).
pub(super) fn existing(paths: impl IntoIterator<Item = PathBuf>) -> Vec<PathBuf> {
    paths
        .into_iter()
        .filter(|p| std::fs::symlink_metadata(p).is_ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("ssr-atomic-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn a_failed_write_leaves_nothing_under_either_name() {
        let dir = scratch("fail");
        let path = dir.join("t.csv");
        let result: Result<(), _> = write_file(&path, |mut out| {
            out.write_all(b"half a row")?;
            Err("the disk is full".into())
        });
        assert!(result.is_err());
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0);
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_success_replaces_the_file_whole() {
        let dir = scratch("ok");
        let path = dir.join("t.csv");
        std::fs::write(&path, "old").unwrap();
        write_file(&path, |mut out| {
            out.write_all(b"new")?;
            Ok((out, ()))
        })
        .unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1);
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_folder_appears_whole_and_replaces_a_full_one() {
        let dir = scratch("folder");
        let path = dir.join("t");
        std::fs::create_dir_all(path.join("year=2019")).unwrap();
        std::fs::write(path.join("year=2019/old"), "old").unwrap();
        write_folder(&path, |tmp| {
            std::fs::write(tmp.join("new"), "new")?;
            Ok(())
        })
        .unwrap();
        assert_eq!(std::fs::read_to_string(path.join("new")).unwrap(), "new");
        assert!(!path.join("year=2019").exists());
        // Nothing hidden left: only `t`.
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1);
        let failed: Result<(), _> = write_folder(&path, |tmp| {
            std::fs::write(tmp.join("half"), "half")?;
            Err("the disk is full".into())
        });
        assert!(failed.is_err());
        assert_eq!(std::fs::read_to_string(path.join("new")).unwrap(), "new");
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1);
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn a_link_at_the_final_name_is_replaced_not_followed() {
        let dir = scratch("link");
        let victim = dir.join("victim.txt");
        std::fs::write(&victim, "keep me").unwrap();
        let path = dir.join("t.csv");
        std::os::unix::fs::symlink(&victim, &path).unwrap();
        write_file(&path, |mut out| {
            out.write_all(b"table")?;
            Ok((out, ()))
        })
        .unwrap();
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me");
        assert!(
            !std::fs::symlink_metadata(&path)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "table");
        std::fs::remove_dir_all(dir).unwrap();
    }
}

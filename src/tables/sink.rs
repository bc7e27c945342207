//! Where a table file's bytes go, with a seam for the crate's tests to
//! fail a write as a full disk does.

use std::fs::File;
use std::io::{BufWriter, Write};

use super::TableName;

/// Where a table file's bytes go: the buffered temporary file. In the
/// crate's own tests it can be given a budget of bytes, past which it fails
/// as a full disk does, to check what a failed write leaves behind.
pub(super) struct Sink {
    file: BufWriter<File>,
    budget: Option<usize>,
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let Some(left) = &mut self.budget else {
            return self.file.write(buf);
        };
        if *left < buf.len() {
            return Err(std::io::Error::new(
                std::io::ErrorKind::StorageFull,
                "No space left on device",
            ));
        }
        let written = self.file.write(buf)?;
        *left = left.saturating_sub(written);
        Ok(written)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.file.flush()
    }
}

#[cfg(test)]
thread_local! {
    /// The table whose file fails as a full disk would, and after how
    /// many bytes (tests only).
    pub(super) static DISK_FULL: std::cell::Cell<Option<(TableName, usize)>> =
        const { std::cell::Cell::new(None) };
}

/// The byte budget of table `name`'s file: none outside tests.
fn budget(name: TableName) -> Option<usize> {
    #[cfg(test)]
    if let Some((full, bytes)) = DISK_FULL.get()
        && full == name
    {
        return Some(bytes);
    }
    let _ = name;
    None
}

impl Sink {
    /// The sink of table `name`'s file.
    pub(super) fn new(file: BufWriter<File>, name: TableName) -> Self {
        Sink {
            file,
            budget: budget(name),
        }
    }

    /// The buffered file.
    pub(super) fn into_inner(self) -> BufWriter<File> {
        self.file
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::DISK_FULL;
    use crate::Scorer;
    use crate::tables::{Existing, Format, Source, TableName, WriteError};

    fn files_in(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    /// A full disk while the second of three tables is written: the error
    /// names that table, nothing is left under its name nor a temporary
    /// file, the table before it stays whole, the one after it is not
    /// written, and no manifest claims the run (as `WriteError::File`
    /// documents).
    fn disk_full_in_the_second_table(format: Format) {
        let dir = std::env::temp_dir().join(format!(
            "ssr-disk-full-{}-{}",
            format.extension(),
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        let portfolio = crate::samples::portfolio();
        let scorer = Scorer::default();
        let source = Source::new(&portfolio, &scorer);
        let names = [
            TableName::Programmes,
            TableName::Indicators,
            TableName::Components,
        ];
        // An earlier run's manifest: removed first, so it claims nothing.
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("manifest.csv"), "old").unwrap();
        // 100 bytes: the indicators table fails mid-row (CSV) or at its
        // footer (Parquet keeps a row group in memory until then).
        DISK_FULL.set(Some((TableName::Indicators, 100)));
        let e = source
            .write_all(&dir, &names, format, Existing::Refuse)
            .unwrap_err();
        DISK_FULL.set(None);
        let ext = format.extension();
        let WriteError::File { file, source: why } = &e else {
            panic!("{e}")
        };
        assert_eq!(file, &dir.join(format!("indicators.{ext}")));
        let message = e.to_string();
        assert!(message.contains(&format!("indicators.{ext}")), "{message}");
        assert!(message.contains("No space left on device"), "{message}");
        assert!(why.to_string().contains("No space left"), "{why}");
        assert_eq!(files_in(&dir), [format!("programmes.{ext}")]);
        // The table before it is complete: the same run without a full disk
        // writes the same bytes.
        let first = std::fs::read(dir.join(format!("programmes.{ext}"))).unwrap();
        let again = dir.join("again");
        source
            .write_all(&again, &names[..1], format, Existing::Refuse)
            .unwrap();
        assert_eq!(
            std::fs::read(again.join(format!("programmes.{ext}"))).unwrap(),
            first
        );
        std::fs::remove_dir_all(dir).unwrap();
    }

    /// A full disk while a partitioned table is written: no folder under
    /// its name, no hidden folder left, the table before it whole.
    #[cfg(feature = "parquet")]
    #[test]
    fn a_full_disk_leaves_no_partitioned_table_under_its_name() {
        use crate::tables::Partition;
        let dir = std::env::temp_dir().join(format!("ssr-disk-full-parts-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let portfolio = crate::samples::portfolio();
        let scorer = Scorer::default();
        let names = [
            TableName::Programmes,
            TableName::Panel,
            TableName::Components,
        ];
        DISK_FULL.set(Some((TableName::Panel, 100)));
        let e = Source::new(&portfolio, &scorer)
            .write_partitioned(&dir, &names, Existing::Refuse, Partition::Year)
            .unwrap_err();
        DISK_FULL.set(None);
        assert!(
            matches!(&e, WriteError::File { file, .. } if file == &dir.join("panel")),
            "{e}"
        );
        assert!(e.to_string().contains("No space left on device"), "{e}");
        assert_eq!(files_in(&dir), ["programmes.parquet"]);
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[cfg(feature = "csv")]
    #[test]
    fn a_full_disk_leaves_no_csv_table_under_its_name() {
        disk_full_in_the_second_table(Format::Csv);
    }

    #[cfg(feature = "parquet")]
    #[test]
    fn a_full_disk_leaves_no_parquet_table_under_its_name() {
        disk_full_in_the_second_table(Format::Parquet);
    }
}

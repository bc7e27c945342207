//! A one-line progress display on standard error, shown only when standard
//! error is a terminal (never in pipes, files or tests).

use std::io::{IsTerminal, Write};
use std::time::Instant;

use ssr_model::interop::iati::Progress;

/// The progress line of a multi-file import.
pub(crate) struct Bar {
    started: Instant,
    shown: bool,
    enabled: bool,
}

impl Bar {
    /// A bar that draws when standard error is a terminal.
    pub(crate) fn on_stderr() -> Self {
        Bar {
            started: Instant::now(),
            shown: false,
            enabled: std::io::stderr().is_terminal(),
        }
    }

    /// Redraws the line: files done, activities read, megabytes per second.
    pub(crate) fn show(&mut self, p: Progress) {
        if !self.enabled {
            return;
        }
        let seconds = self.started.elapsed().as_secs_f64();
        let mb = p.bytes as f64 / 1e6;
        let rate = if seconds > 0.0 { mb / seconds } else { 0.0 };
        let width = 20;
        let filled = (p.files_done * width).checked_div(p.files).unwrap_or(0);
        let bar: String = (0..width)
            .map(|i| if i < filled { '#' } else { '-' })
            .collect();
        let mut err = std::io::stderr().lock();
        let _ = write!(
            err,
            "\r\x1b[K[{bar}] {}/{} files, {} activities, {mb:.1} MB, {rate:.1} MB/s",
            p.files_done, p.files, p.activities
        );
        let _ = err.flush();
        self.shown = true;
    }

    /// Removes the line, so that what follows starts on a clean line.
    pub(crate) fn clear(&mut self) {
        if self.shown {
            let _ = write!(std::io::stderr().lock(), "\r\x1b[K");
            self.shown = false;
        }
    }
}

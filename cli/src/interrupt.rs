//! Ctrl-C during a long write: the first SIGINT (or SIGTERM) raises a flag
//! the library's table writers look at between tables and batches, so they
//! abandon the table being written and remove its temporary file; a second
//! signal ends the program at once. Unix only: elsewhere the flag is never
//! raised and a signal ends the program as before (a table still appears
//! whole or not at all, its temporary file left hidden).

use std::sync::Arc;
use std::sync::atomic::AtomicBool;

/// The exit code of a run stopped by a signal: 128 + SIGINT, as shells
/// report it.
pub(crate) const INTERRUPTED: u8 = 130;

/// A flag raised by the first SIGINT or SIGTERM from now on.
pub(crate) fn stop_flag() -> Arc<AtomicBool> {
    let flag = Arc::new(AtomicBool::new(false));
    #[cfg(unix)]
    for signal in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
        // The shutdown goes first so that it sees the flag as the previous
        // signal left it: raised, the second signal exits. When either
        // cannot be registered the signal keeps its default (ending the
        // program), which is what it did before.
        let _ = signal_hook::flag::register_conditional_shutdown(
            signal,
            i32::from(INTERRUPTED),
            Arc::clone(&flag),
        );
        let _ = signal_hook::flag::register(signal, Arc::clone(&flag));
    }
    flag
}

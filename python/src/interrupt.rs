//! Long calls that Ctrl-C interrupts.
//!
//! A call into the library runs on a thread of its own while the calling
//! thread, without the interpreter's lock, waits for it and checks for
//! signals every tenth of a second, so `KeyboardInterrupt` reaches Python
//! promptly however long the computation. The computation cannot be
//! stopped midway: abandoned, it runs on to its end in the background and
//! its result is dropped.

use std::sync::mpsc::{RecvTimeoutError, sync_channel};
use std::time::Duration;

use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;

/// How often the waiting thread looks for a signal.
const CHECK_EVERY: Duration = Duration::from_millis(100);

/// Runs `work` on its own thread and returns its result, or the error of a
/// signal handler (`KeyboardInterrupt` for Ctrl-C) as soon as one fires.
pub(crate) fn interruptible<T: Send + 'static>(
    py: Python<'_>,
    work: impl FnOnce() -> T + Send + 'static,
) -> PyResult<T> {
    let (send, receive) = sync_channel(1);
    std::thread::Builder::new()
        .name("ssr-model".into())
        .spawn(move || {
            // The receiver is gone only when the call was interrupted.
            let _ = send.send(work());
        })
        .map_err(|e| PyRuntimeError::new_err(format!("cannot start a thread: {e}")))?;
    let mut receive = receive;
    loop {
        // The receiver goes to the wait without the interpreter's lock and
        // comes back with what it received.
        let (received, back) = py.detach(move || (receive.recv_timeout(CHECK_EVERY), receive));
        receive = back;
        match received {
            Ok(value) => return Ok(value),
            Err(RecvTimeoutError::Timeout) => py.check_signals()?,
            Err(RecvTimeoutError::Disconnected) => {
                return Err(PyRuntimeError::new_err(
                    "the computation stopped on an internal error (a panic); please report it",
                ));
            }
        }
    }
}

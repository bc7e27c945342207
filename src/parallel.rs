//! The crate's one way of using several cores: an ordered parallel map.
//!
//! The IATI corpus reader (one item per file), the Monte Carlo engine (one
//! item per chunk of replications) and the rank statistics (one item per
//! block of programmes) all hand out items from one queue to a few threads,
//! each thread with state of its own, and take the results back in item
//! order on the calling thread. The order of results never depends on the
//! number of threads or on timing.

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::sync::mpsc;
use std::time::Duration;

/// What to do on the calling thread while waiting for results: `tick` at
/// least every `every`.
pub(crate) struct Ticker<'a> {
    pub(crate) every: Duration,
    pub(crate) tick: &'a mut dyn FnMut(),
}

/// Runs `work` on every item of `items` on up to `threads` threads (at
/// least one; one runs on the calling thread). Each thread builds its state
/// once with `init` and keeps it across items. Results reach `deliver` on
/// the calling thread in item order, an item finished early waiting for
/// those before it; a thread waits while `threads` results are undelivered,
/// so results in flight stay few whatever the speed of `deliver`. Returns
/// the threads' final states, in no particular order. A panic in `work` is
/// resumed on the calling thread.
pub(crate) fn ordered_map<I, R, S>(
    items: I,
    threads: usize,
    init: impl Fn() -> S + Sync,
    work: impl Fn(&mut S, I::Item) -> R + Sync,
    mut deliver: impl FnMut(R),
    mut ticker: Option<Ticker<'_>>,
) -> Vec<S>
where
    I: Iterator + Send,
    I::Item: Send,
    R: Send,
    S: Send,
{
    if threads <= 1 {
        let mut state = init();
        for item in items {
            deliver(work(&mut state, item));
            if let Some(t) = ticker.as_mut() {
                (t.tick)();
            }
        }
        return vec![state];
    }
    let queue = Mutex::new(items.enumerate());
    std::thread::scope(|scope| {
        // Bounded: a thread that gets ahead of the calling thread waits,
        // so results in flight stay a few per thread.
        let (send, receive) = mpsc::sync_channel::<(usize, R)>(threads);
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                let send = send.clone();
                let (queue, init, work) = (&queue, &init, &work);
                scope.spawn(move || {
                    let mut state = init();
                    // The lock is held only to take the next item; a
                    // poisoned lock means another thread panicked, and its
                    // panic is resumed below.
                    while let Some((n, item)) = queue.lock().ok().and_then(|mut q| q.next()) {
                        if send.send((n, work(&mut state, item))).is_err() {
                            break;
                        }
                    }
                    state
                })
            })
            .collect();
        drop(send);
        let mut waiting = BTreeMap::new();
        let mut next = 0;
        loop {
            let arrived = match ticker.as_mut() {
                Some(t) => match receive.recv_timeout(t.every) {
                    Ok(r) => Some(r),
                    Err(mpsc::RecvTimeoutError::Timeout) => None,
                    Err(mpsc::RecvTimeoutError::Disconnected) => break,
                },
                None => match receive.recv() {
                    Ok(r) => Some(r),
                    Err(mpsc::RecvError) => break,
                },
            };
            if let Some((n, result)) = arrived {
                waiting.insert(n, result);
                while let Some(result) = waiting.remove(&next) {
                    deliver(result);
                    next += 1;
                }
            }
            if let Some(t) = ticker.as_mut() {
                (t.tick)();
            }
        }
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_arrive_in_item_order_for_any_thread_count() {
        for threads in [1, 2, 3, 8] {
            let mut seen = Vec::new();
            // Later items finish first: the order must still hold.
            let states = ordered_map(
                (0..50u64).rev(),
                threads,
                || 0u64,
                |count, x| {
                    std::thread::sleep(Duration::from_micros(x * 10));
                    *count += 1;
                    x * 2
                },
                |r| seen.push(r),
                None,
            );
            let expected: Vec<u64> = (0..50u64).rev().map(|x| x * 2).collect();
            assert_eq!(seen, expected, "{threads} threads");
            // Every item ran once, in one of the threads.
            assert_eq!(states.iter().sum::<u64>(), 50);
            assert!(states.len() <= threads.max(1));
        }
    }

    #[test]
    fn the_ticker_runs_on_the_calling_thread() {
        let mut ticks = 0;
        let mut tick = || ticks += 1;
        let mut total = 0;
        ordered_map(
            0..4,
            2,
            || (),
            |(), x| x,
            |x| total += x,
            Some(Ticker {
                every: Duration::from_millis(1),
                tick: &mut tick,
            }),
        );
        assert_eq!(total, 6);
        assert!(ticks >= 1);
    }

    #[test]
    #[should_panic(expected = "item 3")]
    fn a_panic_in_work_reaches_the_caller() {
        ordered_map(
            0..8,
            2,
            || (),
            |(), x| assert!(x != 3, "item 3"),
            |()| {},
            None,
        );
    }
}

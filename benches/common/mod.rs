//! Side-by-side timing for the benches' ratio lines: criterion measures
//! each function on its own; these lines time two functions interleaved
//! (A, B, A, B, …) in the same run, so both see the same machine load,
//! and print both figures and their ratio.

#![allow(dead_code)] // each bench uses part of it

use std::time::{Duration, Instant};

/// Best and median of `rounds` timings of `f`.
#[derive(Debug, Clone, Copy)]
pub struct Timing {
    pub best: Duration,
    pub median: Duration,
}

impl Timing {
    pub fn of(mut samples: Vec<Duration>) -> Timing {
        samples.sort();
        Timing {
            best: samples.first().copied().unwrap_or_default(),
            median: samples.get(samples.len() / 2).copied().unwrap_or_default(),
        }
    }
}

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// Times `a` and `b` interleaved, `rounds` times each.
pub fn interleaved(rounds: usize, mut a: impl FnMut(), mut b: impl FnMut()) -> (Timing, Timing) {
    let (mut ta, mut tb) = (Vec::new(), Vec::new());
    for _ in 0..rounds {
        let t = Instant::now();
        a();
        ta.push(t.elapsed());
        let t = Instant::now();
        b();
        tb.push(t.elapsed());
    }
    (Timing::of(ta), Timing::of(tb))
}

/// Prints a ratio line: `what: A best/median vs B best/median, ratio`.
pub fn print_ratio(what: &str, a_name: &str, a: Timing, b_name: &str, b: Timing, target: &str) {
    println!(
        "RATIO {what}: {a_name} best {:.4} ms median {:.4} ms | {b_name} best {:.4} ms median {:.4} ms | \
         {a_name}/{b_name} = {:.3} (best) {:.3} (median) | target {target}",
        ms(a.best),
        ms(a.median),
        ms(b.best),
        ms(b.median),
        a.best.as_secs_f64() / b.best.as_secs_f64(),
        a.median.as_secs_f64() / b.median.as_secs_f64(),
    );
}

/// This process's CPU time (user + system) so far, from `/proc/self/stat`
/// (Linux; `None` elsewhere), in seconds at 100 ticks per second.
pub fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name, which ends at the last ')'.
    let rest = stat.get(stat.rfind(')')? + 2..)?;
    let mut fields = rest.split(' ').skip(11);
    let user: f64 = fields.next()?.parse().ok()?;
    let system: f64 = fields.next()?.parse().ok()?;
    Some((user + system) / 100.0)
}

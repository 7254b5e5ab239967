//! Latency of a repeated call, for the benchmarks: p50, p95 and max in ms.

use std::time::{Duration, Instant};

/// Calls `f(round)` a few times to warm caches, then `rounds` times timed;
/// returns (p50, p95, max) in milliseconds.
pub fn measure(rounds: usize, mut f: impl FnMut(usize)) -> (f64, f64, f64) {
    for i in 0..rounds.clamp(1, 20) {
        f(i);
    }
    let mut times: Vec<Duration> = (0..rounds)
        .map(|i| {
            let start = Instant::now();
            f(i);
            start.elapsed()
        })
        .collect();
    times.sort();
    let at = |p: f64| times[((times.len() - 1) as f64 * p).round() as usize].as_secs_f64() * 1e3;
    (at(0.5), at(0.95), at(1.0))
}

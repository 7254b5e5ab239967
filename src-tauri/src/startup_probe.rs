//! Start-up milestones for the start-up benchmark.
//!
//! With `WARDBOOK_STARTUP_PROBE` set, each milestone prints
//! `wardbook-probe <milestone> <ms since start>` on stdout, so the benchmark
//! can say where the time goes; otherwise marking costs one atomic load.

use std::sync::OnceLock;
use std::time::Instant;

static START: OnceLock<Option<Instant>> = OnceLock::new();

/// Starts the clock; the first call decides whether probing is on.
pub fn begin() {
    START.get_or_init(|| std::env::var_os("WARDBOOK_STARTUP_PROBE").map(|_| Instant::now()));
}

pub fn mark(milestone: &str) {
    if let Some(Some(start)) = START.get() {
        println!(
            "wardbook-probe {milestone} {:.1}",
            start.elapsed().as_secs_f64() * 1000.0
        );
    }
}

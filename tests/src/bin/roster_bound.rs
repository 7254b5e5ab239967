//! `roster-bound FILE SECONDS UPPER`: the proven lower bound alone on one
//! Curtois-format instance, given SECONDS and aimed at UPPER (a roster's
//! cost, e.g. the best known or one roster-bench found), without a search:
//! prints the quick bound, the bound and its gap to UPPER, and the time it
//! took. For working on the bound without a minute's search each time.

use std::process::ExitCode;
use std::time::{Duration, Instant};
use wardbook::solver::{curtois, gap_percent, lower_bound_within, quick_bound};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(file), Some(seconds), Some(upper)) = (
        args.first(),
        args.get(1).and_then(|s| s.parse::<f64>().ok()),
        args.get(2).and_then(|s| s.parse::<u64>().ok()),
    ) else {
        eprintln!("usage: roster-bound FILE SECONDS UPPER");
        return ExitCode::FAILURE;
    };
    let model = match std::fs::read_to_string(file)
        .map_err(|e| e.to_string())
        .and_then(|t| curtois::parse(&t).map_err(|e| e.to_string()))
    {
        Ok(model) => model,
        Err(e) => {
            eprintln!("roster-bound: {file}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let quick = quick_bound(&model);
    let began = Instant::now();
    let bound = lower_bound_within(&model, Duration::from_secs_f64(seconds), upper);
    let took = began.elapsed().as_secs_f64();
    println!(
        "{file}: quick {quick} ({:.1} %), bound {bound} ({:.1} %) against {upper}, {took:.1} s",
        gap_percent(quick, upper),
        gap_percent(bound, upper)
    );
    ExitCode::SUCCESS
}

//! `roster-bench FILE… --seconds N --seeds K --out DIR` (run by
//! `cargo xtask roster-bench`): solves Curtois benchmark instances on one
//! thread each, scores every result with the independent scorer, writes the
//! best roster of each instance to DIR/<instance>.txt and prints a table
//! against the best-known values (from `best_known.csv` beside the files).

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;
use wardbook::solver::{curtois, score, solve, Options};

const USAGE: &str = "usage: roster-bench FILE... --seconds N --seeds K --out DIR";

struct Args {
    files: Vec<PathBuf>,
    seconds: f64,
    seeds: u64,
    out: PathBuf,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        files: Vec::new(),
        seconds: 10.0,
        seeds: 1,
        out: PathBuf::from("target/roster-bench"),
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--seconds" => {
                args.seconds = value("--seconds")?
                    .parse()
                    .map_err(|_| "--seconds takes a number")?
            }
            "--seeds" => {
                args.seeds = value("--seeds")?
                    .parse()
                    .map_err(|_| "--seeds takes a whole number")?
            }
            "--out" => args.out = PathBuf::from(value("--out")?),
            "-h" | "--help" => return Err(String::new()),
            other if other.starts_with("--") => return Err(format!("unknown option {other}")),
            file => args.files.push(PathBuf::from(file)),
        }
    }
    if args.files.is_empty() || args.seeds == 0 || args.seconds <= 0.0 {
        return Err("give at least one file, one seed and a positive time".into());
    }
    Ok(args)
}

/// The `best_known` column of `best_known.csv` beside `file`, if any.
fn best_known(file: &Path, name: &str) -> Option<u64> {
    let csv = std::fs::read_to_string(file.with_file_name("best_known.csv")).ok()?;
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next()?.split(',').collect();
    let column = header.iter().position(|h| h.trim() == "best_known")?;
    lines
        .map(|l| l.split(',').collect::<Vec<_>>())
        .find(|f| f.first().map(|s| s.trim()) == Some(name))
        .and_then(|f| f.get(column)?.trim().parse().ok())
}

fn run(args: &Args) -> Result<bool, String> {
    std::fs::create_dir_all(&args.out)
        .map_err(|e| format!("create {}: {e}", args.out.display()))?;
    println!(
        "{} s per run, {} seed(s), one thread; penalties scored by the independent scorer\n",
        args.seconds, args.seeds
    );
    println!(
        "{:<12} {:>10} {:>10} {:>10} {:>8} {:>6}  each seed (cover + requests)",
        "instance", "best-known", "median", "best", "gap %", "hard"
    );
    let mut all_feasible = true;
    for file in &args.files {
        let name = file
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text =
            std::fs::read_to_string(file).map_err(|e| format!("read {}: {e}", file.display()))?;
        let model = curtois::parse(&text).map_err(|e| format!("{}: {e}", file.display()))?;
        let mut runs = Vec::new();
        let mut each = Vec::new();
        for seed in 1..=args.seeds {
            let options = Options {
                time_limit: Duration::from_secs_f64(args.seconds),
                seed,
            };
            let outcome = solve(&model, &options).map_err(|e| format!("{name}: {e}"))?;
            let scored = score(&model, &outcome.roster);
            if scored.penalty() != outcome.penalty {
                eprintln!(
                    "{name} seed {seed}: the search counted {} but the scorer {}",
                    outcome.penalty,
                    scored.penalty()
                );
            }
            each.push(format!(
                "{} ({}+{})",
                scored.penalty(),
                scored.cover_penalty,
                scored.request_penalty
            ));
            runs.push((scored.violations.len(), scored.penalty(), outcome.roster));
        }
        runs.sort_by_key(|r| (r.0, r.1));
        let hard = runs.iter().map(|r| r.0).max().unwrap_or(0);
        all_feasible &= hard == 0;
        let mut penalties: Vec<u64> = runs.iter().map(|r| r.1).collect();
        penalties.sort_unstable();
        let n = penalties.len();
        let median = (penalties[(n - 1) / 2] + penalties[n / 2]) as f64 / 2.0;
        let (_, best, roster) = &runs[0];
        let target = args.out.join(format!("{name}.txt"));
        std::fs::write(&target, roster.to_text(&model))
            .map_err(|e| format!("write {}: {e}", target.display()))?;
        let known = best_known(file, &name);
        let gap = known
            .filter(|&k| k > 0)
            .map(|k| format!("{:.2}", (median - k as f64) * 100.0 / k as f64))
            .unwrap_or_else(|| "-".into());
        let known = known.map_or_else(|| "-".into(), |k| k.to_string());
        // Every seed's penalty, in seed order, shows the spread behind the
        // median; its split, whether a gap is people short or wishes unmet.
        println!(
            "{name:<12} {known:>10} {median:>10.1} {best:>10} {gap:>8} {hard:>6}  {}",
            each.join(" ")
        );
    }
    println!("\nbest rosters written to {}", args.out.display());
    Ok(all_feasible)
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) => args,
        Err(message) => {
            if !message.is_empty() {
                eprintln!("roster-bench: {message}");
            }
            eprintln!("{USAGE}");
            return ExitCode::FAILURE;
        }
    };
    match run(&args) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => {
            eprintln!("roster-bench: some rosters break hard rules");
            ExitCode::FAILURE
        }
        Err(message) => {
            eprintln!("roster-bench: {message}");
            ExitCode::FAILURE
        }
    }
}

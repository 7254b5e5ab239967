//! `roster-bench FILE… --seconds N --seeds K [--threads T] --out DIR` (run
//! by `cargo xtask roster-bench`): solves Curtois benchmark instances (one
//! thread each unless `--threads`; T searches with seeds derived from each
//! seed, the cheapest kept), scores every result with the independent scorer, writes the
//! best roster of each instance to DIR/<instance>.txt and prints a table
//! against the best-known values (from `best_known.csv` beside the files),
//! with the proven lower bound ([`wardbook::solver::lower_bound_within`],
//! given a tenth of `--seconds` after the search and aimed at the best
//! roster's cost) and how far the best roster is at most from the best
//! possible (`proven %`); beside them the quick bound alone
//! ([`wardbook::solver::quick_bound`]) and its gap, for comparison.
//!
//! `roster-bench --generated N [--weeks W --staff S --types T --seconds X]`
//! instead runs issue #23's check on N generated instances with a witness
//! (up to W weeks, S people, T shift types; `--seconds` per instance) and
//! N small free ones tried exhaustively, and lists every failure. `--seed K`
//! checks only seed K and writes its instance to `--out`, to replay a failure.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;
use std::time::Instant;
use wardbook::solver::{
    curtois, gap_percent, lower_bound_within, quick_bound, score, solve_threads, Options,
};
use wardbook_tests::curtois_check;
use wardbook_tests::curtois_witness::{self, Size};

const USAGE: &str =
    "usage: roster-bench FILE... --seconds N --seeds K [--threads T] --out DIR\n       \
roster-bench --generated N [--weeks W] [--staff S] [--types T] [--seconds X] [--seed K]";

struct Args {
    files: Vec<PathBuf>,
    seconds: f64,
    seeds: u64,
    /// Searches run at once per solve (`--threads`; 1 by default, for
    /// comparison with the published single-thread figures).
    threads: usize,
    out: PathBuf,
    generated: Option<u64>,
    /// Only this seed of the generated ones (its instance is written to `out`).
    seed: Option<u64>,
    size: Size,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        files: Vec::new(),
        seconds: 10.0,
        seeds: 1,
        threads: 1,
        out: PathBuf::from("target/roster-bench"),
        generated: None,
        seed: None,
        size: Size {
            max_weeks: 52,
            max_staff: 20,
            max_shifts: 8,
        },
    };
    let whole = |text: String, name: &str| {
        text.parse::<usize>()
            .ok()
            .filter(|&n| n > 0)
            .ok_or(format!("{name} takes a positive whole number"))
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
            "--threads" => args.threads = whole(value("--threads")?, "--threads")?,
            "--out" => args.out = PathBuf::from(value("--out")?),
            "--generated" => {
                args.generated = Some(whole(value("--generated")?, "--generated")? as u64)
            }
            "--seed" => args.seed = Some(whole(value("--seed")?, "--seed")? as u64),
            "--weeks" => args.size.max_weeks = whole(value("--weeks")?, "--weeks")?,
            "--staff" => args.size.max_staff = whole(value("--staff")?, "--staff")?,
            "--types" => args.size.max_shifts = whole(value("--types")?, "--types")?,
            "-h" | "--help" => return Err(String::new()),
            other if other.starts_with("--") => return Err(format!("unknown option {other}")),
            file => args.files.push(PathBuf::from(file)),
        }
    }
    if args.generated.is_some() {
        return Ok(args);
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
        "{} s per run, {} seed(s), {} thread(s); penalties scored by the independent scorer\n",
        args.seconds, args.seeds, args.threads
    );
    println!(
        "{:<12} {:>10} {:>10} {:>10} {:>8} {:>6} {:>8} {:>9} {:>8} {:>8} {:>6}  each seed (cover + requests)",
        "instance", "best-known", "median", "best", "gap %", "hard", "bound", "proven %", "quick", "quick %", "b. s"
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
            let outcome = solve_threads(&model, &options, args.threads, &mut |_| true)
                .map_err(|e| format!("{name}: {e}"))?;
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
        // A cost no roster can go below: the best roster is at most this
        // far above the best possible.
        let began = Instant::now();
        let bound = lower_bound_within(&model, Duration::from_secs_f64(args.seconds / 10.0), *best);
        let took = began.elapsed().as_secs_f64();
        let proven = gap_percent(bound, *best);
        let quick = quick_bound(&model);
        let quick_gap = gap_percent(quick, *best);
        println!(
            "{name:<12} {known:>10} {median:>10.1} {best:>10} {gap:>8} {hard:>6} {bound:>8} {proven:>9.1} {quick:>8} {quick_gap:>8.1} {took:>6.1}  {}",
            each.join(" ")
        );
    }
    println!("\nbest rosters written to {}", args.out.display());
    Ok(all_feasible)
}

/// Issue #23's check on `n` witnessed and `n` tiny instances.
fn generated(args: &Args, n: u64) -> Result<bool, String> {
    let limit = Duration::from_secs_f64(args.seconds);
    let size = args.size;
    println!(
        "{n} witnessed instances (up to {} weeks, {} staff, {} shift types, {} s each) \
         and {n} tiny ones tried exhaustively",
        size.max_weeks, size.max_staff, size.max_shifts, args.seconds
    );
    let started = Instant::now();
    let mut failures = Vec::new();
    let mut over_time = 0;
    let (mut largest, mut cells) = ((0, 0, 0), 0usize);
    let seeds = match args.seed {
        Some(seed) => {
            std::fs::create_dir_all(&args.out)
                .map_err(|e| format!("create {}: {e}", args.out.display()))?;
            let target = args.out.join(format!("generated-{seed}.txt"));
            std::fs::write(&target, curtois_witness::witnessed(size, seed).text)
                .map_err(|e| format!("write {}: {e}", target.display()))?;
            println!("seed {seed} written to {}", target.display());
            seed..=seed
        }
        None => 1..=n,
    };
    for seed in seeds.clone() {
        let began = Instant::now();
        let checked = curtois_check::witnessed(size, seed, limit);
        // A solve over its limit is worth knowing about too.
        let took = began.elapsed();
        if took > limit + Duration::from_secs(1) {
            let phases = checked.as_ref().map_or(String::new(), |c| {
                let each: Vec<String> = c
                    .timing
                    .phases
                    .iter()
                    .map(|(p, at)| format!("{p} {:.2}", at.as_secs_f64()))
                    .collect();
                format!(" (phases ended at: {})", each.join(", "))
            });
            println!(
                "  seed {seed}: {:.1} s for a {} s limit{phases}",
                took.as_secs_f64(),
                args.seconds
            );
            over_time += 1;
        }
        match checked {
            Ok(c) => {
                cells += c.days * c.staff;
                largest = largest.max((c.days, c.staff, c.shifts));
            }
            Err(failure) => {
                println!("  {failure}");
                failures.push(failure);
            }
        }
    }
    let witnessed_failures = failures.len();
    let n = seeds.clone().count();
    let (mut solved, mut impossible) = (0, 0);
    for seed in seeds.clone() {
        match curtois_check::tiny(seed, Duration::from_millis(20)) {
            Ok(true) => solved += 1,
            Ok(false) => impossible += 1,
            Err(failure) => {
                println!("  {failure}");
                failures.push(failure);
            }
        }
    }
    println!(
        "witnessed: {n} checked, {witnessed_failures} failed, {over_time} over the limit + 1 s \
         ({cells} person-days; longest {} days)",
        largest.0
    );
    println!(
        "tiny: {solved} solved, {impossible} rightly declared impossible, {} failed",
        failures.len() - witnessed_failures
    );
    println!("{:.1} s in all", started.elapsed().as_secs_f64());
    Ok(failures.is_empty())
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
    let result = match args.generated {
        Some(n) => generated(&args, n),
        None => run(&args),
    };
    match result {
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

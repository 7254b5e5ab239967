//! `cargo xtask bench`: Wardbook against a blank Tauri window (cold start to an
//! interactive screen, memory of all processes), then the Rust benchmarks and
//! the Dashboard's opening-to-painted time in the real window.
//!
//! The window opens on the Dashboard; the start-up measure keeps meaning "cold
//! start to the interactive staff list" by starting the app with
//! `--open staff`. Cold start to the painted Dashboard is reported beside it.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, ExitCode, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::setup::{self, Need};
use crate::util::{self, Ctx, Result};
use crate::{build, procs, xvfb};

/// Starts of each app, after one discarded warm-up.
const RUNS: usize = 7;
/// How long an app stays open, ready, before its memory is read.
const SETTLE: Duration = Duration::from_secs(2);
const START_TIMEOUT: Duration = Duration::from_secs(60);

const START_TARGET: f64 = 1.3;
const MEMORY_TARGET: f64 = 1.25;

struct Sample {
    start_ms: f64,
    pss_mb: f64,
}

pub fn bench(ctx: &Ctx, args: &[String]) -> Result<ExitCode> {
    let startup_only = match args {
        [] => false,
        [a] if a == "startup" => true,
        _ => {
            return Err(format!(
                "unknown arguments {args:?}: `bench` or `bench startup`"
            ))
        }
    };
    let tools = setup::setup(ctx, Need::WebDriver)?;
    build::ui(ctx)?;
    let wardbook = build::app(ctx, "wardbook", true)?;
    let blank = build::app(ctx, "blank-window", true)?;

    util::heading("bench: start-up and memory");
    let (display, _xvfb) = xvfb::display()?;
    let data = ctx.target().join("bench/wardbook-data");
    let data_arg = data.display().to_string();
    let wardbook_args = ["--data-dir", data_arg.as_str(), "--open", "staff"];
    let dashboard_args = ["--data-dir", data_arg.as_str()];
    // A fresh sample every run: the sample grows with the app (schedules, budget…).
    if data.exists() {
        std::fs::remove_dir_all(&data).map_err(|e| format!("remove {}: {e}", data.display()))?;
    }
    std::fs::create_dir_all(&data).map_err(|e| format!("create {}: {e}", data.display()))?;
    println!("preparing the sample department in {}", data.display());
    launch(
        &wardbook,
        &["--data-dir", &data_arg, "--sample"],
        &display,
        "wardbook-ready",
    )?;

    let mut w: Vec<Sample> = Vec::new();
    let mut b: Vec<Sample> = Vec::new();
    let mut d: Vec<f64> = Vec::new();
    // One warm-up each (discarded), then alternate so that all see the same machine state.
    launch(&wardbook, &wardbook_args, &display, "wardbook-ready staff")?;
    launch(&blank, &[], &display, "blank-ready")?;
    for i in 0..RUNS {
        let sw = launch(&wardbook, &wardbook_args, &display, "wardbook-ready staff")?;
        let sb = launch(&blank, &[], &display, "blank-ready")?;
        let sd = launch(
            &wardbook,
            &dashboard_args,
            &display,
            "wardbook-ready dashboard",
        )?;
        println!(
            "  run {}/{RUNS}: wardbook {:.0} ms, {:.0} MB   blank {:.0} ms, {:.0} MB   dashboard {:.0} ms",
            i + 1,
            sw.start_ms,
            sw.pss_mb,
            sb.start_ms,
            sb.pss_mb,
            sd.start_ms
        );
        w.push(sw);
        b.push(sb);
        d.push(sd.start_ms);
    }

    let (bench_ok, paint_ok) = if startup_only {
        (true, true)
    } else {
        (
            cargo_benches(ctx),
            dashboard_paint(ctx, &tools, &wardbook, &display),
        )
    };

    print_table(&display, &w, &b, &d);
    if !bench_ok {
        println!("  cargo bench -p wardbook-tests FAILED");
    }
    if !paint_ok {
        println!("  the Dashboard paint benchmark FAILED");
    }
    Ok(if bench_ok && paint_ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// The Rust benchmarks of the tests crate (command latencies and the rest).
fn cargo_benches(ctx: &Ctx) -> bool {
    util::heading("bench: cargo bench -p wardbook-tests");
    match util::run_tee(&mut ctx.cargo(&["bench", "-p", "wardbook-tests"])) {
        Ok((ok, text, _)) => {
            if text.contains("no bench target") || !text.contains("Running") {
                println!("(wardbook-tests has no benchmark yet: no command-latency figures)");
            }
            ok
        }
        Err(e) => {
            eprintln!("{e}");
            false
        }
    }
}

/// The start-up and memory table: Wardbook (`w`) against the blank window (`b`).
fn print_table(display: &str, w: &[Sample], b: &[Sample], d: &[f64]) {
    let ws: Vec<f64> = w.iter().map(|s| s.start_ms).collect();
    let bs: Vec<f64> = b.iter().map(|s| s.start_ms).collect();
    let wm: Vec<f64> = w.iter().map(|s| s.pss_mb).collect();
    let bm: Vec<f64> = b.iter().map(|s| s.pss_mb).collect();
    let start_ratio = median(&ws) / median(&bs);
    let mem_ratio = median(&wm) / median(&bm);

    println!("\n==> bench results ({RUNS} runs each, under DISPLAY={display})");
    println!(
        "  {:<38} {:>10} {:>10} {:>8} {:>8}",
        "measure", "wardbook", "blank", "ratio", "target"
    );
    let verdict = |ratio: f64, target: f64| if ratio <= target { "ok" } else { "OVER" };
    println!(
        "  {:<38} {:>10.0} {:>10.0}",
        "cold start to ready, median (ms)",
        median(&ws),
        median(&bs)
    );
    println!(
        "  {:<38} {:>10.0} {:>10.0}",
        "cold start to ready, p90 (ms)",
        p90(&ws),
        p90(&bs)
    );
    println!(
        "  {:<38} {:>10.0}",
        "cold start to the Dashboard, median",
        median(d)
    );
    println!(
        "  {:<38} {:>10} {:>10} {:>8.2} {:>8}  {}",
        "cold start ratio (medians)",
        "",
        "",
        start_ratio,
        format!("≤ {START_TARGET}"),
        verdict(start_ratio, START_TARGET)
    );
    println!(
        "  {:<38} {:>10.1} {:>10.1}",
        "memory, PSS of all processes (MB)",
        median(&wm),
        median(&bm)
    );
    println!(
        "  {:<38} {:>10} {:>10} {:>8.2} {:>8}  {}",
        "memory ratio (medians)",
        "",
        "",
        mem_ratio,
        format!("≤ {MEMORY_TARGET}"),
        verdict(mem_ratio, MEMORY_TARGET)
    );
}

/// `tests/e2e/benches/dashboard_paint.rs` on the release app: clicking the
/// Dashboard to its painted figures, in the real window through WebDriver.
fn dashboard_paint(ctx: &Ctx, tools: &setup::Tools, app: &Path, display: &str) -> bool {
    let mut cmd = ctx.cargo(&["bench", "-p", "wardbook-e2e", "--bench", "dashboard_paint"]);
    cmd.env("WARDBOOK_APP", app)
        .env("DISPLAY", display)
        .env_remove("WEBKIT_DISABLE_DMABUF_RENDERER")
        .env("NO_AT_BRIDGE", "1");
    if let Some(p) = &tools.tauri_driver {
        cmd.env("TAURI_DRIVER", p);
    }
    if let Some(p) = &tools.webkit_webdriver {
        cmd.env("WEBKIT_WEBDRIVER", p);
    }
    match util::run_tee(&mut cmd) {
        Ok((ok, _, _)) => ok,
        Err(e) => {
            eprintln!("{e}");
            false
        }
    }
}

/// Starts `bin`, times spawn → the `ready` line, waits SETTLE, reads the PSS
/// of the app and all its descendants, and ends its process group.
fn launch(bin: &Path, args: &[&str], display: &str, ready: &str) -> Result<Sample> {
    use std::os::unix::process::CommandExt;
    let started = Instant::now();
    let mut child = Command::new(bin)
        .args(args)
        .env("DISPLAY", display)
        .env("WARDBOOK_STARTUP_PROBE", "1")
        .env("NO_AT_BRIDGE", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .process_group(0)
        .spawn()
        .map_err(|e| format!("could not start {}: {e}", bin.display()))?;
    let pid = child.id();
    let stdout = child.stdout.take().expect("piped");
    let (tx, rx) = mpsc::channel();
    let wanted = ready.to_string();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(|l| l.ok()) {
            if line.trim().starts_with(&wanted) {
                let _ = tx.send(line);
            }
        }
    });
    let result = match rx.recv_timeout(START_TIMEOUT) {
        Ok(_) => {
            let start_ms = started.elapsed().as_secs_f64() * 1000.0;
            std::thread::sleep(SETTLE);
            let tree = procs::tree(pid);
            let kb: u64 = tree.iter().filter_map(|p| procs::pss_kb(*p)).sum();
            if std::env::var_os("XTASK_BENCH_VERBOSE").is_some() {
                for p in &tree {
                    println!(
                        "    {p} {} {} kB",
                        procs::name(*p),
                        procs::pss_kb(*p).unwrap_or(0)
                    );
                }
            }
            Ok(Sample {
                start_ms,
                pss_mb: kb as f64 / 1024.0,
            })
        }
        Err(_) => Err(format!(
            "{} printed no `{ready}` line within {START_TIMEOUT:?}",
            bin.display()
        )),
    };
    // End everything it started (its WebKit processes are in its process group).
    procs::kill_group(pid, libc::SIGTERM);
    let deadline = Instant::now() + Duration::from_secs(3);
    while Instant::now() < deadline && !matches!(child.try_wait(), Ok(Some(_))) {
        std::thread::sleep(Duration::from_millis(20));
    }
    procs::kill_group(pid, libc::SIGKILL);
    let _ = child.wait();
    result
}

fn sorted(v: &[f64]) -> Vec<f64> {
    let mut v = v.to_vec();
    v.sort_by(|a, b| a.total_cmp(b));
    v
}

fn median(v: &[f64]) -> f64 {
    let s = sorted(v);
    let n = s.len();
    if n == 0 {
        return f64::NAN;
    }
    if n % 2 == 1 {
        s[n / 2]
    } else {
        (s[n / 2 - 1] + s[n / 2]) / 2.0
    }
}

/// The 90th percentile (nearest rank).
fn p90(v: &[f64]) -> f64 {
    let s = sorted(v);
    if s.is_empty() {
        return f64::NAN;
    }
    let rank = ((0.9 * s.len() as f64).ceil() as usize).clamp(1, s.len());
    s[rank - 1]
}

//! `cargo xtask test`: every check and test, in order, with a summary.

use std::process::ExitCode;

use crate::setup::{self, Need};
use crate::util::{self, Ctx, Result};
use crate::{build, xvfb};

/// Test counts parsed from a runner's output.
#[derive(Default, Clone, Copy, Debug, PartialEq, Eq)]
pub struct Counts {
    pub passed: u64,
    pub failed: u64,
    pub skipped: u64,
}

impl std::ops::AddAssign for Counts {
    fn add_assign(&mut self, o: Counts) {
        self.passed += o.passed;
        self.failed += o.failed;
        self.skipped += o.skipped;
    }
}

/// Sums cargo test's `test result: … N passed; N failed; N ignored; …` lines.
pub fn parse_cargo_test(text: &str) -> Option<Counts> {
    let mut total: Option<Counts> = None;
    for line in text.lines() {
        let Some(rest) = line.trim().strip_prefix("test result: ") else {
            continue;
        };
        let mut c = Counts::default();
        for part in rest.split(';') {
            let words: Vec<&str> = part.split_whitespace().collect();
            let n = |i: usize| {
                words
                    .get(i)
                    .and_then(|w| w.parse::<u64>().ok())
                    .unwrap_or(0)
            };
            match words.as_slice() {
                [.., _, "passed"] => c.passed += n(words.len() - 2),
                [_, "failed"] => c.failed += n(0),
                [_, "ignored"] => c.skipped += n(0),
                _ => {}
            }
        }
        *total.get_or_insert_with(Counts::default) += c;
    }
    total
}

/// Reads Vitest's ` Tests  2 failed | 40 passed | 1 skipped (43)` line.
pub fn parse_vitest(text: &str) -> Option<Counts> {
    let line = text
        .lines()
        .map(str::trim)
        .rfind(|l| l.starts_with("Tests "))?;
    let body = line.trim_start_matches("Tests").split('(').next()?;
    let mut c = Counts::default();
    for part in body.split('|') {
        let words: Vec<&str> = part.split_whitespace().collect();
        if let [n, what] = words.as_slice() {
            let n: u64 = n.parse().ok()?;
            match *what {
                "passed" => c.passed += n,
                "failed" => c.failed += n,
                "skipped" | "todo" => c.skipped += n,
                _ => {}
            }
        }
    }
    Some(c)
}

enum Outcome {
    Passed,
    Failed(String),
    NotRun(String),
}

struct Step {
    name: &'static str,
    outcome: Outcome,
    counts: Option<Counts>,
    seconds: f64,
}

pub fn test(ctx: &Ctx) -> Result<ExitCode> {
    let started = std::time::Instant::now();
    let tools = setup::setup(ctx, Need::WebDriver)?;
    let mut steps: Vec<Step> = Vec::new();

    // A step that only has to exit 0.
    let plain = |steps: &mut Vec<Step>, name: &'static str, cmd: &mut std::process::Command| {
        util::heading(name);
        let step = match util::run_tee(cmd) {
            Ok((ok, _, secs)) => Step {
                name,
                outcome: if ok {
                    Outcome::Passed
                } else {
                    Outcome::Failed("exit status non-zero".into())
                },
                counts: None,
                seconds: secs,
            },
            Err(e) => Step {
                name,
                outcome: Outcome::Failed(e),
                counts: None,
                seconds: 0.0,
            },
        };
        let ok = matches!(step.outcome, Outcome::Passed);
        steps.push(step);
        ok
    };

    plain(
        &mut steps,
        "cargo fmt --check",
        &mut ctx.cargo(&["fmt", "--all", "--check"]),
    );
    plain(
        &mut steps,
        "UI type check (svelte-check)",
        &mut ctx.npm(&["run", "check"]),
    );

    // Vitest.
    util::heading("UI unit tests (vitest)");
    steps.push(counted(
        "UI unit tests (vitest)",
        util::run_tee(
            ctx.npm(&["test"])
                .env("NO_COLOR", "1")
                .env("FORCE_COLOR", "0"),
        ),
        parse_vitest,
    ));

    let ui_built = plain(&mut steps, "UI build", &mut ctx.npm(&["run", "build"]));

    // After the UI build: the app's crate embeds ui/dist when it compiles.
    plain(
        &mut steps,
        "cargo clippy",
        &mut ctx.cargo(&[
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]),
    );

    // Rust unit and integration tests (every member but the end-to-end crate).
    // --no-fail-fast: one failing test binary must not hide the others' results.
    util::heading("Rust tests");
    steps.push(counted(
        "Rust tests",
        util::run_tee(&mut ctx.cargo(&[
            "test",
            "--workspace",
            "--exclude",
            "wardbook-e2e",
            "--no-fail-fast",
        ])),
        parse_cargo_test,
    ));

    // End-to-end tests of the real window.
    steps.push(e2e(ctx, &tools, ui_built));

    // Summary.
    let mut total = Counts::default();
    let mut failures = 0;
    println!(
        "\n==> summary ({:.0} s in all)",
        started.elapsed().as_secs_f64()
    );
    for s in &steps {
        let (mark, detail) = match &s.outcome {
            Outcome::Passed => ("ok    ", String::new()),
            Outcome::Failed(why) => ("FAILED", format!(" — {why}")),
            Outcome::NotRun(why) => ("NOT RUN", format!(" — {why}")),
        };
        let counts = match s.counts {
            Some(c) => format!(
                " ({} passed, {} failed, {} skipped)",
                c.passed, c.failed, c.skipped
            ),
            None => String::new(),
        };
        println!(
            "  {mark} {:<32} {:>6.1} s{counts}{detail}",
            s.name, s.seconds
        );
        if let Some(c) = s.counts {
            total += c;
        }
        if !matches!(s.outcome, Outcome::Passed) {
            failures += 1;
            // A failed step that counted no failing test still counts as one failure.
            if s.counts.is_none_or(|c| c.failed == 0) {
                total.failed += 1;
            }
        }
    }
    if failures > 0 {
        println!("{failures} step(s) did not pass");
    }
    let skipped = if total.skipped > 0 {
        format!(", {} skipped", total.skipped)
    } else {
        String::new()
    };
    println!("{} passed, {} failed{skipped}", total.passed, total.failed);
    Ok(if failures == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn counted(
    name: &'static str,
    result: Result<(bool, String, f64)>,
    parse: fn(&str) -> Option<Counts>,
) -> Step {
    match result {
        Err(e) => Step {
            name,
            outcome: Outcome::Failed(e),
            counts: None,
            seconds: 0.0,
        },
        Ok((ok, text, seconds)) => {
            let counts = parse(&text);
            let outcome = match (ok, counts) {
                (false, _) => Outcome::Failed("exit status non-zero".into()),
                (true, None) => Outcome::Failed("no test summary in the output".into()),
                (true, Some(c)) if c.passed == 0 => Outcome::Failed("ran no test".into()),
                (true, Some(c)) if c.failed > 0 => Outcome::Failed(format!("{} failed", c.failed)),
                (true, Some(_)) => Outcome::Passed,
            };
            Step {
                name,
                outcome,
                counts,
                seconds,
            }
        }
    }
}

fn e2e(ctx: &Ctx, tools: &setup::Tools, ui_built: bool) -> Step {
    const NAME: &str = "end-to-end tests (real window)";
    if !ui_built {
        return Step {
            name: NAME,
            outcome: Outcome::NotRun("the UI did not build".into()),
            counts: None,
            seconds: 0.0,
        };
    }
    let start = std::time::Instant::now();
    let app = match build::app(ctx, "wardbook", false) {
        Ok(app) => app,
        Err(e) => {
            return Step {
                name: NAME,
                outcome: Outcome::NotRun(format!("the app did not build: {e}")),
                counts: None,
                seconds: start.elapsed().as_secs_f64(),
            }
        }
    };
    util::heading(NAME);
    let (display, _xvfb) = match xvfb::display() {
        Ok(d) => d,
        Err(e) => {
            return Step {
                name: NAME,
                outcome: Outcome::NotRun(e),
                counts: None,
                seconds: start.elapsed().as_secs_f64(),
            }
        }
    };
    let mut cmd = ctx.cargo(&[
        "test",
        "-p",
        "wardbook-e2e",
        "--no-fail-fast",
        "--",
        "--test-threads=1",
    ]);
    cmd.env("WARDBOOK_APP", &app)
        .env("DISPLAY", &display)
        // No WEBKIT_DISABLE_DMABUF_RENDERER here: with it, WebKitGTK 2.50's
        // WebDriver never answers a screenshot request (the window does paint without it).
        .env_remove("WEBKIT_DISABLE_DMABUF_RENDERER")
        .env("NO_AT_BRIDGE", "1");
    if let Some(p) = &tools.tauri_driver {
        cmd.env("TAURI_DRIVER", p);
    }
    if let Some(p) = &tools.webkit_webdriver {
        cmd.env("WEBKIT_WEBDRIVER", p);
    }
    let mut step = counted(NAME, util::run_tee(&mut cmd), parse_cargo_test);
    step.seconds = start.elapsed().as_secs_f64();
    step
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cargo_test_lines_are_summed() {
        let text = "test result: ok. 12 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.01s\n\
                    test result: FAILED. 3 passed; 2 failed; 0 ignored; 0 measured; 0 filtered out; finished in 1.2s\n";
        assert_eq!(
            parse_cargo_test(text),
            Some(Counts {
                passed: 15,
                failed: 2,
                skipped: 1
            })
        );
        assert_eq!(parse_cargo_test("nothing here"), None);
    }

    #[test]
    fn vitest_lines_are_read() {
        assert_eq!(
            parse_vitest(" Test Files  3 passed (3)\n      Tests  40 passed (40)\n"),
            Some(Counts {
                passed: 40,
                failed: 0,
                skipped: 0
            })
        );
        assert_eq!(
            parse_vitest("      Tests  2 failed | 40 passed | 1 skipped (43)\n"),
            Some(Counts {
                passed: 40,
                failed: 2,
                skipped: 1
            })
        );
    }
}

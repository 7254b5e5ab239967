//! The project's commands, run with `cargo xtask <command>`:
//!
//! - `run [-- APP ARGS]`: set up, build (release) and open Wardbook;
//! - `test`: set up, then every check and test, ending with a count;
//! - `bench`: start-up time and memory against a blank Tauri window, then `cargo bench`;
//! - `bindings`: regenerate ui/src/lib/bindings.ts (types and command
//!   signatures) and src-tauri/capabilities/default.json from the Rust code;
//! - `bundle`: build the `.deb` installer;
//! - `roster-bench FILE… --seconds N --seeds K --out DIR`: the automatic
//!   scheduler on Curtois benchmark instances.
//!
//! Plain std Rust (plus libc for process groups), so that it builds in seconds.

mod bench;
mod build;
mod procs;
mod roster_bench;
mod setup;
mod test;
mod util;
mod xvfb;

use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <command>

commands:
  run [-- ARGS]   install what is missing, build the release app and open it (ARGS go to the app)
  test            install what is missing, then formatting, lints, UI checks and tests,
                  Rust tests and the end-to-end tests of the real window
  bench [startup] start-up time and memory against a blank Tauri window, then cargo bench
                  and the Dashboard paint (`startup`: the first part only)
  bindings        regenerate ui/src/lib/bindings.ts and the capability from the Rust code
  bundle          build the .deb installer
  roster-bench FILE... --seconds N --seeds K --out DIR
                  solve Curtois rostering instances, score them and compare with the best known";

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let command = args.next().unwrap_or_default();
    let rest: Vec<String> = args.collect();
    let ctx = util::Ctx::new();
    let result = match command.as_str() {
        "run" => build::run(&ctx, &rest),
        "test" => test::test(&ctx),
        "bench" => bench::bench(&ctx, &rest),
        "bindings" => build::bindings(&ctx),
        "bundle" => build::bundle(&ctx),
        "roster-bench" => roster_bench::roster_bench(&ctx, &rest),
        "" | "help" | "-h" | "--help" => {
            println!("{USAGE}");
            return if command.is_empty() {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            };
        }
        other => {
            eprintln!("xtask: unknown command {other:?}\n\n{USAGE}");
            return ExitCode::FAILURE;
        }
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("\nxtask {command}: {message}");
            ExitCode::FAILURE
        }
    }
}

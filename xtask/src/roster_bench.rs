//! `cargo xtask roster-bench FILE… --seconds N --seeds K --out DIR`: the
//! automatic scheduler on the Curtois benchmark. The bench itself is the
//! `roster-bench` binary of `wardbook-tests` (it needs the solver, and xtask
//! stays std-only); this builds it in release and passes the arguments on,
//! from the caller's directory so that relative paths mean what they say.

use std::process::{Command, ExitCode};

use crate::util::{self, Ctx, Result};

pub fn roster_bench(ctx: &Ctx, args: &[String]) -> Result<ExitCode> {
    let manifest = ctx.root.join("Cargo.toml");
    let mut cmd = Command::new(&ctx.cargo);
    cmd.arg("run")
        .arg("--manifest-path")
        .arg(&manifest)
        .args([
            "--release",
            "-p",
            "wardbook-tests",
            "--bin",
            "roster-bench",
            "--",
        ])
        .args(args);
    util::run(&mut cmd)?;
    Ok(ExitCode::SUCCESS)
}

//! Building: the UI, the app; and the `run`, `bindings` and `bundle` commands.

use std::path::PathBuf;
use std::process::{Command, ExitCode};

use crate::setup::{self, Need};
use crate::util::{self, Ctx, Result};

/// `npm run build` in ui/ (produces ui/dist, which the app embeds).
pub fn ui(ctx: &Ctx) -> Result<()> {
    util::heading("build: UI (ui/dist)");
    util::run(&mut ctx.npm(&["run", "build"]))
}

/// `cargo build [--release] -p PACKAGE`; returns the binary's path.
pub fn app(ctx: &Ctx, package: &str, release: bool) -> Result<PathBuf> {
    util::heading(&format!(
        "build: {package} ({})",
        if release { "release" } else { "debug" }
    ));
    let mut args = vec!["build", "-p", package];
    if release {
        args.push("--release");
    }
    util::run(&mut ctx.cargo(&args))?;
    let bin = ctx
        .target()
        .join(if release { "release" } else { "debug" })
        .join(package);
    if !bin.is_file() {
        return Err(format!("the build left no {}", bin.display()));
    }
    Ok(bin)
}

/// `cargo xtask run [-- ARGS]`.
pub fn run(ctx: &Ctx, args: &[String]) -> Result<ExitCode> {
    let args: Vec<&String> = args.iter().skip_while(|a| a.as_str() == "--").collect();
    setup::setup(ctx, Need::Build)?;
    ui(ctx)?;
    let bin = app(ctx, "wardbook", true)?;
    util::heading(&format!("run: {}", bin.display()));
    let status = Command::new(&bin)
        .args(args)
        .status()
        .map_err(|e| format!("could not start {}: {e}", bin.display()))?;
    Ok(match status.code() {
        Some(0) => ExitCode::SUCCESS,
        Some(code) => ExitCode::from(code.clamp(1, 255) as u8),
        None => ExitCode::FAILURE,
    })
}

/// `cargo xtask bindings`: the bindings test, told by the variable to write
/// ui/src/lib/bindings.ts rather than compare it. (It is not an ignored
/// test: `--ignored` here ran nothing and left the file stale.)
pub fn bindings(ctx: &Ctx) -> Result<ExitCode> {
    util::heading("bindings: regenerate ui/src/lib/bindings.ts and the window's capability");
    util::run(
        ctx.cargo(&[
            "test",
            "-p",
            "wardbook",
            "--lib",
            // committed_bindings_… and committed_capability_…: both rewrite their file.
            "bindings::tests::committed_",
        ])
        .env("WARDBOOK_WRITE_BINDINGS", "1"),
    )?;
    Ok(ExitCode::SUCCESS)
}

/// `cargo xtask bundle`: the `.deb` installer through the Tauri CLI.
pub fn bundle(ctx: &Ctx) -> Result<ExitCode> {
    setup::setup(ctx, Need::Build)?;
    ui(ctx)?;
    util::heading("bundle: .deb");
    let cli = ctx.ui().join("node_modules/.bin/tauri");
    util::run(
        Command::new(&cli)
            .args(["build", "--bundles", "deb"])
            .current_dir(&ctx.root)
            // There are two tauri.conf.json (the app's and the blank window's): name the app's.
            .env("TAURI_APP_PATH", ctx.root.join("src-tauri"))
            .env("TAURI_FRONTEND_PATH", ctx.ui()),
    )?;
    let dir = ctx.target().join("release/bundle/deb");
    let debs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map_err(|e| format!("no {}: {e}", dir.display()))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "deb"))
        .collect();
    if debs.is_empty() {
        return Err(format!("no .deb in {}", dir.display()));
    }
    for deb in debs {
        println!("installer: {}", deb.display());
    }
    Ok(ExitCode::SUCCESS)
}

//! Installs what building, running and testing need, when it is missing:
//! Debian packages (with apt when root), tauri-driver, and the UI's npm packages.

use std::path::PathBuf;
use std::process::Command;

use crate::util::{self, Ctx, Result};

/// Libraries the app builds against.
const BUILD_PACKAGES: &[&str] = &[
    "pkg-config",
    "libwebkit2gtk-4.1-dev",
    "libgtk-3-dev",
    "libayatana-appindicator3-dev",
    "librsvg2-dev",
    "libsoup-3.0-dev",
    // SQLCipher (encryption at rest) links the system's libcrypto.
    "libssl-dev",
];

/// What the end-to-end tests and benchmarks need besides: the native WebDriver and a virtual display.
// strace: the no-network test traces the app's connect() calls; sqlite3: the
// encryption tests check that the plain sqlite3 shell cannot read the file.
const WINDOW_TEST_PACKAGES: &[&str] = &["webkit2gtk-driver", "xvfb", "xauth", "strace", "sqlite3"];

/// What a command needs.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// Build and run the app.
    Build,
    /// Also drive a real window under Xvfb through tauri-driver (end-to-end
    /// tests, benchmarks).
    WebDriver,
}

/// Tools found or installed by setup.
pub struct Tools {
    pub tauri_driver: Option<PathBuf>,
    pub webkit_webdriver: Option<PathBuf>,
}

pub fn setup(ctx: &Ctx, need: Need) -> Result<Tools> {
    util::heading("setup: system packages");
    let mut packages: Vec<&str> = BUILD_PACKAGES.to_vec();
    if need != Need::Build {
        packages.extend_from_slice(WINDOW_TEST_PACKAGES);
    }
    system_packages(&packages)?;

    util::heading("setup: UI packages (npm ci when needed)");
    npm_ci(ctx)?;

    let mut tools = Tools {
        tauri_driver: None,
        webkit_webdriver: None,
    };
    if need == Need::WebDriver {
        util::heading("setup: tauri-driver and WebKitWebDriver");
        tools.tauri_driver = Some(tauri_driver(ctx)?);
        let native = util::which("WebKitWebDriver", &[]).ok_or(
            "WebKitWebDriver is not on PATH: install Debian's webkit2gtk-driver package"
                .to_string(),
        )?;
        println!("WebKitWebDriver: {}", native.display());
        tools.webkit_webdriver = Some(native);
    }
    Ok(tools)
}

fn system_packages(packages: &[&str]) -> Result<()> {
    if !cfg!(target_os = "linux") {
        println!(
            "Not Linux: install the platform's Tauri prerequisites yourself (https://v2.tauri.app/start/prerequisites/).\n\
             On Windows: WebView2 and the MSVC build tools; on macOS: the Xcode command-line tools. \
             The end-to-end tests run on Linux only."
        );
        return Ok(());
    }
    if util::which("dpkg-query", &[]).is_none() {
        println!(
            "No dpkg here (not Debian/Ubuntu): make sure the equivalents of these packages are installed:\n  {}",
            packages.join(" ")
        );
        return Ok(());
    }
    let missing: Vec<&str> = packages
        .iter()
        .copied()
        .filter(|p| !dpkg_installed(p))
        .collect();
    if missing.is_empty() {
        println!("all {} system packages are installed", packages.len());
        return Ok(());
    }
    println!("missing system packages: {}", missing.join(" "));
    let install = format!(
        "apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends {}",
        missing.join(" ")
    );
    if !util::is_root() {
        return Err(format!("not root, so not installing them. Run:\n  sudo sh -c '{install}'\nthen run this command again"));
    }
    util::run(
        Command::new("apt-get")
            .arg("update")
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )?;
    util::run(
        Command::new("apt-get")
            .args(["install", "-y", "--no-install-recommends"])
            .args(&missing)
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )?;
    let still: Vec<&str> = missing
        .iter()
        .copied()
        .filter(|p| !dpkg_installed(p))
        .collect();
    if !still.is_empty() {
        return Err(format!(
            "still missing after apt-get install: {}",
            still.join(" ")
        ));
    }
    Ok(())
}

fn dpkg_installed(package: &str) -> bool {
    Command::new("dpkg-query")
        .args(["-W", "-f=${Status}", package])
        .output()
        .map(|o| {
            o.status.success()
                && String::from_utf8_lossy(&o.stdout).contains("install ok installed")
        })
        .unwrap_or(false)
}

/// `npm ci` in ui/ when node_modules is missing or older than the lock file.
pub fn npm_ci(ctx: &Ctx) -> Result<()> {
    if util::which("npm", &[]).is_none() {
        return Err("npm is not on PATH: install Node.js 20 or newer (with npm), then run this command again".into());
    }
    let ui = ctx.ui();
    let installed = util::mtime(&ui.join("node_modules/.package-lock.json"));
    let wanted = [
        util::mtime(&ui.join("package-lock.json")),
        util::mtime(&ui.join("package.json")),
    ]
    .into_iter()
    .flatten()
    .max();
    match (installed, wanted) {
        (Some(i), Some(w)) if i >= w => {
            println!("ui/node_modules is up to date with package-lock.json");
            Ok(())
        }
        _ => util::run(&mut ctx.npm(&["ci", "--no-audit", "--no-fund"])),
    }
}

/// tauri-driver on PATH or in ~/.cargo/bin, else `cargo install` it.
fn tauri_driver(ctx: &Ctx) -> Result<PathBuf> {
    let extra = [util::cargo_bin()];
    if let Some(path) = util::which("tauri-driver", &extra) {
        println!("tauri-driver: {}", path.display());
        return Ok(path);
    }
    println!("tauri-driver is missing: installing it from crates.io");
    util::run(&mut ctx.cargo(&["install", "tauri-driver", "--locked", "--version", "^2"]))?;
    util::which("tauri-driver", &extra)
        .ok_or_else(|| "tauri-driver is still not found after cargo install".into())
}

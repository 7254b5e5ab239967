//! Running commands: echoing them, teeing their output, finding programs.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Instant;

pub type Result<T> = std::result::Result<T, String>;

/// Where things are.
pub struct Ctx {
    /// The repository root (the workspace).
    pub root: PathBuf,
    /// The cargo that runs us.
    pub cargo: PathBuf,
}

impl Ctx {
    pub fn new() -> Ctx {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .expect("xtask lives in the workspace")
            .to_path_buf();
        let cargo = std::env::var_os("CARGO")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from("cargo"));
        Ctx { root, cargo }
    }

    pub fn ui(&self) -> PathBuf {
        self.root.join("ui")
    }

    pub fn target(&self) -> PathBuf {
        std::env::var_os("CARGO_TARGET_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| self.root.join("target"))
    }

    /// `cargo ARGS` in the repository root.
    pub fn cargo(&self, args: &[&str]) -> Command {
        let mut c = Command::new(&self.cargo);
        c.args(args).current_dir(&self.root);
        c
    }

    /// `npm ARGS` in ui/.
    pub fn npm(&self, args: &[&str]) -> Command {
        let mut c = Command::new("npm");
        c.args(args).current_dir(self.ui());
        c
    }
}

/// A heading for a step.
pub fn heading(text: &str) {
    println!("\n==> {text}");
    let _ = std::io::stdout().flush();
}

fn describe(cmd: &Command) -> String {
    let mut s = cmd.get_program().to_string_lossy().into_owned();
    for a in cmd.get_args() {
        let a = a.to_string_lossy();
        if a.contains(' ') || a.is_empty() {
            s.push_str(&format!(" '{a}'"));
        } else {
            s.push(' ');
            s.push_str(&a);
        }
    }
    s
}

/// Runs a command with inherited output; Ok when it exits 0.
pub fn run(cmd: &mut Command) -> Result<()> {
    println!("$ {}", describe(cmd));
    let _ = std::io::stdout().flush();
    let status = cmd
        .status()
        .map_err(|e| format!("could not start `{}`: {e}", describe(cmd)))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{}` failed ({status})", describe(cmd)))
    }
}

/// Runs a command, passing its output through while keeping a copy (both
/// streams, ANSI colour codes removed). Returns whether it exited 0, the text,
/// and the seconds it took.
pub fn run_tee(cmd: &mut Command) -> Result<(bool, String, f64)> {
    println!("$ {}", describe(cmd));
    let _ = std::io::stdout().flush();
    let start = Instant::now();
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("could not start `{}`: {e}", describe(cmd)))?;
    let text = Arc::new(Mutex::new(String::new()));
    let mut threads = Vec::new();
    let out: Box<dyn Read + Send> = Box::new(child.stdout.take().expect("piped"));
    let err: Box<dyn Read + Send> = Box::new(child.stderr.take().expect("piped"));
    for (stream, is_err) in [(out, false), (err, true)] {
        let text = Arc::clone(&text);
        threads.push(std::thread::spawn(move || {
            let mut reader = BufReader::new(stream);
            let mut line = Vec::new();
            while reader
                .read_until(b'\n', &mut line)
                .map(|n| n > 0)
                .unwrap_or(false)
            {
                let s = String::from_utf8_lossy(&line).into_owned();
                if is_err {
                    let _ = std::io::stderr().write_all(s.as_bytes());
                } else {
                    let mut o = std::io::stdout().lock();
                    let _ = o.write_all(s.as_bytes());
                    let _ = o.flush();
                }
                if let Ok(mut t) = text.lock() {
                    t.push_str(&strip_ansi(&s));
                }
                line.clear();
            }
        }));
    }
    let status = child.wait().map_err(|e| e.to_string())?;
    for t in threads {
        let _ = t.join();
    }
    let text = text.lock().map(|t| t.clone()).unwrap_or_default();
    Ok((status.success(), text, start.elapsed().as_secs_f64()))
}

/// Removes ANSI escape sequences.
pub fn strip_ansi(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            if chars.peek() == Some(&'[') {
                chars.next();
                for c in chars.by_ref() {
                    if ('@'..='~').contains(&c) {
                        break;
                    }
                }
            }
            continue;
        }
        out.push(c);
    }
    out
}

/// A program on PATH, or in one of `extra` folders.
pub fn which(name: &str, extra: &[PathBuf]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .chain(extra.iter().cloned())
        .map(|d| d.join(name))
        .find(|p| is_executable(p))
}

fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    path.metadata()
        .map(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
        .unwrap_or(false)
}

/// ~/.cargo/bin (or $CARGO_HOME/bin).
pub fn cargo_bin() -> PathBuf {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from("/root/.cargo"))
        .join("bin")
}

pub fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions.
    unsafe { libc::geteuid() == 0 }
}

pub fn mtime(path: &Path) -> Option<std::time::SystemTime> {
    path.metadata().and_then(|m| m.modified()).ok()
}

//! Starting `tauri-driver` on free ports and cleaning up after it.

use std::io::Read;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A running tauri-driver. Dropping it kills its whole process group: the
/// driver, WebKitWebDriver, the app and the app's WebKit processes.
pub struct Driver {
    child: Child,
    port: u16,
    log: Arc<Mutex<String>>,
}

/// Finds an executable: `env_var` if set, else `name` on PATH, else in `extra` folders.
pub fn find_executable(env_var: &str, name: &str, extra: &[PathBuf]) -> Option<PathBuf> {
    if let Some(path) = std::env::var_os(env_var).filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(path));
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .chain(extra.iter().cloned())
        .map(|dir| dir.join(name))
        .find(|candidate| is_executable(candidate))
}

fn is_executable(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        path.metadata()
            .map(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
            .unwrap_or(false)
    }
    #[cfg(not(unix))]
    {
        path.is_file()
    }
}

fn free_port() -> u16 {
    TcpListener::bind(("127.0.0.1", 0))
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("no free local port")
}

impl Driver {
    /// Starts tauri-driver on a free port and waits until it listens.
    pub fn start() -> Driver {
        let cargo_bin = std::env::var_os("CARGO_HOME")
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
            .map(|d| d.join("bin"))
            .into_iter()
            .collect::<Vec<_>>();
        let tauri_driver = find_executable("TAURI_DRIVER", "tauri-driver", &cargo_bin).unwrap_or_else(|| {
            panic!("tauri-driver not found (PATH, ~/.cargo/bin or TAURI_DRIVER): `cargo install tauri-driver --locked --version ^2`, or run `cargo xtask test`")
        });
        let native = find_executable("WEBKIT_WEBDRIVER", "WebKitWebDriver", &[]).unwrap_or_else(|| {
            panic!("WebKitWebDriver not found (PATH or WEBKIT_WEBDRIVER): install Debian's webkit2gtk-driver, or run `cargo xtask test`")
        });
        let port = free_port();
        let mut native_port = free_port();
        while native_port == port {
            native_port = free_port();
        }
        let mut command = Command::new(&tauri_driver);
        command
            .arg("--port")
            .arg(port.to_string())
            .arg("--native-port")
            .arg(native_port.to_string())
            .arg("--native-driver")
            .arg(&native)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        #[cfg(unix)]
        {
            use std::os::unix::process::CommandExt;
            // Its own process group, so that Drop can end everything it started.
            command.process_group(0);
        }
        let mut child = command
            .spawn()
            .unwrap_or_else(|e| panic!("could not start {}: {e}", tauri_driver.display()));
        let log = Arc::new(Mutex::new(String::new()));
        for stream in [
            child
                .stdout
                .take()
                .map(|s| Box::new(s) as Box<dyn Read + Send>),
            child
                .stderr
                .take()
                .map(|s| Box::new(s) as Box<dyn Read + Send>),
        ]
        .into_iter()
        .flatten()
        {
            let log = Arc::clone(&log);
            std::thread::spawn(move || collect(stream, log));
        }
        let mut driver = Driver { child, port, log };
        let deadline = Instant::now() + Duration::from_secs(10);
        // Both must listen: tauri-driver forwards the new-session request to
        // WebKitWebDriver, and under load the latter can be a moment later.
        loop {
            if TcpStream::connect(("127.0.0.1", port)).is_ok()
                && TcpStream::connect(("127.0.0.1", native_port)).is_ok()
            {
                break;
            }
            if let Ok(Some(status)) = driver.child.try_wait() {
                panic!(
                    "tauri-driver exited with {status} before listening\n{}",
                    driver.log_tail()
                );
            }
            if Instant::now() >= deadline {
                panic!(
                    "tauri-driver (port {port}) and WebKitWebDriver (port {native_port}) did not both listen within 10 s\n{}",
                    driver.log_tail()
                );
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        driver
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// The last lines the driver (and the app, whose output it passes on) printed.
    pub fn log_tail(&self) -> String {
        let log = self.log.lock().map(|l| l.clone()).unwrap_or_default();
        let lines: Vec<&str> = log.lines().collect();
        let start = lines.len().saturating_sub(40);
        format!(
            "--- tauri-driver output (last lines) ---\n{}",
            lines[start..].join("\n")
        )
    }
}

fn collect(mut stream: Box<dyn Read + Send>, log: Arc<Mutex<String>>) {
    let mut buf = [0u8; 4096];
    while let Ok(n) = stream.read(&mut buf) {
        if n == 0 {
            break;
        }
        if let Ok(mut log) = log.lock() {
            log.push_str(&String::from_utf8_lossy(&buf[..n]));
        }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        #[cfg(unix)]
        {
            // SAFETY: kill(2) on the process group this Driver created.
            let pgid = self.child.id() as libc::pid_t;
            unsafe {
                libc::kill(-pgid, libc::SIGTERM);
            }
            let deadline = Instant::now() + Duration::from_secs(3);
            while Instant::now() < deadline {
                if let Ok(Some(_)) = self.child.try_wait() {
                    break;
                }
                std::thread::sleep(Duration::from_millis(50));
            }
            unsafe {
                libc::kill(-pgid, libc::SIGKILL);
            }
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Process ids whose command line has `arg` as one of its arguments (Linux /proc).
pub fn processes_with_arg(arg: &str) -> impl Iterator<Item = u32> + '_ {
    std::fs::read_dir("/proc")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| entry.file_name().to_str()?.parse::<u32>().ok())
        .filter(move |pid| {
            std::fs::read(format!("/proc/{pid}/cmdline"))
                .map(|cmdline| cmdline.split(|b| *b == 0).any(|a| a == arg.as_bytes()))
                .unwrap_or(false)
        })
}

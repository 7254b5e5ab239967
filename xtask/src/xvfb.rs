//! A virtual X display for tests and benchmarks when there is no display.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::util::Result;

/// Xvfb started by us; killed when dropped.
pub struct Xvfb {
    child: Child,
    pub display: String,
}

/// The display to use: the current one, or a new Xvfb (returned so it lives as long as needed).
pub fn display() -> Result<(String, Option<Xvfb>)> {
    if let Some(d) = std::env::var_os("DISPLAY").filter(|d| !d.is_empty()) {
        let d = d.to_string_lossy().into_owned();
        println!("using the display DISPLAY={d}");
        return Ok((d, None));
    }
    let x = Xvfb::start()?;
    Ok((x.display.clone(), Some(x)))
}

impl Xvfb {
    pub fn start() -> Result<Xvfb> {
        let n = (90..400)
            .find(|n| {
                !Path::new(&format!("/tmp/.X{n}-lock")).exists()
                    && !Path::new(&format!("/tmp/.X11-unix/X{n}")).exists()
            })
            .ok_or("no free X display number in :90–:399")?;
        let display = format!(":{n}");
        let child = Command::new("Xvfb")
            .args([&display, "-screen", "0", "1280x800x24", "-nolisten", "tcp"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("could not start Xvfb (install the xvfb package): {e}"))?;
        let mut x = Xvfb { child, display };
        let socket = format!("/tmp/.X11-unix/X{n}");
        let deadline = Instant::now() + Duration::from_secs(10);
        while !Path::new(&socket).exists() {
            if let Ok(Some(status)) = x.child.try_wait() {
                return Err(format!("Xvfb {} exited at start ({status})", x.display));
            }
            if Instant::now() > deadline {
                return Err(format!("Xvfb {} did not start within 10 s", x.display));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        println!(
            "started Xvfb on DISPLAY={} (pid {})",
            x.display,
            x.child.id()
        );
        Ok(x)
    }
}

impl Drop for Xvfb {
    /// SIGTERM lets Xvfb remove its lock and socket, so the display number is
    /// free for the next run; SIGKILL only if it has not gone within 2 s.
    fn drop(&mut self) {
        // SAFETY: kill(2) on our own child's pid has no memory effects.
        unsafe { libc::kill(self.child.id() as libc::pid_t, libc::SIGTERM) };
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(2);
        while std::time::Instant::now() < deadline {
            if matches!(self.child.try_wait(), Ok(Some(_))) {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

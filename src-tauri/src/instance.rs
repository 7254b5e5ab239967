//! One Wardbook per data folder: a second start on the same folder asks the
//! running one to come to the front, then exits.
//!
//! The key is the data folder, not the app: tests and benchmarks run several
//! apps at once on different folders, and they must not see each other.
//! (tauri-plugin-single-instance keys on the app identifier through D-Bus on
//! Linux, one per user, so it cannot tell folders apart.) The first app holds
//! an OS lock on `wardbook.lock`; the OS drops it when the process ends, even
//! by a crash, so no stale lock can keep the manager out. A second start finds
//! the lock taken and leaves a `wardbook.front` request file, which the first
//! app notices within a fraction of a second. Files in the data folder only:
//! no network port, and the same on Windows, macOS and Linux.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};
use std::time::Duration;

pub const LOCK_FILE: &str = "wardbook.lock";
pub const FRONT_REQUEST: &str = "wardbook.front";
const POLL: Duration = Duration::from_millis(250);

/// The running app's hold on its data folder.
pub struct Instance {
    _lock: File,
    request: PathBuf,
}

pub enum Claim {
    /// No other app has the folder: this one goes on.
    First(Instance),
    /// Another app has it and was asked to come to the front.
    AlreadyRunning,
}

/// Takes the data folder for this app, or asks the app that has it to show itself.
pub fn claim(data_dir: &Path) -> std::io::Result<Claim> {
    std::fs::create_dir_all(data_dir)?;
    let lock = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(data_dir.join(LOCK_FILE))?;
    let request = data_dir.join(FRONT_REQUEST);
    match lock.try_lock() {
        Ok(()) => {
            // A request left by a start while no app was running is stale.
            let _ = std::fs::remove_file(&request);
            Ok(Claim::First(Instance {
                _lock: lock,
                request,
            }))
        }
        Err(TryLockError::WouldBlock) => {
            std::fs::write(&request, std::process::id().to_string())?;
            Ok(Claim::AlreadyRunning)
        }
        Err(TryLockError::Error(e)) => Err(e),
    }
}

impl Instance {
    /// True once for each request made by a second start since the last call.
    pub fn take_request(&self) -> bool {
        std::fs::remove_file(&self.request).is_ok()
    }

    /// Keeps the lock for the life of the process and calls `to_front` on each request.
    pub fn watch(self, to_front: impl Fn() + Send + 'static) {
        std::thread::Builder::new()
            .name("wardbook-instance".into())
            .spawn(move || loop {
                std::thread::sleep(POLL);
                if self.take_request() {
                    to_front();
                }
            })
            .expect("start the single-instance watcher");
    }
}

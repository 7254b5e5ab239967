//! The app's own log, `wardbook.log` in the data folder: panics and backend
//! errors (storage, damage, internal faults) with the time, so a fault in the
//! field can be diagnosed from the folder alone.
//!
//! It holds no staff data: validation and business refusals (which quote what
//! was typed) are not logged at all, and anything quoted inside a logged
//! message is blanked. It is rotated at [`MAX_BYTES`]: the current file and
//! one older (`wardbook.log.1`).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

pub const FILE: &str = "wardbook.log";
/// Size at which the log starts afresh, the older part kept as `.1`.
pub const MAX_BYTES: u64 = 512 * 1024;

/// Writes are serialised so two threads' lines never interleave.
static WRITING: Mutex<()> = Mutex::new(());
/// The log the panic hook writes to (the app's data folder).
static PANIC_LOG: OnceLock<PathBuf> = OnceLock::new();

pub fn path(data_dir: &Path) -> PathBuf {
    data_dir.join(FILE)
}

/// Replaces the text inside quotes (“…”, "…", '…', `…`) with an ellipsis:
/// messages quote names and values as typed, which the log must not keep.
pub fn scrub(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut closing: Option<char> = None;
    let mut prev = ' ';
    for c in message.chars() {
        // An apostrophe inside a word ("doesn't") opens no quote.
        let in_word = prev.is_alphanumeric();
        prev = c;
        match closing {
            Some(close) if c == close => {
                out.push('…');
                out.push(c);
                closing = None;
            }
            Some(_) => {}
            None => {
                out.push(c);
                closing = match c {
                    '“' => Some('”'),
                    '"' => Some('"'),
                    '`' => Some('`'),
                    '\'' if !in_word => Some('\''),
                    _ => None,
                };
            }
        }
    }
    if closing.is_some() {
        out.push('…');
    }
    // One entry, one line.
    out.replace(['\n', '\r'], " ")
}

/// Appends one line (`<UTC time> <kind>: <message>`) to the log at `log`,
/// rotating it first when it is full. Failing to log never fails the caller.
pub fn write(log: &Path, kind: &str, message: &str) {
    let _guard = WRITING.lock().unwrap_or_else(|p| p.into_inner());
    if std::fs::metadata(log).is_ok_and(|m| m.len() >= MAX_BYTES) {
        let mut older = log.as_os_str().to_owned();
        older.push(".1");
        let _ = std::fs::rename(log, PathBuf::from(older));
    }
    let line = format!(
        "{} {kind}: {}\n",
        chrono::Utc::now().format("%Y-%m-%dT%H:%M:%S%.3fZ"),
        scrub(message)
    );
    if let Ok(mut file) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(log)
    {
        let _ = file.write_all(line.as_bytes());
    }
}

/// The text of a panic's payload.
pub fn panic_text(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "(no message)".into())
}

/// Sends every panic of the process, with where it happened, to the log of
/// `data_dir` as well as to the terminal. Once per process.
pub fn install_panic_hook(data_dir: &Path) {
    if PANIC_LOG.set(path(data_dir)).is_err() {
        return;
    }
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if let Some(log) = PANIC_LOG.get() {
            let place = info
                .location()
                .map(|l| format!("{}:{}", l.file(), l.line()))
                .unwrap_or_default();
            write(
                log,
                "panic",
                &format!("at {place}: {}", panic_text(info.payload())),
            );
        }
        previous(info);
    }));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_input_is_blanked_and_the_rest_kept() {
        assert_eq!(
            scrub("“Ann Lee” is not a date\nat 'x'"),
            "“…” is not a date at '…'"
        );
        assert_eq!(scrub("disk full in /data"), "disk full in /data");
        assert_eq!(scrub("it doesn't open"), "it doesn't open");
        assert_eq!(scrub("unclosed \"Ann"), "unclosed \"…");
    }

    #[test]
    fn the_log_rotates_when_full_and_keeps_one_older_part() {
        let dir = tempfile::tempdir().unwrap();
        let log = path(dir.path());
        std::fs::write(&log, vec![b'x'; MAX_BYTES as usize]).unwrap();
        write(&log, "error", "after the limit");
        let current = std::fs::read_to_string(&log).unwrap();
        assert!(current.contains("error: after the limit"), "{current}");
        assert!(current.len() < 200, "a fresh file");
        let older = std::fs::metadata(dir.path().join("wardbook.log.1")).unwrap();
        assert_eq!(older.len(), MAX_BYTES);
        write(&log, "error", "below the limit");
        assert_eq!(std::fs::read_to_string(&log).unwrap().lines().count(), 2);
    }
}

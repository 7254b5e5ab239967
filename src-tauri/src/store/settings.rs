//! Storage settings: where backups go, how many are kept, and after how many
//! idle minutes the app locks.
//!
//! They live in a small plain JSON file beside the department file, not in
//! it: the app needs them before the file is unlocked (idle lock), and when
//! the file is damaged or cannot be opened at all (the backups to offer). They
//! hold no one's data: a folder path, two numbers, the number, seal and
//! time of the history's newest entry (`head`), and the department's time
//! zone.

use super::backup::{BackupPlan, DEFAULT_KEEP};
use super::faults::io_error;
use super::head::Head;
use crate::error::{AppResult, Validator};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use ts_rs::TS;

pub const FILE: &str = "wardbook-settings.json";
pub const DEFAULT_IDLE_MINUTES: u32 = 15;
const BACKUP_SUBFOLDER: &str = "backups";

/// What is stored (a folder of `None` means `<data folder>/backups`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
struct Stored {
    backup_folder: Option<PathBuf>,
    keep: u32,
    idle_lock_minutes: u32,
    /// The history's newest entry, so entries cut off its end are found.
    #[serde(skip_serializing_if = "Option::is_none")]
    history_head: Option<Head>,
    /// The department's time zone, so that a copy kept from the lock or
    /// damaged-file screen (the file unreadable) is named and listed on the
    /// department's clock like every other backup.
    #[serde(skip_serializing_if = "Option::is_none")]
    time_zone: Option<String>,
    /// Whether the department file was last given a passphrase (true) or
    /// had it removed (false), so an encrypted file is never taken for
    /// random bytes because its newest backup happens to be plain (the
    /// backup after the passphrase failed, or the older ones were kept).
    #[serde(skip_serializing_if = "Option::is_none")]
    encrypted: Option<bool>,
    /// The highest history entry number ever issued in this folder, so a
    /// restore or a noted cut never issues one of them again (`numbering`).
    #[serde(skip_serializing_if = "Option::is_none")]
    highest_entry: Option<i64>,
    /// Entry numbers the department's history skipped on purpose (those of
    /// a replaced file's entries), inclusive ranges: not counted as missing.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    skipped_entries: Vec<(i64, i64)>,
}

impl Default for Stored {
    fn default() -> Self {
        Stored {
            backup_folder: None,
            keep: DEFAULT_KEEP as u32,
            idle_lock_minutes: DEFAULT_IDLE_MINUTES,
            history_head: None,
            time_zone: None,
            encrypted: None,
            highest_entry: None,
            skipped_entries: Vec::new(),
        }
    }
}

/// One writer of the settings file at a time: the form and the history's
/// head both rewrite it, and neither may lose the other's part.
static WRITING: Mutex<()> = Mutex::new(());

/// The settings as the window sees them, with the folder resolved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct StorageSettings {
    pub backup_folder: String,
    pub default_backup_folder: String,
    pub keep: u32,
    pub idle_lock_minutes: u32,
}

/// The Settings form, as typed.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default)]
pub struct StorageSettingsInput {
    pub backup_folder: String,
    pub keep: String,
    pub idle_lock_minutes: String,
}

fn default_folder(data_dir: &Path) -> PathBuf {
    data_dir.join(BACKUP_SUBFOLDER)
}

fn read(data_dir: &Path) -> Stored {
    let path = data_dir.join(FILE);
    match std::fs::read(&path) {
        Ok(bytes) => serde_json::from_slice(&bytes).unwrap_or_else(|e| {
            eprintln!(
                "wardbook: {} is not readable ({e}); using the defaults",
                path.display()
            );
            Stored::default()
        }),
        Err(_) => Stored::default(),
    }
}

fn view(data_dir: &Path, s: &Stored) -> StorageSettings {
    let default = default_folder(data_dir);
    StorageSettings {
        backup_folder: s
            .backup_folder
            .clone()
            .unwrap_or_else(|| default.clone())
            .display()
            .to_string(),
        default_backup_folder: default.display().to_string(),
        keep: s.keep,
        idle_lock_minutes: s.idle_lock_minutes,
    }
}

pub fn load(data_dir: &Path) -> StorageSettings {
    view(data_dir, &read(data_dir))
}

/// Where backups go and how many are kept, for the data folder.
pub fn plan(data_dir: &Path) -> BackupPlan {
    let s = read(data_dir);
    BackupPlan {
        folder: s.backup_folder.unwrap_or_else(|| default_folder(data_dir)),
        keep: s.keep.max(1) as usize,
    }
}

/// Checks the form (the folder must exist or be creatable, and writable) and saves it.
pub fn save(data_dir: &Path, input: &StorageSettingsInput) -> AppResult<StorageSettings> {
    let mut v = Validator::new();
    let keep = v.take(
        "keep",
        crate::input::whole_number(&input.keep, 1, 365, "number of backups to keep"),
    );
    let idle = v.take(
        "idle_lock_minutes",
        crate::input::whole_number(&input.idle_lock_minutes, 1, 480, "idle time in minutes"),
    );
    let folder_text = input.backup_folder.trim();
    let folder = if folder_text.is_empty() {
        None
    } else {
        let p = PathBuf::from(folder_text);
        if !p.is_absolute() {
            v.fail("backup_folder", "Give the full path of the folder, e.g. D:\\Backups\\Wardbook or \\\\server\\share\\ward.");
            None
        } else {
            if let Err(e) = writable(&p) {
                v.fail("backup_folder", e);
            }
            Some(p)
        }
    };
    v.finish()?;
    let _writing = WRITING.lock().unwrap_or_else(|p| p.into_inner());
    let kept = read(data_dir);
    let stored = Stored {
        backup_folder: folder.filter(|f| *f != default_folder(data_dir)),
        keep: keep.unwrap_or(DEFAULT_KEEP as i64) as u32,
        idle_lock_minutes: idle.unwrap_or(DEFAULT_IDLE_MINUTES as i64) as u32,
        history_head: kept.history_head,
        time_zone: kept.time_zone,
        encrypted: kept.encrypted,
        highest_entry: kept.highest_entry,
        skipped_entries: kept.skipped_entries,
    };
    write(data_dir, &stored)?;
    Ok(view(data_dir, &stored))
}

fn write(data_dir: &Path, stored: &Stored) -> AppResult<()> {
    let path = data_dir.join(FILE);
    let staged = data_dir.join(format!("{FILE}.new"));
    let json = serde_json::to_vec_pretty(stored).expect("settings serialise");
    std::fs::write(&staged, json).map_err(|e| io_error("save settings in", &staged, &e))?;
    std::fs::rename(&staged, &path).map_err(|e| io_error("save settings in", &path, &e))
}

/// The history's newest entry as last recorded in `data_dir`.
pub fn history_head(data_dir: &Path) -> Option<Head> {
    read(data_dir).history_head
}

/// Records (or, with `None`, forgets) the history's newest entry.
pub fn set_history_head(data_dir: &Path, head: Option<Head>) -> AppResult<()> {
    let _writing = WRITING.lock().unwrap_or_else(|p| p.into_inner());
    let mut stored = read(data_dir);
    // The highest number is a history's own: another history (a new
    // department started in place of a damaged one, another department's
    // backup restored) starts its count afresh.
    let same_history = match (&stored.history_head, &head) {
        (Some(was), Some(now)) => was.key_id == now.key_id,
        _ => true,
    };
    if !same_history {
        stored.highest_entry = None;
        stored.skipped_entries.clear();
    }
    let highest = stored
        .highest_entry
        .max(head.as_ref().map(|h| h.entry))
        .max(
            stored
                .history_head
                .as_ref()
                .filter(|_| same_history)
                .map(|h| h.entry),
        );
    if stored.history_head == head && stored.highest_entry == highest && same_history {
        return Ok(());
    }
    stored.history_head = head;
    stored.highest_entry = highest;
    std::fs::create_dir_all(data_dir).map_err(|e| io_error("save settings in", data_dir, &e))?;
    write(data_dir, &stored)
}

/// The highest history entry number ever recorded in `data_dir` (never
/// lowered, not even by a restore).
pub fn highest_entry(data_dir: &Path) -> Option<i64> {
    let stored = read(data_dir);
    stored
        .highest_entry
        .max(stored.history_head.map(|h| h.entry))
}

/// The entry numbers skipped on purpose, as inclusive ranges.
pub fn skipped_entries(data_dir: &Path) -> Vec<(i64, i64)> {
    read(data_dir).skipped_entries
}

/// Records that the numbers `from..=to` are skipped on purpose.
pub fn add_skipped_entries(data_dir: &Path, from: i64, to: i64) -> AppResult<()> {
    let _writing = WRITING.lock().unwrap_or_else(|p| p.into_inner());
    let mut stored = read(data_dir);
    if stored.skipped_entries.contains(&(from, to)) {
        return Ok(());
    }
    stored.skipped_entries.push((from, to));
    stored.highest_entry = stored.highest_entry.max(Some(to));
    std::fs::create_dir_all(data_dir).map_err(|e| io_error("save settings in", data_dir, &e))?;
    write(data_dir, &stored)
}

/// The department's time zone as last seen in `data_dir`.
pub fn time_zone(data_dir: &Path) -> Option<String> {
    read(data_dir).time_zone
}

/// Records the department's time zone (written only when it changed).
pub fn set_time_zone(data_dir: &Path, zone: &str) -> AppResult<()> {
    let _writing = WRITING.lock().unwrap_or_else(|p| p.into_inner());
    let mut stored = read(data_dir);
    if stored.time_zone.as_deref() == Some(zone) {
        return Ok(());
    }
    stored.time_zone = Some(zone.to_string());
    std::fs::create_dir_all(data_dir).map_err(|e| io_error("save settings in", data_dir, &e))?;
    write(data_dir, &stored)
}

/// Whether the department file was last given a passphrase (`None`: not known).
pub fn encrypted(data_dir: &Path) -> Option<bool> {
    read(data_dir).encrypted
}

/// Records that the department file now has a passphrase, or no longer has one.
pub fn set_encrypted(data_dir: &Path, encrypted: bool) -> AppResult<()> {
    let _writing = WRITING.lock().unwrap_or_else(|p| p.into_inner());
    let mut stored = read(data_dir);
    if stored.encrypted == Some(encrypted) {
        return Ok(());
    }
    stored.encrypted = Some(encrypted);
    std::fs::create_dir_all(data_dir).map_err(|e| io_error("save settings in", data_dir, &e))?;
    write(data_dir, &stored)
}

/// Creates the folder if needed and proves a file can be written in it.
fn writable(folder: &Path) -> Result<(), String> {
    let probe = folder.join(".wardbook-write-test");
    std::fs::create_dir_all(folder)
        .and_then(|()| std::fs::write(&probe, b"ok"))
        .and_then(|()| std::fs::remove_file(&probe))
        .map_err(|e| io_error("write", &probe, &e).message)
}

//! Shared helpers for the cross-layer tests and benchmarks.

use rusqlite::Connection;
use std::path::{Path, PathBuf};
use wardbook::department::{DepartmentInput, OvertimeRule, UnitType};

/// A fresh data folder that is removed when dropped.
pub struct DataDir {
    dir: tempfile::TempDir,
}

impl DataDir {
    pub fn new() -> Self {
        DataDir {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn db(&self) -> PathBuf {
        wardbook::store::db_path(self.dir.path())
    }

    pub fn open(&self) -> Connection {
        wardbook::store::open(&self.db()).expect("open the department file")
    }
}

impl Default for DataDir {
    fn default() -> Self {
        Self::new()
    }
}

pub fn department_input(name: &str) -> DepartmentInput {
    DepartmentInput {
        name: name.into(),
        unit_type: UnitType::MedSurg,
        beds: "32".into(),
        time_zone: "America/Chicago".into(),
        fiscal_year_start_month: "7".into(),
        overtime_rule: OvertimeRule::Weekly40,
    }
}

pub fn day(s: &str) -> chrono::NaiveDate {
    wardbook::input::date(s).expect("a valid date")
}
pub mod big_unit;
pub mod curtois_check;
pub mod curtois_gen;
pub mod curtois_witness;
pub mod timing;

/// The current time as the store's functions take it.
pub fn now() -> chrono::NaiveDateTime {
    chrono::Local::now().naive_local()
}

/// A time on a given day, for backup names and the once-a-day rule.
pub fn at(s: &str) -> chrono::NaiveDateTime {
    chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").expect("a valid time")
}

/// A person with a recognisable name and pay rate, to look for in a file's bytes.
pub fn person(first: &str, last: &str, no: &str, rate: &str) -> wardbook::staff::StaffInput {
    use wardbook::staff::{EmploymentType, Role};
    wardbook::staff::StaffInput {
        first_name: first.into(),
        last_name: last.into(),
        employee_no: no.into(),
        role: Some(Role::Rn),
        employment_type: Some(EmploymentType::FullTime),
        fte: "0.9".into(),
        hourly_rate: rate.into(),
        hire_date: "2021-08-16".into(),
        ..Default::default()
    }
}

/// Makes a folder read-only for as long as it lives: by its permissions, or,
/// for root (whom permissions do not stop), by a read-only bind mount of it.
pub struct ReadOnlyFolder {
    path: PathBuf,
    mounted: bool,
}

impl ReadOnlyFolder {
    pub fn new(path: &Path) -> ReadOnlyFolder {
        use std::os::unix::fs::PermissionsExt;
        let probe = path.join(".probe");
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o555)).unwrap();
        let mut guard = ReadOnlyFolder {
            path: path.to_path_buf(),
            mounted: false,
        };
        if std::fs::write(&probe, b"x").is_ok() {
            let _ = std::fs::remove_file(&probe);
            let run = |args: &[&str]| {
                std::process::Command::new("mount")
                    .args(args)
                    .status()
                    .is_ok_and(|s| s.success())
            };
            let p = path.to_str().unwrap();
            guard.mounted = run(&["--bind", p, p]);
            assert!(
                guard.mounted,
                "running as root: a read-only bind mount is needed (mount --bind)"
            );
            assert!(
                run(&["-o", "remount,bind,ro", p, p]),
                "remounting {p} read-only failed"
            );
        }
        assert!(
            std::fs::write(&probe, b"x").is_err(),
            "{} is still writable",
            path.display()
        );
        guard
    }
}

impl Drop for ReadOnlyFolder {
    fn drop(&mut self) {
        use std::os::unix::fs::PermissionsExt;
        if self.mounted {
            let _ = std::process::Command::new("umount")
                .arg(&self.path)
                .status();
        }
        let _ = std::fs::set_permissions(&self.path, std::fs::Permissions::from_mode(0o755));
    }
}

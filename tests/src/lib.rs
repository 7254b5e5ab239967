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
pub mod timing;

//! Importing staff from an HR system's CSV export, all or nothing.
//!
//! The same three steps as the finance import (`budget::csv_import`):
//! `columns` reads the header and a few rows and guesses which column holds
//! which staff field; `preview` checks every row and says whether it adds a
//! new person or updates an existing one (matched by employee number,
//! ignoring case) and what changes, or why it cannot; `import` writes only
//! when every row is good, in one transaction.
//!
//! A row goes through the staff form's own rules (`staff::validate`) after
//! its cells are translated from the export's spelling (`cells`). Fields no
//! column holds keep a person's current values, so a file with only employee
//! numbers and pay rates updates pay rates; a new person needs every field
//! the form requires. Skills and credentials are Wardbook's own and are
//! never touched by an import.

mod cells;
mod fields;
mod rows;
#[cfg(test)]
mod tests;

pub use fields::StaffField;

use crate::csv_file::{records, refusal};
use crate::error::{AppError, AppResult, ErrorCode, Validator};
use crate::text_enum::text_enum;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Which field (if any) each column of the file holds, by column from 0.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, TS)]
pub struct StaffImportMapping {
    pub has_header: bool,
    pub columns: Vec<Option<StaffField>>,
}

/// The mapping step: the file's columns and a first guess.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct StaffImportColumns {
    /// The first row's fields (the header, when there is one).
    pub headers: Vec<String>,
    /// Up to five rows after the first, to help pick the fields.
    pub sample: Vec<Vec<String>>,
    pub guess: StaffImportMapping,
}

text_enum! {
    pub enum ImportAction {
        Add = ("add", "Add"),
        Update = ("update", "Update"),
        Unchanged = ("unchanged", "No change"),
        Error = ("error", "Cannot import"),
    }
}

/// One field of an existing person that the import changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FieldChange {
    pub field: StaffField,
    pub label: String,
    pub before: String,
    pub after: String,
}

/// One row of the file and what the import does with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct StaffImportRow {
    pub line_number: i64,
    pub employee_no: String,
    /// "Last, First" as it will be (or as the file has it, for a bad row).
    pub name: String,
    pub action: ImportAction,
    /// The person updated; none for an add or a bad row.
    pub staff_id: Option<i64>,
    /// For an add: role, employment type, FTE and hire date in a few words.
    pub summary: String,
    pub changes: Vec<FieldChange>,
    /// Every reason the row cannot be imported; none when it is good.
    pub error: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct StaffImportPreview {
    pub rows: Vec<StaffImportRow>,
    pub adds: i64,
    pub updates: i64,
    pub unchanged: i64,
    pub errors: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct StaffImportOutcome {
    pub added: i64,
    pub updated: i64,
    pub unchanged: i64,
}

/// The file's columns and a guess at the mapping from the header's words.
pub fn columns(text: &str) -> AppResult<StaffImportColumns> {
    let rows: Vec<Vec<String>> = records(text)
        .into_iter()
        .filter_map(|(_, r)| r.ok())
        .take(6)
        .collect();
    let Some(headers) = rows.first().cloned() else {
        return Err(AppError::new(ErrorCode::Validation, "The file is empty."));
    };
    let guessed = fields::guess(&headers);
    let has_header = guessed.iter().any(Option::is_some);
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut columns = if has_header { guessed } else { Vec::new() };
    columns.resize(width, None);
    Ok(StaffImportColumns {
        headers,
        sample: rows.into_iter().skip(1).take(5).collect(),
        guess: StaffImportMapping {
            has_header,
            columns,
        },
    })
}

fn check_mapping(m: &StaffImportMapping) -> AppResult<()> {
    let mut v = Validator::new();
    v.check(
        m.columns.len() <= 1000,
        "mapping",
        "The file has too many columns (more than 1000).",
    );
    for field in StaffField::ALL {
        let count = m.columns.iter().filter(|c| **c == Some(*field)).count();
        v.check(
            count <= 1,
            field.code(),
            format!(
                "{} is chosen for {count} columns; choose it for one.",
                field.label()
            ),
        );
    }
    let full = m.columns.contains(&Some(StaffField::FullName));
    v.check(
        !(full
            && (m.columns.contains(&Some(StaffField::FirstName))
                || m.columns.contains(&Some(StaffField::LastName)))),
        "full_name",
        "Choose either a full name column or first and last name columns, not both.",
    );
    v.check(
        m.columns.contains(&Some(StaffField::EmployeeNo)),
        "employee_no",
        "Choose the column that holds the employee number: it says who each row is.",
    );
    v.finish()
}

pub fn preview(
    conn: &Connection,
    text: &str,
    mapping: &StaffImportMapping,
) -> AppResult<StaffImportPreview> {
    check_mapping(mapping)?;
    Ok(rows::check(conn, text, mapping)?.preview)
}

/// Writes every add and update when every row is good; otherwise writes
/// nothing and names every bad row (`fields`: `line 7` → its reasons).
pub fn import(
    conn: &mut Connection,
    text: &str,
    mapping: &StaffImportMapping,
) -> AppResult<StaffImportOutcome> {
    check_mapping(mapping)?;
    let checked = rows::check(conn, text, mapping)?;
    let preview = &checked.preview;
    if preview.errors > 0 {
        return Err(refusal(
            preview
                .rows
                .iter()
                .filter_map(|r| r.error.as_deref().map(|e| (r.line_number, e))),
        ));
    }
    if preview.rows.is_empty() {
        return Err(AppError::new(
            ErrorCode::Validation,
            "The file has no rows to import.",
        ));
    }
    let tx = conn.transaction()?;
    for write in &checked.writes {
        write.apply(&tx)?;
    }
    tx.commit()?;
    Ok(StaffImportOutcome {
        added: preview.adds,
        updated: preview.updates,
        unchanged: preview.unchanged,
    })
}

/// Reads a chosen HR export.
pub fn read(path: &std::path::Path) -> AppResult<crate::csv_file::CsvFile> {
    crate::csv_file::read(path, "export only your department's staff.")
}

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
//!
//! Real HR exports are met where they are (issue #21):
//! - columns are guessed by their values as well as their header (`looks`),
//!   and the mapping last imported with is offered again for the same
//!   layout of file, with the roles given to job titles (`memory`);
//! - the role comes from free-text titles or job codes through a table of
//!   the file's distinct values (`roles`), and one column may give both the
//!   job code and the role (`role_column`);
//! - without an employment-type column, new people's type comes from their
//!   FTE or is one type for all (`employment`);
//! - a status column keeps people on leave active, terminates people whose
//!   status says they left (with the file's termination date, else the one
//!   Wardbook has, else today) and reactivates people HR has as active; a
//!   terminated person who is not on the roster is skipped, not added;
//! - with a department column, only this department's rows are imported;
//!   the others are skipped and counted, not refused;
//! - without a pay column, new people get one hourly rate typed in the
//!   preview. A person is never added without a rate: labour cost, the
//!   budget and the Fill's costs would count their hours as free, and a
//!   zero rate is indistinguishable from a real one later. People already
//!   on the roster keep their own rate.

mod cells;
pub(crate) mod dates;
mod employment;
#[cfg(test)]
mod excel_exports;
mod fields;
mod looks;
mod memory;
mod notices;
mod person;
mod plan;
#[cfg(test)]
mod real_exports;
mod roles;
mod rows;
mod scope;
mod statuses;
#[cfg(test)]
mod tests;

pub use dates::DateOrder;
pub use employment::{EmploymentFrom, EmploymentRule};
pub use fields::StaffField;
pub use roles::{RoleChoice, RoleHow, RoleValue};
pub use statuses::{HrStatus, StatusChoice, StatusValue};

use crate::csv_file::{records, refusal};
use crate::error::{AppError, AppResult, ErrorCode, Validator};
use crate::text_enum::text_enum;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Which field (if any) each column of the file holds, by column from 0,
/// and the choices that fill what the file does not say outright.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize, TS)]
pub struct StaffImportMapping {
    pub has_header: bool,
    pub columns: Vec<Option<StaffField>>,
    /// A column chosen for another field (the job code) that also gives
    /// the role, when no column is chosen for the role itself.
    #[serde(default)]
    pub role_column: Option<u32>,
    /// The role the manager chose for values of the role column.
    #[serde(default)]
    pub roles: Vec<RoleChoice>,
    /// New people's employment type when no column holds it.
    #[serde(default)]
    pub employment: EmploymentRule,
    /// This department's value in the department column (none: guessed);
    /// rows with another value are skipped.
    #[serde(default)]
    pub department: Option<String>,
    /// How slash dates like 03/04/2019 are read when no value of their
    /// column tells (none: the department's usual order, shown as chosen).
    #[serde(default)]
    pub date_order: Option<DateOrder>,
    /// New people's hourly rate when no column holds it, as typed ("45.50").
    #[serde(default)]
    pub new_rate: Option<String>,
    /// What the manager says status values the words cannot read mean.
    #[serde(default)]
    pub statuses: Vec<StatusChoice>,
}

impl StaffImportMapping {
    /// The column whose values give the role, if any.
    pub fn role_source(&self) -> Option<usize> {
        self.columns
            .iter()
            .position(|c| *c == Some(StaffField::Role))
            .or(self.role_column.map(|c| c as usize))
    }
}

/// The mapping step: the file's columns and a first guess.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct StaffImportColumns {
    /// The first row's fields (the header, when there is one).
    pub headers: Vec<String>,
    /// Up to five rows after the first, to help pick the fields.
    pub sample: Vec<Vec<String>>,
    pub guess: StaffImportMapping,
    /// The guess is the mapping of the last import of a file with this header.
    pub remembered: bool,
}

text_enum! {
    pub enum ImportAction {
        Add = ("add", "Add"),
        Update = ("update", "Update"),
        Unchanged = ("unchanged", "No change"),
        /// Another department's row, or someone who left and is not on the roster.
        Skipped = ("skipped", "Not imported"),
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
    /// For an add: role, employment type, FTE and hire date in a few words;
    /// for a skipped row: why; for an update: what the status means, if anything.
    pub summary: String,
    pub changes: Vec<FieldChange>,
    /// Every reason the row cannot be imported; none when it is good.
    pub error: Option<String>,
    /// Something to check before importing a good row (a new person with
    /// the name and hire date of someone on the roster).
    pub warning: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct StaffImportPreview {
    pub rows: Vec<StaffImportRow>,
    pub adds: i64,
    pub updates: i64,
    pub unchanged: i64,
    pub skipped: i64,
    pub errors: i64,
    /// The role column's distinct values and the role each gives.
    pub roles: Vec<RoleValue>,
    /// The department column's distinct values with their row counts.
    pub departments: Vec<ValueCount>,
    /// The department whose rows are imported (chosen, or guessed).
    pub department: Option<String>,
    /// How new people's employment type is decided, when no column holds it.
    pub employment_note: Option<String>,
    /// A date of the file that reads either way (e.g. 03/04/2019) when no
    /// value of its column tells the order: the preview asks.
    pub date_question: Option<String>,
    /// The order used for such dates: the mapping's, else the department's usual.
    pub date_order: DateOrder,
    /// What the manager should know about the file as a whole: numbers
    /// matched despite lost leading zeros, people the file leaves out.
    pub notices: Vec<String>,
    /// The file has no pay column and adds people: the preview asks for
    /// one rate for them (`new_rate`).
    pub rate_question: bool,
    /// Status values the words cannot read, and those the manager read.
    pub statuses: Vec<StatusValue>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ValueCount {
    pub value: String,
    pub rows: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct StaffImportOutcome {
    pub added: i64,
    pub updated: i64,
    pub unchanged: i64,
    pub skipped: i64,
}

/// The file's columns and a guess at the mapping from the header's words
/// and the values under them.
pub fn columns(text: &str) -> AppResult<StaffImportColumns> {
    let rows: Vec<Vec<String>> = records(text)
        .into_iter()
        .filter_map(|(_, r)| r.ok())
        .take(GUESS_ROWS + 1)
        .collect();
    let Some(headers) = rows.first().cloned() else {
        return Err(AppError::new(ErrorCode::Validation, "The file is empty."));
    };
    let by_name = fields::guess(&headers);
    // Header words, or a first row of words above rows of values.
    let has_header = by_name.iter().any(Option::is_some)
        || (!looks::looks_like_data(&headers)
            && rows[1..].iter().any(|r| looks::looks_like_data(r)));
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut columns = if has_header { by_name } else { Vec::new() };
    columns.resize(width, None);
    looks::refine(&mut columns, &rows[usize::from(has_header)..]);
    // Without a title column the job code is the role's key too.
    let role_column = if columns.contains(&Some(StaffField::Role)) {
        None
    } else {
        columns
            .iter()
            .position(|c| *c == Some(StaffField::JobCode))
            .map(|i| i as u32)
    };
    Ok(StaffImportColumns {
        headers,
        sample: rows.into_iter().skip(1).take(5).collect(),
        guess: StaffImportMapping {
            has_header,
            columns,
            role_column,
            ..Default::default()
        },
        remembered: false,
    })
}

/// Rows read to guess the columns by their values.
const GUESS_ROWS: usize = 50;

/// `columns`, with the mapping of the last import of a file with the same
/// header offered instead of the guess.
pub fn recall(conn: &Connection, text: &str) -> AppResult<StaffImportColumns> {
    let mut cols = columns(text)?;
    if let Some(m) = memory::mapping(conn, &cols.headers)? {
        cols.guess = m;
        cols.remembered = true;
    }
    Ok(cols)
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
    if let Some(i) = m.role_column {
        let i = i as usize;
        v.check(
            i < m.columns.len(),
            "role_column",
            "The column chosen for the role is not in the file.",
        );
        v.check(
            !m.columns.contains(&Some(StaffField::Role)),
            "role_column",
            "A column is already chosen for the role; choose the role from one column.",
        );
    }
    if !m.columns.contains(&Some(StaffField::EmploymentType)) {
        m.employment.check(&mut v);
    }
    if let Some(rate) = m.new_rate.as_deref().filter(|r| !r.trim().is_empty()) {
        if !m.columns.contains(&Some(StaffField::HourlyRate)) {
            match crate::input::hourly_rate(&cells::rate(rate)) {
                Ok(0) => v.check(
                    false,
                    "new_rate",
                    "Enter the hourly rate new people are paid; 0 would count their hours as free.",
                ),
                Ok(_) => {}
                Err(m) => v.check(false, "new_rate", m),
            }
        }
    }
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
    if preview.rows.len() as i64 == preview.skipped {
        return Err(AppError::new(
            ErrorCode::Validation,
            "Every row of the file is skipped (another department, or people who left); nothing to import.",
        ));
    }
    let tx = conn.transaction()?;
    for write in &checked.writes {
        write.apply(&tx)?;
    }
    memory::remember(&tx, &checked.headers, mapping, &preview.roles)?;
    tx.commit()?;
    Ok(StaffImportOutcome {
        added: preview.adds,
        updated: preview.updates,
        unchanged: preview.unchanged,
        skipped: preview.skipped,
    })
}

/// Reads a chosen HR export.
pub fn read(path: &std::path::Path) -> AppResult<crate::csv_file::CsvFile> {
    crate::csv_file::read(path, "export only your department's staff.")
}

//! The one error type the UI sees: `{ code, message, field?, fields }`.
//!
//! `field` names the first form field at fault so the UI can place the message
//! beside it; `fields` carries every field error of a form at once, so a
//! manager who made three mistakes learns of all three in one go.

use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// Bad input; `field`/`fields` say where.
    Validation,
    NotFound,
    /// The change clashes with what is stored (a duplicate, a department that already exists).
    Conflict,
    /// A rule refuses the change (approved time off, an expired credential
    /// that blocks scheduling…); `message` is the plain-language reason.
    Blocked,
    /// The department file failed its integrity check and was not touched.
    Corrupt,
    /// The file could not be read or written (disk full, read-only folder…).
    Storage,
    /// The file is encrypted and locked: the window asks for the passphrase.
    Locked,
    Internal,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

/// A grid cell (a person on a day) that a blocking rule refuses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RefusedCell {
    pub staff_id: i64,
    /// `YYYY-MM-DD`.
    pub date: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS, thiserror::Error)]
#[error("{message}")]
pub struct AppError {
    pub code: ErrorCode,
    pub message: String,
    pub field: Option<String>,
    pub fields: Vec<FieldError>,
    /// For a `blocked` schedule change: the cells of the rule that refuses
    /// it (the shift asked for and, say, the one it would double-book), so
    /// the grid can highlight them. Absent on every other error.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub cells: Option<Vec<RefusedCell>>,
}

pub type AppResult<T> = Result<T, AppError>;

impl AppError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        AppError {
            code,
            message: message.into(),
            field: None,
            fields: Vec::new(),
            cells: None,
        }
    }

    /// A blocking rule's refusal, with the cells it concerns.
    pub fn blocked(message: impl Into<String>, cells: Vec<RefusedCell>) -> Self {
        AppError {
            cells: Some(cells),
            ..Self::new(ErrorCode::Blocked, message)
        }
    }

    pub fn not_found(what: &str) -> Self {
        Self::new(
            ErrorCode::NotFound,
            format!("{what} was not found. It may have been removed."),
        )
    }

    /// A validation error about one field.
    pub fn field(field: &str, message: impl Into<String>) -> Self {
        Self::from_fields(vec![FieldError {
            field: field.to_string(),
            message: message.into(),
        }])
    }

    /// A validation error about several fields; `message` and `field` are the first.
    pub fn from_fields(fields: Vec<FieldError>) -> Self {
        let first = fields.first().cloned().unwrap_or(FieldError {
            field: String::new(),
            message: "The input is not valid.".into(),
        });
        AppError {
            code: ErrorCode::Validation,
            message: first.message,
            field: (!first.field.is_empty()).then_some(first.field),
            fields,
            cells: None,
        }
    }

    /// Shortens any quoted input longer than [`ECHO_CHARS`] inside the
    /// messages: "“WWWW…” is not a date" helps; the same with a 100,000-character
    /// paste is a wall of text. Applied to every command's error (`Db::run`).
    pub fn tidy(mut self) -> Self {
        self.message = shorten_quotes(&self.message);
        for f in &mut self.fields {
            f.message = shorten_quotes(&f.message);
        }
        self
    }

    /// The message for `field`, if this error concerns it.
    pub fn message_for(&self, field: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|f| f.field == field)
            .map(|f| f.message.as_str())
    }
}

/// How much of a person's input an error message quotes back.
pub const ECHO_CHARS: usize = 40;

fn shorten_quotes(message: &str) -> String {
    let mut out = String::with_capacity(message.len().min(1024));
    let mut rest = message;
    while let Some(open) = rest.find('“') {
        let (before, after) = rest.split_at(open + '“'.len_utf8());
        out.push_str(before);
        let close = after.find('”').unwrap_or(after.len());
        let quoted = &after[..close];
        if quoted.chars().count() > ECHO_CHARS {
            out.extend(quoted.chars().take(ECHO_CHARS - 10));
            out.push('…');
        } else {
            out.push_str(quoted);
        }
        rest = &after[close..];
    }
    out.push_str(rest);
    out
}

/// Collects every field error of a form before refusing it.
#[derive(Default)]
pub struct Validator {
    errors: Vec<FieldError>,
}

impl Validator {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn fail(&mut self, field: &str, message: impl Into<String>) {
        // One message per field: the first problem is the one to fix first.
        if !self.errors.iter().any(|e| e.field == field) {
            self.errors.push(FieldError {
                field: field.to_string(),
                message: message.into(),
            });
        }
    }

    pub fn check(&mut self, ok: bool, field: &str, message: impl Into<String>) {
        if !ok {
            self.fail(field, message);
        }
    }

    /// Keeps the value of a parse, or records its error and yields `None`.
    pub fn take<T>(&mut self, field: &str, parsed: Result<T, String>) -> Option<T> {
        match parsed {
            Ok(v) => Some(v),
            Err(message) => {
                self.fail(field, message);
                None
            }
        }
    }

    pub fn has_error(&self, field: &str) -> bool {
        self.errors.iter().any(|e| e.field == field)
    }

    pub fn finish(self) -> AppResult<()> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(AppError::from_fields(self.errors))
        }
    }
}

/// What a write the database refused says; on a damaged file open
/// read-only it is said in the manager's terms (`store::session`), while a
/// failure elsewhere (an export's destination) keeps its own words.
pub const WRITE_REFUSED: &str =
    "The department file cannot be written (the folder may be read-only). Nothing was saved.";

impl From<rusqlite::Error> for AppError {
    fn from(err: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode as Sql;
        // The detail goes to the log; the manager gets a sentence they can act on.
        eprintln!("wardbook: database error: {err}");
        match err.sqlite_error_code() {
            Some(Sql::DiskFull) => AppError::new(
                ErrorCode::Storage,
                "The disk is full, so the change was not saved. Free some space and try again.",
            ),
            Some(Sql::ReadOnly) | Some(Sql::CannotOpen) | Some(Sql::PermissionDenied) => {
                AppError::new(ErrorCode::Storage, WRITE_REFUSED)
            }
            Some(Sql::DatabaseBusy) | Some(Sql::DatabaseLocked) => AppError::new(
                ErrorCode::Storage,
                "The department file is in use by another program. Nothing was saved; try again.",
            ),
            Some(Sql::DatabaseCorrupt) | Some(Sql::NotADatabase) => AppError::new(
                ErrorCode::Corrupt,
                "The department file is damaged. It was not changed.",
            ),
            _ => AppError::new(
                ErrorCode::Internal,
                format!(
                    "Something went wrong while reading or saving ({err}). Nothing was changed."
                ),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validator_reports_every_field_but_one_message_per_field() {
        let mut v = Validator::new();
        v.fail("fte", "first");
        v.fail("fte", "second");
        v.fail("last_name", "required");
        let err = v.finish().unwrap_err();
        assert_eq!(err.code, ErrorCode::Validation);
        assert_eq!(err.field.as_deref(), Some("fte"), "the first field leads");
        assert_eq!(err.message, "first");
        assert_eq!(err.fields.len(), 2, "one entry per field, not per problem");
        assert_eq!(err.message_for("last_name"), Some("required"));
    }

    #[test]
    fn long_quoted_input_is_shortened_and_short_input_kept() {
        let long = format!("“{}” is not a date.", "W".repeat(100_000));
        let err = AppError::field("date", long).tidy();
        assert!(err.message.len() < 100, "{}", err.message);
        assert!(
            err.message.ends_with("…” is not a date."),
            "{}",
            err.message
        );
        assert_eq!(err.fields[0].message, err.message);
        let short = AppError::field("date", "“2026-02-30” is not a date.").tidy();
        assert_eq!(short.message, "“2026-02-30” is not a date.");
    }

    #[test]
    fn validator_without_errors_passes() {
        assert!(Validator::new().finish().is_ok());
    }
}

//! What a finance CSV import shows before it writes (`csv_import`): each
//! row and what becomes of it, the totals per line, the changes to actuals,
//! accounts no line takes, and the outcome.

use serde::Serialize;
use ts_rs::TS;

/// One row of the file and what the import does with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ImportRow {
    pub line_number: i64,
    pub cost_centre: String,
    pub account: String,
    pub period: String,
    pub amount: String,
    pub line_id: Option<i64>,
    pub line_name: String,
    pub month: Option<i64>,
    pub month_label: String,
    pub amount_cents: Option<i64>,
    /// Another cost centre's row: left out, not refused.
    pub skipped: bool,
    /// The account goes to no line (yet): see `ImportPreview::unknown_accounts`.
    pub unknown_account: bool,
    /// Why the row cannot be imported; none when it is good or skipped.
    pub error: Option<String>,
    /// The line of an earlier row with exactly the same fields: likely
    /// exported twice. It is still added up (finance may post the same
    /// amount twice), but the preview flags it.
    pub duplicate_of: Option<i64>,
}

/// What a line's month will hold after the import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ImportTotal {
    pub line_id: i64,
    pub line_name: String,
    pub month: i64,
    pub month_label: String,
    pub amount_cents: i64,
}

/// One line's month as the import changes it: current → new.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ImportChange {
    pub line_id: i64,
    pub line_name: String,
    pub month: i64,
    pub month_label: String,
    /// The typed or imported actual now; none when the month has none.
    pub current_cents: Option<i64>,
    pub new_cents: i64,
    /// The line has no row in the file for this covered month: it drops to 0.
    pub not_in_file: bool,
}

/// A finance account of the file that goes to no line yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct UnknownAccount {
    pub account: String,
    pub rows: i64,
    /// The rows' readable amounts added up.
    pub amount_cents: i64,
    /// The one line whose GL code is a part of the account ("6010" in
    /// "6010-4410-100"), offered first; the manager still chooses.
    pub suggested_line_id: Option<i64>,
    /// The rows are clearly this department's (the file's cost centres are
    /// split into ours and others'), so the suggestion may be pre-selected.
    /// Otherwise it is only offered: another department's costs must never
    /// be one click from being added as ours.
    pub suggestion_sure: bool,
}

/// A cost centre of the file, with its rows, and whether it is this department's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FileCostCentre {
    pub code: String,
    pub rows: i64,
    pub ours: bool,
}

/// A budget line an account can go to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct LineChoice {
    pub id: i64,
    pub name: String,
    pub gl_account: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ImportPreview {
    pub rows: Vec<ImportRow>,
    pub good_rows: i64,
    pub bad_rows: i64,
    /// Rows of other cost centres.
    pub skipped_rows: i64,
    /// This department's rows that repeat an earlier row field for field.
    pub duplicate_rows: i64,
    /// A report's title lines above the header, skipped.
    pub title_lines: i64,
    /// Total and subtotal rows, skipped: they are sums of the rows above.
    pub total_rows: i64,
    pub totals: Vec<ImportTotal>,
    pub unknown_accounts: Vec<UnknownAccount>,
    /// The file's cost centres, in the file's order; empty without the column.
    pub cost_centres: Vec<FileCostCentre>,
    /// The file has a cost centre column but none of its cost centres is
    /// marked as this department's yet: nothing can be imported.
    pub cost_centre_needed: bool,
    pub lines: Vec<LineChoice>,
    /// Every line and covered month whose actual the import changes, in the
    /// lines' order, then by month.
    pub changes: Vec<ImportChange>,
    /// The months the file has rows of this department for.
    pub covered_months: i64,
    /// The good rows of this department added up: finance's report total.
    pub file_total_cents: i64,
    /// The covered months' actuals after the import, added up over all lines.
    pub written_total_cents: i64,
    /// Importing changes no actual (e.g. the same file again).
    pub no_change: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ImportOutcome {
    pub rows_imported: i64,
    pub rows_skipped: i64,
    pub months_updated: i64,
}

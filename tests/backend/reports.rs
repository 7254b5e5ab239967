//! Reports through the domain API on a real file: each report's content is
//! read back — the PDF's text extracted page by page, the CSV parsed — and
//! checked against the figures of a fixture built for it.

#[path = "reports/budget.rs"]
mod budget;
#[path = "reports/credentials.rs"]
mod credentials;
#[path = "reports/hours.rs"]
mod hours;
#[path = "reports/roster.rs"]
mod roster;
#[path = "reports/schedule.rs"]
mod schedule;
#[path = "reports/timecards.rs"]
mod timecards;

use rusqlite::Connection;
use wardbook::reports::{self, ReportFormat, ReportKind, ReportRequest};

pub const TODAY: &str = "2026-11-27";

/// The PDF's text, one string per page.
pub fn pdf_pages(bytes: &[u8]) -> Vec<String> {
    assert!(bytes.starts_with(b"%PDF-"), "a PDF file");
    pdf_extract::extract_text_from_mem_by_pages(bytes).expect("the PDF's text can be extracted")
}

pub fn csv_rows(bytes: &[u8]) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(bytes);
    reader
        .records()
        .map(|r| r.expect("a CSV record").iter().map(String::from).collect())
        .collect()
}

pub fn make(
    conn: &Connection,
    kind: ReportKind,
    format: ReportFormat,
    request: &ReportRequest,
) -> reports::ReportFile {
    reports::make(conn, kind, format, request, wardbook_tests::day(TODAY)).unwrap()
}

/// Every page says whose report it is, which, when made and for what, and
/// which page of how many it is.
pub fn assert_page_headers(pages: &[String], department: &str, title: &str, scope: &str) {
    let n = pages.len();
    for (i, page) in pages.iter().enumerate() {
        for expected in [
            department.to_string(),
            title.to_string(),
            format!("Made {TODAY}"),
            scope.to_string(),
            format!("Page {} of {n}", i + 1),
        ] {
            assert!(
                page.contains(&expected),
                "page {} of {n} should show {expected:?}; it reads:\n{page}",
                i + 1
            );
        }
    }
}

/// The CSV row whose first `key_column` cell is `key`.
pub fn row<'a>(rows: &'a [Vec<String>], key_column: usize, key: &str) -> &'a [String] {
    rows.iter()
        .find(|r| r.get(key_column).is_some_and(|c| c == key))
        .unwrap_or_else(|| panic!("a row for {key}"))
}

//! What every report is before it becomes a PDF or a CSV: a titled table
//! with a few lines of summary above it and notes below. Each report module
//! assembles one of these from the domain; `pdf` and `table_csv` render it,
//! so the two formats always hold the same figures.

use crate::units::Cents;
use chrono::NaiveDate;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
    Center,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// May hold a line break for a two-line PDF header ("Mon\n11-16"); the
    /// CSV header joins the lines with a space.
    pub header: String,
    /// Relative width: the columns share the page width in these proportions.
    pub weight: f32,
    pub align: Align,
    /// Long text wraps onto more lines (otherwise it is shortened with "…").
    pub wrap: bool,
    /// Shaded in the PDF (weekend days of a grid).
    pub shaded: bool,
    /// The CSV's header when it differs ("2026-11-16" for "Mon\n11-16").
    pub csv_header: Option<String>,
}

impl Column {
    pub fn new(header: impl Into<String>, weight: f32, align: Align) -> Self {
        Column {
            header: header.into(),
            weight,
            align,
            wrap: false,
            shaded: false,
            csv_header: None,
        }
    }

    pub fn left(header: impl Into<String>, weight: f32) -> Self {
        Column::new(header, weight, Align::Left)
    }

    pub fn right(header: impl Into<String>, weight: f32) -> Self {
        Column::new(header, weight, Align::Right)
    }

    pub fn wrapping(mut self) -> Self {
        self.wrap = true;
        self
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Cell {
    pub text: String,
    /// What the CSV holds when it differs (money without thousands separators).
    pub csv: Option<String>,
    /// A problem the reader must see (a gap, an expired licence): bold on a
    /// tinted background in the PDF.
    pub alert: bool,
}

impl Cell {
    pub fn text(text: impl Into<String>) -> Self {
        Cell {
            text: text.into(),
            ..Cell::default()
        }
    }

    pub fn alert(text: impl Into<String>) -> Self {
        Cell {
            text: text.into(),
            alert: true,
            ..Cell::default()
        }
    }

    pub fn csv_text(&self) -> &str {
        self.csv.as_deref().unwrap_or(&self.text)
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Self {
        Cell::text(text)
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Self {
        Cell::text(text)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    Body,
    /// A totals line: bold, ruled above.
    Total,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub cells: Vec<Cell>,
    pub kind: RowKind,
}

impl Row {
    pub fn body(cells: Vec<Cell>) -> Self {
        Row {
            cells,
            kind: RowKind::Body,
        }
    }

    pub fn total(cells: Vec<Cell>) -> Self {
        Row {
            cells,
            kind: RowKind::Total,
        }
    }
}

/// A grid too wide for one page prints in bands: the first `fixed_left`
/// and last `fixed_right` columns on every band, the columns between them
/// split by `bands` (ranges over those middle columns, with a label such as
/// "Weeks 1–3: 2026-11-15 to 2026-12-05"). The CSV keeps the whole width.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bands {
    pub fixed_left: usize,
    pub fixed_right: usize,
    pub bands: Vec<(std::ops::Range<usize>, String)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Orientation {
    Portrait,
    Landscape,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// "Staff roster".
    pub title: String,
    pub department: String,
    /// The day it was made, in the department's time zone.
    pub generated_on: NaiveDate,
    /// What it covers: "As of 2026-11-27", "Period 2026-11-15 to 2026-12-26".
    pub scope: String,
    pub orientation: Orientation,
    /// Body text size in points.
    pub font_size: f32,
    /// Key figures, printed above the table on the first page.
    pub summary: Vec<String>,
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
    /// What is counted and how, printed after the table.
    pub notes: Vec<String>,
    pub bands: Option<Bands>,
    /// The suggested file name without extension: "roster-2026-11-27".
    pub file_stem: String,
}

/// Hours from minutes as payroll reads them and as every screen shows them
/// (`budget::money::hours_text`): "36", "37.5", "7.25", "1,204.5".
pub fn hours(minutes: i64) -> String {
    crate::budget::money::hours_text(minutes)
}

/// An hours cell: grouped for print, plain for the CSV ("1204.5"), as `money`.
pub fn hours_cell(minutes: i64) -> Cell {
    let text = hours(minutes);
    Cell {
        csv: Some(text.replace(',', "")),
        text,
        alert: false,
    }
}

/// "1,234.56" / "-1,234.56" for the PDF, "1234.56" for the CSV.
pub fn money(cents: i64) -> Cell {
    Cell {
        text: Cents(cents).grouped(),
        csv: Some(Cents(cents).plain()),
        alert: false,
    }
}

/// Basis points as a percentage with one decimal: 750 → "7.5%".
pub fn percent(bp: Option<i64>) -> String {
    match bp {
        None => String::new(),
        Some(bp) => {
            let tenths = crate::budget::money::div_round(bp as i128, 10);
            let sign = if tenths < 0 { "-" } else { "" };
            format!("{sign}{}.{}%", tenths.abs() / 10, tenths.abs() % 10)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_groups_thousands_for_print_but_not_for_csv() {
        let c = money(123_456_789);
        assert_eq!(c.text, "1,234,567.89");
        assert_eq!(c.csv_text(), "1234567.89");
        assert_eq!(money(-100_005).text, "-1,000.05");
        assert_eq!(money(5).text, "0.05");
        assert_eq!(money(100_000).text, "1,000.00", "a group boundary");
        assert_eq!(money(99_999).text, "999.99");
    }

    #[test]
    fn percent_rounds_basis_points_to_a_tenth() {
        assert_eq!(percent(Some(750)), "7.5%");
        assert_eq!(percent(Some(-2_825)), "-28.3%", "half away from zero");
        assert_eq!(percent(Some(4)), "0.0%");
        assert_eq!(percent(None), "", "no budget, no percentage");
    }

    #[test]
    fn hours_keep_their_sign() {
        assert_eq!(hours(90), "1.5");
        assert_eq!(hours(-90), "-1.5");
        assert_eq!(hours(0), "0");
    }

    #[test]
    fn hours_group_thousands_for_print_but_not_for_csv() {
        let c = hours_cell(433_843);
        assert_eq!(c.text, "7,230.72");
        assert_eq!(c.csv_text(), "7230.72");
        assert_eq!(hours_cell(59_940).text, "999", "below a group boundary");
        assert_eq!(hours_cell(60_000).text, "1,000");
    }
}

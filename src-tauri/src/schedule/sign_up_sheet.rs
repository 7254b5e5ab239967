//! The sign-up sheet of a period with its line of open shifts: for each day,
//! the coverage needs still below target and by how many ("Day · RN 2;
//! Night · CNA 1"), so staff self-scheduling see where they are needed.
//! The sheet itself is `requests::import::sheet`.

use super::store;
use crate::error::AppResult;
use crate::requests::import::sheet::{self, SheetFile};
use chrono::NaiveDate;
use rusqlite::Connection;

/// Per day of the period, the shifts still open below target.
pub fn open_shifts(conn: &Connection, period_id: i64, today: NaiveDate) -> AppResult<Vec<String>> {
    let view = store::view(conn, period_id, today)?;
    Ok((0..view.days.len())
        .map(|i| {
            view.coverage
                .iter()
                .filter_map(|row| {
                    let c = row.days.get(i)?;
                    let open = c.target.max(c.minimum) - c.scheduled;
                    (open > 0).then(|| format!("{} {open}", row.label))
                })
                .collect::<Vec<_>>()
                .join("; ")
        })
        .collect())
}

pub fn blank(conn: &Connection, period_id: i64, today: NaiveDate) -> AppResult<SheetFile> {
    let open = open_shifts(conn, period_id, today)?;
    sheet::blank(conn, period_id, Some(&open))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input;

    #[test]
    fn the_sheet_lists_what_coverage_still_needs_each_day() {
        let today = input::date("2026-11-27").unwrap();
        let (conn, period) = crate::sample::tests_support::sample_with_draft(today);
        let draft = period.id;
        let view = store::view(&conn, draft, today).unwrap();
        let open = open_shifts(&conn, draft, today).unwrap();
        assert_eq!(open.len(), view.days.len());
        // Every day the grid shows a need under target, the sheet names it.
        for (i, text) in open.iter().enumerate() {
            let short = view
                .coverage
                .iter()
                .any(|r| r.days[i].scheduled < r.days[i].target.max(r.days[i].minimum));
            assert_eq!(!text.is_empty(), short, "day {i}: {text:?}");
        }
        let file = blank(&conn, draft, today).unwrap();
        let text = crate::csv_file::decode(&file.bytes).unwrap();
        let third = text.lines().nth(2).unwrap();
        assert!(third.starts_with(",Open shifts,"), "{third}");
    }
}

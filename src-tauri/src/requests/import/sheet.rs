//! A blank sign-up sheet for a period, to hand out or send round: a title
//! line saying how to fill it in (the import skips it), the header, a line
//! of the shifts still open each day (for self-scheduling; the import skips
//! it too), then a row per person employed in the period and a column per
//! day. Staff write in their requests and the manager imports the sheet back.

use super::people;
use crate::error::{AppError, AppResult, ErrorCode};
use crate::input;
use rusqlite::Connection;

/// The name of the line of open shifts under the header.
pub const OPEN_SHIFTS_ROW: &str = "Open shifts";

/// A file to save: its suggested name and its bytes.
pub struct SheetFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// The sheet; `open` holds, per day of the period in order, the shifts
/// still open that day ("Day RN 2; Night CNA 1"), none to leave the line out.
pub fn blank(conn: &Connection, period_id: i64, open: Option<&[String]>) -> AppResult<SheetFile> {
    let (from, to) = super::period(conn, period_id)?;
    let codes = super::cell::shifts(conn)?
        .into_iter()
        .map(|s| s.code)
        .collect::<Vec<_>>()
        .join(", ");
    let dept = crate::department::require(conn)?;
    let fail = |e: String| {
        AppError::new(
            ErrorCode::Internal,
            format!("The sheet could not be written ({e})."),
        )
    };
    // The title line is one field; the rows below are wider.
    let mut out = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(crate::csv_file::BOM.as_bytes().to_vec());
    let title = format!(
        "Requests for {}, {} to {}: write off, a shift ({codes}) or any; add ! for strong, !! for must, ? for nice to have; a note in brackets.",
        dept.name,
        from.format("%-d %b %Y"),
        to.format("%-d %b %Y"),
    );
    out.write_record([title]).map_err(|e| fail(e.to_string()))?;
    let days: Vec<_> = from.iter_days().take_while(|d| *d <= to).collect();
    let mut header = vec!["Employee no".to_string(), "Name".to_string()];
    header.extend(days.iter().map(|d| d.format("%a %Y-%m-%d").to_string()));
    out.write_record(&header).map_err(|e| fail(e.to_string()))?;
    if let Some(open) = open {
        let mut row = vec![String::new(), OPEN_SHIFTS_ROW.to_string()];
        row.extend(
            days.iter()
                .enumerate()
                .map(|(i, _)| open.get(i).cloned().unwrap_or_default()),
        );
        out.write_record(&row).map_err(|e| fail(e.to_string()))?;
    }
    let (first, last) = (input::format_date(from), input::format_date(to));
    for p in people::roster(conn)? {
        let employed = p.hire_date <= last && p.last_day.as_ref().is_none_or(|l| *l >= first);
        if !employed {
            continue;
        }
        let mut row = vec![p.employee_no.clone(), p.name()];
        row.extend(std::iter::repeat_n(String::new(), days.len()));
        out.write_record(&row).map_err(|e| fail(e.to_string()))?;
    }
    let bytes = out.into_inner().map_err(|e| fail(e.to_string()))?;
    Ok(SheetFile {
        name: format!("Requests {first} to {last}.csv"),
        bytes,
    })
}

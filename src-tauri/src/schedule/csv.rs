//! The schedule as CSV, for a spreadsheet or payroll: one row per person,
//! one column per day holding the shift code (or the approved time off),
//! then paid hours and shifts. Quoting follows RFC 4180 (the `csv` crate).

use super::view::{GridCell, ScheduleView};
use super::{TimeOffKind, TimeOffStatus};
use crate::error::{AppError, AppResult, ErrorCode};
use std::collections::HashMap;

/// What a cell of approved time off shows.
pub fn time_off_code(kind: TimeOffKind) -> &'static str {
    match kind {
        TimeOffKind::Pto => "PTO",
        TimeOffKind::Sick => "SICK",
        TimeOffKind::Education => "EDU",
        TimeOffKind::Fmla => "FMLA",
        TimeOffKind::Other => "OFF",
    }
}

fn cell_text(cell: &GridCell) -> &str {
    match (&cell.shift_code, cell.time_off, cell.time_off_status) {
        (Some(code), _, _) => code,
        (None, Some(kind), Some(TimeOffStatus::Approved)) => time_off_code(kind),
        _ => "",
    }
}

/// Hours as a plain decimal: "36", "37.5", "7.25".
pub fn hours_text(minutes: i64) -> String {
    let hundredths = super::cost::round_half_up(minutes * 100, 60);
    match hundredths % 100 {
        0 => (hundredths / 100).to_string(),
        f if f % 10 == 0 => format!("{}.{}", hundredths / 100, f / 10),
        f => format!("{}.{f:02}", hundredths / 100),
    }
}

/// `employee_no` maps staff ids to employee numbers (the grid has none).
pub fn write(view: &ScheduleView, employee_no: &HashMap<i64, String>) -> AppResult<String> {
    // A byte-order mark, so Excel reads the names as UTF-8 (see `csv_file::BOM`).
    let mut out = csv::Writer::from_writer(crate::csv_file::BOM.as_bytes().to_vec());
    let fail = |e: csv::Error| {
        AppError::new(
            ErrorCode::Internal,
            format!("The CSV could not be written ({e})."),
        )
    };
    let mut header = vec!["Employee number".to_string(), "Name".into(), "Role".into()];
    header.extend(view.days.iter().map(|d| d.date.clone()));
    header.extend(["Paid hours".to_string(), "Shifts".into()]);
    out.write_record(&header).map_err(fail)?;
    for group in &view.groups {
        for row in &group.rows {
            let mut record = vec![
                employee_no.get(&row.staff_id).cloned().unwrap_or_default(),
                row.name.clone(),
                row.role.code().to_string(),
            ];
            record.extend(row.cells.iter().map(|c| cell_text(c).to_string()));
            record.push(hours_text(row.totals.paid_minutes));
            record.push(row.totals.shifts.to_string());
            out.write_record(&record).map_err(fail)?;
        }
    }
    let bytes = out.into_inner().map_err(|e| {
        AppError::new(
            ErrorCode::Internal,
            format!("The CSV could not be written ({e})."),
        )
    })?;
    String::from_utf8(bytes)
        .map_err(|e| AppError::new(ErrorCode::Internal, format!("The CSV is not text ({e}).")))
}

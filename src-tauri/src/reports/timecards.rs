//! The timecard sign-off sheet of a pay period: one line per person with a
//! timecard (scheduled, punched, or both) — scheduled and worked hours,
//! hours by kind, the exceptions still open — and room for the person's
//! signature, with the manager's below. The figures are the timecards'
//! (`attendance::timecards`), so the sheet agrees with the screen and the
//! payroll export.

use super::table::{hours_cell, Cell, Column, Orientation, Report, Row};
use crate::attendance::{period, timecards};
use crate::error::{AppError, AppResult};
use crate::input::format_date;
use chrono::NaiveDate;
use rusqlite::Connection;

pub fn report(conn: &Connection, start: &str, today: NaiveDate) -> AppResult<Report> {
    if start.trim().is_empty() {
        return Err(AppError::field("pay_period_start", "Choose a pay period."));
    }
    let l = period::load(conn, start).map_err(|mut e| {
        if e.field.as_deref() == Some("start") {
            e.field = Some("pay_period_start".into());
        }
        e
    })?;
    let view = timecards::view(conn, &l)?;
    let mut rows: Vec<Row> = view
        .timecards
        .iter()
        .map(|t| {
            let open = if t.open_exceptions > 0 {
                Cell::alert(t.open_exceptions.to_string())
            } else {
                Cell::text("0")
            };
            Row::body(vec![
                t.employee_no.clone().into(),
                t.name.clone().into(),
                hours_cell(t.scheduled_minutes),
                hours_cell(t.worked_minutes),
                hours_cell(t.regular_minutes),
                hours_cell(t.overtime_minutes),
                hours_cell(t.time_off_minutes),
                open,
                Cell::default(),
                Cell::default(),
            ])
        })
        .collect();
    let s = &view.summary;
    let sum = |f: fn(&timecards::Timecard) -> i64| view.timecards.iter().map(f).sum::<i64>();
    rows.push(Row::total(vec![
        "Total".into(),
        format!("{} people", view.timecards.len()).into(),
        hours_cell(sum(|t| t.scheduled_minutes)),
        hours_cell(sum(|t| t.worked_minutes)),
        hours_cell(sum(|t| t.regular_minutes)),
        hours_cell(sum(|t| t.overtime_minutes)),
        hours_cell(sum(|t| t.time_off_minutes)),
        s.open_exceptions.to_string().into(),
        Cell::default(),
        Cell::default(),
    ]));
    let status = match &view.approved_at {
        Some(at) => format!("Approved {at}."),
        None if s.open_exceptions > 0 => format!(
            "Not yet approved: {} exception{} still open — resolve or approve them before payroll.",
            s.open_exceptions,
            if s.open_exceptions == 1 { "" } else { "s" }
        ),
        None => "Not yet approved; no exception is open.".to_string(),
    };
    Ok(Report {
        title: "Timecard sign-off".into(),
        department: super::department_name(conn)?,
        generated_on: today,
        scope: format!(
            "Pay period {} to {}",
            format_date(l.start),
            format_date(l.end())
        ),
        orientation: Orientation::Landscape,
        font_size: 8.5,
        summary: vec![status],
        columns: vec![
            Column::left("Employee no.", 1.2),
            Column::left("Name", 2.4),
            Column::right("Scheduled", 1.2),
            Column::right("Worked", 1.1),
            Column::right("Regular", 1.1),
            Column::right("Overtime", 1.2),
            Column::right("Time off", 1.1),
            Column::right("Open\nexceptions", 1.3),
            Column::left("Signature", 2.6),
            Column::left("Date", 1.2),
        ],
        rows,
        notes: vec![
            "By signing, each person confirms that the hours on their line are a true record of the time they worked in this pay period.".into(),
            format!(
                "Worked = the time clock's punches less unpaid meals ({}); regular and overtime under the department's overtime rule; time off = approved paid time off. Scheduled = the schedule's paid hours.",
                view.rounding_label
            ),
            "Manager: ______________________________   Signature: ______________________________   Date: ______________".into(),
        ],
        bands: None,
        file_stem: format!("timecards-{}", format_date(l.start)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_header_of_the_sheet_is_shown_whole_on_letter_and_a4() {
        let mut conn = crate::store::open_in_memory().unwrap();
        let today = crate::input::date("2026-11-25").unwrap();
        crate::sample::create(&mut conn, today).unwrap();
        let r = report(&conn, "2026-11-08", today).unwrap();
        for paper in [super::super::Paper::Letter, super::super::Paper::A4] {
            let plan = super::super::layout::plan_on(&r, paper);
            let cut: Vec<&String> = plan
                .header_lines
                .iter()
                .flatten()
                .filter(|l| l.ends_with('…'))
                .collect();
            assert!(cut.is_empty(), "{paper:?}: {cut:?}");
        }
    }
}

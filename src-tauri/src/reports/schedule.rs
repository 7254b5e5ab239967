//! The schedule of a period as a printed grid: one row per person (by role,
//! then name), one column per day with the shift code or the approved time
//! off, then paid hours and shifts; a last row counts who is on each day.
//! Six weeks print as two bands of three weeks, landscape, so the codes stay
//! readable; the CSV keeps every day in one row.

use super::table::{Bands, Cell, Column, Orientation, Report, Row};
use crate::error::AppResult;
use crate::input::format_date;
use crate::schedule::csv::time_off_code;
use crate::schedule::store::loaded_period;
use crate::schedule::view::{self, GridCell, ScheduleView};
use crate::schedule::TimeOffStatus;
use chrono::NaiveDate;
use rusqlite::Connection;
use std::collections::HashMap;

/// Days in one printed band: three weeks.
pub const BAND_DAYS: usize = 21;

fn cell(c: &GridCell) -> Cell {
    match (&c.shift_code, c.time_off, c.time_off_status) {
        (Some(code), _, _) => Cell::text(code.as_str()),
        (None, Some(kind), Some(TimeOffStatus::Approved)) => Cell::text(time_off_code(kind)),
        _ => Cell::default(),
    }
}

pub fn report(conn: &Connection, period_id: i64, today: NaiveDate) -> AppResult<Report> {
    let loaded = loaded_period::load(conn, period_id)?;
    let numbers: HashMap<i64, String> = loaded
        .people
        .iter()
        .map(|p| (p.id, p.employee_no.clone()))
        .collect();
    let view = view::build(&loaded, today);
    Ok(from_view(
        &view,
        &numbers,
        super::department_name(conn)?,
        today,
    ))
}

pub fn from_view(
    view: &ScheduleView,
    numbers: &HashMap<i64, String>,
    department: String,
    today: NaiveDate,
) -> Report {
    let period = &view.period;
    let mut columns = vec![
        Column::left("Name", 4.6),
        Column {
            csv_header: Some("Employee no.".into()),
            ..Column::left("Emp. no.", 2.2)
        },
        Column::left("Role", 1.3),
    ];
    for d in &view.days {
        // "Mon" over the day of the month (the band's label says which
        // month); the CSV has the full date.
        let mut c = Column::new(
            format!("{}\n{}", d.weekday, d.date[8..].trim_start_matches('0')),
            1.0,
            super::table::Align::Center,
        );
        c.shaded = d.weekend || d.holiday.is_some();
        c.csv_header = Some(d.date.clone());
        columns.push(c);
    }
    columns.push(Column::right("Paid\nhours", 1.5));
    columns.push(Column::right("Shifts", 1.3));

    let mut on_day = vec![0_i64; view.days.len()];
    let mut rows = Vec::new();
    let (mut paid, mut shifts) = (0, 0);
    for group in &view.groups {
        for row in &group.rows {
            let mut cells: Vec<Cell> = vec![
                row.name.clone().into(),
                numbers
                    .get(&row.staff_id)
                    .cloned()
                    .unwrap_or_default()
                    .into(),
                row.role.code().into(),
            ];
            for (i, c) in row.cells.iter().enumerate() {
                if c.shift_code.is_some() {
                    on_day[i] += 1;
                }
                cells.push(cell(c));
            }
            cells.push(super::table::hours_cell(row.totals.paid_minutes));
            cells.push(row.totals.shifts.to_string().into());
            paid += row.totals.paid_minutes;
            shifts += row.totals.shifts;
            rows.push(Row::body(cells));
        }
    }
    let mut total: Vec<Cell> = vec!["On shift".into(), Cell::default(), Cell::default()];
    total.extend(on_day.iter().map(|n| Cell::text(n.to_string())));
    total.push(super::table::hours_cell(paid));
    total.push(shifts.to_string().into());
    rows.push(Row::total(total));

    let weeks = view.days.len().div_ceil(7);
    let bands = (0..view.days.len())
        .step_by(BAND_DAYS)
        .map(|start| {
            let end = (start + BAND_DAYS).min(view.days.len());
            let label = format!(
                "Weeks {}–{}: {} to {}",
                start / 7 + 1,
                end.div_ceil(7),
                view.days[start].date,
                view.days[end - 1].date
            );
            (start..end, label)
        })
        .collect();
    let people = rows.len() - 1;
    Report {
        title: "Schedule".into(),
        department,
        generated_on: today,
        scope: format!(
            "{} to {} ({weeks} weeks, {})",
            period.start_date,
            period.end_date,
            period.status.label().to_lowercase()
        ),
        orientation: Orientation::Landscape,
        font_size: 7.0,
        summary: vec![format!(
            "{people} people, {shifts} shifts, {} paid hours (worked and paid time off).",
            super::table::hours(paid)
        )],
        columns,
        rows,
        notes: vec![format!(
            "Codes: {}. Approved time off: PTO, SICK, EDU (education), FMLA, OFF. Shaded columns are weekends and holidays.",
            view.shift_types
                .iter()
                .map(|s| format!("{} {}", s.code, s.name))
                .collect::<Vec<_>>()
                .join(", ")
        )],
        bands: Some(Bands {
            fixed_left: 3,
            fixed_right: 2,
            bands,
        }),
        file_stem: format!("schedule-{}", format_date(period.start())),
    }
}

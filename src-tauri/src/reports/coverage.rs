//! Coverage by shift and day: for every day of a period and every staffing
//! need (shift × role or skill), who is scheduled against the minimum and
//! the target, with the gaps marked — what a director or a staffing office
//! asks when a unit says it is short.

use super::table::{Align, Cell, Column, Orientation, Report, Row};
use crate::error::AppResult;
use crate::input::format_date;
use crate::schedule::store::loaded_period;
use crate::schedule::view::{self, CoverageStatus, ScheduleView};
use chrono::NaiveDate;
use rusqlite::Connection;

pub fn report(conn: &Connection, period_id: i64, today: NaiveDate) -> AppResult<Report> {
    let loaded = loaded_period::load(conn, period_id)?;
    let view = view::build(&loaded, today);
    Ok(from_view(&view, super::department_name(conn)?, today))
}

fn status_cell(scheduled: i64, minimum: i64, target: i64, status: CoverageStatus) -> Cell {
    match status {
        CoverageStatus::Short => Cell::alert(format!("Short by {}", minimum - scheduled)),
        CoverageStatus::UnderTarget => {
            Cell::text(format!("Under target by {}", target - scheduled))
        }
        CoverageStatus::Ok => Cell::text("Covered"),
        CoverageStatus::None => Cell::text("No need"),
    }
}

pub fn from_view(view: &ScheduleView, department: String, today: NaiveDate) -> Report {
    let columns = vec![
        Column::left("Date", 1.3),
        Column::left("Day", 0.6),
        Column::left("Shift · need", 2.4),
        Column::right("Scheduled", 1.1),
        Column::right("Minimum", 1.0),
        Column::right("Target", 0.9),
        Column::new("Status", 1.7, Align::Left),
    ];
    let mut rows = Vec::new();
    let (mut short_lines, mut short_people, mut under) = (0, 0, 0);
    for (i, day) in view.days.iter().enumerate() {
        for line in &view.coverage {
            let c = &line.days[i];
            if c.status == CoverageStatus::None && c.scheduled == 0 {
                continue;
            }
            match c.status {
                CoverageStatus::Short => {
                    short_lines += 1;
                    short_people += c.minimum - c.scheduled;
                }
                CoverageStatus::UnderTarget => under += 1,
                _ => {}
            }
            let mut scheduled = Cell::text(c.scheduled.to_string());
            scheduled.alert = c.status == CoverageStatus::Short;
            rows.push(Row::body(vec![
                day.date.clone().into(),
                day.weekday.clone().into(),
                line.label.clone().into(),
                scheduled,
                c.minimum.to_string().into(),
                c.target.to_string().into(),
                status_cell(c.scheduled, c.minimum, c.target, c.status),
            ]));
        }
    }
    let period = &view.period;
    Report {
        title: "Coverage by shift and day".into(),
        department,
        generated_on: today,
        scope: format!("{} to {}", period.start_date, period.end_date),
        orientation: Orientation::Portrait,
        font_size: 8.0,
        summary: vec![
            if short_lines == 0 {
                "Every shift meets its minimum.".to_string()
            } else {
                format!(
                    "{short_lines} shift {} below the minimum, {short_people} {} short in all.",
                    if short_lines == 1 { "need is" } else { "needs are" },
                    if short_people == 1 { "person" } else { "people" },
                )
            },
            format!("{under} more meet the minimum but not the target."),
        ],
        columns,
        rows,
        notes: vec![
            "A role need counts everyone of that role on the shift; a skill need (Charge…) everyone with the skill, so one nurse may count toward both. Needs come from Settings › Coverage.".into(),
        ],
        bands: None,
        file_stem: format!("coverage-{}", format_date(period.start())),
    }
}

//! Fairness over time as a report: per person, the weekends, holidays and
//! nights worked over the last 6 or 12 months against their share, and the
//! requests granted (`fairness` says what counts and what a share is).

use super::table::{Cell, Column, Orientation, Report, Row};
use crate::error::{AppError, AppResult};
use crate::fairness::{self, PersonFairness, WINDOW_MONTHS};
use crate::input::format_date;
use chrono::NaiveDate;
use rusqlite::Connection;

/// "3 of 1.2": a count against its share (none for per diem and agency).
fn against(count: i64, share: Option<f64>) -> Cell {
    match share {
        Some(s) => format!("{count} of {s:.1}").into(),
        None => count.to_string().into(),
    }
}

/// "+1.8": how far a count is over (or under) its share.
fn off_share(count: i64, share: Option<f64>) -> String {
    share.map_or_else(String::new, |s| format!("{:+.1}", count as f64 - s))
}

fn granted(p: &PersonFairness) -> String {
    if p.requests == 0 {
        return "—".into();
    }
    format!(
        "{} of {} ({} %)",
        p.granted,
        p.requests,
        p.granted * 100 / p.requests
    )
}

pub fn report(
    conn: &Connection,
    end: NaiveDate,
    months: Option<i64>,
    today: NaiveDate,
) -> AppResult<Report> {
    let months = months.unwrap_or(12);
    let Some(months) = WINDOW_MONTHS
        .iter()
        .copied()
        .find(|m| i64::from(*m) == months)
    else {
        return Err(AppError::field(
            "window_months",
            "Choose a window of 6 or 12 months.",
        ));
    };
    let (from, to) = fairness::window(end, months);
    let list = fairness::over(conn, from, to)?;
    let far: Vec<String> = list
        .iter()
        .filter(|p| {
            p.weekends_share
                .is_some_and(|s| (p.weekends as f64 - s).abs() >= 2.0)
        })
        .map(|p| {
            format!(
                "{} ({} weekends of {:.1})",
                p.name,
                p.weekends,
                p.weekends_share.unwrap_or(0.0)
            )
        })
        .collect();
    let (asked, met): (i64, i64) = list
        .iter()
        .fold((0, 0), |(a, g), p| (a + p.requests, g + p.granted));
    let mut summary = vec![format!(
        "{} people employed between {} and {}; requests granted: {}.",
        list.len(),
        format_date(from),
        format_date(to),
        if asked == 0 {
            "none made".to_string()
        } else {
            format!("{met} of {asked} ({} %)", met * 100 / asked)
        }
    )];
    summary.push(if far.is_empty() {
        "Nobody is 2 or more weekends from their share.".into()
    } else {
        format!("2 or more weekends from their share: {}.", far.join(", "))
    });
    let columns = vec![
        Column::left("Name", 2.2),
        Column::left("Role", 0.6),
        Column::right("FTE", 0.6),
        Column::right("Shifts", 0.7),
        Column::right("Weekends (share)", 1.3),
        Column::right("± share", 0.8),
        Column::right("Holidays (share)", 1.3),
        Column::right("Nights (share)", 1.3),
        Column::right("± share", 0.8),
        Column::right("Requests granted", 1.5),
    ];
    let rows = list
        .iter()
        .map(|p| {
            let no_fte = p.weekends_share.is_none();
            Row::body(vec![
                p.name.clone().into(),
                p.role.code().into(),
                if no_fte {
                    p.employment_type.label().into()
                } else {
                    crate::units::Fte(p.fte_hundredths).text().into()
                },
                p.shifts.to_string().into(),
                against(p.weekends, p.weekends_share),
                off_share(p.weekends, p.weekends_share).into(),
                against(p.holidays, p.holidays_share),
                against(p.nights, p.nights_share),
                off_share(p.nights, p.nights_share).into(),
                granted(p).into(),
            ])
        })
        .collect();
    Ok(Report {
        title: "Fairness over time".into(),
        department: super::department_name(conn)?,
        generated_on: today,
        scope: format!("{months} months: {} to {}", format_date(from), format_date(to)),
        orientation: Orientation::Landscape,
        font_size: 7.5,
        summary,
        columns,
        rows,
        notes: vec![
            "Every shift on a day of the window counts, in any period. A weekend is a Saturday or Sunday shift, counted once per weekend; a holiday shift starts on one of the department's holidays; a night is a shift type marked night.".into(),
            "A share is the role's count per FTE-day times the person's FTE and days employed in the window: a 0.5 FTE nurse hired halfway through is due a quarter of a full-timer's. Per diem and agency staff have no share.".into(),
            "A request is granted when the day came out as asked: off with no shift, or the shift asked (any shift when none was named).".into(),
        ],
        bands: None,
        file_stem: format!("fairness-{}-{months}m", format_date(to)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input;

    fn sample() -> (Connection, NaiveDate) {
        let today = input::date("2026-11-27").unwrap();
        let mut conn = crate::store::open_in_memory().unwrap();
        crate::sample::create(&mut conn, today).unwrap();
        (conn, today)
    }

    #[test]
    fn the_sample_reports_a_row_per_person_employed_with_shares_for_fte_staff() {
        let (conn, today) = sample();
        let r = report(&conn, today, Some(6), today).unwrap();
        let (from, to) = fairness::window(today, 6);
        let employed = fairness::over(&conn, from, to).unwrap().len();
        assert_eq!(r.rows.len(), employed);
        assert!(r.scope.starts_with("6 months"), "{}", r.scope);
        let worked: i64 = r
            .rows
            .iter()
            .map(|row| row.cells[3].text.parse::<i64>().unwrap())
            .sum();
        assert!(worked > 0, "the sample's published shifts are counted");
        assert!(
            r.rows.iter().any(|row| row.cells[4].text.contains(" of ")),
            "full-timers have a weekend share"
        );
    }

    #[test]
    fn only_a_window_of_6_or_12_months_is_taken() {
        let (conn, today) = sample();
        assert!(report(&conn, today, None, today)
            .unwrap()
            .scope
            .starts_with("12 months"));
        let err = report(&conn, today, Some(7), today).unwrap_err();
        assert!(err.message_for("window_months").is_some(), "{err:?}");
    }
}

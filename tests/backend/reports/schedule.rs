//! The schedule grid and the coverage report of the sample's current
//! period, read back against the grid the Schedule section shows.

use super::*;
use wardbook::schedule::store::{self, periods};
use wardbook::schedule::view::ScheduleView;
use wardbook_tests::{day, DataDir};

fn sample() -> (DataDir, Connection, ScheduleView) {
    let dir = DataDir::new();
    let mut conn = dir.open();
    wardbook::sample::create(&mut conn, day(TODAY)).unwrap();
    let period = periods::list(&conn).unwrap()[0].clone();
    let view = store::view(&conn, period.id, day(TODAY)).unwrap();
    (dir, conn, view)
}

fn by_period(view: &ScheduleView) -> ReportRequest {
    ReportRequest {
        period_id: Some(view.period.id),
        ..Default::default()
    }
}

#[test]
fn the_grid_holds_every_persons_codes_and_the_daily_count() {
    let (_dir, conn, view) = sample();
    let csv = make(
        &conn,
        ReportKind::Schedule,
        ReportFormat::Csv,
        &by_period(&view),
    );
    assert_eq!(csv.name, format!("schedule-{}.csv", view.period.start_date));
    let rows = csv_rows(&csv.bytes);
    let days = view.days.len();
    assert_eq!(days, 42, "the sample period is 6 weeks");
    assert_eq!(
        rows[0][3], view.days[0].date,
        "a column per day, headed by its date"
    );
    assert_eq!(rows[0][3 + days..], ["Paid hours", "Shifts"]);
    let people: Vec<_> = view.groups.iter().flat_map(|g| &g.rows).collect();
    assert_eq!(
        rows.len(),
        1 + people.len() + 1,
        "header, everyone, the count"
    );
    for (person, row) in people.iter().zip(&rows[1..]) {
        assert_eq!(row[0], person.name);
        for (cell, text) in person.cells.iter().zip(&row[3..3 + days]) {
            if let Some(code) = &cell.shift_code {
                assert_eq!(text, code, "{} on {}", person.name, cell.date);
            }
        }
        assert_eq!(row[3 + days + 1], person.totals.shifts.to_string());
    }
    let count = row(&rows, 0, "On shift");
    for (i, d) in view.days.iter().enumerate() {
        let on = people
            .iter()
            .filter(|p| p.cells[i].shift_code.is_some())
            .count();
        assert_eq!(count[3 + i], on.to_string(), "people on shift {}", d.date);
    }

    let pdf = make(
        &conn,
        ReportKind::Schedule,
        ReportFormat::Pdf,
        &by_period(&view),
    );
    let pages = pdf_pages(&pdf.bytes);
    let department = wardbook::department::require(&conn).unwrap().name;
    let scope = format!("{} to {}", view.period.start_date, view.period.end_date);
    assert_page_headers(&pages, &department, "Schedule", &scope);
    let first = pages
        .iter()
        .position(|p| p.contains("Weeks 1–3"))
        .expect("a band for weeks 1–3");
    let second = pages
        .iter()
        .position(|p| p.contains("Weeks 4–6"))
        .expect("a band for weeks 4–6");
    assert!(first < second, "the bands print in order");
    assert!(pages.len() >= 2);
    let someone = &people[0].name;
    assert!(
        pages[first].contains(someone.as_str()) && pages[second].contains(someone.as_str()),
        "names repeat on each band"
    );
    assert!(
        pages.iter().all(|p| p.contains("Paid")),
        "the header repeats on every page"
    );
}

#[test]
fn coverage_marks_a_day_emptied_of_its_day_shift_as_short() {
    let (_dir, conn, view) = sample();
    let first = &view.days[0].date;
    conn.execute(
        "DELETE FROM assignment WHERE date = ?1 AND shift_type_id = (SELECT id FROM shift_type WHERE code = 'D')",
        [first],
    )
    .unwrap();
    let view = store::view(&conn, view.period.id, day(TODAY)).unwrap();
    let line = view
        .coverage
        .iter()
        .find(|l| l.label == "Day · RN")
        .expect("the sample needs RNs on days");
    let minimum = line.days[0].minimum;
    assert!(minimum > 0);

    let rows = csv_rows(
        &make(
            &conn,
            ReportKind::Coverage,
            ReportFormat::Csv,
            &by_period(&view),
        )
        .bytes,
    );
    assert_eq!(
        rows[0],
        [
            "Date",
            "Day",
            "Shift · need",
            "Scheduled",
            "Minimum",
            "Target",
            "Status"
        ]
    );
    let gap = rows
        .iter()
        .find(|r| &r[0] == first && r[2] == "Day · RN")
        .expect("the emptied day is listed");
    assert_eq!(gap[3], "0");
    assert_eq!(gap[4], minimum.to_string());
    assert_eq!(gap[6], format!("Short by {minimum}"));
    let shorts = view
        .coverage
        .iter()
        .flat_map(|l| &l.days)
        .filter(|c| c.scheduled < c.minimum)
        .count();
    assert_eq!(
        rows.iter().filter(|r| r[6].starts_with("Short by")).count(),
        shorts,
        "every gap of the grid is in the report, and nothing else"
    );

    let pdf = make(
        &conn,
        ReportKind::Coverage,
        ReportFormat::Pdf,
        &by_period(&view),
    );
    let pages = pdf_pages(&pdf.bytes);
    let department = wardbook::department::require(&conn).unwrap().name;
    assert_page_headers(
        &pages,
        &department,
        "Coverage by shift and day",
        &view.period.start_date,
    );
    assert!(pages.len() > 1, "six weeks of needs run over several pages");
    assert!(pages[0].contains("below the minimum"), "{}", pages[0]);
    assert!(
        pages.iter().all(|p| p.contains("Scheduled")),
        "the header repeats"
    );
}

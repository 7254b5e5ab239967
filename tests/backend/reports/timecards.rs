//! The timecard sign-off sheet on the sample (as of 25 Nov 2026: pay
//! periods from 8 Nov, the last closed one 8–21 Nov with punches and
//! exceptions): the same hours as the timecards screen, the open exceptions
//! marked, a line to sign, and the approval stated.

use super::*;
use wardbook::attendance::exceptions::ExceptionKind;
use wardbook::attendance::{approval, period, timecards};
use wardbook_tests::{day, DataDir};

const START: &str = "2026-11-08";

fn sample() -> (DataDir, Connection) {
    let dir = DataDir::new();
    let mut conn = dir.open();
    wardbook::sample::create(&mut conn, day("2026-11-25")).unwrap();
    (dir, conn)
}

fn request(start: &str) -> ReportRequest {
    ReportRequest {
        pay_period_start: start.into(),
        ..Default::default()
    }
}

/// Hours as the CSV writes them ("11.5"), from minutes.
fn h(minutes: i64) -> String {
    wardbook::budget::money::hours_text(minutes).replace(',', "")
}

#[test]
fn each_line_holds_the_timecard_s_hours_and_the_total_the_period_s() {
    let (_dir, conn) = sample();
    let view = timecards::view(&conn, &period::load(&conn, START).unwrap()).unwrap();
    assert!(
        view.summary.open_exceptions > 0,
        "the sample has exceptions open"
    );
    let rows = csv_rows(
        &make(
            &conn,
            ReportKind::Timecards,
            ReportFormat::Csv,
            &request(START),
        )
        .bytes,
    );
    assert_eq!(
        rows[0],
        [
            "Employee no.",
            "Name",
            "Scheduled",
            "Worked",
            "Regular",
            "Overtime",
            "Time off",
            "Open exceptions",
            "Signature",
            "Date"
        ]
    );
    assert_eq!(
        rows.len(),
        view.timecards.len() + 2,
        "header, a line each, total"
    );
    for t in &view.timecards {
        let line = row(&rows, 0, &t.employee_no);
        assert_eq!(line[1], t.name);
        assert_eq!(line[2], h(t.scheduled_minutes), "{}", t.name);
        assert_eq!(line[3], h(t.worked_minutes), "{}", t.name);
        assert_eq!(line[5], h(t.overtime_minutes), "{}", t.name);
        assert_eq!(line[7], t.open_exceptions.to_string());
        assert_eq!(
            (line[8].as_str(), line[9].as_str()),
            ("", ""),
            "left to sign"
        );
    }
    let total = row(&rows, 0, "Total");
    assert_eq!(total[3], h(view.summary.worked_minutes));
    assert_eq!(total[5], h(view.summary.overtime_minutes));
    assert_eq!(total[7], view.summary.open_exceptions.to_string());
}

#[test]
fn the_sheet_says_whether_the_period_is_approved() {
    let (_dir, conn) = sample();
    let pages = pdf_pages(
        &make(
            &conn,
            ReportKind::Timecards,
            ReportFormat::Pdf,
            &request(START),
        )
        .bytes,
    );
    assert_page_headers(
        &pages,
        "4 West Medical-Surgical",
        "Timecard sign-off",
        "Pay period 2026-11-08 to 2026-11-21",
    );
    let all = pages.join("\n");
    assert!(all.contains("Not yet approved"), "{all}");
    assert!(all.contains("Manager:"), "a line for the manager to sign");

    let l = period::load(&conn, START).unwrap();
    // The missed punches are accepted as they are, then the period.
    for e in timecards::exceptions_of(&l) {
        if e.kind == ExceptionKind::MissedPunch {
            let workday = e.workday.to_string();
            approval::approve_exception(
                &conn,
                &l,
                e.staff_id,
                &workday,
                e.kind,
                "2026-11-24T14:00:00Z",
            )
            .unwrap();
        }
    }
    approval::approve_period(&conn, &l, "2026-11-24T15:00:00Z").unwrap();
    let pages = pdf_pages(
        &make(
            &conn,
            ReportKind::Timecards,
            ReportFormat::Pdf,
            &request(START),
        )
        .bytes,
    );
    assert!(
        pages.join("\n").contains("Approved 2026-11-24"),
        "{}",
        pages.join("\n")
    );
}

#[test]
fn a_pay_period_must_be_chosen_and_must_start_one() {
    let (_dir, conn) = sample();
    for start in ["", "2026-11-09"] {
        let err = reports::make(
            &conn,
            ReportKind::Timecards,
            ReportFormat::Pdf,
            &request(start),
            day(TODAY),
        )
        .unwrap_err();
        assert_eq!(
            err.field.as_deref(),
            Some("pay_period_start"),
            "{start:?}: {}",
            err.message
        );
    }
}

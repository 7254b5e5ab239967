//! The meal rule on the sample's own clock file with its meal column taken
//! out: the preview says on how many clocked shifts the shift's break was
//! deducted, the import stores it, and the rule off (or a meal column)
//! deducts nothing.

use super::super::run::{columns, import_file, preview_file};
use crate::attendance::settings::{self, AttendanceSettingsInput};
use crate::attendance::{period, store};
use crate::schedule::time::instant;
use chrono::{Duration, NaiveDate};
use rusqlite::Connection;

fn day(s: &str) -> NaiveDate {
    crate::input::date(s).unwrap()
}

/// The sample as of 25 Nov 2026 without its punches, and its clock file of
/// 8–21 Nov with and without the meal column.
fn sample() -> (Connection, String, String) {
    let mut conn = crate::store::open_in_memory().unwrap();
    crate::sample::create(&mut conn, day("2026-11-25")).unwrap();
    conn.execute_batch("DELETE FROM punch; DELETE FROM punch_import_mapping;")
        .unwrap();
    let start = day("2026-11-08");
    let tz = period::zone(&conn).unwrap();
    let until = instant(tz, day("2026-11-22").and_hms_opt(8, 0, 0).unwrap());
    let with =
        crate::sample::punches::clock_export(&conn, start, start + Duration::days(13), until)
            .unwrap();
    let mut r = csv::Reader::from_reader(with.as_bytes());
    let meal = r
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == "Meal")
        .unwrap();
    let mut w = csv::Writer::from_writer(Vec::new());
    let keep = |rec: &csv::StringRecord| {
        rec.iter()
            .enumerate()
            .filter(|(i, _)| *i != meal)
            .map(|(_, f)| f.to_string())
            .collect::<Vec<_>>()
    };
    w.write_record(keep(r.headers().unwrap())).unwrap();
    for rec in r.records() {
        w.write_record(keep(&rec.unwrap())).unwrap();
    }
    let without = String::from_utf8(w.into_inner().unwrap()).unwrap();
    (conn, with, without)
}

fn rule(conn: &Connection, on: bool) {
    settings::save(
        conn,
        &AttendanceSettingsInput {
            grace_minutes: "7".into(),
            rounding: crate::attendance::rounding::Rounding::None,
            deduct_missing_meal: on,
        },
    )
    .unwrap();
}

#[test]
fn a_file_without_meals_has_the_shifts_break_deducted_and_the_preview_says_so() {
    let (mut conn, with, without) = sample();
    let mapping = columns(&conn, &without).unwrap().mapping;
    let preview = preview_file(&conn, &without, &mapping).unwrap();
    assert!(
        preview.meals_deducted > 0 && preview.meals_deducted <= preview.punches,
        "{} of {}",
        preview.meals_deducted,
        preview.punches
    );
    import_file(&mut conn, &without, &mapping).unwrap();
    let stored = store::records(&conn, day("2026-11-08"), day("2026-11-21")).unwrap();
    let with_meal = stored.iter().filter(|r| r.punch.meal_minutes > 0).count();
    assert_eq!(
        with_meal as i64, preview.meals_deducted,
        "stored as previewed"
    );

    // The file with its meal column: the clock's meals, nothing deducted.
    let mapping = columns(&conn, &with).unwrap().mapping;
    assert_eq!(
        preview_file(&conn, &with, &mapping).unwrap().meals_deducted,
        0
    );
}

#[test]
fn with_the_rule_off_a_file_without_meals_is_paid_as_clocked() {
    let (conn, _, without) = sample();
    rule(&conn, false);
    let mapping = columns(&conn, &without).unwrap().mapping;
    assert_eq!(
        preview_file(&conn, &without, &mapping)
            .unwrap()
            .meals_deducted,
        0
    );
    rule(&conn, true);
    assert!(
        preview_file(&conn, &without, &mapping)
            .unwrap()
            .meals_deducted
            > 0
    );
}

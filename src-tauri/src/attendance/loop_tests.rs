//! The manager's whole loop on the sample department, through the same
//! functions the commands call: import the time clock's file, see the
//! exceptions, correct the missed punches with a reason, approve the
//! period, export payroll and check it against the timecards.

use super::approval;
use super::corrections::{self, PunchInput};
use super::exceptions::ExceptionKind;
use super::import::run;
use super::payroll::{self, PayrollLayout};
use super::period;
use super::timecards::{self, PayPeriodView};
use crate::schedule::time::instant;
use chrono::{Duration, NaiveDate};
use rusqlite::Connection;
use std::collections::HashMap;

const NOW: &str = "2026-11-25T15:00:00Z";

fn day(s: &str) -> NaiveDate {
    crate::input::date(s).unwrap()
}

/// The sample as of Wednesday 25 Nov 2026: pay periods from 8 Nov, so the
/// last closed one is 8–21 Nov.
fn sample() -> (Connection, NaiveDate, String) {
    let mut conn = crate::store::open_in_memory().unwrap();
    crate::sample::create(&mut conn, day("2026-11-25")).unwrap();
    // The sample comes with its punches imported; these tests import them.
    conn.execute_batch("DELETE FROM punch; DELETE FROM punch_import_mapping;")
        .unwrap();
    let start = day("2026-11-08");
    let tz = period::zone(&conn).unwrap();
    let until = instant(tz, day("2026-11-22").and_hms_opt(8, 0, 0).unwrap());
    let csv = crate::sample::punches::clock_export(&conn, start, start + Duration::days(13), until)
        .unwrap();
    (conn, start, csv)
}

fn view(conn: &Connection, start: NaiveDate) -> PayPeriodView {
    timecards::view(conn, &period::load(conn, &start.to_string()).unwrap()).unwrap()
}

fn count(v: &PayPeriodView, kind: ExceptionKind) -> usize {
    v.exceptions.iter().filter(|e| e.kind == kind).count()
}

fn fix(reason: &str, clock_in: &str, clock_out: &str, workday: &str) -> PunchInput {
    PunchInput {
        staff_id: None,
        workday: workday.into(),
        clock_in: clock_in.into(),
        clock_out: clock_out.into(),
        meal_minutes: "30".into(),
        reason: reason.into(),
    }
}

/// Minutes per (employee number, pay code) in a payroll CSV; a person's
/// hours of a code add up to their minutes rounded once.
fn payroll_minutes(csv: &[u8], code_col: usize) -> HashMap<(String, String), i64> {
    let mut out: HashMap<(String, String), (i64, i64)> = HashMap::new();
    let mut r = csv::Reader::from_reader(csv);
    for rec in r.records() {
        let rec = rec.unwrap();
        let minutes: i64 = rec[rec.len() - 1].parse().unwrap();
        let hundredths: i64 = rec[rec.len() - 2].replace('.', "").parse().unwrap();
        let e = out
            .entry((rec[0].to_string(), rec[code_col].to_string()))
            .or_default();
        e.0 += minutes;
        e.1 += hundredths;
    }
    for (key, (minutes, hundredths)) in &out {
        assert_eq!(
            *hundredths,
            super::paid_hours::hundredths(*minutes),
            "{key:?}: the hours are the minutes rounded once"
        );
    }
    out.into_iter().map(|(k, (m, _))| (k, m)).collect()
}

#[test]
fn import_exceptions_correct_approve_and_export_payroll() {
    let (mut conn, start, csv) = sample();

    // The layout is guessed from its Kronos headers.
    let cols = run::columns(&conn, &csv).unwrap();
    assert!(!cols.remembered);
    let preview = run::preview_file(&conn, &csv, &cols.mapping).unwrap();
    assert!(preview.refused.is_empty(), "{:?}", preview.refused);
    assert_eq!(
        preview.unmatched.len(),
        1,
        "the float pool's row is left out"
    );
    assert!(preview.unmatched[0].text.contains("88017"));
    assert_eq!(preview.stored, 0);
    assert_eq!(preview.from.as_deref(), Some("2026-11-08"));
    let outcome = run::import_file(&mut conn, &csv, &cols.mapping).unwrap();
    assert_eq!(outcome.replaced.added, preview.punches);
    assert_eq!(outcome.period_start, "2026-11-08");
    assert!(
        run::columns(&conn, &csv).unwrap().remembered,
        "the next file of this layout needs no mapping"
    );

    // The same file again changes nothing, and says so.
    let again = run::import_file(&mut conn, &csv, &cols.mapping).unwrap();
    assert_eq!(
        (
            again.replaced.added,
            again.replaced.removed,
            again.replaced.unchanged
        ),
        (0, 0, preview.punches)
    );

    let v = view(&conn, start);
    assert_eq!(count(&v, ExceptionKind::MissedPunch), 3);
    assert_eq!(
        count(&v, ExceptionKind::NoShow),
        1,
        "{:#?}",
        v.exceptions
            .iter()
            .filter(|e| e.kind == ExceptionKind::NoShow)
            .collect::<Vec<_>>()
    );
    assert_eq!(count(&v, ExceptionKind::Unscheduled), 1);
    assert!(count(&v, ExceptionKind::LateOut) >= 3);
    assert!(count(&v, ExceptionKind::LateArrival) >= 1);
    assert!(
        count(&v, ExceptionKind::IncidentalOvertime) >= 1,
        "the extra shift makes overtime the schedule did not have"
    );
    assert!(v.summary.incidental_overtime_cents > 0);
    assert!(v.exceptions.iter().all(|e| !e.reason.is_empty()));

    // Approval waits for the missed punches.
    let refused = approval::approve_period(&conn, &period::load(&conn, "2026-11-08").unwrap(), NOW)
        .unwrap_err();
    assert!(
        refused.message.contains("3 missed punches"),
        "{}",
        refused.message
    );

    let missed: Vec<_> = v
        .exceptions
        .iter()
        .filter(|e| e.kind == ExceptionKind::MissedPunch)
        .cloned()
        .collect();
    let first = missed[0].clone();
    let id = first.punch_id.expect("a missed punch has its punch");
    let no_reason =
        corrections::correct(&conn, id, &fix("  ", "07:00", "19:00", &first.workday), NOW)
            .unwrap_err();
    assert!(
        no_reason.message_for("reason").is_some(),
        "a correction needs a reason"
    );
    for e in &missed {
        let card = v
            .timecards
            .iter()
            .find(|t| t.staff_id == e.staff_id)
            .unwrap();
        let p = card
            .punches
            .iter()
            .find(|p| Some(p.id) == e.punch_id)
            .unwrap();
        // The missing half twelve hours from the other: the shift's length.
        let twelve = |t: &str| {
            format!(
                "{:02}{}",
                (t[..2].parse::<u32>().unwrap() + 12) % 24,
                &t[2..]
            )
        };
        let (i, o) = match (&p.clock_in, &p.clock_out) {
            (Some(i), None) => (i.clone(), twelve(i)),
            (None, Some(o)) => (twelve(o), o.clone()),
            _ => unreachable!("a missed punch has one half"),
        };
        corrections::correct(
            &conn,
            p.id,
            &fix(
                "Forgot to punch; confirmed by charge nurse",
                &i,
                &o,
                &p.workday,
            ),
            NOW,
        )
        .unwrap();
    }
    let v = view(&conn, start);
    assert_eq!(count(&v, ExceptionKind::MissedPunch), 0);

    // The history keeps the times before and after, and the reason.
    let (before, after): (String, String) = conn
        .query_row(
            "SELECT before, after FROM audit_log WHERE table_name = 'punch' AND action = 'update'
             ORDER BY id LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert!(after.contains("confirmed by charge nurse"), "{after}");
    assert_ne!(before, after);

    let l = period::load(&conn, "2026-11-08").unwrap();
    approval::approve_period(&conn, &l, NOW).unwrap();
    let v = view(&conn, start);
    assert!(v.approved_at.is_some());
    let locked = run::import_file(&mut conn, &csv, &cols.mapping).unwrap_err();
    assert!(locked.message.contains("approved"), "{}", locked.message);

    // Payroll: each person's rows add up to their timecard, to the minute.
    let l = period::load(&conn, "2026-11-08").unwrap();
    let by_period = payroll::export(&l, PayrollLayout::ByPeriod).unwrap();
    let by_day = payroll::export(&l, PayrollLayout::ByDay).unwrap();
    let (p, d) = (
        payroll_minutes(&by_period.bytes, 4),
        payroll_minutes(&by_day.bytes, 3),
    );
    assert_eq!(p, d, "both layouts hold the same minutes");
    for t in &v.timecards {
        for c in &t.by_code {
            assert_eq!(
                p.get(&(t.employee_no.clone(), c.code.clone())),
                Some(&c.minutes),
                "{} {}",
                t.name,
                c.code
            );
        }
    }
    let total: i64 = p.values().sum();
    assert_eq!(total, v.summary.worked_minutes + v.summary.time_off_minutes);
    assert!(v.summary.overtime_minutes > 0);

    // A correction after approval is allowed and shown as such.
    let card = v.timecards.iter().find(|t| !t.punches.is_empty()).unwrap();
    let p = &card.punches[0];
    let later = "2026-11-26T15:00:00Z";
    corrections::correct(
        &conn,
        p.id,
        &fix(
            "Payroll asked: out was 19:30",
            p.clock_in.as_deref().unwrap_or("07:00"),
            "19:30",
            &p.workday,
        ),
        later,
    )
    .unwrap();
    let v = view(&conn, start);
    let p = v
        .timecards
        .iter()
        .flat_map(|t| &t.punches)
        .find(|x| x.id == p.id)
        .unwrap();
    assert!(p.after_approval);
}

#[test]
fn a_payroll_export_waits_for_approval() {
    let (mut conn, _, csv) = sample();
    let cols = run::columns(&conn, &csv).unwrap();
    run::import_file(&mut conn, &csv, &cols.mapping).unwrap();
    let e = payroll::export(
        &period::load(&conn, "2026-11-08").unwrap(),
        PayrollLayout::ByDay,
    )
    .unwrap_err();
    assert!(e.message.contains("Approve the pay period"));
    let wrong = period::load(&conn, "2026-11-09").err().unwrap();
    assert!(
        wrong
            .message_for("start")
            .unwrap()
            .contains("starts on 2026-11-08"),
        "a day inside a period is not its start"
    );
}

#[test]
fn a_punch_typed_in_needs_a_person_a_time_and_a_reason() {
    let (conn, start, _) = sample();
    let staff_id: i64 = conn
        .query_row("SELECT id FROM staff ORDER BY id LIMIT 1", [], |r| r.get(0))
        .unwrap();
    let mut form = fix("Clock was down", "", "", "2026-11-10");
    let e = corrections::add(&conn, &form, NOW).unwrap_err();
    assert!(e.message_for("staff_id").is_some());
    form.staff_id = Some(staff_id);
    let e = corrections::add(&conn, &form, NOW).unwrap_err();
    assert!(e.message_for("clock_in").is_some(), "neither time given");
    form.clock_in = "6:55 PM".into();
    form.clock_out = "7:10 AM".into();
    form.meal_minutes = "45".into();
    let r = corrections::add(&conn, &form, NOW).unwrap();
    assert_eq!(
        r.punch.worked_minutes(),
        Some(12 * 60 + 15 - 45),
        "an out before the in is the next morning"
    );
    assert_eq!(r.correction.as_deref(), Some("Clock was down"));
    form.clock_out = "25:00".into();
    let e = corrections::add(&conn, &form, NOW).unwrap_err();
    assert!(e
        .message_for("clock_out")
        .unwrap()
        .contains("is not a time"));
    let v = view(&conn, start);
    assert_eq!(v.punch_count, 1);
}

#[test]
fn a_shift_still_to_come_is_no_no_show() {
    let mut conn = crate::store::open_in_memory().unwrap();
    crate::sample::create(&mut conn, day("2026-11-25")).unwrap();
    conn.execute("DELETE FROM punch", []).unwrap();
    let tz = period::zone(&conn).unwrap();
    let rules = crate::schedule::store::rule_settings::load(&conn).unwrap();
    let noon = instant(tz, day("2026-11-25").and_hms_opt(12, 0, 0).unwrap());
    let l = period::load_at(&conn, rules, day("2026-11-22"), noon).unwrap();
    let shows: Vec<_> = timecards::exceptions_of(&l)
        .into_iter()
        .filter(|e| e.kind == ExceptionKind::NoShow)
        .collect();
    assert!(shows.iter().any(|e| e.workday == day("2026-11-22")));
    assert!(
        shows.iter().any(|e| e.workday == day("2026-11-24")),
        "last night's shift ended at 07:00 with no punch"
    );
    assert!(
        shows.iter().all(|e| e.workday <= day("2026-11-24")),
        "today's day shift is still running at noon, tonight's is to come"
    );

    // Someone who punched in at 06:58 today is at work, not a missed punch;
    // the next day, with still no out, they are.
    let staff_id: i64 = conn
        .query_row("SELECT id FROM staff ORDER BY id LIMIT 1", [], |r| r.get(0))
        .unwrap();
    conn.execute(
        "INSERT INTO punch (staff_id, workday, clock_in) VALUES (?1, '2026-11-25', '2026-11-25T12:58:00Z')",
        [staff_id],
    )
    .unwrap();
    let missed = |now| {
        let rules = crate::schedule::store::rule_settings::load(&conn).unwrap();
        let l = period::load_at(&conn, rules, day("2026-11-22"), now).unwrap();
        timecards::exceptions_of(&l)
            .into_iter()
            .filter(|e| e.kind == ExceptionKind::MissedPunch && e.staff_id == staff_id)
            .count()
    };
    assert_eq!(missed(noon), 0);
    assert_eq!(missed(noon + Duration::hours(24)), 1);
}

#[test]
fn the_sample_has_punches_with_exceptions_to_review() {
    let mut conn = crate::store::open_in_memory().unwrap();
    crate::sample::create(&mut conn, day("2026-11-25")).unwrap();
    let v = view(&conn, day("2026-11-08"));
    assert!(v.punch_count > 200, "a closed period of a 55-person unit");
    assert_eq!(count(&v, ExceptionKind::MissedPunch), 3);
    assert_eq!(count(&v, ExceptionKind::NoShow), 1);
    assert_eq!(count(&v, ExceptionKind::Unscheduled), 1);
    assert!(
        v.summary.overtime_minutes > 0,
        "the overtime card is not 0.0 %"
    );
    let current = view(&conn, day("2026-11-22"));
    assert!(
        current.punch_count > 0,
        "the current period up to yesterday"
    );
}

#[test]
fn a_no_show_becomes_a_call_out_or_time_off_and_leaves_the_list() {
    use super::no_show::{resolve, NoShowAs};
    use crate::schedule::TimeOffKind;
    for how in [NoShowAs::CallOut, NoShowAs::TimeOff] {
        let mut conn = crate::store::open_in_memory().unwrap();
        crate::sample::create(&mut conn, day("2026-11-25")).unwrap();
        let start = day("2026-11-08");
        let v = view(&conn, start);
        let e = v
            .exceptions
            .iter()
            .find(|e| e.kind == ExceptionKind::NoShow)
            .expect("the sample's no-show")
            .clone();
        let l = period::load(&conn, "2026-11-08").unwrap();
        resolve(
            &mut conn,
            &l,
            e.staff_id,
            &e.workday,
            how,
            TimeOffKind::Sick,
            true,
            NOW,
        )
        .unwrap();
        let v = view(&conn, start);
        assert_eq!(count(&v, ExceptionKind::NoShow), 0, "{how:?}");
        let l = period::load(&conn, "2026-11-08").unwrap();
        let again = resolve(
            &mut conn,
            &l,
            e.staff_id,
            &e.workday,
            how,
            TimeOffKind::Sick,
            true,
            NOW,
        );
        assert!(again.is_err(), "a no-show is resolved once");
        match how {
            NoShowAs::CallOut => {
                let called: i64 = conn
                    .query_row(
                        "SELECT count(*) FROM call_out WHERE staff_id = ?1 AND date = ?2",
                        rusqlite::params![e.staff_id, e.workday],
                        |r| r.get(0),
                    )
                    .unwrap();
                assert_eq!(called, 1, "recorded as the schedule's call-out");
            }
            NoShowAs::TimeOff => {
                let status: String = conn
                    .query_row(
                        "SELECT status FROM time_off WHERE staff_id = ?1 AND from_date = ?2",
                        rusqlite::params![e.staff_id, e.workday],
                        |r| r.get(0),
                    )
                    .unwrap();
                assert_eq!(status, "approved");
            }
        }
    }
}

/// A night whose in punch is lost: Kronos dates the row by the night's start
/// (its apply date) and gives only "7:09 AM" out. The out is the morning
/// after: one missed punch on that night, not a no-show on it and a second
/// out on the night before (the fresh-eyes try of #26 saw that).
#[test]
fn a_night_row_with_only_its_out_time_is_that_nights_missed_punch() {
    let (mut conn, start, csv) = sample();
    let mut rows: Vec<csv::StringRecord> = csv::Reader::from_reader(csv.as_bytes())
        .records()
        .map(Result::unwrap)
        .collect();
    let night = rows
        .iter()
        .position(|r| r[3].ends_with("PM") && r[4].ends_with("AM") && &r[0] != "88017")
        .expect("the sample has a night");
    let (employee_no, apply_date) = (rows[night][0].to_string(), rows[night][2].to_string());
    let mut fields: Vec<String> = rows[night].iter().map(str::to_string).collect();
    fields[3].clear();
    rows[night] = csv::StringRecord::from(fields);
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record([
        "Person Number",
        "Employee Name",
        "Apply Date",
        "In Punch",
        "Out Punch",
        "Pay Code",
        "Meal",
    ])
    .unwrap();
    for r in &rows {
        out.write_record(r).unwrap();
    }
    let csv = String::from_utf8(out.into_inner().unwrap()).unwrap();

    let cols = run::columns(&conn, &csv).unwrap();
    run::import_file(&mut conn, &csv, &cols.mapping).unwrap();
    let v = view(&conn, start);
    let staff_id: i64 = conn
        .query_row(
            "SELECT id FROM staff WHERE employee_no = ?1",
            [&employee_no],
            |r| r.get(0),
        )
        .unwrap();
    let workday = NaiveDate::parse_from_str(&apply_date, "%m/%d/%Y").unwrap();
    let theirs: Vec<_> = v
        .exceptions
        .iter()
        .filter(|e| e.staff_id == staff_id && e.workday == workday.to_string())
        .map(|e| e.kind)
        .collect();
    assert!(
        theirs.contains(&ExceptionKind::MissedPunch),
        "the night of {workday} has its missed in punch: {theirs:?}"
    );
    assert!(!theirs.contains(&ExceptionKind::NoShow), "{theirs:?}");
    assert_eq!(
        count(&v, ExceptionKind::MissedPunch),
        4,
        "the sample's 3 and this one"
    );
    assert_eq!(count(&v, ExceptionKind::NoShow), 1, "the sample's one only");
}

/// The sample's no-show of 8–21 Nov, found on the timecards.
fn no_show(conn: &Connection, start: NaiveDate) -> super::timecards::ExceptionRow {
    view(conn, start)
        .exceptions
        .into_iter()
        .find(|e| e.kind == ExceptionKind::NoShow)
        .expect("the sample's no-show")
}

/// Paid sick time off for a no-show replaces the scheduled shift: the shift
/// leaves the schedule (no rule broken by "approved sick, so cannot work"),
/// and the day pays the shift's paid hours as SICK on the timecard and in
/// the payroll export (the fresh-eyes try of #26 saw 0 paid and a rule break).
#[test]
fn paid_sick_time_off_for_a_no_show_pays_the_shift_and_replaces_it() {
    use super::no_show::{resolve, NoShowAs};
    use crate::schedule::TimeOffKind;
    let mut conn = crate::store::open_in_memory().unwrap();
    crate::sample::create(&mut conn, day("2026-11-25")).unwrap();
    let start = day("2026-11-08");
    let e = no_show(&conn, start);
    let l = period::load(&conn, "2026-11-08").unwrap();
    let shift_minutes: i64 = l
        .shifts
        .iter()
        .filter(|s| s.staff_id == e.staff_id && s.date == day(&e.workday))
        .map(|s| s.paid_minutes())
        .sum();
    assert!(shift_minutes > 0, "{e:?}: {shift_minutes}");
    let card = |v: &PayPeriodView| {
        v.timecards
            .iter()
            .find(|t| t.staff_id == e.staff_id)
            .unwrap()
            .clone()
    };
    let before = card(&view(&conn, start));
    resolve(
        &mut conn,
        &l,
        e.staff_id,
        &e.workday,
        NoShowAs::TimeOff,
        TimeOffKind::Sick,
        true,
        NOW,
    )
    .unwrap();
    let assigned: i64 = conn
        .query_row(
            "SELECT count(*) FROM assignment WHERE staff_id = ?1 AND date = ?2",
            rusqlite::params![e.staff_id, e.workday],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        assigned, 0,
        "the shift the time off replaced is off the schedule"
    );
    let history: i64 = conn
        .query_row(
            "SELECT count(*) FROM audit_log WHERE table_name IN ('assignment', 'time_off')
             AND staff_id = ?1 AND at >= (SELECT max(at) FROM audit_log WHERE table_name = 'time_off')",
            [e.staff_id],
            |r| r.get(0),
        )
        .unwrap();
    assert!(
        history >= 2,
        "the time off and the shift's removal are in the history"
    );
    let after = card(&view(&conn, start));
    assert_eq!(
        after.time_off_minutes - before.time_off_minutes,
        shift_minutes,
        "the day pays the shift's paid minutes"
    );
    let sick = after
        .by_code
        .iter()
        .find(|c| c.code == "SICK")
        .map(|c| c.minutes);
    assert!(sick.unwrap_or(0) >= shift_minutes, "{:?}", after.by_code);
    assert_eq!(
        after.scheduled_minutes,
        before.scheduled_minutes - shift_minutes,
        "the shift is no longer scheduled"
    );

    // Payroll pays it as SICK.
    let l = period::load(&conn, "2026-11-08").unwrap();
    for ex in timecards::view(&conn, &l).unwrap().exceptions {
        if ex.kind == ExceptionKind::MissedPunch {
            let _ = approval::approve_exception(&conn, &l, ex.staff_id, &ex.workday, ex.kind, NOW);
        }
    }
    let l = period::load(&conn, "2026-11-08").unwrap();
    approval::approve_period(&conn, &l, NOW).unwrap();
    let l = period::load(&conn, "2026-11-08").unwrap();
    let file = payroll::export(&l, PayrollLayout::ByDay).unwrap();
    let paid = payroll_minutes(&file.bytes, 3);
    assert_eq!(
        paid.get(&(after.employee_no.clone(), "SICK".into()))
            .copied(),
        sick,
        "the payroll export pays the sick day as the timecard does"
    );
}

/// Agency and per diem staff are not paid by the hospital for time off:
/// paid time off for their no-show is refused beside the Paid box, and
/// nothing is recorded; unpaid time off is fine.
#[test]
fn paid_time_off_for_agency_staff_is_refused() {
    use super::no_show::{resolve, NoShowAs};
    use crate::schedule::TimeOffKind;
    let mut conn = crate::store::open_in_memory().unwrap();
    crate::sample::create(&mut conn, day("2026-11-25")).unwrap();
    let start = day("2026-11-08");
    let e = no_show(&conn, start);
    for (kind, refused) in [("agency", true), ("per_diem", true), ("part_time", false)] {
        let mut conn = crate::store::open_in_memory().unwrap();
        crate::sample::create(&mut conn, day("2026-11-25")).unwrap();
        conn.execute(
            "UPDATE staff SET employment_type = ?1 WHERE id = ?2",
            rusqlite::params![kind, e.staff_id],
        )
        .unwrap();
        let l = period::load(&conn, "2026-11-08").unwrap();
        let got = resolve(
            &mut conn,
            &l,
            e.staff_id,
            &e.workday,
            NoShowAs::TimeOff,
            TimeOffKind::Sick,
            true,
            NOW,
        );
        let offs: i64 = conn
            .query_row(
                "SELECT count(*) FROM time_off WHERE staff_id = ?1 AND from_date = ?2",
                rusqlite::params![e.staff_id, e.workday],
                |r| r.get(0),
            )
            .unwrap();
        if refused {
            let err = got.unwrap_err();
            assert_eq!(err.field.as_deref(), Some("paid"), "{kind}");
            assert!(
                err.message
                    .contains("not paid by the hospital for time off"),
                "{}",
                err.message
            );
            assert_eq!(offs, 0, "{kind}: nothing recorded");
            let l = period::load(&conn, "2026-11-08").unwrap();
            resolve(
                &mut conn,
                &l,
                e.staff_id,
                &e.workday,
                NoShowAs::TimeOff,
                TimeOffKind::Sick,
                false,
                NOW,
            )
            .expect("unpaid time off is recorded");
        } else {
            got.unwrap();
            assert_eq!(offs, 1, "{kind}");
        }
    }
}

/// Approves the sample's 8–21 Nov period (its missed punches accepted).
fn approve_sample(conn: &Connection) {
    let l = period::load(conn, "2026-11-08").unwrap();
    for ex in timecards::view(conn, &l).unwrap().exceptions {
        if ex.kind == ExceptionKind::MissedPunch {
            approval::approve_exception(conn, &l, ex.staff_id, &ex.workday, ex.kind, NOW).unwrap();
        }
    }
    let l = period::load(conn, "2026-11-08").unwrap();
    approval::approve_period(conn, &l, NOW).unwrap();
}

/// A change to an approved, exported period is shown as a correction after
/// approval, with the hours it changed since the export; the exception it
/// makes is to review (not approved with the period); and the next payroll
/// file says what differs from the last (#26: a punch made 1 h more, its
/// late out was approved by itself and the re-export said nothing).
#[test]
fn a_change_after_approval_is_shown_and_its_new_exception_is_to_review() {
    use super::after_approval;
    let mut conn = crate::store::open_in_memory().unwrap();
    crate::sample::create(&mut conn, day("2026-11-25")).unwrap();
    let start = day("2026-11-08");
    approve_sample(&conn);
    let v = view(&conn, start);
    assert_eq!(v.after_approval, None, "nothing changed yet");
    assert!(v.exceptions.iter().all(|e| e.approved));
    let (_, note) = payroll::prepare(&conn, "2026-11-08", PayrollLayout::ByPeriod).unwrap();
    assert_eq!(note, None, "a first export has nothing to compare with");
    payroll::saved(&conn, "2026-11-08", "2026-11-25T16:00:00Z").unwrap();
    let before = view(&conn, start);

    // A day punch with no exception, clocked out an hour later.
    let (card, punch) = before
        .timecards
        .iter()
        .flat_map(|t| t.punches.iter().map(move |p| (t, p)))
        .find(|(t, p)| {
            p.worked_minutes.is_some()
                && !p.out_next_day
                && p.clock_out.as_deref().is_some_and(|o| o < "20:00")
                && !before
                    .exceptions
                    .iter()
                    .any(|e| e.staff_id == t.staff_id && e.workday == p.workday)
        })
        .map(|(t, p)| (t.clone(), p.clone()))
        .expect("a plain day punch");
    let out = punch.clock_out.clone().unwrap();
    let later = format!("{:02}{}", out[..2].parse::<i64>().unwrap() + 1, &out[2..]);
    corrections::correct(
        &conn,
        punch.id,
        &fix(
            "Stayed for a handover",
            punch.clock_in.as_deref().unwrap(),
            &later,
            &punch.workday,
        ),
        "2026-11-26T09:00:00Z",
    )
    .unwrap();
    let after = view(&conn, start);
    assert!(after.approved_at.is_some(), "the period stays approved");
    let paid = |v: &PayPeriodView| v.summary.worked_minutes + v.summary.time_off_minutes;
    assert_eq!(paid(&after) - paid(&before), 60);
    assert_eq!(
        after.after_approval.as_deref(),
        Some("Changed after approval: +1.0 h since payroll was exported (1 clocked shift corrected).")
    );
    let changed = after
        .timecards
        .iter()
        .find(|t| t.staff_id == card.staff_id)
        .unwrap();
    assert!(changed.changed_after_approval, "shown on the timecard");
    assert!(after
        .timecards
        .iter()
        .filter(|t| t.staff_id != card.staff_id)
        .all(|t| !t.changed_after_approval));
    let new: Vec<_> = after
        .exceptions
        .iter()
        .filter(|e| e.staff_id == card.staff_id && e.workday == punch.workday)
        .collect();
    assert!(!new.is_empty(), "the late out is an exception");
    assert!(
        new.iter().all(|e| !e.approved),
        "to review, not approved by itself"
    );
    assert_eq!(after.summary.open_exceptions, new.len() as i64);

    // Approving it one by one still works, and the export says what differs.
    let l = period::load(&conn, "2026-11-08").unwrap();
    for e in &new {
        approval::approve_exception(&conn, &l, e.staff_id, &e.workday, e.kind, NOW).unwrap();
    }
    assert_eq!(view(&conn, start).summary.open_exceptions, 0);
    let (_, note) = payroll::prepare(&conn, "2026-11-08", PayrollLayout::ByPeriod).unwrap();
    let note = note.expect("the re-export says the period changed");
    assert!(note.contains("1.00 h more"), "{note}");
    payroll::saved(&conn, "2026-11-08", "2026-11-26T10:00:00Z").unwrap();
    let (_, note) = payroll::prepare(&conn, "2026-11-08", PayrollLayout::ByPeriod).unwrap();
    assert_eq!(note, None, "nothing changed since that export");
    let l = period::load(&conn, "2026-11-08").unwrap();
    let marks = after_approval::marks(&conn, &l).unwrap();
    assert_eq!(
        marks.exported_minutes,
        Some(after_approval::paid_minutes(&l))
    );
}

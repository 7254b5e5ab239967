//! Fill schedule on the sample department's draft, through the store on a
//! real file: a proposal changes nothing until accepted; Accept writes
//! exactly the proposal, in one go, and only onto the period it was made
//! for; a published period cannot be filled.

use rusqlite::Connection;
use std::sync::atomic::AtomicBool;
use wardbook::fill::department::{map, FillOptions};
use wardbook::fill::run::run;
use wardbook::fill::store;
use wardbook::fill::summary::{proposed_assignments, summary};
use wardbook::schedule::rules::{check_all, Severity};
use wardbook::schedule::store::periods::{self, PeriodStatus};
use wardbook::schedule::store::{assignments, locks};
use wardbook::schedule::Assignment;
use wardbook_tests::{day, DataDir};

const TODAY: &str = "2026-11-27";

fn sample() -> (DataDir, Connection) {
    let dir = DataDir::new();
    let mut conn = dir.open();
    wardbook::sample::create(&mut conn, day(TODAY)).unwrap();
    (dir, conn)
}

fn period_id(conn: &Connection, status: PeriodStatus) -> i64 {
    periods::list(conn)
        .unwrap()
        .into_iter()
        .find(|p| p.status == status)
        .unwrap()
        .id
}

/// Every assignment in the file, in a stable order.
fn all(conn: &Connection) -> Vec<(i64, String, i64, i64)> {
    let mut stmt = conn
        .prepare("SELECT staff_id, date, shift_type_id, period_id FROM assignment ORDER BY staff_id, date")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

/// A proposal for the draft: (what it started from, the period after it).
fn propose(conn: &Connection, id: i64) -> (Vec<Assignment>, Vec<Assignment>) {
    let loaded = store::load_draft(conn, id).unwrap();
    let mapped = map(&loaded, &FillOptions::default());
    let options = FillOptions {
        seconds: 2,
        ..FillOptions::default()
    };
    let outcome = run(&mapped, &options, 11, &AtomicBool::new(false), &mut |_| {}).unwrap();
    let proposed = proposed_assignments(&loaded.ctx, &mapped, &outcome.roster);
    let s = summary(&loaded, &mapped, &outcome, false, 3);
    assert!(s.added > 0, "the draft has gaps to fill");
    (store::in_period(&loaded), proposed)
}

#[test]
fn a_proposal_and_its_preview_change_nothing_until_accepted() {
    let (_dir, conn) = sample();
    let id = period_id(&conn, PeriodStatus::Draft);
    let before = all(&conn);
    let (_, proposed) = propose(&conn, id);
    let loaded = store::load_draft(&conn, id).unwrap();
    let preview = store::preview(&loaded, &proposed, day(TODAY));
    assert_eq!(preview.period.id, id);
    assert_eq!(
        all(&conn),
        before,
        "discarding is dropping the proposal: the file is untouched"
    );
}

#[test]
fn accept_writes_exactly_the_proposal_and_adds_no_blocking_violation() {
    let (_dir, mut conn) = sample();
    let id = period_id(&conn, PeriodStatus::Draft);
    let outside: Vec<_> = all(&conn).into_iter().filter(|a| a.3 != id).collect();
    let (base, proposed) = propose(&conn, id);
    let view = store::accept(&mut conn, id, &base, &proposed, day(TODAY)).unwrap();
    let loaded = store::load_draft(&conn, id).unwrap();
    let mut expected: Vec<_> = proposed
        .iter()
        .filter(|a| loaded.ctx.in_period(a.date))
        .map(|a| (a.staff_id, a.date, a.shift_type_id))
        .collect();
    expected.sort();
    let saved: Vec<_> = store::in_period(&loaded)
        .iter()
        .map(|a| (a.staff_id, a.date, a.shift_type_id))
        .collect();
    assert_eq!(
        saved, expected,
        "the period holds the proposal, cell for cell"
    );
    let others: Vec<_> = all(&conn).into_iter().filter(|a| a.3 != id).collect();
    assert_eq!(others, outside, "other periods are untouched");
    assert!(
        !check_all(&loaded.ctx)
            .iter()
            .any(|v| v.severity == Severity::Block),
        "no blocking violation left"
    );
    assert!(!view
        .violations
        .iter()
        .any(|v| v.severity == Severity::Block));
}

#[test]
fn accept_refuses_when_the_period_changed_since_the_fill_and_saves_nothing() {
    let (_dir, mut conn) = sample();
    let id = period_id(&conn, PeriodStatus::Draft);
    let (base, proposed) = propose(&conn, id);
    // The manager clears a cell by hand while the fill runs.
    let a = &base[0];
    assignments::clear(
        &mut conn,
        id,
        a.staff_id,
        &a.date.to_string(),
        day(TODAY),
        "now",
    )
    .unwrap();
    let before = all(&conn);
    let err = store::accept(&mut conn, id, &base, &proposed, day(TODAY)).unwrap_err();
    assert!(
        err.message.contains("changed while the fill was running"),
        "{}",
        err.message
    );
    assert_eq!(all(&conn), before, "nothing saved");
}

#[test]
fn accept_refuses_a_proposal_that_would_break_a_blocking_rule() {
    let (_dir, mut conn) = sample();
    let id = period_id(&conn, PeriodStatus::Draft);
    let (base, mut proposed) = propose(&conn, id);
    let loaded = store::load_draft(&conn, id).unwrap();
    // Someone with approved time off in the period, put on a shift then.
    let off = loaded
        .ctx
        .time_off
        .iter()
        .find(|t| {
            t.status == wardbook::schedule::TimeOffStatus::Approved && loaded.ctx.in_period(t.from)
        })
        .expect("the sample has approved time off in the draft");
    proposed.retain(|a| !(a.staff_id == off.staff_id && a.date == off.from));
    proposed.push(Assignment {
        staff_id: off.staff_id,
        date: off.from,
        shift_type_id: loaded.ctx.shift_types[0].id,
        published_change: false,
    });
    let before = all(&conn);
    let err = store::accept(&mut conn, id, &base, &proposed, day(TODAY)).unwrap_err();
    assert!(
        err.message.starts_with("Nothing was saved:"),
        "{}",
        err.message
    );
    assert_eq!(all(&conn), before);
}

#[test]
fn a_published_period_cannot_be_filled() {
    let (_dir, conn) = sample();
    let id = period_id(&conn, PeriodStatus::Published);
    let err = store::load_draft(&conn, id).unwrap_err();
    assert!(
        err.message.contains("Fill schedule works on a draft"),
        "{}",
        err.message
    );
}

#[test]
fn locked_cells_show_on_the_grid_and_a_fill_replacing_the_rest_keeps_them() {
    let (_dir, conn) = sample();
    let id = period_id(&conn, PeriodStatus::Draft);
    let loaded = store::load_draft(&conn, id).unwrap();
    let kept = store::in_period(&loaded)[0].clone();
    let free = loaded
        .ctx
        .days()
        .map(|d| (kept.staff_id, d))
        .find(|&(s, d)| {
            !loaded
                .ctx
                .assignments
                .iter()
                .any(|a| a.staff_id == s && a.date == d)
        })
        .expect("a day off for the same person");
    let today = day(TODAY);
    locks::set(
        &conn,
        id,
        kept.staff_id,
        &kept.date.to_string(),
        true,
        today,
    )
    .unwrap();
    let view = locks::set(&conn, id, free.0, &free.1.to_string(), true, today).unwrap();
    let cell = |v: &wardbook::schedule::view::ScheduleView, date: chrono::NaiveDate| {
        v.groups
            .iter()
            .flat_map(|g| &g.rows)
            .find(|r| r.staff_id == kept.staff_id)
            .and_then(|r| r.cells.iter().find(|c| c.date == date.to_string()))
            .cloned()
            .unwrap()
    };
    assert!(cell(&view, kept.date).locked && cell(&view, free.1).locked);
    let outside = locks::set(&conn, id, kept.staff_id, "2020-01-01", true, today).unwrap_err();
    assert_eq!(
        outside.field.as_deref(),
        Some("date"),
        "{}",
        outside.message
    );

    let loaded = store::load_draft(&conn, id).unwrap();
    let fresh = FillOptions {
        keep_existing: false,
        seconds: 1,
        ..FillOptions::default()
    };
    let mapped = map(&loaded, &fresh);
    let outcome = run(&mapped, &fresh, 5, &AtomicBool::new(false), &mut |_| {}).unwrap();
    let proposed = proposed_assignments(&loaded.ctx, &mapped, &outcome.roster);
    let on = |date| {
        proposed
            .iter()
            .find(|a| a.staff_id == kept.staff_id && a.date == date)
    };
    assert_eq!(
        on(kept.date).map(|a| a.shift_type_id),
        Some(kept.shift_type_id),
        "the locked shift stays"
    );
    assert!(on(free.1).is_none(), "the locked day off stays off");

    let view = locks::set(
        &conn,
        id,
        kept.staff_id,
        &kept.date.to_string(),
        false,
        today,
    )
    .unwrap();
    assert!(!cell(&view, kept.date).locked, "unlocked");
}

//! End-to-end tests of creating schedule periods in the real window, on the
//! sample department (a published period holding today, a draft after it):
//! the new period's start is asked for, defaulting to the day after the
//! latest period; a period in the past can be added to enter history; an
//! overlapping start or one off the work week is refused beside the field,
//! and nothing is made.
//!
//! Run by hand (with a DISPLAY and NO_AT_BRIDGE=1):
//! `WARDBOOK_APP=$PWD/target/debug/wardbook cargo test -p wardbook-e2e --test periods -- --test-threads=1`

#[allow(dead_code)]
mod schedule_ui;

use schedule_ui::*;
use serde_json::json;
use wardbook_e2e::{App, By};

/// `iso` moved by `days`, worked out by the page's own calendar.
fn plus_days(app: &App, iso: &str, days: i64) -> String {
    let script = "const d = new Date(arguments[0] + 'T00:00:00Z');
                  d.setUTCDate(d.getUTCDate() + arguments[1]);
                  return d.toISOString().slice(0, 10);";
    str_of(&app.execute(script, vec![json!(iso), json!(days)]))
}

fn period_options(app: &App) -> Vec<String> {
    app.find_all("#schedule-period option")
        .iter()
        .map(|o| app.text(o))
        .collect()
}

fn open_new_period(app: &App) {
    app.click(&app.find("#schedule-new-period"));
    app.find("dialog[open] #period-start_date");
}

/// Types `start` into the dialog and presses Create; the field's error, if
/// any (one other than `shown`, the error already on screen).
fn create_from(app: &App, start: &str, shown: Option<&str>) -> Option<String> {
    app.type_into("#period-start_date", start);
    app.click_button("Create period");
    app.wait_until("the dialog to close or say why not", || {
        if let Some(err) = app.try_find(By::Css("#period-start_date-error")) {
            let text = app.text(&err);
            return (Some(text.as_str()) != shown).then_some(Some(text));
        }
        app.try_find(By::Css("dialog[open] #period-start_date"))
            .is_none()
            .then_some(None)
    })
}

#[test]
fn a_new_period_starts_where_the_manager_says_and_never_overlaps() {
    let dir = wardbook_e2e::data_dir();
    let app = launch_sample(dir.path());
    open_schedule(&app);
    let (current_start, _) = grid_period(&app);
    let (draft_start, draft_end) = open_draft(&app);
    let before = period_options(&app);
    assert_eq!(before.len(), 3, "the sample has three periods: {before:?}");

    // The start is asked for, and offered as the day after the latest period.
    open_new_period(&app);
    let offered = app.value(&app.find("#period-start_date"));
    assert_eq!(
        offered,
        plus_days(&app, &draft_end, 1),
        "the start offered is not the day after the draft ends ({draft_end})"
    );

    // Overlapping the draft: refused beside the field, with where it could go.
    let err = create_from(&app, &draft_start, None).expect("an overlapping start is refused");
    assert!(
        err.contains("would overlap the period") && err.contains("periods cannot overlap"),
        "#period-start_date-error: {err:?}"
    );
    let field = app.find("#period-start_date");
    assert_eq!(
        app.attribute(&field, "aria-invalid").as_deref(),
        Some("true"),
        "the start field is not marked invalid"
    );

    // A half-typed date is refused; the message goes as soon as the date changes.
    let bad = create_from(&app, "2026-10-1", Some(&err)).expect("a half-typed date is refused");
    assert!(
        bad.contains("“2026-10-1” is not a valid date"),
        "#period-start_date-error: {bad:?}"
    );
    app.press(&field, "8");
    assert_eq!(app.value(&field), "2026-10-18");
    app.wait_until("the stale date error to go", || {
        app.try_find(By::Css("#period-start_date-error"))
            .is_none()
            .then_some(())
    });
    assert_ne!(
        app.attribute(&field, "aria-invalid").as_deref(),
        Some("true"),
        "the changed field is still marked invalid"
    );

    // A Monday is not the first day of a work week (the sample's weeks start on Sunday).
    let monday = plus_days(&app, &offered, 1);
    let err = create_from(&app, &monday, Some(&err)).expect("a start off the work week is refused");
    assert!(
        err.starts_with("A period starts on a Sunday"),
        "#period-start_date-error: {err:?}"
    );
    // A week later than offered: allowed, but the week left without a
    // period is named before anything is made.
    let later = plus_days(&app, &offered, 7);
    app.type_into("#period-start_date", &later);
    let gap = app.wait_until("the gap to be named", || {
        app.try_find(By::Css("#period-gap")).map(|g| app.text(&g))
    });
    assert!(
        gap.contains(&format!("The 7 days from {offered} to "))
            && gap.contains("left without a period"),
        "#period-gap: {gap:?}"
    );
    app.click_button("Cancel");
    assert_eq!(period_options(&app), before, "refused starts made nothing");

    // A year before the current period: history can be entered.
    let past = plus_days(&app, &current_start, -364);
    open_new_period(&app);
    app.click(&app.find("#period-weeks-4"));
    let copy = app.find("#period-seed-rotation");
    app.type_into("#period-start_date", &past);
    assert_eq!(
        app.attribute(&copy, "disabled").as_deref(),
        Some("true"),
        "with no period before it, there is nothing to copy"
    );
    assert_eq!(
        create_from(&app, &past, None),
        None,
        "a past period is made"
    );
    let opened = app.wait_until("the grid to show the new period", || {
        let p = grid_period(&app);
        (p.0 == past).then_some(p)
    });
    assert_eq!(
        opened,
        (past.clone(), plus_days(&app, &past, 27)),
        "four weeks from the day given"
    );
    app.wait_for_text("#schedule-status", "Draft");
    let after = period_options(&app);
    assert_eq!(after.len(), 4, "four periods now: {after:?}");
    assert!(
        after
            .iter()
            .any(|o| o.starts_with(&period_range(&past, &opened.1)) && o.ends_with("draft")),
        "the new period is not listed as a draft: {after:?}"
    );
    app.quit();
}

//! End-to-end test of approving time off over scheduled shifts, in the real
//! window on the sample department's draft period: the approval names the
//! shifts on those days and offers to remove them, or to keep them (worked).
//!
//! Run by hand (with a DISPLAY and NO_AT_BRIDGE=1):
//! `WARDBOOK_APP=$PWD/target/debug/wardbook cargo test -p wardbook-e2e --test time_off_approval -- --test-threads=1`

#[allow(dead_code)]
mod schedule_ui;

use schedule_ui::*;
use wardbook_e2e::{App, By};

/// Two RNs with an FTE (paid time off is refused for per diem and agency
/// staff), each with a shift in the draft's second week: (row, date, code).
fn scheduled_rns(app: &App) -> Vec<(Row, String, String)> {
    let hourly = hourly_names(app);
    grid_rows(app)
        .into_iter()
        .filter(|r| r.group.starts_with(RN_GROUP) && !hourly.contains(&r.name))
        .filter_map(|r| {
            let (date, text) = r
                .cells
                .iter()
                .skip(7)
                .find(|(_, t)| !t.is_empty() && t.chars().all(|c| c.is_ascii_alphanumeric()))?
                .clone();
            Some((r, date, text))
        })
        .take(2)
        .collect()
}

/// Records a one-day PTO request for `row` on `date` in the open dialog and
/// clicks its Approve; returns the request's list item selector.
fn request_and_approve(app: &App, row: &Row, date: &str) -> String {
    let ids_before: Vec<String> = app
        .find_all("#timeoff-list li[data-timeoff-id]")
        .iter()
        .filter_map(|li| app.attribute(li, "data-timeoff-id"))
        .collect();
    app.click(&app.find("#timeoff-new"));
    app.select("#timeoff-staff_id", &row.staff_id);
    app.type_into("#timeoff-from", date);
    app.type_into("#timeoff-to", date);
    app.select("#timeoff-kind", "pto");
    app.click_button("Save request");
    let li = app.wait_until("the new request in #timeoff-list", || {
        app.find_all("#timeoff-list li[data-timeoff-id]")
            .into_iter()
            .find(|li| {
                app.attribute(li, "data-timeoff-id")
                    .is_some_and(|id| !ids_before.contains(&id))
            })
    });
    let id = app.attribute(&li, "data-timeoff-id").unwrap_or_default();
    app.click(&app.wait_for(By::XPath(&format!(
        "//ul[@id='timeoff-list']/li[@data-timeoff-id='{id}']//button[normalize-space()='Approve']"
    ))));
    format!("#timeoff-list li[data-timeoff-id=\"{id}\"]")
}

fn close_dialog(app: &App) {
    app.click(&app.wait_for(By::XPath(
        "//dialog[@open]//button[normalize-space()='Close']",
    )));
    app.wait_until("the time-off dialog to close", || {
        app.try_find(By::Css("dialog[open]"))
            .is_none()
            .then_some(())
    });
}

#[test]
fn approving_time_off_over_shifts_names_them_and_removes_or_keeps_them() {
    let dir = wardbook_e2e::data_dir();
    let app = launch_sample(dir.path());
    open_schedule(&app);
    open_draft(&app);
    let picked = scheduled_rns(&app);
    assert_eq!(picked.len(), 2, "two RNs with a shift in the draft");
    let (removed, kept) = (&picked[0], &picked[1]);

    // Approve and remove: the dialog names the shift first.
    app.click(&app.find("#schedule-timeoff"));
    app.find("dialog[open] #timeoff-new");
    let li = request_and_approve(&app, &removed.0, &removed.1);
    let clash = app.find("#timeoff-clash");
    let text = app.text(&clash);
    app.screenshot("timeoff-clash.png");
    let (first, last) = removed.0.first_last();
    assert!(
        text.contains(&last) && text.contains(&first),
        "the approval names the person: {text:?}"
    );
    let shifts = app.text_of("#timeoff-clash-shifts");
    assert!(
        shifts.contains(&format!("({})", removed.2)) && shifts.contains(&day_month(&removed.1)),
        "the shift {} on {} is listed: {shifts:?}",
        removed.2,
        removed.1
    );
    assert!(
        app.text_of("#timeoff-approve-remove")
            .contains("remove the shift"),
        "offers to remove it"
    );
    app.click(&app.find("#timeoff-approve-remove"));
    app.wait_until("the request to read Approved", || {
        app.text(&app.find(&li)).contains("Approved").then_some(())
    });
    assert!(
        app.try_find(By::Css("#timeoff-clash")).is_none(),
        "the question is gone once answered"
    );

    // Approve and keep: the shift stays, worked, and nothing is flagged.
    let li = request_and_approve(&app, &kept.0, &kept.1);
    app.find("#timeoff-clash");
    assert!(
        app.text_of("#timeoff-approve-anyway")
            .contains("keep the shift"),
        "offers to keep it"
    );
    app.click(&app.find("#timeoff-approve-anyway"));
    app.wait_until("the second request to read Approved", || {
        app.text(&app.find(&li)).contains("Approved").then_some(())
    });
    close_dialog(&app);

    let removed_cell = cell_css(&removed.0.staff_id, &removed.1);
    app.wait_for_shown_text(&removed_cell, "PTO");
    let rows = grid_rows(&app);
    let row = rows
        .iter()
        .find(|r| r.staff_id == removed.0.staff_id)
        .unwrap();
    assert!(
        !row.text_on(&removed.1).contains(&removed.2),
        "the shift was taken off: {:?}",
        row.text_on(&removed.1)
    );
    let row = rows.iter().find(|r| r.staff_id == kept.0.staff_id).unwrap();
    assert!(
        row.text_on(&kept.1).contains(&kept.2),
        "approved and kept: the shift {} stays: {:?}",
        kept.2,
        row.text_on(&kept.1)
    );
    let (kept_first, kept_last) = kept.0.first_last();
    let flagged = violations(&app);
    assert!(
        !flagged.iter().any(|v| v.contains(&kept_first)
            && v.contains(&kept_last)
            && v.contains("has approved")),
        "the shift the manager kept is not flagged: {flagged:?}"
    );
    assert!(
        !flagged
            .iter()
            .any(|v| v.contains(&first) && v.contains(&last) && v.contains("has approved")),
        "nothing is flagged for the removed shift: {flagged:?}"
    );
    app.screenshot("timeoff-approved.png");
}

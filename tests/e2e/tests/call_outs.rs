//! End-to-end test of a call-out in the real window, on the sample
//! department's published period: recorded from the cell menu, the
//! candidates come ranked with a reason that names each one's employment
//! type (the department's own staff before agency, per diem hours read on
//! their own), and the emptied cell then shows who called out and when.
//!
//! Run by hand (with a DISPLAY and NO_AT_BRIDGE=1):
//! `WARDBOOK_APP=$PWD/target/debug/wardbook cargo test -p wardbook-e2e --test call_outs -- --test-threads=1`

#[allow(dead_code)]
mod schedule_ui;

use schedule_ui::*;
use wardbook_e2e::{keys, By};

const TYPES: [&str; 5] = ["Full-time", "Part-time", "Per diem", "Float pool", "Agency"];

#[test]
fn a_call_out_ranks_own_staff_before_agency_and_marks_the_cell() {
    let dir = wardbook_e2e::data_dir();
    let app = launch_sample(dir.path());
    open_schedule(&app);
    app.wait_for_text("#schedule-status", "Published");
    let rows = grid_rows(&app);
    // An RN on a Day shift, as late in the period as can be (the fewest shifts after it).
    let (row, date) = rows
        .iter()
        .filter(|r| r.group.starts_with(RN_GROUP))
        .flat_map(|r| {
            r.cells
                .iter()
                .filter(|(_, t)| t == "D")
                .map(move |(d, _)| (r.clone(), d.clone()))
        })
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.name.cmp(&a.0.name)))
        .expect("an RN works a Day shift in the published period");
    let (first, last) = row.first_last();
    let grid = move_cursor(&app, &rows, &row.staff_id, &date);
    app.press(&grid, keys::ENTER);
    app.click(&app.find("#cell-callout"));
    app.click_button("Record call-out");
    let list = app.find("#callout-candidates");
    let ranked: Vec<String> = app
        .find_all_in(&list, "li .who p.small.muted")
        .iter()
        .map(|p| app.text(p))
        .collect();
    eprintln!("{first} {last}, {date}: {ranked:#?}");
    assert!(!ranked.is_empty(), "nobody is offered for the shift");
    let kind = |reason: &str| -> &str {
        TYPES
            .into_iter()
            .find(|t| reason.starts_with(t))
            .unwrap_or_else(|| {
                panic!("the reason {reason:?} does not start with an employment type")
            })
    };
    // The department's own staff who qualify (the skill, rested, papers in
    // order: no "No …", "… lapsed", "Only …", "Not rested" in the reason) come
    // before agency.
    let qualifies = |r: &str| {
        !r.contains(" · No ")
            && !r.contains(" lapsed")
            && !r.contains("Only ")
            && !r.contains("Not rested")
    };
    let first_agency = ranked.iter().position(|r| kind(r) == "Agency");
    if let Some(at) = first_agency {
        let own_after = ranked[at..]
            .iter()
            .find(|r| kind(r) != "Agency" && qualifies(r));
        assert!(
            own_after.is_none(),
            "an agency nurse ranks above {own_after:?}, who qualifies"
        );
        assert!(
            ranked[at].starts_with("Agency, after the department's own staff")
                || ranked[at].starts_with("Agency: none of the department's own staff qualifies"),
            "the agency rank does not say why: {:?}",
            ranked[at]
        );
    }
    for r in ranked.iter().filter(|r| kind(r) == "Per diem") {
        assert!(
            !r.contains(" of 0 min") && r.contains(" this week"),
            "a per diem hours line: {r:?}"
        );
    }

    app.click_button("Leave it open");
    app.wait_until("the call-out dialog to close", || {
        app.try_find(By::Css("dialog[open]"))
            .is_none()
            .then_some(())
    });
    let cell = cell_css(&row.staff_id, &date);
    app.wait_for_shown_text(&cell, "CO");
    let title = app.attribute(&app.find(&cell), "title").unwrap_or_default();
    assert!(
        title.contains(&format!(
            "{first} {last} called out of the Day shift (D); recorded "
        )),
        "{cell}'s title {title:?} does not say who called out and when"
    );
    app.quit();
}

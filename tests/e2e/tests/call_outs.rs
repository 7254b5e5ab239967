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
    app.type_into("#callout-reason", "sick");
    app.click_button("Record call-out");
    let list = app.find("#callout-candidates");
    // Each candidate's reason line, and the rules they would break (shown as warnings).
    let offered: Vec<(String, usize)> = app
        .find_all_in(&list, "li")
        .iter()
        .map(|li| {
            (
                app.text(&app.find_in(li, ".who p.small.muted")),
                app.find_all_in(li, ".who p.small.warn").len(),
            )
        })
        .collect();
    eprintln!("{first} {last}, {date}: {offered:#?}");
    let ranked: Vec<String> = offered.iter().map(|(r, _)| r.clone()).collect();
    assert!(!ranked.is_empty(), "nobody is offered for the shift");
    let kind = |reason: &str| -> &str {
        TYPES
            .into_iter()
            .find(|t| reason.starts_with(t))
            .unwrap_or_else(|| {
                panic!("the reason {reason:?} does not start with an employment type")
            })
    };
    // Nobody breaking a rule is offered without saying so, and the rank goes:
    // no rule broken and no overtime, then overtime, then warnings.
    let tier = |(r, warns): &(String, usize)| match (*warns, r.contains(" · no overtime · ")) {
        (0, true) => 0,
        (0, false) => 1,
        _ => 2,
    };
    let tiers: Vec<u8> = offered.iter().map(tier).collect();
    assert!(
        tiers.windows(2).all(|w| w[0] <= w[1]),
        "the rank mixes clean, overtime and warned candidates: {offered:#?}"
    );
    for r in &ranked {
        assert!(
            !r.contains("Only ") && !r.contains("Rested"),
            "rest reads as a fact: {r:?}"
        );
        assert!(
            !r.contains(" 0 min rest"),
            "someone straight off another shift is not offered: {r:?}"
        );
    }
    let order = app.text_of("#callout-order");
    assert!(
        order.contains("own staff with hours to give"),
        "the dialog says how the list is ordered: {order}"
    );
    // Among those who break no rule, the department's own staff come before
    // agency (among the warned, fewer and lesser rules first); an agency
    // nurse's reason says where they stand.
    for (at, c) in offered.iter().enumerate() {
        if kind(&c.0) != "Agency" {
            continue;
        }
        let own_after: Vec<&(String, usize)> = offered[at..]
            .iter()
            .filter(|o| kind(&o.0) != "Agency")
            .collect();
        assert!(
            tier(c) == 2 || own_after.iter().all(|o| tier(o) > tier(c)),
            "an agency nurse ranks above own staff as good: {offered:#?}"
        );
        let label = if !own_after.is_empty() {
            "Agency, ahead of own staff who would go into overtime or break a rule"
        } else if at > 0 {
            "Agency, after the department's own staff"
        } else {
            "Agency: none of the department's own staff can take it"
        };
        assert!(c.0.starts_with(label), "{:?} should say {label:?}", c.0);
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
            "{first} {last} called out of the Day shift (D) (sick); recorded "
        )),
        "{cell}'s title {title:?} does not say who called out and when"
    );
    app.quit();
}

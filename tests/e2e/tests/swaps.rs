//! A shift swap in the real window, on the sample's draft period: the
//! manager opens a shift's cell menu, chooses "Swap or give away", picks who
//! takes it, reads what the swap does (rules, hours, cost) and approves it;
//! the shift moves and the grid marks the cell it went to.
//!
//! Run by hand (with a DISPLAY and NO_AT_BRIDGE=1):
//! `WARDBOOK_APP=$PWD/target/debug/wardbook cargo test -p wardbook-e2e --test swaps -- --test-threads=1`

#[allow(dead_code)]
mod schedule_ui;

use schedule_ui::*;
use wardbook_e2e::{keys, By};

#[test]
fn a_shift_given_away_moves_to_the_person_who_takes_it() {
    let dir = wardbook_e2e::data_dir();
    let app = launch_sample(dir.path());
    open_schedule(&app);
    open_draft(&app);
    let rows = grid_rows(&app);
    let (giver, date) = rows
        .iter()
        .filter(|r| r.group.starts_with(RN_GROUP))
        .find_map(|r| {
            r.cells
                .iter()
                .find(|(_, t)| t == "D")
                .map(|(d, _)| (r.clone(), d.clone()))
        })
        .expect("an RN works a day shift in the draft");
    let grid = move_cursor(&app, &rows, &giver.staff_id, &date);
    app.press(&grid, keys::ENTER);
    app.click(&app.find("#cell-swap"));
    app.find("#swap-with");

    // Try the people offered until one can take it without breaking a rule.
    let options: Vec<(String, String)> = app
        .find_all("#swap-with option")
        .iter()
        .map(|o| (app.attribute(o, "value").unwrap_or_default(), app.text(o)))
        .filter(|(v, _)| !v.is_empty())
        .collect();
    assert!(
        options.len() > 10,
        "the people of the unit are offered: {}",
        options.len()
    );
    let taker = options
        .iter()
        .filter(|(_, text)| text.contains("· RN") && !text.contains("works"))
        .find_map(|(value, text)| {
            app.select("#swap-with", value);
            let (last, first) = text.split(" · ").next()?.split_once(", ")?;
            let full = format!("{first} {last}");
            app.wait_until("the swap to be tried", || {
                let p = app.try_find(By::Css("#swap-preview"))?;
                let text = app.session().text(&p).ok()?;
                text.contains(&full).then_some(())
            });
            app.try_find(By::Css("#swap-blocked"))
                .is_none()
                .then(|| (value.clone(), full))
        })
        .expect("someone free that day may take the shift");
    let people = app.text_of("#swap-people");
    let (first, last) = giver.first_last();
    assert!(
        people.contains(&format!("{first} {last}")) && people.contains(&taker.1),
        "{people}"
    );
    assert!(app.text_of("#swap-cost").starts_with("Period cost:"));
    app.type_into("#swap-note", "Asked at handover");
    app.screenshot("swap-preview.png");
    app.click(&app.find("#swap-approve"));
    app.wait_until("the swap dialog to close", || {
        app.try_find(By::Css("#swap-preview"))
            .is_none()
            .then_some(())
    });

    // The shift moved, and the cell it went to is marked.
    let rows = grid_rows(&app);
    let now = |id: &str| {
        rows.iter()
            .find(|r| r.staff_id == id)
            .unwrap()
            .text_on(&date)
            .to_string()
    };
    assert_eq!(now(&giver.staff_id), "");
    assert!(
        now(&taker.0).starts_with('D'),
        "the taker works the day shift: {:?}",
        now(&taker.0)
    );
    let css = cell_css(&taker.0, &date);
    app.find(&format!("{css} .swap"));
    let title = app.attribute(&app.find(&css), "title").unwrap_or_default();
    assert!(
        title.contains(&format!("{first} {last} gave D")),
        "the tooltip says whose shift it was: {title}"
    );
    app.screenshot("swap-grid.png");
}

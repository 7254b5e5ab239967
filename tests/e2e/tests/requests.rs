//! Staff requests in the real window: the manager enters a request from a
//! cell's menu (keyboard only), the grid's request layer marks the cell and
//! its tooltip says what was asked, the layer hides and shows, and Fill
//! schedule meets the request and says so in its review.
//!
//! Run by hand (with a DISPLAY and NO_AT_BRIDGE=1):
//! `WARDBOOK_APP=$PWD/target/debug/wardbook cargo test -p wardbook-e2e --test requests -- --test-threads=1`

#[allow(dead_code)]
mod schedule_ui;

use schedule_ui::*;
use wardbook_e2e::{keys, By};

#[test]
fn a_request_entered_on_the_grid_is_met_by_the_fill() {
    let dir = wardbook_e2e::data_dir();
    let app = launch_sample(dir.path());
    open_schedule(&app);
    open_draft(&app);
    let rows = grid_rows(&app);
    // An RN with a shift in the draft asks for that day off, as a must.
    let (row, date) = rows
        .iter()
        .filter(|r| r.group.starts_with(RN_GROUP))
        .find_map(|r| {
            r.cells
                .iter()
                .find(|(_, t)| t == "D" || t == "N")
                .map(|(d, _)| (r.clone(), d.clone()))
        })
        .expect("an RN works a shift in the draft");
    let grid = move_cursor(&app, &rows, &row.staff_id, &date);
    app.press(&grid, keys::ENTER);
    app.click(&app.find("#cell-request-edit"));
    app.find("#request-form");
    app.select("#request-kind", "off");
    app.select("#request-priority", "must");
    app.type_into("#request-note", "Daughter's graduation");
    app.screenshot("requests-form.png");
    app.click(&app.find("#request-save"));
    app.wait_until("the request form to close", || {
        app.try_find(By::Css("#request-form"))
            .is_none()
            .then_some(())
    });

    let css = cell_css(&row.staff_id, &date);
    let marker = app.find(&format!("{css} .req"));
    assert_eq!(
        app.shown_text(&marker),
        "−",
        "a day-off request shows a minus"
    );
    let title = app.attribute(&app.find(&css), "title").unwrap_or_default();
    assert!(
        title.contains("asked off (must): “Daughter's graduation”"),
        "the tooltip says what was asked: {title:?}"
    );
    assert_eq!(app.text_of("#requests-toggle .count"), "1");
    app.screenshot("requests-grid.png");

    // The layer hides and comes back.
    app.click(&app.find("#requests-toggle"));
    app.wait_until("the request layer to hide", || {
        app.try_find(By::Css(&format!("{css} .req")))
            .is_none()
            .then_some(())
    });
    app.click(&app.find("#requests-toggle"));
    app.find(&format!("{css} .req"));

    // The cell's menu shows the request.
    let grid = move_cursor(&app, &rows, &row.staff_id, &date);
    app.press(&grid, keys::ENTER);
    let said = app.text_of("#cell-request");
    assert!(said.contains("asked off (must)"), "{said:?}");
    app.screenshot("requests-menu.png");
    app.press(&app.find("#cell-request-edit"), keys::ESCAPE);

    // Fill: the must day off is met, and the review says so.
    app.click(&app.find("#schedule-fill"));
    app.find("#fill-form");
    app.select("#fill-seconds", "5");
    app.click(&app.find("#fill-start"));
    let met = app.wait_until("the proposed fill", || {
        app.try_find(By::Css("#fill-requests"))
            .map(|el| app.text(&el))
    });
    assert_eq!(met, "1 of 1", "the must day off is met");
    let cell = app.find(&css);
    let class = app.attribute(&cell, "class").unwrap_or_default();
    assert!(
        class.split_whitespace().any(|c| c == "proposed-off"),
        "the shift on the asked-off day is taken off: {class:?}"
    );
    app.screenshot("requests-fill.png");
    app.quit();
}

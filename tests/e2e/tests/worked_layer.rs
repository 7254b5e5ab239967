//! End-to-end test of the schedule grid's worked-vs-scheduled layer on the
//! sample department: the days behind us carry what the time clock shows
//! (✓ as scheduled, ! to review, ✗ no-show, + not scheduled), each with its
//! sentence in the cell's tooltip, and the layer can be hidden.
//!
//! Run by hand (with a DISPLAY and NO_AT_BRIDGE=1):
//! `WARDBOOK_APP=$PWD/target/debug/wardbook cargo test -p wardbook-e2e --test worked_layer -- --test-threads=1`

#[allow(dead_code)]
mod schedule_ui;

use schedule_ui::*;
use wardbook_e2e::By;

#[test]
fn the_grid_shows_what_the_clock_shows_and_the_layer_hides() {
    let dir = wardbook_e2e::data_dir();
    let app = launch_sample(dir.path());
    open_schedule(&app);
    let toggle = app.wait_for(By::Css("#worked-toggle"));
    assert_eq!(
        app.attribute(&toggle, "aria-pressed").as_deref(),
        Some("true")
    );
    let summary = app.attribute(&toggle, "title").unwrap_or_default();
    assert!(summary.contains("worked as scheduled"), "{summary}");

    let marks = app.find_all("#schedule-grid td.cell [data-worked]");
    assert!(!marks.is_empty(), "the days behind us carry marks");
    // Today's column, as the grid marks it (the department's clock).
    let today_cell = app.find("#schedule-grid td.cell.today");
    let today = app.attribute(&today_cell, "data-date").unwrap_or_default();
    let mut kinds = std::collections::BTreeSet::new();
    for cell in app.find_all("#schedule-grid td.cell") {
        if app.find_all_in(&cell, "[data-worked]").is_empty() {
            continue;
        }
        let date = app.attribute(&cell, "data-date").unwrap_or_default();
        assert!(date <= today, "no mark on a day still to come: {date}");
        let mark = app.find_all_in(&cell, "[data-worked]")[0].clone();
        let kind = app.attribute(&mark, "data-worked").unwrap_or_default();
        let title = app.attribute(&cell, "title").unwrap_or_default();
        match kind.as_str() {
            "as_scheduled" => assert!(
                title.contains("· Clock ") && title.contains("worked "),
                "{title}"
            ),
            "no_show" => assert!(title.contains("No-show"), "{title}"),
            "unscheduled" => assert!(title.contains("Unscheduled shift"), "{title}"),
            "exception" => assert!(title.contains("· Clock "), "{title}"),
            other => panic!("unknown mark {other}"),
        }
        kinds.insert(kind);
    }
    assert!(
        kinds.contains("as_scheduled") && kinds.contains("no_show"),
        "{kinds:?}"
    );
    app.screenshot("worked-layer.png");

    app.click(&toggle);
    app.wait_until("the marks to be hidden", || {
        app.find_all("#schedule-grid [data-worked]")
            .is_empty()
            .then_some(())
    });
    app.quit();
}

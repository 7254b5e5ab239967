//! End-to-end test of the grid under the mouse (issue 21, the tester's
//! item 5), in the real window on the sample department's draft period:
//! - a click selects a cell without scrolling the grid, so the second
//!   click of a double-click lands on the same day and its menu is that
//!   day's (it scrolled by the cell's scroll margin, up to 210 px, before).
//!
//! (The days a person is not employed are marked from the view's
//! `not_employed`, tested in `schedule::view_hours_tests`.)
//!
//! Run by hand (with a DISPLAY and NO_AT_BRIDGE=1):
//! `WARDBOOK_APP=$PWD/target/debug/wardbook cargo test -p wardbook-e2e --test grid_click -- --test-threads=1`

#[allow(dead_code)]
mod schedule_ui;

use schedule_ui::*;
use serde_json::Value;
use wardbook_e2e::By;

/// A cell of the first row near the right edge of the scrolled grid,
/// fully shown but within the cursor's scroll margin: its id, date and
/// the grid's scroll offset.
const NEAR_EDGE: &str = "\
const wrap = document.querySelector('#schedule-grid').parentElement;\
wrap.scrollLeft = 0;\
const box = wrap.getBoundingClientRect();\
const cells = [...document.querySelectorAll('#schedule-grid td.cell')];\
const cell = cells.find((td) => { const r = td.getBoundingClientRect();\
  return r.right < box.right - 30 && r.right > box.right - 160 && r.top > box.top + 30; });\
return cell ? [cell.id, cell.dataset.date, wrap.scrollLeft] : null;";

const SCROLL: &str = "return document.querySelector('#schedule-grid').parentElement.scrollLeft;";

/// A double-click where the cell was: on whatever element is there now.
const DOUBLE_CLICK_AT: &str = "\
const cell = document.getElementById(arguments[0]);\
const r = cell.getBoundingClientRect();\
const x = r.left + r.width / 2, y = r.top + r.height / 2;\
const there = document.elementFromPoint(x, y);\
there.dispatchEvent(new MouseEvent('dblclick', { bubbles: true, clientX: x, clientY: y }));\
return there.closest('td') ? there.closest('td').dataset.date : null;";

#[test]
fn a_click_does_not_scroll_the_grid_so_a_double_click_opens_that_day() {
    let dir = wardbook_e2e::data_dir();
    let app = launch_sample(dir.path());
    open_schedule(&app);
    open_draft(&app);
    app.settle();
    let found = app.execute(NEAR_EDGE, vec![]);
    let Value::Array(found) = found else {
        panic!("no cell near the grid's right edge: {found:?}");
    };
    let id = found[0].as_str().unwrap().to_string();
    let date = found[1].as_str().unwrap().to_string();
    let before = app.execute(SCROLL, vec![]);

    app.click(&app.find(&format!("#{id}")));
    app.wait_for_paint();
    assert_eq!(
        app.execute(SCROLL, vec![]),
        before,
        "the click left the grid where it was"
    );
    let cursor = app
        .attribute(&app.find(&format!("#{id}")), "class")
        .unwrap_or_default();
    assert!(cursor.split_whitespace().any(|c| c == "cursor"), "{cursor}");

    let hit = app.execute(DOUBLE_CLICK_AT, vec![Value::String(id.clone())]);
    assert_eq!(
        hit.as_str(),
        Some(date.as_str()),
        "the second click is on the same day"
    );
    let title = app.wait_until("the cell menu", || {
        app.try_find(By::Css("dialog[open] h2"))
            .map(|h| app.text(&h))
    });
    let day: u32 = date[8..].parse().unwrap();
    assert!(
        title.contains(&format!(" {day} ")),
        "the menu is for {date}: {title:?}"
    );
    app.screenshot("grid-click-menu.png");
}

//! What the Schedule section shows, read through WebDriver, and the moves a
//! person makes on it: shared by the schedule end-to-end tests.

use serde_json::Value;
use wardbook_e2e::{keys, App, By, Element};

pub const RN_GROUP: &str = "Registered nurse";
pub const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

// ---- what the window shows ---------------------------------------------

/// One row of the grid as shown: its role group, the name in its header
/// ("Last, First"), and each day's (date, text).
#[derive(Debug, Clone)]
pub struct Row {
    pub group: String,
    pub name: String,
    pub staff_id: String,
    pub cells: Vec<(String, String)>,
}

impl Row {
    pub fn text_on(&self, date: &str) -> &str {
        self.cells
            .iter()
            .find(|(d, _)| d == date)
            .map(|(_, t)| t.as_str())
            .unwrap_or_else(|| panic!("{} has no cell on {date}", self.name))
    }

    /// "Okafor, Amara" → ("Amara", "Okafor").
    pub fn first_last(&self) -> (String, String) {
        let (last, first) = self
            .name
            .split_once(", ")
            .unwrap_or_else(|| panic!("row name {:?} is not \"Last, First\"", self.name));
        (first.to_string(), last.to_string())
    }
}

/// The rows of `#schedule-grid`, in the order shown (read in one script:
/// 50-odd rows × 42 days one request each would take seconds).
pub fn grid_rows(app: &App) -> Vec<Row> {
    let script = r#"
        const out = [];
        for (const tb of document.querySelectorAll('#schedule-grid tbody')) {
          const head = tb.querySelector('tr.group th');
          const group = head ? head.innerText.trim() : '';
          for (const tr of tb.querySelectorAll('tr')) {
            const tds = [...tr.querySelectorAll('td[data-staff-id][data-date]')];
            if (!tds.length) continue;
            const who = tr.querySelector('.who');
            out.push({
              group,
              name: who ? who.innerText.trim() : '',
              staff_id: tds[0].dataset.staffId,
              cells: tds.map((td) => [td.dataset.date, td.innerText.trim()]),
            });
          }
        }
        return out;"#;
    let value = app.execute(script, vec![]);
    value
        .as_array()
        .expect("the grid rows as a list")
        .iter()
        .map(|r| Row {
            group: str_of(&r["group"]),
            name: str_of(&r["name"]),
            staff_id: str_of(&r["staff_id"]),
            cells: r["cells"]
                .as_array()
                .expect("cells")
                .iter()
                .map(|c| (str_of(&c[0]), str_of(&c[1])))
                .collect(),
        })
        .collect()
}

pub fn str_of(v: &Value) -> String {
    v.as_str().unwrap_or_default().to_string()
}

/// The texts of the violations listed in `#violations`.
pub fn violations(app: &App) -> Vec<String> {
    app.find("#violations");
    app.find_all("#violations li button")
        .iter()
        .map(|el| app.text(el))
        .collect()
}

/// The number on the Violations toggle.
pub fn violations_count(app: &App) -> usize {
    let text = app.text_of("#violations-toggle .count");
    text.parse()
        .unwrap_or_else(|_| panic!("#violations-toggle count {text:?} is not a number"))
}

/// A coverage cell's "scheduled/minimum" as numbers.
pub fn coverage(app: &App, shift: &str, requirement: &str, date: &str) -> (u32, u32) {
    let css = coverage_css(shift, requirement, date);
    let text = app.shown_text(&app.find(&css));
    parse_coverage(&text).unwrap_or_else(|| panic!("{css}: {text:?} is not \"scheduled/minimum\""))
}

pub fn coverage_css(shift: &str, requirement: &str, date: &str) -> String {
    format!("td.coverage-cell[data-shift=\"{shift}\"][data-requirement=\"{requirement}\"][data-date=\"{date}\"]")
}

pub fn parse_coverage(text: &str) -> Option<(u32, u32)> {
    let (s, m) = text.split_once('/')?;
    Some((s.trim().parse().ok()?, m.trim().parse().ok()?))
}

pub fn cell_css(staff_id: &str, date: &str) -> String {
    format!("#schedule-grid td[data-staff-id=\"{staff_id}\"][data-date=\"{date}\"]")
}

/// "2026-03-05" → "5 Mar", as the rule messages write a day.
pub fn day_month(iso: &str) -> String {
    let (_, m, d) = ymd(iso);
    format!("{d} {}", MONTHS[m - 1])
}

pub fn ymd(iso: &str) -> (u32, usize, u32) {
    let parts: Vec<&str> = iso.split('-').collect();
    assert_eq!(parts.len(), 3, "{iso:?} is not an ISO date");
    (
        parts[0].parse().expect("year"),
        parts[1].parse().expect("month"),
        parts[2].parse().expect("day"),
    )
}

/// The period as the print header writes it: "2 Mar – 12 Apr 2026" (the
/// year on both ends only when they differ).
pub fn period_range(start: &str, end: &str) -> String {
    let (ys, ms, ds) = ymd(start);
    let (ye, me, de) = ymd(end);
    let from = if ys == ye {
        format!("{ds} {}", MONTHS[ms - 1])
    } else {
        format!("{ds} {} {ys}", MONTHS[ms - 1])
    };
    format!("{from} – {de} {} {ye}", MONTHS[me - 1])
}

/// The open period's first and last day, from the grid's accessible name
/// ("Schedule 2026-03-02 to 2026-04-12").
pub fn grid_period(app: &App) -> (String, String) {
    let grid = app.find("#schedule-grid");
    let label = app.attribute(&grid, "aria-label").unwrap_or_default();
    let rest = label
        .strip_prefix("Schedule ")
        .unwrap_or_else(|| panic!("#schedule-grid aria-label {label:?}"));
    let (start, end) = rest
        .split_once(" to ")
        .unwrap_or_else(|| panic!("#schedule-grid aria-label {label:?}"));
    (start.to_string(), end.to_string())
}

// ---- getting there -----------------------------------------------------

/// Starts the app on a fresh folder filled with the sample department.
pub fn launch_sample(dir: &std::path::Path) -> App {
    let app = App::launch(dir, &["--sample"]);
    app.find("#department-name");
    app
}

/// The Schedule button in the sidebar, then the grid of the default period.
pub fn open_schedule(app: &App) {
    app.click(&app.wait_for(By::XPath("//nav//button[normalize-space()='Schedule']")));
    app.find("#schedule-grid");
}

/// Switches `#schedule-period` to the draft period and waits for its grid.
pub fn open_draft(app: &App) -> (String, String) {
    let select = app.find("#schedule-period");
    let drafts: Vec<(String, String)> = app
        .find_all_in(&select, "option")
        .iter()
        .map(|o| (app.attribute(o, "value").unwrap_or_default(), app.text(o)))
        .filter(|(_, text)| text.ends_with("draft"))
        .collect();
    assert_eq!(
        drafts.len(),
        1,
        "expected one draft period in #schedule-period, seen {drafts:?}"
    );
    let (value, text) = &drafts[0];
    let before = grid_period(app);
    app.select("#schedule-period", value);
    app.wait_for_text("#schedule-status", "Draft");
    let period = app.wait_until("the grid to show the draft period", || {
        let p = grid_period(app);
        (p != before).then_some(p)
    });
    assert!(
        text.starts_with(&period_range(&period.0, &period.1)),
        "the draft option {text:?} does not name the grid's period {period:?}"
    );
    period
}

/// Moves the grid's cursor with the arrow keys to `target` (staff id, date),
/// from wherever it is, and checks that it is there.
pub fn move_cursor(app: &App, rows: &[Row], staff_id: &str, date: &str) -> Element {
    let grid = app.find("#schedule-grid");
    let days: Vec<&str> = rows[0].cells.iter().map(|(d, _)| d.as_str()).collect();
    let row_of = |id: &str| rows.iter().position(|r| r.staff_id == id);
    let col_of = |d: &str| days.iter().position(|x| *x == d);
    let at = app.find("#schedule-grid td[aria-selected=\"true\"]");
    let from_row = row_of(&app.attribute(&at, "data-staff-id").unwrap_or_default())
        .expect("the cursor's row is in the grid");
    let from_col = col_of(&app.attribute(&at, "data-date").unwrap_or_default())
        .expect("the cursor's day is in the grid");
    let to_row = row_of(staff_id).expect("the target row is in the grid");
    let to_col = col_of(date).expect("the target day is in the grid");
    let mut presses = String::new();
    presses += &keys::repeat(
        if to_row >= from_row {
            keys::ARROW_DOWN
        } else {
            keys::ARROW_UP
        },
        to_row.abs_diff(from_row),
    );
    presses += &keys::repeat(
        if to_col >= from_col {
            keys::ARROW_RIGHT
        } else {
            keys::ARROW_LEFT
        },
        to_col.abs_diff(from_col),
    );
    if !presses.is_empty() {
        app.press(&grid, &presses);
    }
    let css = cell_css(staff_id, date);
    app.wait_until(&format!("the cursor (aria-selected) on {css}"), || {
        let cell = app.try_find(By::Css(&css))?;
        (app.attribute(&cell, "aria-selected").as_deref() == Some("true")).then_some(())
    });
    let active = app
        .attribute(&grid, "aria-activedescendant")
        .unwrap_or_default();
    assert_eq!(
        active,
        format!("cell-{staff_id}-{date}"),
        "the grid's aria-activedescendant does not name the cursor's cell"
    );
    grid
}

// ---- the tests ---------------------------------------------------------

/// The names on the grid of staff paid by the hour (per diem, agency: a
/// PRN or Agency label beside the name); they get no paid time off.
pub fn hourly_names(app: &App) -> Vec<String> {
    app.find_all("#schedule-grid th.sg-rowhead")
        .iter()
        .filter(|th| !app.find_all_in(th, ".kind").is_empty())
        .filter_map(|th| {
            app.find_all_in(th, ".who")
                .first()
                .map(|w| app.shown_text(w))
        })
        .collect()
}

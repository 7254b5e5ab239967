//! End-to-end tests of the Dashboard, the home screen, on the sample
//! department (`--sample`, built relative to today: two shifts of the
//! current period run short within the fortnight, and credentials are
//! expired, missing and expiring). Each test starts its own app, reads the
//! cards and follows an item to where it is fixed, as a manager would.
//!
//! Run with `cargo xtask test`, or by hand (with a DISPLAY and NO_AT_BRIDGE=1):
//! `WARDBOOK_APP=$PWD/target/debug/wardbook cargo test -p wardbook-e2e --test dashboard -- --test-threads=1`

#[allow(dead_code)]
mod schedule_ui;

use schedule_ui::{coverage, grid_period, launch_sample, ymd};
use wardbook_e2e::{App, By};

/// Days since 1970-01-01 of an ISO date (for "within 14 days").
fn day_number(iso: &str) -> i64 {
    let (y, m, d) = ymd(iso);
    let (y, m, d) = (i64::from(y), m as i64, i64::from(d));
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// A gap as its dashboard button describes it.
#[derive(Debug, Clone, PartialEq)]
struct Gap {
    date: String,
    shift: String,
    requirement: String,
    text: String,
}

/// The dashboard is the first screen; waits for its figures.
fn open_dashboard(app: &App) -> String {
    app.find("#dashboard #dash-gaps");
    let today = app.find("#dash-staffing th.day button[data-date]");
    app.attribute(&today, "data-date")
        .expect("the Today heading carries its date")
}

fn gaps(app: &App) -> Vec<Gap> {
    app.find_all("#dash-gaps button.gap")
        .iter()
        .map(|b| Gap {
            date: app.attribute(b, "data-date").unwrap_or_default(),
            shift: app.attribute(b, "data-shift").unwrap_or_default(),
            requirement: app.attribute(b, "data-requirement").unwrap_or_default(),
            text: app.text(b),
        })
        .collect()
}

#[test]
fn the_dashboard_shows_the_gaps_and_a_gap_opens_that_day_in_the_schedule() {
    let dir = wardbook_e2e::data_dir();
    let app = launch_sample(dir.path());
    let today = open_dashboard(&app);
    let list = gaps(&app);
    // The sample's sick calls: a day shift in 3 days, a night shift in 9.
    let offsets: Vec<(i64, &str, &str)> = list
        .iter()
        .map(|g| {
            (
                day_number(&g.date) - day_number(&today),
                g.shift.as_str(),
                g.requirement.as_str(),
            )
        })
        .collect();
    assert!(
        offsets.contains(&(3, "D", "role:RN")) && offsets.contains(&(9, "N", "role:RN")),
        "expected the sample's short Day RN shift in 3 days and Night RN shift in 9; seen {list:#?}"
    );
    assert!(
        offsets.iter().all(|(days, _, _)| (0..14).contains(days)),
        "every gap lies within the next 14 days: {list:#?}"
    );
    assert_eq!(
        app.text_of("#dash-gaps-count"),
        list.len().to_string(),
        "the large count agrees with the list"
    );
    assert!(
        list[0].text.contains("of"),
        "a gap says how many of how many: {:?}",
        list[0].text
    );

    let gap = list
        .iter()
        .find(|g| g.shift == "N")
        .expect("the night gap")
        .clone();
    let button = app.wait_for(By::Css(&format!(
        "#dash-gaps button.gap[data-date=\"{}\"][data-shift=\"N\"]",
        gap.date
    )));
    app.click(&button);
    app.find("#schedule-grid");
    let selected = app.wait_until("the grid's cursor on the gap's day", || {
        let cell = app.try_find(By::Css("#schedule-grid td[aria-selected=\"true\"]"))?;
        let date = app.attribute(&cell, "data-date")?;
        (date == gap.date).then_some(cell)
    });
    let (start, end) = grid_period(&app);
    assert!(
        start <= gap.date && gap.date <= end,
        "the grid shows the period holding {} ({start} to {end})",
        gap.date
    );
    // The day is scrolled into view: its cell lies inside the grid's scroll box.
    let visible = app.execute(
        "const r = arguments[0].getBoundingClientRect();\
         const box = arguments[0].closest('.wrap').getBoundingClientRect();\
         return r.left >= box.left && r.right <= box.right;",
        vec![selected.to_arg()],
    );
    assert_eq!(
        visible,
        serde_json::Value::Bool(true),
        "the gap's day is scrolled into view"
    );
    let (scheduled, minimum) = coverage(&app, "N", "role:RN", &gap.date);
    assert!(
        scheduled < minimum,
        "the schedule agrees that Night · RN on {} is short: {scheduled}/{minimum}",
        gap.date
    );
    app.quit();
}

#[test]
fn the_dashboard_shows_expiring_credentials_and_one_opens_that_person() {
    let dir = wardbook_e2e::data_dir();
    let app = launch_sample(dir.path());
    open_dashboard(&app);
    let count = |bucket: &str| -> u32 {
        let li = app.find(&format!(
            "#dash-credentials .legend li[data-bucket=\"{bucket}\"]"
        ));
        let shown = app.text(&li);
        let n: u32 = app
            .attribute(&li, "data-count")
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("legend {bucket:?} has no count"));
        assert!(
            shown.ends_with(&n.to_string()),
            "the legend shows its count: {shown:?}"
        );
        n
    };
    for bucket in ["expired", "missing", "30"] {
        assert!(
            count(bucket) > 0,
            "the sample has credentials in the {bucket:?} bucket"
        );
    }
    let items = app.find_all("#dash-credentials button.credential");
    // Names clip (overflow: hidden), so the text is read as rendered.
    let first = app.shown_text(&items[0]);
    assert!(
        first.contains("expired"),
        "the worst credential comes first: {first:?}"
    );
    // The whole list (the card shows the worst few first) names an expiring one.
    if let Some(more) = app.try_find(By::XPath(
        "//section[@id='dash-credentials']//button[starts-with(normalize-space(), 'Show all')]",
    )) {
        app.click(&more);
    }
    let texts: Vec<String> = app
        .find_all("#dash-credentials button.credential")
        .iter()
        .map(|b| app.shown_text(b))
        .collect();
    assert!(
        texts.iter().any(|t| t.contains("expires in")),
        "an expiring credential is listed: {texts:#?}"
    );

    // "Torres, Patrick · ACLS" opens Patrick Torres's page.
    let name = first
        .split(" · ")
        .next()
        .expect("a name before the credential");
    let (last, given) = name.split_once(", ").expect("\"Last, First\"");
    let wanted = format!("{given} {last}");
    app.click(&app.find("#dash-credentials button.credential"));
    app.wait_for_text("#staff-detail h1", &wanted);

    // A pending time-off request opens the schedule's time-off list.
    app.click(&app.wait_for(By::XPath("//nav//button[normalize-space()='Dashboard']")));
    let request = app.find("#dash-time-off button.db-item");
    let who = app.shown_text(&request);
    let who = who.split(" · ").next().unwrap_or_default().to_string();
    assert!(who.contains(", "), "a request names its person: {who:?}");
    app.click(&request);
    let list = app.find("#timeoff-list");
    app.wait_until(&format!("{who:?} in #timeoff-list"), || {
        app.shown_text(&list).contains(&who).then_some(())
    });
    app.quit();
}

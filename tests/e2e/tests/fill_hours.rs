//! End-to-end test of the Fill's hours against each person's FTE target, in
//! the real window on the sample department's draft period: the review
//! shows everyone's hours before → after against their target, names the
//! reason for each person far from it and for each shift left under target,
//! keeps people with an FTE ahead of per diem staff, and never keeps anyone
//! off for a credential that only warns.
//!
//! Run by hand (with a DISPLAY and NO_AT_BRIDGE=1):
//! `WARDBOOK_APP=$PWD/target/debug/wardbook cargo test -p wardbook-e2e --test fill_hours -- --test-threads=1`

#[allow(dead_code)]
mod schedule_ui;

use schedule_ui::*;
use wardbook_e2e::{App, By};

/// One row of the review's hours table.
#[derive(Debug)]
struct Hours {
    name: String,
    before: f64,
    after: f64,
    /// None for per diem and agency staff.
    target: Option<f64>,
}

/// "36 h → 216 h of 216 h" or "0 h → 24 h · no target".
fn parse(name: &str, text: &str) -> Hours {
    let hours = |s: &str| -> f64 {
        s.trim()
            .strip_suffix(" h")
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("{name}: {s:?} in {text:?} is not hours"))
    };
    let (before, rest) = text.split_once(" → ").expect(text);
    let (after, target) = match rest.split_once(" of ") {
        Some((a, t)) => (a, Some(hours(t))),
        None => (rest.trim_end_matches(" · no target"), None),
    };
    Hours {
        name: name.to_string(),
        before: hours(before),
        after: hours(after),
        target,
    }
}

fn hours_table(app: &App) -> Vec<Hours> {
    let rows = app.execute(
        "return [...document.querySelectorAll('#fill-hours tbody tr')].map((tr) => [...tr.cells].map((td) => td.innerText.trim()));",
        vec![],
    );
    rows.as_array()
        .expect("rows")
        .iter()
        .map(|r| {
            let cells = r.as_array().expect("cells");
            parse(&str_of(&cells[0]), &str_of(&cells[1]))
        })
        .collect()
}

fn list(app: &App, css: &str) -> Vec<String> {
    app.find_all(css).iter().map(|li| app.text(li)).collect()
}

#[test]
fn the_review_shows_hours_against_target_with_reasons_and_per_diem_staff_come_last() {
    let dir = wardbook_e2e::data_dir();
    let app = launch_sample(dir.path());
    open_schedule(&app);
    open_draft(&app);

    app.click(&app.find("#schedule-fill"));
    app.find("#fill-form");
    app.select("#fill-seconds", "20");
    app.click(&app.find("#fill-start"));
    // The run's time limit, then some (a wait gives up after 10 s).
    for _ in 0..8 {
        if app.try_find(By::Css("#fill-changes")).is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_secs(4));
    }
    let summary = app.wait_until("the proposed fill", || {
        app.try_find(By::Css("#fill-changes"))
            .map(|el| app.text(&el))
    });
    assert!(summary.contains("shifts added"), "{summary:?}");
    app.click(&app.find("button[aria-controls=\"fill-details\"]"));
    app.find("#fill-hours");
    app.screenshot("fill-hours.png");

    let hours = hours_table(&app);
    assert!(
        hours.len() >= 50,
        "everyone on the sample's staff: {}",
        hours.len()
    );
    let far = list(&app, "#fill-far-list li");
    // Everyone a shift or more from their target is named, with a reason.
    for h in hours.iter().filter(|h| h.target.is_some()) {
        let gap = (h.after - h.target.unwrap()).abs();
        let named = far.iter().any(|f| f.starts_with(&format!("{}, ", h.name)));
        assert_eq!(
            named,
            gap >= 8.0,
            "{h:?}: {gap} h from target, named in {far:#?}"
        );
    }
    // The nurse whose BLS expired cannot be scheduled, and the review says so.
    assert!(
        far.iter()
            .any(|f| f.contains("BLS expired") && f.ends_with("— cannot be scheduled")),
        "the blocking credential is the reason: {far:#?}"
    );
    // ACLS only warns in the sample: it never keeps anyone off.
    assert!(
        !far.iter().any(|f| f.contains("ACLS")),
        "a credential that warns is no reason: {far:#?}"
    );
    // People with an FTE come first: nobody who could work more is left
    // short while a per diem or agency nurse gains hours.
    let per_diem_gained: f64 = hours
        .iter()
        .filter(|h| h.target.is_none())
        .map(|h| (h.after - h.before).max(0.0))
        .sum();
    let could_work_more: Vec<&String> = far
        .iter()
        .filter(|f| f.contains("could still take a shift"))
        .collect();
    assert!(
        per_diem_gained == 0.0 || could_work_more.is_empty(),
        "per diem staff gained {per_diem_gained} h while {could_work_more:#?}"
    );
    // The full-time staff who can work are near their hours.
    let short_full_time: Vec<&Hours> = hours
        .iter()
        .filter(|h| h.target.is_some_and(|t| t - h.after >= 8.0))
        .filter(|h| {
            far.iter().any(|f| {
                f.starts_with(&format!("{}, ", h.name)) && f.contains("could still take a shift")
            })
        })
        .collect();
    assert!(short_full_time.is_empty(), "{short_full_time:#?}");

    // Every shift left under its target says why, in plain words.
    let under = app.text_of("#fill-under");
    let after: u32 = under
        .rsplit(' ')
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("#fill-under {under:?}"));
    let lines = list(&app, "#fill-under-target li");
    if after > 0 {
        assert!(!lines.is_empty(), "{after} under target, no reason given");
    }
    for line in &lines {
        assert!(line.contains(" under target by "), "{line:?}");
        assert!(line.contains(": "), "a reason follows: {line:?}");
    }
}

//! End-to-end tests of Fill schedule in the real window, on the sample
//! department's draft period: choose the options, watch the progress, see
//! the proposed changes on the grid, and Accept (the coverage row has fewer
//! gaps, and no rule is newly broken) — or Stop early and Discard (the
//! period is exactly as it was).
//!
//! Run by hand (with a DISPLAY and NO_AT_BRIDGE=1):
//! `WARDBOOK_APP=$PWD/target/debug/wardbook cargo test -p wardbook-e2e --test fill -- --test-threads=1`

#[allow(dead_code)]
mod schedule_ui;

use schedule_ui::*;
use wardbook_e2e::App;

/// Days of the coverage rows below their minimum.
fn short_cells(app: &App) -> usize {
    app.find_all("#coverage td.coverage-cell.short").len()
}

/// The violations listed under "Breaking a rule".
fn blocking(app: &App) -> Vec<String> {
    app.find("#violations");
    app.find_all("#violations li button.block")
        .iter()
        .map(|el| app.text(el))
        .collect()
}

/// Every cell of the grid as shown: (staff id, date, text).
fn cells(app: &App) -> Vec<(String, String, String)> {
    grid_rows(app)
        .into_iter()
        .flat_map(|r| {
            let id = r.staff_id.clone();
            r.cells.into_iter().map(move |(d, t)| (id.clone(), d, t))
        })
        .collect()
}

/// Opens Fill schedule with the time limit `seconds` and starts it; returns
/// once the progress shows a figure from the running search.
fn start_fill(app: &App, seconds: &str) {
    app.click(&app.find("#schedule-fill"));
    app.find("#fill-form");
    let keep = app
        .session()
        .property(&app.find("#fill-keep"), "checked")
        .unwrap_or_default();
    assert_eq!(
        keep,
        serde_json::Value::Bool(true),
        "keeping the shifts already on the schedule is the default"
    );
    app.select("#fill-seconds", seconds);
    app.click(&app.find("#fill-start"));
    app.find("#fill-progress");
    app.wait_until("the fill to report progress", || {
        let text = app.text_of("#fill-elapsed");
        text.ends_with(&format!("of {seconds} s")).then_some(text)
    });
}

/// Waits for the proposal above the grid (the run's time limit, then some).
fn wait_for_review(app: &App) -> String {
    for _ in 0..3 {
        if let Some(el) = app.try_find(wardbook_e2e::By::Css("#fill-changes")) {
            return app.text(&el);
        }
        std::thread::sleep(std::time::Duration::from_secs(4));
    }
    app.wait_until("the proposed fill", || {
        app.try_find(wardbook_e2e::By::Css("#fill-changes"))
            .map(|el| app.text(&el))
    })
}

/// "Proposed: 42 shifts added, 4 moved from per diem/agency to your own
/// staff, 3 changed, 5 taken off" → 58 marked cells: a move is two, the
/// shift struck out of a per diem row and added to a row of your own staff
/// (why shifts came off is said beside it, in `#fill-why`).
fn changes_in(text: &str) -> usize {
    let list = text.strip_prefix("Proposed: ").unwrap_or(text);
    let list = list.split(" (").next().unwrap_or(list);
    list.split(", ")
        .filter_map(|part| {
            let n = part.split_whitespace().next()?.parse::<usize>().ok()?;
            Some(if part.contains(" moved ") { 2 * n } else { n })
        })
        .sum()
}

#[test]
fn fill_shows_progress_and_proposed_changes_and_accepting_closes_gaps() {
    let dir = wardbook_e2e::data_dir();
    let app = launch_sample(dir.path());
    open_schedule(&app);
    open_draft(&app);
    let short_before = short_cells(&app);
    let blocking_before = blocking(&app);
    assert!(short_before > 0, "the sample draft has gaps to fill");

    start_fill(&app, "10");
    let short = app.text_of("#fill-short");
    assert!(short.contains('→'), "before → best so far: {short:?}");
    app.screenshot("fill-progress.png");

    let summary = wait_for_review(&app);
    assert!(summary.contains("shifts added"), "{summary:?}");
    let why = app.text_of("#fill-why");
    assert!(
        why.contains("2 taken off because they broke a blocking rule"),
        "the shifts on approved time off and with lapsed BLS come off, and say why: {summary:?} {why:?}"
    );
    let proposed = app.find_all("#schedule-grid td.proposed").len();
    assert_eq!(
        proposed,
        changes_in(&summary),
        "every change in the summary ({summary}) is marked on the grid"
    );
    assert!(
        short_cells(&app) < short_before,
        "the coverage rows show the proposal's gaps, fewer than before"
    );
    app.screenshot("fill-proposed.png");

    // The proposed cells, as the grid shows them before accepting; a
    // removal shows the old code struck through.
    let marked: Vec<(String, String, String, bool)> = app
        .find_all("#schedule-grid td.proposed")
        .iter()
        .map(|el| {
            let class = app.attribute(el, "class").unwrap_or_default();
            (
                app.attribute(el, "data-staff-id").unwrap_or_default(),
                app.attribute(el, "data-date").unwrap_or_default(),
                app.shown_text(el),
                class.split_whitespace().any(|c| c == "proposed-off"),
            )
        })
        .collect();
    app.click(&app.find("#fill-accept"));
    app.wait_until("the proposal to be accepted", || {
        app.try_find(wardbook_e2e::By::Css("#fill-review"))
            .is_none()
            .then_some(())
    });
    assert!(app.find_all("#schedule-grid td.proposed").is_empty());
    let now = cells(&app);
    for (staff, date, text, removed) in &marked {
        let seen = now
            .iter()
            .find(|(s, d, _)| s == staff && d == date)
            .map(|(_, _, t)| t.clone())
            .unwrap_or_default();
        if *removed {
            assert_ne!(
                &seen, text,
                "cell {staff} {date}: {text} was to be taken off"
            );
        } else {
            assert_eq!(&seen, text, "cell {staff} {date}: saved as proposed");
        }
    }
    let short_after = short_cells(&app);
    assert!(
        short_after < short_before,
        "coverage gaps after accepting: {short_after}, before: {short_before}"
    );
    let new: Vec<String> = blocking(&app)
        .into_iter()
        .filter(|v| !blocking_before.contains(v))
        .collect();
    assert!(new.is_empty(), "no rule newly broken: {new:?}");
}

#[test]
fn stop_keeps_the_best_found_and_discard_leaves_the_period_as_it_was() {
    let dir = wardbook_e2e::data_dir();
    let app = launch_sample(dir.path());
    open_schedule(&app);
    open_draft(&app);
    let before = cells(&app);
    let violations_before = violations(&app);

    start_fill(&app, "60");
    app.click(&app.find("#fill-stop"));
    let summary = app.wait_until("the proposal after Stop", || {
        app.try_find(wardbook_e2e::By::Css("#fill-changes"))
            .map(|el| app.text(&el))
    });
    assert!(
        app.text_of("#fill-review").contains("stopped early"),
        "the proposal says it was stopped: {summary}"
    );
    assert!(
        changes_in(&summary) > 0,
        "the best found so far is proposed"
    );

    app.click(&app.find("#fill-discard"));
    app.wait_until("the proposal to go", || {
        app.try_find(wardbook_e2e::By::Css("#fill-review"))
            .is_none()
            .then_some(())
    });
    assert_eq!(cells(&app), before, "discarding changes no cell");
    assert_eq!(violations(&app), violations_before);

    // Reopening the period reads it from the file: still as it was.
    let published = app
        .find_all("#schedule-period option")
        .iter()
        .map(|o| (app.attribute(o, "value").unwrap_or_default(), app.text(o)))
        .find(|(_, text)| !text.ends_with("draft"))
        .expect("the sample has a published period");
    app.select("#schedule-period", &published.0);
    app.wait_for_text("#schedule-status", "Published");
    open_draft(&app);
    assert_eq!(cells(&app), before, "nothing was saved");
}

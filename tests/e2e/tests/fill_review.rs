//! End-to-end test of the Fill's review as a new manager reads it (issue
//! 21 d, e, g, h, i), in the real window on the sample department's draft
//! period:
//! - per diem and agency rows carry a label, agency staff show no FTE, and
//!   no hours figure reads "180/—" (the LPNs, whom no coverage asks for,
//!   say so on their group's heading);
//! - the review's headline says in plain words why shifts came off, its
//!   gap figures are the red and amber cells of the coverage rows, and it
//!   names the nurse scheduled on a lapsed ACLS (warning only);
//! - the Cost dialog opened during the review shows the proposal and says
//!   so;
//! - after Accept the review can be shown again, until the next change;
//! - Enter in the Publish confirm does not publish.
//!
//! Run by hand (with a DISPLAY and NO_AT_BRIDGE=1):
//! `WARDBOOK_APP=$PWD/target/debug/wardbook cargo test -p wardbook-e2e --test fill_review -- --test-threads=1`

#[allow(dead_code)]
mod schedule_ui;

use schedule_ui::*;
use wardbook_e2e::{keys, App, By};

/// Coverage cells below minimum and under target, as the rows colour them.
fn coverage_gaps(app: &App) -> (usize, usize) {
    (
        app.find_all("#coverage td.coverage-cell.short").len(),
        app.find_all("#coverage td.coverage-cell.under_target")
            .len(),
    )
}

/// "5 → 0" → (5, 0).
fn before_after(text: &str) -> (usize, usize) {
    let (a, b) = text.split_once(" → ").unwrap_or_else(|| panic!("{text:?}"));
    (a.trim().parse().unwrap(), b.trim().parse().unwrap())
}

/// "$123,456.78" somewhere in `text` → cents.
fn cents_in(text: &str) -> i64 {
    let start = text
        .find('$')
        .unwrap_or_else(|| panic!("no amount in {text:?}"));
    text[start + 1..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
        .filter(|c| *c != ',' && *c != '.')
        .collect::<String>()
        .parse()
        .unwrap()
}

fn start_fill(app: &App) {
    app.click(&app.find("#schedule-fill"));
    app.find("#fill-form");
    app.select("#fill-seconds", "10");
    app.click(&app.find("#fill-start"));
    // The run's time limit, then some: `wait_until` alone gives up at 10 s.
    for _ in 0..4 {
        if app.try_find(By::Css("#fill-changes")).is_some() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_secs(4));
    }
    app.wait_until("the proposed fill", || {
        app.try_find(By::Css("#fill-changes"))
            .map(|el| app.text(&el))
    });
}

#[test]
fn the_review_reads_plainly_costs_the_proposal_shows_again_and_enter_never_publishes() {
    let dir = wardbook_e2e::data_dir();
    let app = launch_sample(dir.path());
    open_schedule(&app);
    open_draft(&app);

    // i: rows paid by the hour are labelled; agency staff have no FTE.
    let labels: Vec<(String, String)> = app
        .find_all("#schedule-grid .kind")
        .iter()
        .map(|el| {
            (
                app.attribute(el, "data-kind").unwrap_or_default(),
                app.shown_text(el),
            )
        })
        .collect();
    assert!(
        labels.contains(&("per_diem".into(), "PRN".into())),
        "{labels:?}"
    );
    assert!(
        labels.contains(&("agency".into(), "Agency".into())),
        "{labels:?}"
    );
    let agency_titles: Vec<String> = app
        .find_all("#schedule-grid th.sg-rowhead")
        .iter()
        .filter(|th| !app.find_all_in(th, ".kind[data-kind=agency]").is_empty())
        .map(|th| app.attribute(th, "title").unwrap_or_default())
        .collect();
    assert!(!agency_titles.is_empty());
    assert!(
        agency_titles.iter().all(|t| t.ends_with("FTE —")),
        "agency staff have no FTE: {agency_titles:?}"
    );
    // Per diem staff neither, the same way (issue 21: "0.00" beside "—").
    let per_diem_titles: Vec<String> = app
        .find_all("#schedule-grid th.sg-rowhead")
        .iter()
        .filter(|th| !app.find_all_in(th, ".kind[data-kind=per_diem]").is_empty())
        .map(|th| app.attribute(th, "title").unwrap_or_default())
        .collect();
    assert!(!per_diem_titles.is_empty());
    assert!(
        per_diem_titles.iter().all(|t| t.ends_with("FTE —")),
        "per diem staff have no FTE either: {per_diem_titles:?}"
    );
    // g: no hours figure reads "…/—"; the LPNs' heading says why they have none.
    let figures: Vec<String> = app
        .find_all("#schedule-grid .hrs")
        .iter()
        .map(|el| app.shown_text(el))
        .collect();
    assert!(figures.iter().all(|f| !f.contains('—')), "{figures:?}");
    let lpn = app.find("#schedule-grid .group-note[data-role=LPN]");
    app.execute(
        "arguments[0].scrollIntoView({block: 'center'});",
        vec![lpn.to_arg()],
    );
    app.screenshot("fill-review-lpn.png");
    let note = app.shown_text(&lpn);
    assert!(
        note.starts_with("No LPN coverage set") && note.contains("Settings → Coverage"),
        "{note:?}"
    );

    let (short_saved, under_saved) = coverage_gaps(&app);
    start_fill(&app);
    app.screenshot("fill-review-headline.png");

    // d: plain words; the figures are the coverage rows' red and amber cells.
    let head = app.text_of("#fill-review");
    assert!(!head.contains("given to staff"), "{head}");
    if let Some(why) = app.try_find(By::Css("#fill-why")) {
        let why = app.text(&why);
        assert!(why.contains("taken off because"), "{why}");
    }
    let (short_before, short_after) = before_after(&app.text_of("#fill-gaps"));
    let (under_before, under_after) = before_after(&app.text_of("#fill-under"));
    assert_eq!(
        (short_before, under_before),
        (short_saved, under_saved),
        "before: the saved schedule's red and amber cells"
    );
    assert_eq!(
        (short_after, under_after),
        coverage_gaps(&app),
        "after: the red and amber cells the grid shows with the proposal"
    );

    // Issue #21 (fresh eyes): one count for shifts under target. The
    // headline's lines give each need's count as the sum of its causes,
    // and the counts add up to the figure; the grid's coverage lines total
    // the same amber cells; the details button shows no other count.
    let headline: Vec<String> = app
        .find_all("#fill-left-open li")
        .iter()
        .map(|el| app.text(el))
        .filter(|l| l.contains(" under target"))
        .collect();
    let mut told = 0;
    for line in &headline {
        let (head, causes) = line.split_once(": ").expect(line);
        let n: usize = head.split(' ').next().unwrap().parse().expect(line);
        let parts: usize = causes
            .trim_end_matches('.')
            .split("; ")
            .map(|p| p.split(' ').next().unwrap().parse::<usize>().expect(line))
            .sum();
        assert_eq!(n, parts, "the count is the sum of its causes: {line}");
        told += n;
    }
    assert_eq!(
        told, under_after,
        "the needs add up to the figure: {headline:#?}"
    );
    // The totals sit right of the days, scrolled out of view: read as text.
    let totals: usize = app
        .execute(
            "return [...document.querySelectorAll('#coverage td[data-gaps]')].map((td) => td.textContent.trim());",
            vec![],
        )
        .as_array()
        .expect("the coverage lines' totals")
        .iter()
        .map(|t| t.as_str().unwrap_or_default().to_string())
        .filter_map(|t| {
            t.split(" · ").find_map(|p| {
                p.strip_suffix(" under target")
                    .map(|n| n.parse::<usize>().unwrap())
            })
        })
        .sum();
    assert_eq!(totals, under_after, "the grid's line totals are the figure");
    assert_eq!(
        app.text_of("#fill-review button[aria-controls=fill-details]"),
        "Details"
    );
    app.screenshot("fill-review-under-target.png");

    // e: the nurse on a lapsed ACLS (warning only) is named with her shifts.
    let warned = app.text_of("#fill-warned");
    assert!(
        warned.contains("lapsed credential") && warned.contains("(warning only)"),
        "{warned}"
    );
    app.click(&app.find("#fill-review button[aria-controls=fill-details]"));
    app.screenshot("fill-review-details.png");
    let lines: Vec<String> = app
        .find_all("#fill-warned-list li")
        .iter()
        .map(|el| app.text(el))
        .collect();
    assert!(
        lines.iter().any(|l| l.contains(": ACLS expired ")
            && l.contains("(warning only) — ")
            && l.contains(" shift")),
        "{lines:?}"
    );

    // h: the Cost dialog during the review is the proposal's, and says so.
    let toolbar = app.text_of("#schedule-cost");
    app.click(&app.find("#schedule-cost"));
    let dialog = app.find("dialog[open]");
    let title = app.text(&app.find_in(&dialog, "h2"));
    assert!(title.contains("Proposed schedule"), "{title}");
    assert!(app
        .text_of("#cost-proposed")
        .starts_with("Proposed schedule"));
    let total = app.text(&app.find("#cost-summary dd.total"));
    assert_eq!(
        cents_in(&total),
        cents_in(&toolbar),
        "the dialog and the toolbar show the proposal's cost"
    );
    app.screenshot("fill-review-cost.png");
    app.click(&app.button("Close"));
    // The CSV and the print hold the saved schedule: not offered over a proposal.
    for id in ["#schedule-export", "#schedule-print-button"] {
        assert!(
            app.attribute(&app.find(id), "disabled").is_some(),
            "{id} is disabled while a proposal is shown"
        );
    }

    // i: after Accept the review can be shown again, until the next change.
    app.click(&app.find("#fill-accept"));
    app.wait_until("the proposal to be accepted", || {
        app.try_find(By::Css("#fill-review"))
            .is_none()
            .then_some(())
    });
    assert!(
        app.attribute(&app.find("#schedule-export"), "disabled")
            .is_none(),
        "export is back once the proposal is accepted"
    );
    app.click(&app.find("#schedule-last-fill"));
    let again = app.text_of("#fill-changes");
    assert!(again.starts_with("Accepted: "), "{again}");
    assert!(
        app.try_find(By::Css("#fill-accept")).is_none(),
        "nothing to decide any more"
    );
    app.screenshot("fill-review-again.png");
    app.click(&app.find("#fill-review-close"));
    assert!(app.try_find(By::Css("#fill-review")).is_none());
    // Away to another section and back: the review is still offered (it is
    // kept with the period's shifts, not with the page).
    app.click(&app.wait_for(By::XPath("//nav//button[normalize-space()='Staff']")));
    app.wait_until("the schedule to be left", || {
        app.try_find(By::Css("#schedule-grid"))
            .is_none()
            .then_some(())
    });
    open_schedule(&app);
    // Back on the period last worked on (the draft), not the one holding today.
    app.wait_until("the schedule to reopen on the draft", || {
        let status = app.try_find(By::Css("#schedule-status"))?;
        app.session()
            .text(&status)
            .ok()
            .filter(|t| t.contains("Draft"))
    });
    app.wait_until("the last review to be offered again", || {
        app.try_find(By::Css("#schedule-last-fill"))
    });
    // A change by hand: a shift cleared.
    let rows = grid_rows(&app);
    let (staff, date) = rows
        .iter()
        .find_map(|r| {
            r.cells
                .iter()
                .find(|(_, t)| t == "D")
                .map(|(d, _)| (r.staff_id.clone(), d.clone()))
        })
        .expect("a Day shift on the grid");
    let grid = move_cursor(&app, &rows, &staff, &date);
    app.press(&grid, keys::DELETE);
    app.wait_until("the shift to be cleared", || {
        (app.shown_text(&app.find(&cell_css(&staff, &date))) != "D").then_some(())
    });
    app.wait_until("the last review to be withdrawn", || {
        app.try_find(By::Css("#schedule-last-fill"))
            .is_none()
            .then_some(())
    });

    // i: Enter in the Publish confirm does not publish.
    app.click(&app.find("#schedule-publish"));
    app.find("#publish-confirm");
    let focused = app.execute(
        "return document.activeElement && document.activeElement.id;",
        vec![],
    );
    assert_eq!(
        focused,
        serde_json::json!("publish-cancel"),
        "focus starts on Cancel"
    );
    app.press(&app.find("#publish-cancel"), keys::ENTER);
    app.wait_until("the confirm to close", || {
        app.try_find(By::Css("#publish-confirm"))
            .is_none()
            .then_some(())
    });
    assert_eq!(
        app.text_of("#schedule-status"),
        "Draft",
        "Enter did not publish"
    );
}

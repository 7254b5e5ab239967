//! The staff's sign-up sheet in the real window, on the sample's draft
//! period: the manager saves a blank sheet, staff fill one in their own way
//! ("Last, First" names, US month/day headers, a visitor's row, a word the
//! sheet does not know), the import refuses it naming the line, the fixed
//! sheet imports with every change listed, and the grid shows the requests.
//!
//! The native dialogs are answered through `WARDBOOK_TEST_OPEN_FILE` and
//! `WARDBOOK_TEST_SAVE_DIR` (debug builds only, `commands/dialog.rs`).
//!
//! Run by hand (with a DISPLAY and NO_AT_BRIDGE=1):
//! `WARDBOOK_APP=$PWD/target/debug/wardbook cargo test -p wardbook-e2e --test request_sheet -- --test-threads=1`

#[allow(dead_code)]
mod schedule_ui;

use schedule_ui::*;
use wardbook_e2e::{windows_csv, By};

/// "Tue 2027-01-12" (the blank sheet's header) → "1/12".
fn us_day(header: &str) -> String {
    let iso = header.rsplit(' ').next().unwrap_or(header);
    let (_, m, d) = ymd(iso);
    format!("{m}/{d}")
}

/// Waits until the element's text holds `part`; returns the text.
fn contains(app: &wardbook_e2e::App, css: &str, part: &str) -> String {
    app.wait_until(&format!("css `{css}` to hold {part:?}"), || {
        // The element may be re-rendered between finding and reading it.
        let el = app.try_find(By::Css(css))?;
        let text = app.session().text(&el).ok()?;
        text.contains(part).then_some(text)
    })
}

#[test]
fn a_filled_sign_up_sheet_is_checked_then_imported_onto_the_grid() {
    let dir = wardbook_e2e::data_dir();
    let out = tempfile::tempdir().expect("a folder for the files");
    let filled = out.path().join("filled.csv");
    std::env::set_var("WARDBOOK_TEST_OPEN_FILE", &filled);
    std::env::set_var("WARDBOOK_TEST_SAVE_DIR", out.path());
    let app = launch_sample(dir.path());
    open_schedule(&app);
    let (start, _) = open_draft(&app);
    let before: usize = app.text_of("#requests-toggle .count").parse().unwrap();

    // The blank sheet: a title line, then a header with a column per day.
    app.click(&app.find("#requests-sheet"));
    app.click(&app.find("#requests-sheet-save"));
    app.find("#requests-sheet-saved");
    let saved = std::fs::read_dir(out.path())
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("Requests"))
        })
        .expect("the blank sheet was saved in the chosen folder");
    let blank = std::fs::read_to_string(&saved).unwrap();
    let header: Vec<&str> = blank
        .lines()
        .nth(1)
        .expect("a header line")
        .split(',')
        .collect();
    assert_eq!(&header[..2], &["Employee no", "Name"]);
    assert!(
        header[2].ends_with(&start),
        "the first day column is the period's first day: {header:?}"
    );
    let days: Vec<String> = header[2..5].iter().map(|h| us_day(h)).collect();

    // Staff fill in their own sheet.
    let rows = grid_rows(&app);
    let rns: Vec<&Row> = rows
        .iter()
        .filter(|r| r.group.starts_with(RN_GROUP))
        .take(2)
        .collect();
    let name = |r: &Row| {
        let (first, last) = r.first_last();
        format!("\"{last}, {first}\"")
    };
    let sheet = |second: &str| {
        windows_csv(&[
            format!("Nurse,{}", days.join(",")),
            format!("{},off! (wedding),N,", name(rns[0])),
            format!("{},,{second},", name(rns[1])),
            "\"Visitor, Pat\",off,,".to_string(),
        ])
    };
    std::fs::write(&filled, sheet("Eve")).unwrap();
    app.click(&app.find("#requests-sheet-choose"));
    let refused = contains(&app, "#requests-import-refused", "Line 3");
    assert!(refused.contains("“Eve” is not a request"), "{refused}");
    assert!(
        app.attribute(&app.find("#requests-import"), "disabled")
            .is_some(),
        "nothing imports while a row is refused"
    );
    app.screenshot("request-sheet-refused.png");

    std::fs::write(&filled, sheet("D?")).unwrap();
    app.click(&app.find("#requests-sheet-choose"));
    contains(&app, "#requests-import-counts", "3 added");
    assert!(app.try_find(By::Css("#requests-import-refused")).is_none());
    assert!(app.text_of("#requests-import-unknown").contains("Visitor"));
    let changes = app.text_of("#requests-import-changes");
    assert!(
        changes.contains("Off (strong)") && changes.contains("D (nice to have)"),
        "{changes}"
    );
    app.screenshot("request-sheet-preview.png");
    app.click(&app.find("#requests-import"));
    let done = contains(&app, "#requests-import-done", "3 requests added");
    assert!(done.contains("0 removed"), "{done}");
    app.click_button("Close");
    app.wait_until("the dialog to close", || {
        app.try_find(By::Css("#requests-import-done"))
            .is_none()
            .then_some(())
    });

    // The grid marks them and counts them.
    app.wait_for_text("#requests-toggle .count", &(before + 3).to_string());
    let marker = app.find(&format!("{} .req", cell_css(&rns[0].staff_id, &start)));
    assert_eq!(
        app.shown_text(&marker),
        "−",
        "the day-off request is marked on its cell"
    );
}

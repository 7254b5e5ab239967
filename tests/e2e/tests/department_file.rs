//! End-to-end test of a department file and the change history in the real
//! window: the sample department exported from Settings and imported back
//! over itself (the screen says its history is kept and the file's history
//! checked; the history then holds the import as one entry and verifies),
//! and the same file imported into a fresh data folder from the welcome
//! screen, as on a new computer (the history comes with the department, and
//! the history there holds it and verifies).
//!
//! The native dialogs are answered with `WARDBOOK_TEST_OPEN_FILE` /
//! `WARDBOOK_TEST_SAVE_FILE` (see `commands/dialog.rs`).
//!
//! Run by hand (with a DISPLAY and NO_AT_BRIDGE=1):
//! `WARDBOOK_APP=$PWD/target/debug/wardbook cargo test -p wardbook-e2e --test department_file -- --test-threads=1`

use std::path::Path;
use wardbook_e2e::{App, By};

fn answer_dialogs(open: Option<&Path>, save: Option<&Path>) {
    for (var, path) in [
        ("WARDBOOK_TEST_OPEN_FILE", open),
        ("WARDBOOK_TEST_SAVE_FILE", save),
    ] {
        match path {
            Some(p) => std::env::set_var(var, p),
            None => std::env::remove_var(var),
        }
    }
}

fn open_settings(app: &App) {
    app.click(&app.wait_for(By::XPath("//nav//button[normalize-space()='Settings']")));
    app.settle();
}

#[test]
fn an_import_keeps_the_history_and_says_whether_the_files_history_was_checked() {
    let files = wardbook_e2e::data_dir();
    let file = files.path().join("4 West.wardbook.json");
    answer_dialogs(Some(&file), Some(&file));
    let dir = wardbook_e2e::data_dir();
    let app = App::launch(dir.path(), &["--sample"]);
    let name = app.text_of("#department-name");
    open_settings(&app);
    app.click_button("Export department file…");
    app.text_of("#department-file-saved");

    // Back over the same department: its own file, checked with its own key.
    app.click_button("Import a department file…");
    let history = app.text_of("#department-file-history");
    assert!(
        history.contains("This department's change history (")
            && history.contains(
                "is kept; what the import changes is added to it, record by record, with the import itself."
            ),
        "{history}"
    );
    assert!(
        history.contains("was checked and is already part of this department's history"),
        "{history}"
    );
    app.screenshot("department-file-history-preview.png");
    app.click_button("Replace the department");
    let kept = app.text_of("#department-file-history-kept");
    assert!(kept.contains("was checked"), "{kept}");
    app.screenshot("department-file-history-imported.png");
    app.click_button("Continue");

    app.wait_for_text("#department-name", &name);
    open_settings(&app);
    let newest = app.wait_for(By::Css("section[aria-label='Change history'] tbody tr"));
    let entry = app.shown_text(&newest);
    assert!(
        entry.contains("Department file imported: 4 West.wardbook.json, 55 staff"),
        "{entry}"
    );
    app.click(&app.find("#history-verify"));
    let check = app.text_of("#history-check");
    assert!(
        check.contains("were checked: nothing was changed outside Wardbook"),
        "{check}"
    );
    app.quit();

    // Into a fresh data folder, as on a new computer: the history comes along.
    let fresh = wardbook_e2e::data_dir();
    let app = App::launch(fresh.path(), &[]);
    app.wait_for_text("h1", "Welcome to Wardbook");
    app.click_button("Import a department file…");
    let history = app.text_of("#department-file-history");
    assert!(
        history.contains("The department comes with its change history"),
        "{history}"
    );
    assert!(
        history.contains("comes with the department, but it could not be checked"),
        "{history}"
    );
    for hidden in ["key", "fingerprint"] {
        assert!(!history.contains(hidden), "{hidden}: {history}");
    }
    app.screenshot("department-file-history-fresh.png");
    app.click_button("Import the department");
    app.wait_for_text("#department-name", &name);
    answer_dialogs(None, None);
    // The history on the new computer holds the department's, and verifies.
    open_settings(&app);
    app.click(&app.find("#history-verify"));
    let check = app.text_of("#history-check");
    assert!(
        check.contains("were checked: nothing was changed outside Wardbook"),
        "{check}"
    );
    let entries: i64 = check
        .split_whitespace()
        .find_map(|w| w.replace(',', "").parse().ok())
        .unwrap_or(0);
    assert!(entries > 100, "the sample's history came along: {check}");
    app.quit();
}

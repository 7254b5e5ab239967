//! End-to-end test of the Reports section in the real window, on the sample
//! department: the staff roster saved as PDF from its card, and a bad as-of
//! date refused beside its field.
//!
//! The native save dialog cannot be driven through WebDriver, so the app is
//! started with `WARDBOOK_TEST_SAVE_DIR` (read by the backend's save dialog,
//! `commands/dialog.rs`, in debug builds only): reports are then written into that folder under their
//! suggested names, and the rest of the path — making the report, writing
//! the file, telling the manager where it went — runs as for a person.
//!
//! Run with `cargo xtask test`, or by hand (with a DISPLAY and NO_AT_BRIDGE=1):
//! `WARDBOOK_APP=$PWD/target/debug/wardbook cargo test -p wardbook-e2e --test reports -- --test-threads=1`

use wardbook_e2e::{App, By};

#[test]
fn the_roster_pdf_is_saved_from_the_reports_section() {
    let dir = wardbook_e2e::data_dir();
    let out = tempfile::tempdir().expect("a folder for the reports");
    // The app inherits this through tauri-driver and WebKitWebDriver.
    std::env::set_var("WARDBOOK_TEST_SAVE_DIR", out.path());
    let app = App::launch(dir.path(), &["--sample"]);
    app.find("#department-name");
    app.click(&app.wait_for(By::XPath("//nav//button[normalize-space()='Reports']")));
    app.wait_for_text("#reports h1", "Reports");
    let titles: Vec<String> = app
        .find_all("#reports section.report h2")
        .iter()
        .map(|h| app.text(h))
        .collect();
    assert_eq!(
        titles,
        [
            "Schedule",
            "Coverage by shift and day",
            "Credential compliance",
            "Budget variance",
            "Staff roster",
            "Hours for payroll",
            "Timecard sign-off",
            "Fairness over time"
        ]
    );
    app.screenshot("reports");

    // A date written the wrong way round is refused beside its field; nothing is saved.
    app.type_into("#report-roster-as_of", "27/11/2026");
    app.click(&app.find("#report-roster-csv"));
    let error = app.wait_until("the as-of field's error", || {
        let t = app.try_find(By::Css("#report-roster-as_of-error"))?;
        Some(app.text(&t))
    });
    assert!(
        error.contains("27/11/2026"),
        "the error names what was typed: {error}"
    );
    assert_eq!(
        std::fs::read_dir(out.path()).unwrap().count(),
        0,
        "nothing was saved"
    );

    app.type_into("#report-roster-as_of", "2026-11-01");
    app.click(&app.find("#report-roster-pdf"));
    let status = app.wait_until("the roster saved", || {
        let t = app.text_of("#report-roster-status");
        t.starts_with("Saved to").then_some(t)
    });
    let files: Vec<_> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "one file: {files:?}");
    let name = files[0].file_name().unwrap().to_string_lossy().to_string();
    assert!(
        name.starts_with("roster-") && name.ends_with(".pdf"),
        "{name}"
    );
    assert!(
        status.ends_with(&name),
        "the status names the file: {status}"
    );
    let bytes = std::fs::read(&files[0]).unwrap();
    assert!(
        bytes.starts_with(b"%PDF-") && bytes.len() > 10_000,
        "a real PDF with its font"
    );
    assert!(
        app.try_find(By::Css("#report-roster-as_of-error"))
            .is_none(),
        "the old error is gone"
    );
    app.screenshot("reports-saved");

    // Fairness over the last 6 months as CSV: a row per person, with shares.
    app.select("#report-fairness-window", "6");
    app.click(&app.find("#report-fairness-csv"));
    app.wait_until("the fairness report saved", || {
        app.text_of("#report-fairness-status")
            .starts_with("Saved to")
            .then_some(())
    });
    let csv = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("fairness-")
        })
        .expect("the fairness CSV");
    assert!(csv.to_string_lossy().ends_with("-6m.csv"), "{csv:?}");
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(text.contains("Weekends (share)"), "{text}");
    assert!(text.lines().count() > 40, "a row per person employed");
    app.quit();
}

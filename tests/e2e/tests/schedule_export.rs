//! End-to-end test of "Export CSV" on the schedule, on the sample
//! department: the open period is saved as CSV where the manager chooses,
//! one row per person on the grid, one column per day.
//!
//! The native save dialog cannot be driven through WebDriver, so the app is
//! started with `WARDBOOK_TEST_SAVE_DIR` (read by the backend's save dialog,
//! `commands/dialog.rs`, in debug builds only): the file is then written
//! into that folder under its suggested name, through the same command.
//!
//! Run by hand (with a DISPLAY and NO_AT_BRIDGE=1):
//! `WARDBOOK_APP=$PWD/target/debug/wardbook cargo test -p wardbook-e2e --test schedule_export -- --test-threads=1`

#[allow(dead_code)]
mod schedule_ui;

use schedule_ui::*;

#[test]
fn export_csv_saves_the_open_period_one_row_per_person() {
    let dir = wardbook_e2e::data_dir();
    let out = tempfile::tempdir().expect("a folder for the export");
    // The app inherits this through tauri-driver and WebKitWebDriver.
    std::env::set_var("WARDBOOK_TEST_SAVE_DIR", out.path());
    let app = launch_sample(dir.path());
    open_schedule(&app);
    let rows = grid_rows(&app);
    let (start, end) = grid_period(&app);

    app.click(&app.find("#schedule-export"));
    let path = out.path().join(format!("schedule-{start}.csv"));
    app.wait_until("the CSV saved under its suggested name", || {
        std::fs::metadata(&path).ok().filter(|m| m.len() > 0)
    });
    let files = std::fs::read_dir(out.path()).unwrap().count();
    assert_eq!(files, 1, "one file is saved");

    let text = std::fs::read_to_string(&path).unwrap();
    // A byte-order mark first, so Excel reads the names as UTF-8.
    let text = text
        .strip_prefix('\u{feff}')
        .expect("the CSV starts with a UTF-8 byte-order mark");
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].starts_with(&format!("Employee number,Name,Role,{start},"))
            && lines[0].ends_with(&format!(",{end},Paid hours,Shifts")),
        "the header runs over the grid's days: {}",
        lines[0]
    );
    assert_eq!(
        lines.len() - 1,
        rows.len(),
        "one line per person on the grid"
    );
    for row in &rows {
        assert!(
            text.contains(&row.name),
            "{} is in the saved schedule",
            row.name
        );
    }
    app.quit();
}

#[test]
fn export_csv_right_after_switching_period_saves_the_new_period() {
    let dir = wardbook_e2e::data_dir();
    let out = tempfile::tempdir().expect("a folder for the export");
    std::env::set_var("WARDBOOK_TEST_SAVE_DIR", out.path());
    let app = launch_sample(dir.path());
    open_schedule(&app);
    let (first, _) = grid_period(&app);
    let (start, _) = open_draft(&app);
    assert_ne!(
        first, start,
        "the draft is another period than the one opened first"
    );

    // The first click after the switch saves (a fresh-eyes tester saw it do nothing).
    app.click(&app.find("#schedule-export"));
    let path = out.path().join(format!("schedule-{start}.csv"));
    app.wait_until("the switched-to period saved on the first click", || {
        std::fs::metadata(&path).ok().filter(|m| m.len() > 0)
    });
    app.wait_until("the saved place to be said", || {
        app.try_find(wardbook_e2e::By::XPath(
            "//*[contains(normalize-space(), 'Schedule saved to')]",
        ))
    });
    app.quit();
}

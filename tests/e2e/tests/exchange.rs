//! End-to-end tests of data exchange in the real window: a staff import from
//! an HR system's CSV export (a refused row shown by its line, nothing
//! imported; the corrected file previewed as adds and updates, imported, and
//! on the roster), and the whole department exported from Settings and
//! imported into a fresh data folder from the welcome screen.
//!
//! Native file dialogs are not part of the web page WebDriver drives, so the
//! app is started with `WARDBOOK_TEST_OPEN_FILE` / `WARDBOOK_TEST_SAVE_FILE`,
//! which answer its open and save dialogs (see `commands/dialog.rs`).
//!
//! Run with `cargo xtask test`, or by hand (with a DISPLAY and NO_AT_BRIDGE=1):
//! `WARDBOOK_APP=$PWD/target/debug/wardbook cargo test -p wardbook-e2e --test exchange -- --test-threads=1`

use std::path::Path;
use wardbook_e2e::{App, By};

/// An HR export as such systems write it: byte-order mark, CRLF, quoted
/// names with commas and apostrophes, accents, US dates, FTE in percent,
/// rates with a dollar sign, and a column Wardbook does not keep.
fn hr_export(hire_of_jose: &str) -> Vec<u8> {
    let rows = [
        "Employee ID,Legal First Name,Legal Last Name,Job Title,FT/PT,FTE %,Base Hourly Rate,Hire Date,Work Email,Cost Center".to_string(),
        "E10002,James,Kim,Registered Nurse,FT,90%,$54.25,02/07/2011,james.kim@example-hospital.org,4W-6010".into(),
        "E10003,Aisha,Zhang,RN,Full Time,80%,$53.50,07/22/2007,aisha.zhang@example-hospital.org,4W-6010".into(),
        "E20001,Zoë,\"O'Brien\",RN,PT,60%,$48.00,03/02/2026,zoe.obrien@example-hospital.org,4W-6010".into(),
        format!("E20002,José,\"Núñez, Jr.\",CNA,PRN,0%,$21.75,{hire_of_jose},jose.nunez@example-hospital.org,4W-6010"),
    ];
    wardbook_e2e::windows_csv(&rows)
}

fn open_staff(app: &App) {
    app.click(&app.wait_for(By::XPath("//nav//button[normalize-space()='Staff']")));
    app.find("#staff-table");
}

fn open_import(app: &App) {
    app.click_button("Import from HR file…");
    app.find("dialog[open] #import-mapping");
}

/// `WARDBOOK_TEST_*` answers the app's dialogs; the app inherits it from
/// this process through tauri-driver. Tests in this file run one at a time.
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

#[test]
fn an_hr_file_with_a_bad_row_imports_nothing_then_the_fixed_file_adds_and_updates() {
    let dir = wardbook_e2e::data_dir();
    let files = wardbook_e2e::data_dir();
    let csv = files.path().join("hr-export.csv");
    std::fs::write(&csv, hr_export("13/01/2026")).unwrap();
    answer_dialogs(Some(&csv), None);
    let app = App::launch(dir.path(), &["--sample"]);
    app.find("#department-name");
    open_staff(&app);
    let kim_before = app.roster_row("E10002").expect("the sample has E10002");
    assert!(app.roster_row("E20001").is_none());

    open_import(&app);
    // The header's words give the mapping; the cost center is the department
    // column (one value, so every row is this department's).
    let expected = [
        "employee_no",
        "first_name",
        "last_name",
        "role",
        "employment_type",
        "fte",
        "hourly_rate",
        "hire_date",
        "email",
        "department",
    ];
    for (i, field) in expected.iter().enumerate() {
        let select = app.find(&format!("#map-{i}"));
        assert_eq!(app.value(&select), *field, "column {}", i + 1);
    }
    app.screenshot("exchange-mapping.png");
    app.click_button("Preview");

    let errors = app.find("#import-errors");
    let refused = app.shown_text(&errors);
    assert!(refused.contains("Line 5"), "{refused}");
    assert!(
        // One day-first date among month-first ones: the column's order is
        // in doubt, so its slash dates are refused (hr2 item 2).
        refused.contains("day-first dates (13/01/2026) and month-first dates"),
        "{refused}"
    );
    let run = app.find("#import-run");
    assert_eq!(
        app.attribute(&run, "disabled").as_deref(),
        Some("true"),
        "nothing can be imported while a row is refused"
    );
    app.screenshot("exchange-preview-refused.png");
    app.click_button("Cancel");
    app.wait_until("the dialog to close", || {
        app.try_find(By::Css("dialog[open]"))
            .is_none()
            .then_some(())
    });
    assert!(app.roster_row("E20001").is_none(), "nothing was imported");
    assert_eq!(
        app.roster_row("E10002").as_deref(),
        Some(kim_before.as_str())
    );

    // Corrected in the file, chosen again.
    std::fs::write(&csv, hr_export("01/13/2026")).unwrap();
    open_import(&app);
    app.click_button("Preview");
    let adds = app.shown_text(&app.find("#import-adds"));
    assert!(adds.contains("New staff (2)"), "{adds}");
    assert!(
        adds.contains("O'Brien, Zoë") && adds.contains("Núñez, Jr., José"),
        "{adds}"
    );
    assert!(
        adds.contains("CNA · Per diem · FTE 0.00 · hired 2026-01-13"),
        "{adds}"
    );
    let updates = app.shown_text(&app.find("#import-updates"));
    assert!(updates.contains("Updates (2)"), "{updates}");
    assert!(updates.contains("Hourly rate $53.00 → $54.25"), "{updates}");
    assert!(updates.contains("FTE 0.90 → 0.80"), "{updates}");
    assert!(app.try_find(By::Css("#import-errors")).is_none());
    app.screenshot("exchange-preview.png");
    app.click_button("Import 4 people");
    app.wait_until("the dialog to close", || {
        app.try_find(By::Css("dialog[open]"))
            .is_none()
            .then_some(())
    });

    app.wait_until("the new people on the roster", || app.roster_row("E20001"));
    let zoe = app.roster_row("E20001").unwrap();
    assert!(
        zoe.contains("O'Brien, Zoë") && zoe.contains("Part-time") && zoe.contains("0.60"),
        "{zoe}"
    );
    let jose = app.roster_row("E20002").unwrap();
    assert!(
        jose.contains("Núñez, Jr., José") && jose.contains("Per diem"),
        "{jose}"
    );
    let aisha = app.roster_row("E10003").unwrap();
    assert!(aisha.contains("0.80"), "the update shows: {aisha}");
    answer_dialogs(None, None);
    app.quit();
}

#[test]
fn the_department_exported_from_settings_imports_into_a_fresh_data_folder() {
    let files = wardbook_e2e::data_dir();
    let file = files.path().join("4 West.wardbook.json");
    answer_dialogs(None, Some(&file));
    let first = wardbook_e2e::data_dir();
    let app = App::launch(first.path(), &["--sample"]);
    let name = app.text_of("#department-name");
    app.click(&app.wait_for(By::XPath("//nav//button[normalize-space()='Settings']")));
    app.settle();
    app.click_button("Export department file…");
    let saved = app.text_of("#department-file-saved");
    assert!(saved.contains(&file.display().to_string()), "{saved}");
    app.quit();
    assert!(std::fs::metadata(&file).unwrap().len() > 10_000);

    answer_dialogs(Some(&file), None);
    let fresh = wardbook_e2e::data_dir();
    let app = App::launch(fresh.path(), &[]);
    app.wait_for_text("h1", "Welcome to Wardbook");
    app.click_button("Import a department file…");
    let summary = app.text_of("#department-file-summary");
    assert!(summary.contains(&name), "{summary}");
    // The sample: 53 active and 2 who have left; three schedule periods, one fiscal year.
    for fact in ["55 (53 active)", "3 periods", "1 fiscal year"] {
        assert!(summary.contains(fact), "{fact} in {summary}");
    }
    app.screenshot("exchange-department-import.png");
    app.click_button("Import the department");
    app.wait_for_text("#department-name", &name);
    open_staff(&app);
    assert!(
        app.roster_row("E10002").is_some(),
        "the roster came with the file"
    );
    answer_dialogs(None, None);
    app.quit();
}

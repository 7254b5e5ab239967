//! End-to-end test of the staff import with an HR export as HR systems
//! write it (issue #21): no employment-type column (FTE and a status
//! instead), free-text job titles beside short job codes, FTE written as
//! "0.9", ".6", "1", "0,75" and "90%", dates as "3/14/2019" and
//! "2019-03-14", a BOM and CRLF, columns Wardbook does not keep, and rows
//! of another department.
//!
//! What a manager expects, row by row (and what is asserted):
//! - titles Wardbook can read ("RN - Charge Nurse, Med/Surg", "Nursing
//!   Assistant, Certified (CNA)") get their role, shown as guessed in the
//!   preview's table; a title it cannot ("Unit Lead") holds its rows back,
//!   the import button stays disabled, until a role is chosen for it there;
//!   the skills chosen for a title there come with the new people holding it;
//! - new people's employment type comes from the FTE with the thresholds
//!   shown (≥ 0.90 full-time, 0 per diem, part-time between), which the
//!   manager can change and see the rows change;
//! - "Leave of Absence" stays active (said in the preview); "Terminated" on
//!   someone on the roster terminates them with the file's date; on someone
//!   not on the roster, the row is skipped; another department's rows are
//!   skipped and counted, not refused;
//! - after the import, the same export is matched as last time and the
//!   chosen role is remembered.
//!
//! Run by hand (with a DISPLAY and NO_AT_BRIDGE=1):
//! `WARDBOOK_APP=$PWD/target/debug/wardbook cargo test -p wardbook-e2e --test hr_import -- --test-threads=1`

use wardbook_e2e::{App, By};

fn hr_export() -> Vec<u8> {
    let rows = [
        "Employee ID,Employee Name,Job Title,Job Code,Department,Status,FTE,Hourly Rate,Hire Date,Term Date,Supervisor,Shift",
        // 2: full-time by FTE, US date
        "E31001,\"Reyes, Carmen\",\"RN - Charge Nurse, Med/Surg\",RN2,4 West Med/Surg,Active,0.9,$52.10,3/14/2019,,\"Lee, Ann\",Days",
        // 3: part-time, FTE with a leading point, ISO date
        "E31002,\"Okafor, Chidi\",\"Nursing Assistant, Certified (CNA)\",CNA1,4 West Med/Surg,Active,.6,21.40,2019-03-14,,\"Lee, Ann\",Nights",
        // 4: on leave, FTE with a decimal comma
        "E31003,\"Lindqvist, Maja\",\"RN - Staff Nurse\",RN1,4 West Med/Surg,Leave of Absence,\"0,75\",48.00,11/02/2020,,\"Lee, Ann\",",
        // 5 and 6: a title Wardbook cannot read
        "E31004,\"Tran, Bao\",Unit Lead,LEAD,4 West Med/Surg,Active,1,55.00,01/05/2022,,\"Lee, Ann\",",
        "E31005,\"Silva, Rui\",Unit Lead,LEAD,4 West Med/Surg,Active,90%,54.00,2021-07-19,,\"Lee, Ann\",",
        // 7: left, never on the roster
        "E31006,\"Berg, Ola\",\"RN - Staff Nurse\",RN1,4 West Med/Surg,Terminated,1,47.00,2015-06-01,2026-10-31,\"Lee, Ann\",",
        // 8: another department
        "E91001,\"Moss, Kai\",Sitter,SIT1,5 East Oncology,Active,1,18.00,2020-01-01,,\"Ng, Bo\",",
        // 9: on the roster (the sample's James Kim), terminated by HR
        "E10002,\"Kim, James\",\"RN - Staff Nurse\",RN1,4 West Med/Surg,Terminated,0.9,53.00,2/7/2011,11/30/2026,\"Lee, Ann\",",
    ];
    wardbook_e2e::windows_csv(&rows)
}

fn open_staff(app: &App) {
    app.click(&app.wait_for(By::XPath("//nav//button[normalize-space()='Staff']")));
    app.find("#staff-table");
}

/// The preview's row for a file line, as shown.
fn line(app: &App, n: i64) -> String {
    app.shown_text(&app.find(&format!(".scroll tr[data-line=\"{n}\"]")))
}

fn import_disabled(app: &App) -> bool {
    app.attribute(&app.find("#import-run"), "disabled")
        .as_deref()
        == Some("true")
}

#[test]
fn an_hr_export_without_employment_type_and_with_free_text_titles_imports() {
    let dir = wardbook_e2e::data_dir();
    let files = wardbook_e2e::data_dir();
    let csv = files.path().join("workday-roster.csv");
    std::fs::write(&csv, hr_export()).unwrap();
    std::env::set_var("WARDBOOK_TEST_OPEN_FILE", &csv);
    let app = App::launch(dir.path(), &["--sample"]);
    app.find("#department-name");
    open_staff(&app);
    assert!(
        app.roster_row("E10002").is_some(),
        "the sample has James Kim"
    );

    app.click_button("Import from HR file…");
    app.find("dialog[open] #import-mapping");
    let expected = [
        "employee_no",
        "full_name",
        "role",
        "job_code",
        "department",
        "status",
        "fte",
        "hourly_rate",
        "hire_date",
        "termination_date",
        "",
        "",
    ];
    for (i, field) in expected.iter().enumerate() {
        assert_eq!(
            app.value(&app.find(&format!("#map-{i}"))),
            *field,
            "column {}",
            i + 1
        );
    }
    assert!(app.try_find(By::Css("#import-remembered")).is_none());
    app.screenshot("hr-import-mapping.png");
    app.click_button("Preview");

    // The title Wardbook cannot read holds two rows back; nothing can be imported.
    let refused = app.shown_text(&app.find("#import-errors"));
    assert!(refused.contains("Cannot be imported (2)"), "{refused}");
    assert!(
        refused.contains(
            "“Unit Lead” has no Wardbook role yet; choose one in the table of job titles below."
        ),
        "{refused}"
    );
    assert!(
        import_disabled(&app),
        "nothing imports while a row is refused"
    );
    let roles = app.shown_text(&app.find("#import-roles"));
    assert!(roles.contains("1 title has no role yet"), "{roles}");
    assert!(roles.contains("RN - Charge Nurse, Med/Surg"), "{roles}");
    assert!(roles.contains("Guessed from the title"), "{roles}");
    let cna =
        app.find("#import-roles tr[data-title=\"Nursing Assistant, Certified (CNA)\"] select");
    assert_eq!(app.value(&cna), "CNA");
    app.screenshot("hr-import-preview-refused.png");

    // The manager gives "Unit Lead" its role in the table: the rows come in.
    app.select("#import-roles tr[data-title=\"Unit Lead\"] select", "RN");
    app.wait_until("the charge nurses to be accepted", || {
        app.try_find(By::Css("#import-errors"))
            .is_none()
            .then_some(())
    });
    // The Unit Leads are charge nurses: new people with that title start
    // with the Charge skill (chosen once, shown on their rows).
    app.click(&app.find("#import-roles tr[data-title=\"Unit Lead\"] details summary"));
    app.click(
        &app.find("#import-roles tr[data-title=\"Unit Lead\"] details label:first-of-type input"),
    );
    app.wait_until("the Unit Leads' rows to list their skill", || {
        line(&app, 5).contains("skills Charge").then_some(())
    });
    assert!(line(&app, 6).contains("skills Charge"), "{}", line(&app, 6));
    app.screenshot("hr-import-title-skills.png");
    assert!(
        !line(&app, 2).contains("skills"),
        "another title gives no skill: {}",
        line(&app, 2)
    );
    let counts = app.text_of("#import-counts");
    assert!(counts.contains("5 new people"), "{counts}");
    assert!(counts.contains("1 update"), "{counts}");
    assert!(counts.contains("2 skipped"), "{counts}");
    assert!(!import_disabled(&app));

    // Employment type from the FTE, with its thresholds shown.
    let note = app.text_of("#import-employment-note");
    assert!(note.contains("0.90 or more is full-time"), "{note}");
    assert!(
        line(&app, 2).contains("RN · Full-time (from FTE) · FTE 0.90 · hired 2019-03-14"),
        "{}",
        line(&app, 2)
    );
    assert!(
        line(&app, 3).contains("CNA · Part-time (from FTE) · FTE 0.60 · hired 2019-03-14"),
        "{}",
        line(&app, 3)
    );
    assert!(
        line(&app, 4).contains(
            "RN · Part-time (from FTE) · FTE 0.75 · hired 2020-11-02 · on leave, kept active"
        ),
        "{}",
        line(&app, 4)
    );
    assert!(
        line(&app, 5).contains("RN · Full-time (from FTE) · FTE 1.00 · hired 2022-01-05"),
        "{}",
        line(&app, 5)
    );
    // A threshold moved: the 0.90 people become part-time; moved back, full-time.
    app.type_into("#import-full-time-min", "0.95\t");
    app.wait_until("the 0.90 row to be part-time", || {
        line(&app, 2)
            .contains("RN · Part-time (from FTE) · FTE 0.90")
            .then_some(())
    });
    assert!(
        line(&app, 6).contains("Part-time (from FTE) · FTE 0.90"),
        "{}",
        line(&app, 6)
    );
    app.type_into("#import-full-time-min", "0.9\t");
    app.wait_until("the 0.90 row to be full-time again", || {
        line(&app, 2)
            .contains("RN · Full-time (from FTE) · FTE 0.90")
            .then_some(())
    });

    // Skipped: the leaver not on the roster and the other department.
    let department = app.find("#import-department-value");
    assert_eq!(app.value(&department), "4 West Med/Surg");
    app.click(&app.find("#import-skipped summary"));
    assert!(
        line(&app, 7).contains("Terminated in the file and not on the roster: not added."),
        "{}",
        line(&app, 7)
    );
    assert!(
        line(&app, 8).contains("Department “5 East Oncology”, not 4 West Med/Surg."),
        "{}",
        line(&app, 8)
    );
    let kim = line(&app, 9);
    assert!(
        kim.contains("Termination date") && kim.contains("2026-11-30"),
        "{kim}"
    );
    app.screenshot("hr-import-preview.png");

    app.click_button("Import 6 people");
    app.wait_until("the dialog to close", || {
        app.try_find(By::Css("dialog[open]"))
            .is_none()
            .then_some(())
    });
    app.wait_until("the new people on the roster", || app.roster_row("E31004"));
    let tran = app.roster_row("E31004").unwrap();
    assert!(
        tran.contains("Tran, Bao") && tran.contains("Full-time"),
        "{tran}"
    );
    assert!(
        tran.contains("Charge"),
        "the title's skill came with the new person: {tran}"
    );
    let okafor = app.roster_row("E31002").unwrap();
    assert!(
        okafor.contains("Part-time") && okafor.contains("0.60"),
        "{okafor}"
    );
    assert!(
        app.roster_row("E31003").is_some(),
        "on leave is on the active roster"
    );
    assert!(
        app.roster_row("E31006").is_none(),
        "the leaver was not added"
    );
    assert!(
        app.roster_row("E91001").is_none(),
        "the other department's row was not added"
    );
    assert!(
        app.roster_row("E10002").is_none(),
        "James Kim left the active roster"
    );

    // The same export again: matched as last time, the chosen role remembered.
    app.click_button("Import from HR file…");
    app.find("dialog[open] #import-remembered");
    app.click_button("Preview");
    let charge = app.find("#import-roles tr[data-title=\"Unit Lead\"]");
    assert!(
        app.shown_text(&charge).contains("Remembered"),
        "{}",
        app.shown_text(&charge)
    );
    let counts = app.text_of("#import-counts");
    assert!(
        counts.contains("0 new people") && counts.contains("6 unchanged"),
        "{counts}"
    );
    app.click_button("Cancel");
    std::env::remove_var("WARDBOOK_TEST_OPEN_FILE");
    app.quit();
}

//! A leave of absence and a job title from the HR export, as the window
//! shows them: the LOA marker and the title in the staff list, the marker on
//! the person's row of the schedule grid.
//!
//! Run: `WARDBOOK_APP=$PWD/target/debug/wardbook cargo test -p wardbook-e2e --test staff_leave -- --test-threads=1`

use wardbook_e2e::{App, By};

#[test]
fn a_person_on_leave_from_the_hr_export_is_marked_in_the_list_and_on_the_grid() {
    let dir = wardbook_e2e::data_dir();
    let files = wardbook_e2e::data_dir();
    let csv = files.path().join("hr.csv");
    // James Kim (E10002, on the sample's roster) goes on leave.
    std::fs::write(
        &csv,
        "\u{feff}Employee ID,Job Title,Status\r\nE10002,\"RN - Staff Nurse, Nights\",Leave of Absence\r\n",
    )
    .unwrap();
    std::env::set_var("WARDBOOK_TEST_OPEN_FILE", &csv);
    let app = App::launch(dir.path(), &["--sample"]);
    app.find("#department-name");
    app.click(&app.wait_for(By::XPath("//nav//button[normalize-space()='Staff']")));
    app.find("#staff-table");
    let before = app
        .roster_row("E10002")
        .expect("James Kim is on the roster");
    assert!(!before.contains("LOA"), "{before}");

    app.click_button("Import from HR file…");
    app.find("dialog[open] #import-mapping");
    app.click_button("Preview");
    app.click(&app.wait_for(By::Css("#import-run")));
    app.wait_until("the dialog to close", || {
        app.try_find(By::Css("dialog[open]"))
            .is_none()
            .then_some(())
    });
    let row = app.wait_until("James Kim marked on leave", || {
        app.roster_row("E10002").filter(|r| r.contains("LOA"))
    });
    assert!(
        row.contains("RN - Staff Nurse, Nights"),
        "the title shows under the name: {row}"
    );
    app.screenshot("staff-leave-list.png");
    std::env::remove_var("WARDBOOK_TEST_OPEN_FILE");

    // The person's page says it, and the form holds it.
    app.type_into("#staff-search", "E10002");
    let kim = app.wait_until("James Kim alone in the list", || {
        let rows = app.find_all("#staff-table tbody tr[data-staff-id] .col-name");
        (rows.len() == 1).then(|| rows.into_iter().next())?
    });
    app.click(&kim);
    let status = app.wait_until("James Kim's page", || {
        app.try_find(By::Css("#staff-detail .status"))
            .map(|s| app.text(&s))
    });
    assert!(status.contains("on leave"), "{status:?}");
    assert_eq!(app.text_of("#staff-job-title"), "RN - Staff Nurse, Nights");
    app.screenshot("staff-leave-detail.png");
    app.click_button("Edit");
    app.find("dialog[open]");
    assert_eq!(
        app.value(&app.find("#staff-job_title")),
        "RN - Staff Nurse, Nights"
    );
    let ticked = app.execute(
        "return document.getElementById('staff-on_leave').checked;",
        vec![],
    );
    assert_eq!(ticked, serde_json::Value::Bool(true), "On leave is ticked");
    app.screenshot("staff-leave-form.png");
    app.click_button("Cancel");

    app.click(&app.wait_for(By::XPath("//nav//button[normalize-space()='Schedule']")));
    app.find("#schedule-grid");
    let marked: Vec<String> = app
        .find_all("#schedule-grid th.sg-rowhead .name")
        .iter()
        .filter(|n| !app.find_all_in(n, ".loa").is_empty())
        .map(|n| app.shown_text(n))
        .collect();
    assert!(
        marked.len() == 1 && marked[0].contains("Kim, James"),
        "only James Kim's row carries the marker: {marked:?}"
    );
    app.screenshot("staff-leave-grid.png");
    app.quit();
}

//! A department just created, with nobody on staff yet: the Dashboard claims
//! nothing about people or coverage it has not checked, and the empty Staff
//! page shows both ways in: add one person, or import the HR export.
//!
//! Run: `WARDBOOK_APP=$PWD/target/debug/wardbook cargo test -p wardbook-e2e --test empty_department -- --test-threads=1`

use wardbook_e2e::{App, By};

fn create_department(app: &App, name: &str) {
    app.wait_for_text("h1", "Welcome to Wardbook");
    app.type_into("#dept-name", name);
    app.select("#dept-unit_type", "med_surg");
    app.type_into("#dept-beds", "28");
    app.select("#dept-fiscal_year_start_month", "7");
    app.select("#dept-overtime_rule", "weekly_40");
    app.click_button("Create department");
    app.wait_for_text("#department-name", name);
}

#[test]
fn a_new_department_claims_nothing_unchecked_and_offers_the_hr_import() {
    let dir = wardbook_e2e::data_dir();
    let files = wardbook_e2e::data_dir();
    let csv = files.path().join("hr.csv");
    std::fs::write(
        &csv,
        "Employee ID,Employee Name,Job Title,Status,FTE,Hourly Rate,Hire Date\r\n\
         E1,\"Reyes, Carmen\",RN - Staff Nurse,Active,0.9,52.10,2019-03-14\r\n",
    )
    .unwrap();
    std::env::set_var("WARDBOOK_TEST_OPEN_FILE", &csv);
    let app = App::launch(dir.path(), &[]);
    create_department(&app, "4 West");

    let credentials = app.wait_until("the credentials card", || {
        app.try_find(By::Css("#dash-credentials"))
            .map(|c| app.text(&c))
    });
    assert!(
        credentials.contains("No staff yet") && !credentials.contains("current"),
        "with nobody on staff the card says there is nothing to check: {credentials:?}"
    );
    let trainings = app.text_of("#dash-trainings");
    assert!(
        trainings.contains("No staff yet") && !trainings.contains("Nothing overdue"),
        "{trainings:?}"
    );
    let gaps = app.text_of("#dash-gaps");
    assert!(
        !gaps.contains("No gaps") && gaps.contains("No schedule yet"),
        "with no schedule the gaps card claims no gaps: {gaps:?}"
    );
    app.screenshot("empty-dashboard.png");

    app.click(&app.wait_for(By::XPath("//nav//button[normalize-space()='Staff']")));
    let empty = app.wait_until("the empty roster's message", || {
        app.try_find(By::Css("#staff-empty")).map(|e| app.text(&e))
    });
    assert!(
        empty.contains("Add a person") && empty.contains("Import an HR export"),
        "the empty roster shows both ways in: {empty:?}"
    );
    app.screenshot("empty-staff.png");
    app.click(&app.find("#staff-empty-import"));
    app.find("dialog[open] #import-mapping");
    std::env::remove_var("WARDBOOK_TEST_OPEN_FILE");
    app.quit();
}

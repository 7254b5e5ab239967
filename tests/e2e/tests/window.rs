//! End-to-end tests of the real Wardbook window: each starts the built app on
//! its own data folder through tauri-driver and WebKitWebDriver, acts as a
//! person would (click, type) and reads what the window shows.
//!
//! Run with `cargo xtask test`, or by hand:
//! `WARDBOOK_APP=$PWD/target/debug/wardbook cargo test -p wardbook-e2e -- --test-threads=1`
//! (with a DISPLAY, WEBKIT_DISABLE_DMABUF_RENDERER=1 and NO_AT_BRIDGE=1).

use std::path::Path;

use wardbook_e2e::{App, By};

/// Creates a department from the welcome screen and waits for the shell.
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

/// Opens the Staff section's list: the Staff button in the sidebar, then, if
/// a person's page is showing, its "← All staff" link. The list view is there
/// when its search box is (an empty roster shows a message, not #staff-table).
fn open_staff(app: &App) {
    app.click(&app.wait_for(By::XPath("//nav//button[normalize-space()='Staff']")));
    app.wait_until("the staff list or a person's page", || {
        if let Some(back) = app.try_find(By::Css("#staff-detail button.back")) {
            app.click(&back);
        }
        app.try_find(By::Css("#staff-search"))
    });
}

struct Person<'a> {
    first: &'a str,
    last: &'a str,
    employee_no: &'a str,
}

/// Fills the add-staff form with valid values (FTE `fte`) and presses Save.
fn fill_staff_form(app: &App, p: &Person, fte: &str) {
    app.click_button("Add staff");
    app.find("dialog[open]");
    app.type_into("#staff-first_name", p.first);
    app.type_into("#staff-last_name", p.last);
    app.type_into("#staff-employee_no", p.employee_no);
    app.select("#staff-role", "RN");
    app.select("#staff-employment_type", "part_time");
    app.type_into("#staff-fte", fte);
    app.type_into("#staff-hourly_rate", "48.25");
    set_date(app, "#staff-hire_date", "2024-03-04");
    app.click(&app.wait_for(By::XPath(
        "//dialog[@open]//button[normalize-space()='Save']",
    )));
}

/// Types a date into a date field. WebKitGTK's date control takes typed
/// digits; if it did not end up with the value, the test says so.
fn set_date(app: &App, css: &str, iso: &str) {
    app.type_into(css, iso);
    let el = app.find(css);
    let seen = app.value(&el);
    assert_eq!(
        seen, iso,
        "typing {iso:?} into css `{css}` left the value {seen:?}"
    );
}

/// Adds a person through the form and waits for their detail view.
fn add_person(app: &App, p: &Person) {
    open_staff(app);
    fill_staff_form(app, p, "0.9");
    let detail = app.find("#staff-detail");
    let expected = [p.first, p.last];
    app.wait_until(
        &format!("#staff-detail to show {} {}", p.first, p.last),
        || {
            let text = app.text(&detail);
            expected
                .iter()
                .all(|part| text.contains(part))
                .then_some(())
        },
    );
}

/// The names in the staff list's rows, as rendered (a long name is clipped
/// with an ellipsis, which WebKitWebDriver takes for hidden text).
fn listed_names(app: &App) -> Vec<String> {
    app.find_all("#staff-table tr[data-staff-id] .col-name .name")
        .iter()
        .map(|el| app.shown_text(el))
        .collect()
}

fn wait_for_listed(app: &App, name: &str) {
    app.wait_until(&format!("a row named {name:?} in #staff-table"), || {
        listed_names(app).iter().any(|n| n == name).then_some(())
    });
}

fn launch(dir: &Path) -> App {
    App::launch(dir, &[])
}

#[test]
fn create_department_from_welcome_screen() {
    let dir = wardbook_e2e::data_dir();
    let app = launch(dir.path());
    app.wait_for_text("h1", "Welcome to Wardbook");
    create_department(&app, "4 North Med-Surg");
    assert_eq!(app.text_of("#department-name"), "4 North Med-Surg");
    app.wait_until("the window title to name the department", || {
        (app.title() == "Wardbook — 4 North Med-Surg").then_some(())
    });
    app.quit();
}

#[test]
fn add_staff_member_through_the_form() {
    let dir = wardbook_e2e::data_dir();
    let app = launch(dir.path());
    create_department(&app, "5 West");
    let person = Person {
        first: "Amara",
        last: "Okafor",
        employee_no: "E2E-0001",
    };
    add_person(&app, &person);
    open_staff(&app);
    wait_for_listed(&app, "Okafor, Amara");
    app.quit();
}

#[test]
fn invalid_fte_shows_error_beside_the_field() {
    let dir = wardbook_e2e::data_dir();
    let app = launch(dir.path());
    create_department(&app, "6 East");
    open_staff(&app);
    let before = listed_names(&app);
    let person = Person {
        first: "Lena",
        last: "Brandt",
        employee_no: "E2E-0002",
    };
    fill_staff_form(&app, &person, "1.01");
    app.wait_for_text("#staff-fte-error", "FTE must be between 0 and 1.00.");
    assert!(
        app.try_find(By::Css("dialog[open]")).is_some(),
        "the staff dialog closed after a refused save"
    );
    app.click(&app.wait_for(By::XPath(
        "//dialog[@open]//button[normalize-space()='Cancel']",
    )));
    app.wait_until("the staff dialog to close", || {
        app.try_find(By::Css("dialog[open]"))
            .is_none()
            .then_some(())
    });
    let after = listed_names(&app);
    assert_eq!(
        after, before,
        "the staff list changed after a refused save and Cancel"
    );
    assert!(
        !after.iter().any(|n| n == "Brandt, Lena"),
        "the refused person is listed"
    );
    app.quit();
}

#[test]
fn staff_member_survives_a_restart() {
    let dir = wardbook_e2e::data_dir();
    let app = launch(dir.path());
    create_department(&app, "7 South");
    let person = Person {
        first: "Tomasz",
        last: "Wieczorek",
        employee_no: "E2E-0003",
    };
    add_person(&app, &person);
    app.quit();

    let app = launch(dir.path());
    app.wait_for_text("#department-name", "7 South");
    open_staff(&app);
    wait_for_listed(&app, "Wieczorek, Tomasz");
    app.quit();
}

#[test]
fn sample_department_shows_roster_with_credential_statuses() {
    let dir = wardbook_e2e::data_dir();
    let app = launch(dir.path());
    app.wait_for_text("h1", "Welcome to Wardbook");
    app.click_button("Open the sample department");
    app.find("#department-name");
    open_staff(&app);
    let rows = app.wait_until("53 active rows in #staff-table", || {
        let rows = app.find_all("#staff-table tr[data-staff-id]");
        (rows.len() == 53).then_some(rows)
    });
    assert_eq!(rows.len(), 53);
    let badges: Vec<String> = app
        .find_all("#staff-table tr[data-staff-id] .col-credentials .badge, #staff-table tr[data-staff-id] .col-credentials [data-status]")
        .iter()
        .map(|el| app.text(el))
        .collect();
    let cells: Vec<String> = app
        .find_all("#staff-table tr[data-staff-id] .col-credentials")
        .iter()
        .map(|el| app.text(el))
        .collect();
    let first_words: Vec<&str> = if badges.is_empty() { &cells } else { &badges }
        .iter()
        .flat_map(|t| t.lines())
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    for status in ["Compliant", "Expiring", "Expired", "Missing"] {
        assert!(
            first_words.contains(&status),
            "no {status:?} badge in .col-credentials; seen first words: {:?}",
            first_words
                .iter()
                .collect::<std::collections::BTreeSet<_>>()
        );
    }
    let shot = app.screenshot("staff-list.png");
    assert!(
        std::fs::metadata(&shot)
            .map(|m| m.len() > 10_000)
            .unwrap_or(false),
        "the screenshot is empty"
    );
    app.quit();
}

//! End-to-end test of finding people as a manager types them, in the real
//! window on the sample department (Fischer, Lucía; Dubois, Renée; Foster,
//! Zoë): accents and case do not matter in the staff list's search, nor in
//! the time-off form's person picker.
//!
//! Run by hand (with a DISPLAY and NO_AT_BRIDGE=1):
//! `WARDBOOK_APP=$PWD/target/debug/wardbook cargo test -p wardbook-e2e --test search -- --test-threads=1`

#[allow(dead_code)]
mod schedule_ui;

use schedule_ui::*;
use wardbook_e2e::{App, By};

/// The names the roster shows, read in one script (rows are redrawn as the search narrows).
fn roster_names(app: &App) -> Vec<String> {
    let script = "return [...document.querySelectorAll('#staff-table tbody tr .name')].map((n) => n.innerText.trim());";
    app.execute(script, vec![])
        .as_array()
        .expect("the names as a list")
        .iter()
        .map(str_of)
        .collect()
}

#[test]
fn lucia_finds_lucia_and_renee_is_picked_for_time_off() {
    let dir = wardbook_e2e::data_dir();
    let app = launch_sample(dir.path());
    app.click(&app.wait_for(By::XPath("//nav//button[normalize-space()='Staff']")));
    app.find("#staff-table");
    let expect = |typed: &str, wanted: &[&str]| {
        app.type_into("#staff-search", typed);
        app.wait_until(&format!("{typed:?} to list {wanted:?}"), || {
            (roster_names(&app) == wanted).then_some(())
        });
    };
    expect("lucia", &["Fischer, Lucía"]);
    expect("ZOE", &["Foster, Zoë"]);
    expect("renee dubois", &["Dubois, Renée"]);
    expect("DUBOIS, René", &["Dubois, Renée"]);

    // The time-off form's person picker narrows as a name is typed.
    open_schedule(&app);
    app.click(&app.find("#schedule-timeoff"));
    app.click(&app.find("#timeoff-new"));
    app.type_into("#timeoff-staff_id-filter", "renee");
    let select = app.find("#timeoff-staff_id");
    let options: Vec<String> = app
        .find_all_in(&select, "option")
        .iter()
        .map(|o| app.text(o))
        .filter(|t| t != "Choose…")
        .collect();
    assert_eq!(options, ["Dubois, Renée"], "the picker lists only her");
    let chosen = app.find_in(&select, "option:checked");
    assert_eq!(
        app.text(&chosen),
        "Dubois, Renée",
        "a single match is chosen"
    );

    // The choice follows the filter: Lucía, then a search for "nguyen" must not
    // leave her chosen, and the chosen name is on screen.
    let chosen_line = || app.text_of("#timeoff-staff_id-chosen");
    app.type_into("#timeoff-staff_id-filter", "lucia");
    app.wait_until("Lucía to be chosen", || {
        (chosen_line() == "Chosen: Fischer, Lucía").then_some(())
    });
    app.type_into("#timeoff-staff_id-filter", "nguyen");
    let checked = app.wait_until("the choice to follow the filter", || {
        let checked = app.text(&app.find_in(&select, "option:checked"));
        (checked != "Fischer, Lucía").then_some(checked)
    });
    if checked == "Choose…" {
        assert!(
            chosen_line().starts_with("Nobody chosen yet"),
            "{}",
            chosen_line()
        );
    } else {
        assert!(checked.to_lowercase().contains("nguy"), "{checked}");
        assert_eq!(chosen_line(), format!("Chosen: {checked}"));
    }
    assert!(!chosen_line().contains("Lucía"), "{}", chosen_line());
    app.quit();
}

//! The change history in the window: a change to a person shows on their page
//! as "field: before → after", and in the department's history in Settings,
//! where the filters find it.
//!
//! Run: `WARDBOOK_APP=$PWD/target/debug/wardbook DISPLAY=:N cargo test -p wardbook-e2e --test history`

use wardbook_e2e::{App, By};

fn open_section(app: &App, name: &str) {
    let xpath = format!("//nav//button[normalize-space()='{name}']");
    app.click(&app.wait_for(By::XPath(&xpath)));
}

/// The rendered text of the history rows on screen.
fn history_rows(app: &App) -> Vec<String> {
    app.find_all("section[aria-label='Change history'] tr[data-history-id]")
        .iter()
        .map(|row| app.shown_text(row))
        .collect()
}

#[test]
fn a_saved_change_shows_before_and_after_in_the_history() {
    let dir = wardbook_e2e::data_dir();
    let app = App::launch(dir.path(), &["--sample"]);
    open_section(&app, "Staff");
    app.click(&app.wait_for(By::Css("#staff-table tr[data-staff-id] .col-name")));
    let name = app.wait_until("the person's name", || {
        let h1 = app.try_find(By::Css("#staff-detail h1"))?;
        let text = app.text(&h1);
        (!text.is_empty()).then_some(text)
    });
    app.click_button("Edit");
    app.find("dialog[open]");
    let rate = app.find("#staff-hourly_rate");
    let old = app.value(&rate);
    app.type_into("#staff-hourly_rate", "99.75");
    app.click(&app.wait_for(By::XPath(
        "//dialog[@open]//button[normalize-space()='Save']",
    )));

    let expected = format!("Hourly rate: ${old} → $99.75");
    let row = app.wait_until(&format!("a history row saying {expected:?}"), || {
        history_rows(&app)
            .into_iter()
            .find(|r| r.contains(&expected))
    });
    assert!(
        row.contains(&format!("{name}: hourly rate")),
        "the row's title says whose record and which field: {row}"
    );

    // The department's history, filtered to staff records and the person's name.
    open_section(&app, "Settings");
    app.wait_for(By::Css("#history-kind"));
    app.select("#history-kind", "staff");
    let last_name = name.split_whitespace().last().unwrap_or(&name).to_string();
    app.type_into("#history-search", &last_name);
    app.wait_until("the change in the department's history", || {
        let rows = history_rows(&app);
        (!rows.is_empty()
            && rows.iter().all(|r| r.contains(&last_name))
            && rows.iter().any(|r| r.contains(&expected)))
        .then_some(())
    });
    // A date range that ends before the sample was made finds nothing.
    // (Set by script: WebDriver cannot type an empty string, and WebKitGTK's
    // date control takes typed digits only when it has the focus just so.)
    app.execute(
        "for (const [id, v] of [['history-search', ''], ['history-to', '2000-01-01']]) {
           const el = document.getElementById(id); el.value = v;
           el.dispatchEvent(new Event('input', { bubbles: true }));
         }",
        vec![],
    );
    app.wait_until("no rows before 2000", || {
        let empty = app.try_find(By::XPath(
            "//section[@aria-label='Change history']//p[normalize-space()='No changes match.']",
        ));
        empty.map(|_| ())
    });
    app.quit();
}

/// The "When" of each history row on screen (department time, "YYYY-MM-DD HH:MM:SS").
fn history_times(app: &App) -> Vec<String> {
    app.find_all("section[aria-label='Change history'] tr[data-history-id] td.when")
        .iter()
        .map(|td| app.shown_text(td))
        .collect()
}

#[test]
fn the_date_filters_take_yyyy_mm_dd_on_the_departments_clock() {
    let dir = wardbook_e2e::data_dir();
    let app = App::launch(dir.path(), &["--sample"]);
    open_section(&app, "Settings");
    app.wait_for(By::Css("#history-from"));
    let newest = app.wait_until("the history's rows", || {
        history_times(&app).first().map(|t| t[..10].to_string())
    });
    // Typed as a US date, it is refused beside the field in the app's format.
    app.type_into("#history-from", "12/07/2026");
    let error = app.wait_until("the From field's message", || {
        app.try_find(By::Css("#history-from-error"))
            .map(|e| app.text(&e))
    });
    assert!(
        error.contains("YYYY-MM-DD"),
        "the message says the format: {error:?}"
    );
    app.screenshot("history-date-filter.png");
    assert_eq!(
        app.attribute(&app.find("#history-from"), "placeholder")
            .as_deref(),
        Some("YYYY-MM-DD")
    );
    // The newest change's day, as the list shows it on the department's
    // clock, finds it and only that day.
    app.type_into("#history-from", &newest);
    app.type_into("#history-to", &newest);
    let times = app.wait_until("the rows of that day", || {
        let t = history_times(&app);
        (app.try_find(By::Css("#history-from-error")).is_none() && !t.is_empty()).then_some(t)
    });
    assert!(
        times.iter().all(|t| t.starts_with(&newest)),
        "only {newest} is listed: {times:?}"
    );
    app.quit();
}

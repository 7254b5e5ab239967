//! End-to-end tests of the Schedule section in the real window, on the sample
//! department (`--sample`: a published period holding today and a draft next
//! period, both built relative to today). Each test starts its own app on its
//! own data folder, works the grid with the keyboard as a person would and
//! reads what the window shows. Grid, coverage and print cells clip their
//! text (`overflow: hidden`), which WebKitWebDriver takes for hidden, so
//! their text is read as rendered (`App::shown_text`, innerText).
//!
//! Run with `cargo xtask test`, or by hand (with a DISPLAY and NO_AT_BRIDGE=1):
//! `WARDBOOK_APP=$PWD/target/debug/wardbook cargo test -p wardbook-e2e --test schedule -- --test-threads=1`

mod schedule_ui;

use schedule_ui::*;
use std::collections::BTreeSet;
use wardbook_e2e::By;

#[test]
fn assigning_a_shift_by_keyboard_updates_coverage_and_violations() {
    let dir = wardbook_e2e::data_dir();
    let app = launch_sample(dir.path());
    open_schedule(&app);
    open_draft(&app);

    // A day whose Day · RN coverage is below its minimum, one short if there is one.
    let cov = app.find_all("td.coverage-cell[data-shift=\"D\"][data-requirement=\"role:RN\"]");
    let mut short: Vec<(String, u32, u32)> = cov
        .iter()
        .filter_map(|el| {
            let (s, m) = parse_coverage(&app.shown_text(el))?;
            let date = app.attribute(el, "data-date")?;
            (s < m).then_some((date, s, m))
        })
        .collect();
    assert!(
        !short.is_empty(),
        "the sample's draft period shows no Day · RN coverage cell below its minimum"
    );
    short.sort_by_key(|(d, s, m)| (m - s, d.clone()));

    let before = violations(&app);
    assert_eq!(
        violations_count(&app),
        before.len(),
        "the Violations toggle's count differs from the list"
    );
    let rows = grid_rows(&app);

    // An RN with an empty cell that day: preferably one who works days in this
    // period, whom no violation names yet, with the fewest shifts that week
    // (the period starts on a Sunday, as the work weeks do) and in all.
    let (date, sched_before, minimum, row) = short
        .iter()
        .find_map(|(date, s, m)| {
            let mut free: Vec<&Row> = rows
                .iter()
                .filter(|r| r.group.starts_with(RN_GROUP) && r.text_on(date).is_empty())
                .collect();
            free.sort_by_key(|r| {
                let (first, last) = r.first_last();
                let named = before
                    .iter()
                    .any(|v| v.contains(&format!("{first} {last}")));
                let days = r.cells.iter().any(|(_, t)| t == "D");
                let nights = r.cells.iter().any(|(_, t)| t == "N");
                let shifts = r.cells.iter().filter(|(_, t)| !t.is_empty()).count();
                let col = r.cells.iter().position(|(d, _)| d == date).unwrap_or(0);
                let week = r.cells[col - col % 7..(col - col % 7 + 7).min(r.cells.len())]
                    .iter()
                    .filter(|(_, t)| !t.is_empty())
                    .count();
                (!days, nights, named, week, shifts)
            });
            free.first().map(|r| (date.clone(), *s, *m, (*r).clone()))
        })
        .expect("no RN has an empty cell on a short day");
    let cell = cell_css(&row.staff_id, &date);
    let coverage_message = format!(
        "Day on {} has {sched_before} RN of the {minimum} needed",
        day_month(&date)
    );
    assert!(
        before.iter().any(|v| v.starts_with(&coverage_message)),
        "coverage shows {sched_before}/{minimum} on {date} but no violation starts {coverage_message:?}: {before:#?}"
    );

    let grid = move_cursor(&app, &rows, &row.staff_id, &date);
    app.press(&grid, "d");

    app.wait_for_shown_text(&cell, "D");
    let (sched_after, min_after) =
        app.wait_until("the Day · RN coverage to count the new shift", || {
            let c = coverage(&app, "D", "role:RN", &date);
            (c.0 != sched_before).then_some(c)
        });
    assert_eq!(
        (sched_after, min_after),
        (sched_before + 1, minimum),
        "Day · RN coverage on {date} after assigning D to {}",
        row.name
    );

    let after = app.wait_until("the violations to change", || {
        let now = violations(&app);
        (now != before).then_some(now)
    });
    let before_set: BTreeSet<&String> = before.iter().collect();
    let after_set: BTreeSet<&String> = after.iter().collect();
    let removed: Vec<&&String> = before_set.difference(&after_set).collect();
    let added: Vec<&&String> = after_set.difference(&before_set).collect();
    let notice = app
        .try_find(By::Css("#schedule-notice"))
        .map(|n| app.text(&n))
        .unwrap_or_default();
    // The day's coverage violation is gone, or (still short) counts one more.
    assert_eq!(
        removed.len(),
        1,
        "assigning D to {} on {date} should end exactly the coverage violation {coverage_message:?}; removed: {removed:#?}",
        row.name
    );
    assert!(
        removed[0].starts_with(&coverage_message),
        "the violation that went is not the day's coverage one: {removed:#?}"
    );
    let still_short = format!(
        "Day on {} has {sched_after} RN of the {minimum} needed",
        day_month(&date)
    );
    let replacement: Vec<&&String> = added
        .iter()
        .copied()
        .filter(|v| v.starts_with("Day on "))
        .collect();
    if sched_after < minimum {
        assert!(
            replacement.len() == 1 && replacement[0].starts_with(&still_short),
            "{date} is still short: expected a violation starting {still_short:?}, added: {added:#?}"
        );
    } else {
        assert!(
            replacement.is_empty(),
            "{date} now meets its minimum, yet a Day coverage violation was added: {added:#?}"
        );
    }
    // Anything else new is a warning the assignment raised, and the notice says it.
    for v in added.iter().filter(|v| !replacement.contains(v)) {
        assert!(
            notice.contains(v.as_str()),
            "a new violation {v:?} is not in the assignment's notice {notice:?}"
        );
    }
    if added.len() == replacement.len() {
        assert!(
            notice.is_empty(),
            "no new warning, yet #schedule-notice says {notice:?}"
        );
    }
    app.wait_until("the Violations toggle to count the list", || {
        (violations_count(&app) == after.len()).then_some(())
    });
    assert_eq!(
        after.len() as i64 - before.len() as i64,
        added.len() as i64 - 1,
        "the violation count changed by other than the added minus the removed"
    );
    // The cursor stayed on the cell.
    assert_eq!(
        app.attribute(&app.find(&cell), "aria-selected").as_deref(),
        Some("true")
    );

    eprintln!(
        "assigned D to {} on {date}: Day · RN {sched_before}/{minimum} → {sched_after}/{minimum}; \
         violations {} → {}; removed {removed:?}; added {added:?}; notice {notice:?}",
        row.name,
        before.len(),
        after.len()
    );
    // The notice above the grid may have pushed the cell below the fold.
    app.execute(
        "arguments[0].scrollIntoView({block: 'nearest', inline: 'nearest'});",
        vec![app.find(&cell).to_arg()],
    );
    let shot = app.screenshot("schedule-grid.png");
    assert!(
        std::fs::metadata(&shot)
            .map(|m| m.len() > 10_000)
            .unwrap_or(false),
        "the screenshot is empty"
    );
    app.quit();
}

#[test]
fn approved_time_off_refuses_the_assignment_with_its_reason() {
    let dir = wardbook_e2e::data_dir();
    let app = launch_sample(dir.path());
    open_schedule(&app);
    open_draft(&app);

    // An RN with an FTE (per diem and agency staff get no paid time off)
    // with an empty cell (no shift, no time off) in the draft's second week.
    let hourly = hourly_names(&app);
    let rows = grid_rows(&app);
    let (row, date) = rows
        .iter()
        .filter(|r| r.group.starts_with(RN_GROUP) && !hourly.contains(&r.name))
        .find_map(|r| {
            r.cells
                .iter()
                .skip(7)
                .find(|(_, t)| t.is_empty())
                .map(|(d, _)| (r.clone(), d.clone()))
        })
        .expect("no RN has an empty cell in the draft period");
    let (first, last) = row.first_last();
    let cell = cell_css(&row.staff_id, &date);

    // Request it...
    app.click(&app.find("#schedule-timeoff"));
    app.find("dialog[open] #timeoff-new");
    let ids_before: BTreeSet<String> = app
        .find_all("#timeoff-list li[data-timeoff-id]")
        .iter()
        .filter_map(|li| app.attribute(li, "data-timeoff-id"))
        .collect();
    app.click(&app.find("#timeoff-new"));
    app.select("#timeoff-staff_id", &row.staff_id);
    app.type_into("#timeoff-from", &date);
    app.type_into("#timeoff-to", &date);
    app.select("#timeoff-kind", "pto");
    app.type_into("#timeoff-note", "End-to-end test");
    app.click_button("Save request");

    // ...approve it in the list...
    let li = app.wait_until("the new request in #timeoff-list", || {
        app.find_all("#timeoff-list li[data-timeoff-id]")
            .into_iter()
            .find(|li| {
                app.attribute(li, "data-timeoff-id")
                    .is_some_and(|id| !ids_before.contains(&id))
            })
    });
    let id = app.attribute(&li, "data-timeoff-id").unwrap_or_default();
    let li_css = format!("#timeoff-list li[data-timeoff-id=\"{id}\"]");
    let text = app.text(&li);
    assert!(
        text.contains(&row.name) && text.contains(&date) && text.contains("Pending"),
        "the new request reads {text:?}; expected {:?}, {date} and Pending",
        row.name
    );
    app.click(&app.wait_for(By::XPath(&format!(
        "//ul[@id='timeoff-list']/li[@data-timeoff-id='{id}']//button[normalize-space()='Approve']"
    ))));
    app.wait_until("the request to read Approved", || {
        let text = app.text(&app.find(&li_css));
        text.contains("Approved").then_some(())
    });

    // ...close the dialog: the grid shows the time off.
    app.click(&app.wait_for(By::XPath(
        "//dialog[@open]//button[normalize-space()='Close']",
    )));
    app.wait_until("the time-off dialog to close", || {
        app.try_find(By::Css("dialog[open]"))
            .is_none()
            .then_some(())
    });
    app.wait_for_shown_text(&cell, "PTO");

    // Typing a shift code on that cell is refused, with the reason.
    let rows = grid_rows(&app);
    let grid = move_cursor(&app, &rows, &row.staff_id, &date);
    let highlighted = |app: &wardbook_e2e::App| {
        let class = app.attribute(&app.find(&cell), "class").unwrap_or_default();
        class.split_whitespace().any(|c| c == "hl")
    };
    assert!(
        !highlighted(&app),
        "{cell} is not highlighted before the refusal"
    );
    app.press(&grid, "n");
    let notice = app.wait_until("#schedule-notice to say why", || {
        let n = app.try_find(By::Css("#schedule-notice"))?;
        let text = app.text(&n);
        (!text.is_empty()).then_some(text)
    });
    eprintln!(
        "typed N on {} {date} (approved PTO): notice {notice:?}",
        row.name
    );
    let lower = notice.to_lowercase();
    assert!(
        notice.contains(&first) && notice.contains(&last),
        "#schedule-notice does not name {first} {last}: {notice:?}"
    );
    assert!(
        lower.contains("time off") || notice.contains("PTO"),
        "#schedule-notice does not say time off: {notice:?}"
    );
    assert!(
        lower.contains("not assigned"),
        "#schedule-notice does not say the shift was refused: {notice:?}"
    );
    assert!(
        notice.contains(&day_month(&date)),
        "#schedule-notice does not name the day {}: {notice:?}",
        day_month(&date)
    );
    let n = app.find("#schedule-notice");
    assert_eq!(
        app.attribute(&n, "role").as_deref(),
        Some("alert"),
        "a refusal should be announced (role=alert)"
    );
    // The cell still shows the time off, not the shift.
    assert_eq!(
        app.shown_text(&app.find(&cell)),
        "PTO",
        "{cell} after the refused N"
    );
    let title = app.attribute(&app.find(&cell), "title").unwrap_or_default();
    assert!(
        title.contains("approved PTO") && title.contains(" off"),
        "{cell}'s title {title:?} should say it is off with approved PTO"
    );
    // The refusal's cells are highlighted while its notice shows.
    assert!(
        highlighted(&app),
        "{cell} is highlighted as the refused cell"
    );
    app.quit();
}

#[test]
fn print_view_shows_the_period() {
    let dir = wardbook_e2e::data_dir();
    let app = launch_sample(dir.path());
    let department = app.text_of("#department-name");
    open_schedule(&app);
    let (start, end) = grid_period(&app);
    let names: Vec<String> = grid_rows(&app).into_iter().map(|r| r.name).collect();
    assert!(names.len() > 10, "the grid shows only {} rows", names.len());

    app.click(&app.find("#schedule-print-button"));
    let print = app.find("#schedule-print");
    let heading = app.text(&app.find_in(&print, "header h1"));
    assert!(
        heading.starts_with(&department),
        "the print heading {heading:?} does not name the department {department:?}"
    );
    let header = app.text(&app.find_in(&print, "header p"));
    let range = period_range(&start, &end);
    assert!(
        header.contains(&format!("Schedule {range}")),
        "the print header {header:?} does not give the period {range:?}"
    );
    let listed: BTreeSet<String> = app
        .find_all_in(&print, "table.sheet tbody th.name")
        .iter()
        .map(|el| app.shown_text(el))
        .collect();
    let missing: Vec<&String> = names.iter().filter(|n| !listed.contains(*n)).collect();
    assert!(
        missing.is_empty(),
        "the print view leaves out {missing:?} (it lists {} names)",
        listed.len()
    );
    assert!(
        app.try_find(By::Css("#schedule-grid")).is_none(),
        "the grid is still shown behind the print view"
    );

    app.click_button("← Back to the grid");
    app.find("#schedule-grid");
    assert!(
        app.try_find(By::Css("#schedule-print")).is_none(),
        "the print view is still shown after going back"
    );
    assert_eq!(
        grid_period(&app),
        (start, end),
        "going back changed the period"
    );
    app.quit();
}

//! End-to-end test of printing the schedule in the real window, on the
//! sample department's six-week period of 55 staff: the print view splits
//! the days into bands of whole weeks (two of three weeks), each band
//! starting a new page with every person and readable type, and the page
//! stylesheet asks for landscape. (The system print dialog itself is not
//! opened here: it is modal and outside the page.)
//!
//! Run by hand (with a DISPLAY and NO_AT_BRIDGE=1):
//! `WARDBOOK_APP=$PWD/target/debug/wardbook cargo test -p wardbook-e2e --test print -- --test-threads=1`

#[allow(dead_code)]
mod schedule_ui;

use schedule_ui::*;
use serde_json::Value;

/// What the page's stylesheets say for print: the `@page` rules' text, and
/// for each rule inside `@media print`, its selector and declarations.
const PRINT_RULES: &str = r#"
    const pages = [], print = [];
    const walk = (rules, inPrint) => {
      for (const r of rules) {
        if (r.type === CSSRule.PAGE_RULE) pages.push(r.cssText);
        else if (r.type === CSSRule.MEDIA_RULE) walk(r.cssRules, inPrint || r.media.mediaText.includes('print'));
        else if (inPrint && r.selectorText) print.push([r.selectorText, r.style.cssText]);
      }
    };
    for (const sheet of document.styleSheets) walk(sheet.cssRules, false);
    return { pages, print };"#;

#[test]
fn six_weeks_print_landscape_in_two_bands_of_three_weeks_with_everyone() {
    let dir = wardbook_e2e::data_dir();
    let app = launch_sample(dir.path());
    open_schedule(&app);
    let rows = grid_rows(&app);
    let days: Vec<String> = rows[0].cells.iter().map(|(d, _)| d.clone()).collect();
    assert_eq!(days.len(), 42, "the sample's current period is six weeks");
    let names: Vec<String> = rows.iter().map(|r| r.name.clone()).collect();

    app.click(&app.find("#schedule-print-button"));
    let print = app.find("#schedule-print");
    let bands = app.find_all_in(&print, "section.band");
    assert_eq!(bands.len(), 2, "six weeks print as two bands");
    for (b, band) in bands.iter().enumerate() {
        let heads: Vec<String> = app
            .find_all_in(band, "thead th.day")
            .iter()
            .map(|th| app.shown_text(th))
            .collect();
        assert_eq!(heads.len(), 21, "band {b} holds three weeks: {heads:?}");
        // The day of month under the weekday letter, as the grid's days run.
        let first_day: u32 = heads[0]
            .lines()
            .nth(1)
            .and_then(|l| l.trim_end_matches('★').trim().parse().ok())
            .unwrap_or_else(|| panic!("band {b}'s first heading {:?}", heads[0]));
        assert_eq!(
            first_day,
            ymd(&days[b * 21]).2,
            "band {b} starts on {}",
            days[b * 21]
        );
        let listed: Vec<String> = app
            .find_all_in(band, "tbody th.name")
            .iter()
            .map(|th| app.shown_text(th))
            .collect();
        let missing: Vec<&String> = names.iter().filter(|n| !listed.contains(n)).collect();
        assert!(missing.is_empty(), "band {b} leaves out {missing:?}");
        let header = app.text(&app.find_in(band, "header p"));
        assert!(
            header.contains(if b == 0 { "Weeks 1–3" } else { "Weeks 4–6" }),
            "band {b}'s header {header:?} does not say its weeks"
        );
    }
    assert!(
        names.len() >= 50,
        "the sample's grid shows {} people",
        names.len()
    );

    let rules = app.execute(PRINT_RULES, vec![]);
    let pages: Vec<String> = rules["pages"]
        .as_array()
        .expect("@page rules")
        .iter()
        .map(str_of)
        .collect();
    assert!(
        pages.iter().any(|p| p.contains("landscape")),
        "no @page rule asks for landscape: {pages:?}"
    );
    let print_rules: Vec<(String, String)> = rules["print"]
        .as_array()
        .expect("print rules")
        .iter()
        .map(|r: &Value| (str_of(&r[0]), str_of(&r[1])))
        .collect();
    assert!(
        print_rules.iter().any(|(sel, decl)| sel.contains("band")
            && sel.contains('+')
            && decl.contains("break-before: page")),
        "no print rule starts each later band on a new page: {print_rules:?}"
    );
    let sheet_px: Vec<f64> = print_rules
        .iter()
        .filter(|(sel, _)| sel.starts_with(".sheet"))
        .filter_map(|(_, decl)| {
            let size = decl.split("font-size:").nth(1)?;
            size.trim()
                .trim_end_matches(';')
                .split("px")
                .next()?
                .trim()
                .parse()
                .ok()
        })
        .collect();
    assert!(
        !sheet_px.is_empty() && sheet_px.iter().all(|px| *px >= 9.0),
        "the printed grid's type should be at least 9 px, not shrunk to fit one page: {sheet_px:?}"
    );
    let note = app.text(&app.find_in(&print, ".actions .muted"));
    assert!(
        note.starts_with("Prints landscape, 2 bands of weeks"),
        "the print view's note {note:?}"
    );
    app.quit();
}

/// Each person's paid hours for the period, one script: name → (hours in the
/// row header's "paid/target" or, with no target, "paid h", the total column) from the grid, or name →
/// total from the print view.
const GRID_HOURS: &str = r#"
    const out = {};
    for (const tr of document.querySelectorAll('#schedule-grid tbody tr')) {
      const who = tr.querySelector('.who'), hrs = tr.querySelector('.hrs'), tot = tr.querySelector('td.sg-total');
      if (who && hrs && tot) out[who.innerText.trim()] = [hrs.innerText.trim().split('/')[0].replace(/ h$/, ''), tot.innerText.trim()];
    }
    return out;"#;
const PRINT_HOURS: &str = r#"
    const out = {};
    for (const tr of document.querySelectorAll('#schedule-print section.band[data-band="0"] tbody tr')) {
      const name = tr.querySelector('th.name'), tot = tr.querySelector('td.tot');
      if (name && tot) out[name.innerText.trim()] = tot.innerText.trim();
    }
    return out;"#;

#[test]
fn the_grid_and_the_print_give_each_person_the_same_paid_hours() {
    let dir = wardbook_e2e::data_dir();
    let app = launch_sample(dir.path());
    open_schedule(&app);
    let grid = app.execute(GRID_HOURS, vec![]);
    let grid = grid.as_object().expect("the grid's hours by name");
    assert!(
        grid.len() >= 50,
        "the sample's grid shows {} people",
        grid.len()
    );
    app.click(&app.find("#schedule-print-button"));
    app.find("#schedule-print");
    let print = app.execute(PRINT_HOURS, vec![]);
    let print = print.as_object().expect("the print's hours by name");
    let mut fractional = 0;
    for (name, shown) in grid {
        let header = shown[0].as_str().unwrap_or_default();
        let total = shown[1].as_str().unwrap_or_default();
        let printed = print
            .get(name)
            .and_then(Value::as_str)
            .unwrap_or_else(|| panic!("{name} is on the grid but not in the print"));
        assert_eq!(
            header, total,
            "{name}: the row header and the total column disagree"
        );
        assert_eq!(header, printed, "{name}: the grid and the print disagree");
        fractional += usize::from(total.contains('.'));
    }
    // Without someone on a part-hour total, rounding to the hour could not show.
    assert!(
        fractional > 0,
        "no one in the sample's period has a part-hour total: {grid:?}"
    );
    app.quit();
}

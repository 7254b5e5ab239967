//! End-to-end tests of the Budget section in the real window, on the sample
//! department (`--sample`: a fiscal year holding today, its lines, eight
//! months of actuals, expenses, volumes and targets). Each test starts its
//! own app on its own data folder and reads what the window shows.
//!
//! The finance CSV is chosen in a native open dialog, which WebDriver cannot
//! reach (it is not part of the web view). Debug builds of the app take the
//! file the dialog would return from `WARDBOOK_TEST_OPEN_FILE` instead (see
//! `budget_csv_open`), so the test goes through the same command, file
//! reading and import as a person does; only the dialog is skipped. The
//! variable is set in this test process, which tauri-driver, WebKitWebDriver
//! and so the app inherit; each e2e file runs as its own process, so no other
//! test sees it.
//!
//! Run with `cargo xtask test`, or by hand (with a DISPLAY and NO_AT_BRIDGE=1):
//! `WARDBOOK_APP=$PWD/target/debug/wardbook cargo test -p wardbook-e2e --test budget -- --test-threads=1`

use std::path::Path;

use serde_json::{json, Value};
use wardbook_e2e::{keys, App, By};

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Starts the sample department with `csv` as the file the open dialog returns.
fn launch_sample(dir: &Path, csv: &Path) -> App {
    std::env::set_var("WARDBOOK_TEST_OPEN_FILE", csv);
    let app = App::launch(dir, &["--sample"]);
    app.find("#department-name");
    app
}

/// The Budget button in the sidebar, then the sheet of the current year.
fn open_budget(app: &App) {
    app.click(&app.wait_for(By::XPath("//nav//button[normalize-space()='Budget']")));
    app.find("#budget-sheet");
}

fn open_tab(app: &App, id: &str, ready_css: &str) {
    app.click(&app.find(&format!("#budget-tab-{id}")));
    app.find(ready_css);
}

/// "Mar 2026" → "2026-03".
fn iso_month(label: &str) -> String {
    let (mon, year) = label.split_once(' ').expect("a month label like Mar 2026");
    let m = MONTHS
        .iter()
        .position(|x| *x == mon)
        .unwrap_or_else(|| panic!("month {mon:?}"));
    format!("{year}-{:02}", m + 1)
}

/// The twelve months of the open year as the sheet heads them ("Mar 2026").
fn year_months(app: &App) -> Vec<String> {
    let v = app.execute(
        "return [...document.querySelectorAll('#budget-sheet thead th[title]')].map((th) => th.title);",
        vec![],
    );
    let months: Vec<String> = v
        .as_array()
        .expect("month titles")
        .iter()
        .map(|m| m.as_str().unwrap_or_default().to_string())
        .collect();
    assert_eq!(months.len(), 12, "the sheet heads {months:?}");
    months
}

/// The rendered text of each cell of a table row (headers included).
fn row_texts(app: &App, css: &str) -> Vec<String> {
    let v = app.execute(
        "const r = document.querySelector(arguments[0]);\
         return r ? [...r.children].map((c) => c.innerText.trim().replace(/\\s+/g, ' ')) : null;",
        vec![json!(css)],
    );
    match v {
        Value::Array(cells) => cells
            .iter()
            .map(|c| c.as_str().unwrap_or_default().to_string())
            .collect(),
        _ => Vec::new(),
    }
}

/// The id of the sheet's line named `name`.
fn line_id(app: &App, name: &str) -> String {
    app.wait_until(&format!("line {name:?} in #budget-sheet"), || {
        let v = app.execute(
            "const tr = [...document.querySelectorAll('#budget-sheet tr[data-line-id]')]\
               .find((r) => r.querySelector('.name').innerText.trim() === arguments[0]);\
             return tr ? tr.dataset.lineId : null;",
            vec![json!(name)],
        );
        v.as_str().map(str::to_string)
    })
}

/// True when a className (a JSON string) holds `class` as a whole word.
fn has_class(class_name: &Value, class: &str) -> bool {
    class_name
        .as_str()
        .unwrap_or_default()
        .split_whitespace()
        .any(|c| c == class)
}

fn field_error(app: &App, id: &str) -> String {
    app.wait_until(&format!("#{id}-error"), || {
        app.try_find(By::Css(&format!("#{id}-error")))
            .map(|e| app.text(&e))
    })
}

#[test]
fn a_line_a_refused_import_then_a_good_one_and_the_variance_with_its_chart() {
    let dir = wardbook_e2e::data_dir();
    let csv = dir.path().join("finance-export.csv");
    let app = launch_sample(dir.path(), &csv);
    open_budget(&app);
    let months = year_months(&app);

    // A new line; the first try is refused field by field, nothing typed is lost.
    app.click(&app.find("#line-new"));
    app.find("dialog[open] #line-name");
    app.type_into("#line-name", "Patient transport");
    app.type_into("#line-gl_account", "7800");
    app.type_into("#line-annual", "12,000.0x");
    app.click(&app.find("#line-save"));
    assert_eq!(field_error(&app, "line-category"), "Choose a category.");
    let annual_error = field_error(&app, "line-annual");
    assert!(
        annual_error.contains("12,000.0x"),
        "the annual amount's error: {annual_error:?}"
    );
    assert_eq!(app.value(&app.find("#line-name")), "Patient transport");
    app.select("#line-category", "purchased_services");
    app.select("#line-spread", "even");
    app.type_into("#line-annual", "12,000.00");
    app.click(&app.find("#line-save"));
    let id = line_id(&app, "Patient transport");
    let row = format!("#budget-sheet tr[data-line-id=\"{id}\"]");
    let cells = row_texts(&app, &row);
    assert_eq!(cells[1..3], ["7800", "$12,000"], "the new row: {cells:?}");
    let annual = app.find(&format!("{row} td.strong"));
    assert_eq!(
        app.attribute(&annual, "title").as_deref(),
        Some("Spread: Evenly over the months"),
        "the spread is the annual amount's tooltip"
    );
    assert!(
        cells[3..].iter().all(|c| c == "1,000"),
        "every month of an even $12,000 is 1,000: {cells:?}"
    );

    // The finance export: three rows for the line, the last one's amount is wrong.
    let (m0, m1, m2) = (&months[0], iso_month(&months[1]), iso_month(&months[2]));
    let mut bad = format!(
        "GL Account,Period,Amount\n7800,{m0},\"1,250.00\"\nPatient transport,{m1},(50.00)\n7800,{m2},12.3.4\n"
    );
    std::fs::write(&csv, &bad).expect("write the CSV");
    open_tab(&app, "import", "#import-choose");
    app.click(&app.find("#import-choose"));
    // As in the staff import: the counts, the refused row with its line and
    // reason, and the import button disabled while any row is refused.
    app.wait_for_words("#import-counts", "2 rows ready 1 row cannot be imported");
    app.wait_for_words("#import-errors-title", "Cannot be imported (1)");
    let run_disabled = app.execute(
        "return document.querySelector('#import-run').disabled;",
        vec![],
    );
    assert_eq!(
        run_disabled,
        json!(true),
        "no import while a row is refused"
    );
    let listed = row_texts(&app, "#import-errors tr[data-line=\"4\"]");
    assert_eq!(listed[0], "Line 4", "the bad row listed: {listed:?}");
    assert!(listed[1].contains("12.3.4"), "line 4's reason: {listed:?}");
    assert_eq!(
        app.find_all("#import-errors tr[data-line]").len(),
        1,
        "only line 4 is listed as bad"
    );

    // Nothing was written: the line's actuals are still empty.
    open_tab(&app, "actuals", "#actuals-grid");
    for (m, label) in months.iter().enumerate().take(3) {
        let cell = app.find(&format!("#actual-{id}-{m}"));
        assert_eq!(app.value(&cell), "", "{label} after a refused import");
    }

    // The corrected file, chosen again, imports.
    bad = bad.replace("12.3.4", "12.34");
    std::fs::write(&csv, &bad).expect("write the corrected CSV");
    open_tab(&app, "import", "#import-choose");
    app.click(&app.find("#import-choose"));
    app.wait_for_words("#import-counts", "3 rows ready");
    // The file covers three months: its line's three sums, and every other
    // line with an actual in those months drops to 0 (finance leaves out
    // zero balances), each listed before the import.
    let changes = app.find_all("#import-totals tr[data-total]").len();
    assert!(changes > 3, "the sample's other lines are listed too");
    assert_eq!(
        app.find_all("#import-totals tr.drop").len(),
        changes - 3,
        "the others as not in this file"
    );
    app.click(&app.find("#import-run"));
    app.wait_for_words(
        "#import-done p",
        &format!(
            "Imported 3 rows into {}: {changes} monthly actuals updated.",
            year_label(&app)
        ),
    );
    open_tab(&app, "actuals", "#actuals-grid");
    let typed: Vec<String> = (0..3)
        .map(|m| app.value(&app.find(&format!("#actual-{id}-{m}"))))
        .collect();
    assert_eq!(
        typed,
        ["1,250", "-50", "12"],
        "whole dollars as on the Sheet"
    );

    // The variance of the third month: budget 1,000 against 12.34; the YTD
    // 3,000 against 1,212.34; the run rate 1,212.34 ÷ 3 × 12 = 4,849.36.
    open_tab(&app, "variance", "#variance-table");
    app.select("#variance-month", "2");
    let row = format!("#variance-table tr[data-line-id=\"{id}\"]");
    let cells = app.wait_until("the line's variance for the third month", || {
        let c = row_texts(&app, &row);
        (c.len() == 10 && c[1] == "$1,000" && c[4] == "$3,000").then_some(c)
    });
    assert_eq!(cells[0], "Patient transport");
    assert_eq!(cells[2], "$12");
    assert_eq!(cells[3].to_lowercase(), "+$988 +98.8% under");
    assert_eq!(cells[5], "$1,212");
    assert_eq!(cells[6].to_lowercase(), "+$1,788 +59.6% under");
    assert_eq!(cells[7..9], ["$12,000", "$4,849"]);
    assert_eq!(cells[9].to_lowercase(), "+$7,151 +59.6% under");
    let tone = app.execute(
        "return document.querySelector(arguments[0]).children[3].className;",
        vec![json!(row)],
    );
    assert!(
        has_class(&tone, "fav"),
        "under budget is marked favourable: {tone}"
    );
    let total = row_texts(&app, "#variance-total");
    assert_eq!(total[0], "Total");
    assert_eq!(total.len(), 10, "the total row: {total:?}");

    // The chart: a drawn canvas of real size, its figures said in words;
    // first all lines, then the new line alone.
    let chart = read_chart(&app);
    let (w, h) = (
        chart["w"].as_f64().unwrap_or(0.0),
        chart["h"].as_f64().unwrap_or(0.0),
    );
    assert!(w > 600.0 && h > 150.0, "the chart's size: {w} × {h}");
    assert!(
        chart["inked"].as_u64().unwrap_or(0) > 5_000,
        "the chart has barely anything drawn: {chart}"
    );
    let fy = year_label(&app);
    let summary = chart["summary"].as_str().unwrap_or_default().to_string();
    assert!(
        summary.starts_with(&format!("Budget and actual by month, all lines, {fy}:"))
            && summary.contains(&format!("{} budget $", months[2])),
        "the chart's summary: {summary:?}"
    );
    assert_eq!(chart["label"].as_str(), Some(summary.as_str()));
    assert_eq!(chart["role"].as_str(), Some("img"));
    app.select("#variance-chart-line", &id);
    let expected = format!(
        "Budget and actual by month, Patient transport, {fy}: annual budget $12,000; \
         {} budget $1,000, actual $1,250; {} budget $1,000, actual -$50; {} budget $1,000, actual $12.",
        months[0], months[1], months[2]
    );
    let line_chart = app.wait_until("the chart of the new line", || {
        let c = read_chart(&app);
        (c["summary"].as_str() == Some(expected.as_str())).then_some(c)
    });
    assert!(
        line_chart["inked"].as_u64().unwrap_or(0) > 5_000,
        "the line's chart is drawn: {line_chart}"
    );
    app.screenshot("budget-variance-after-import.png");
    app.quit();
}

/// The variance chart's size, how many of its pixels are drawn, and what it says.
fn read_chart(app: &App) -> Value {
    app.execute(
        r#"const c = document.getElementById('variance-chart');
           const r = c.getBoundingClientRect();
           const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
           let inked = 0;
           for (let i = 3; i < px.length; i += 4) if (px[i] > 0) inked++;
           return { w: r.width, h: r.height, inked, summary: c.dataset.summary,
                    label: c.parentElement.getAttribute('aria-label'),
                    role: c.parentElement.getAttribute('role') };"#,
        vec![],
    )
}

/// "FY2027" from the year picker.
fn year_label(app: &App) -> String {
    let select = app.find("#budget-year");
    let v = app.execute(
        "return arguments[0].selectedOptions[0].textContent.split(' · ')[0];",
        vec![select.to_arg()],
    );
    v.as_str().unwrap_or_default().to_string()
}

#[test]
fn every_budget_tab_shows_the_sample_year() {
    let dir = wardbook_e2e::data_dir();
    let csv = dir.path().join("unused.csv");
    let app = launch_sample(dir.path(), &csv);
    open_budget(&app);
    assert_eq!(
        app.find_all("#budget-sheet tr[data-line-id]").len(),
        9,
        "the sample year's lines"
    );
    app.screenshot("budget-sheet.png");

    open_tab(&app, "actuals", "#actuals-grid");
    let filled = app.execute(
        "return [...document.querySelectorAll('#actuals-grid input')].filter((i) => i.value !== '').length;",
        vec![],
    );
    assert!(
        filled.as_u64().unwrap_or(0) >= 8 * 8,
        "eight months of actuals are typed in the sample: {filled}"
    );
    app.screenshot("budget-actuals.png");

    open_tab(&app, "import", "#import-choose");
    app.screenshot("budget-import.png");

    open_tab(&app, "expenses", "#expense-list");
    assert!(!app.find_all("#expense-list tr[data-expense-id]").is_empty());
    app.screenshot("budget-expenses.png");

    // The sample's story: overtime over budget, supplies under, year to date.
    open_tab(&app, "variance", "#variance-table");
    let story = app.execute(
        r#"const out = {};
           for (const tr of document.querySelectorAll('#variance-table tr[data-line-id]')) {
             const name = tr.querySelector('.line-name').innerText.trim();
             out[name] = tr.children[6].className;
           }
           return out;"#,
        vec![],
    );
    assert!(
        has_class(&story["Overtime"], "unfav"),
        "overtime YTD: {story}"
    );
    assert!(
        has_class(&story["Medical supplies"], "fav"),
        "supplies YTD: {story}"
    );
    // The overtime line charted alone: its months over budget show.
    let overtime = app.execute(
        "return [...document.querySelectorAll('#variance-chart-line option')]\
           .find((o) => o.textContent.trim() === 'Overtime').value;",
        vec![],
    );
    app.select(
        "#variance-chart-line",
        overtime.as_str().expect("an Overtime line to chart"),
    );
    app.wait_until("the overtime chart", || {
        let c = read_chart(&app);
        c["summary"]
            .as_str()
            .is_some_and(|s| s.starts_with("Budget and actual by month, Overtime, "))
            .then_some(())
    });
    app.screenshot("budget-variance.png");

    open_tab(&app, "targets", "#volume-table");
    // The sample budgets more RN FTEs than are on staff: open positions show.
    let rn = row_texts(&app, "#positions tr[data-role=\"RN\"]");
    assert!(
        rn.last().is_some_and(|open| open.ends_with(" open")),
        "the RN row shows its open FTEs: {rn:?}"
    );
    app.screenshot("budget-targets.png");

    open_tab(&app, "productivity", "#productivity-table");
    assert_eq!(
        app.find_all("#productivity-table tbody tr").len(),
        12,
        "a row per month"
    );
    app.find("#labor-cost");
    app.screenshot("budget-productivity.png");
    app.quit();
}

#[test]
fn a_typed_actual_is_checked_kept_when_wrong_and_explained() {
    let dir = wardbook_e2e::data_dir();
    let csv = dir.path().join("unused.csv");
    let app = launch_sample(dir.path(), &csv);
    open_budget(&app);
    let months = year_months(&app);
    let id = line_id(&app, "Floor stock pharmacy");
    open_tab(&app, "actuals", "#actuals-grid");

    // The ninth month has no actual yet in the sample. A wrong amount is
    // refused: the text stays in its cell, flagged, with the reason shown.
    let css = format!("#actual-{id}-8");
    let cell = app.find(&css);
    assert_eq!(
        app.value(&cell),
        "",
        "{} is still empty in the sample",
        months[8]
    );
    app.click(&cell);
    app.press(&cell, &format!("12,3{}", keys::ENTER));
    let alert = app.wait_until("the refused cell's message", || {
        app.try_find(By::Css("#actuals-errors"))
            .map(|e| app.text(&e))
    });
    assert!(
        alert.starts_with(&format!("Floor stock pharmacy, {}: ", months[8]))
            && alert.contains("12,3"),
        "the refusal: {alert:?}"
    );
    let cell = app.find(&css);
    assert_eq!(app.value(&cell), "12,3");
    assert_eq!(
        app.attribute(&cell, "aria-invalid").as_deref(),
        Some("true")
    );

    // Corrected, it saves (focus selects the cell's text, typing replaces it).
    app.click(&cell);
    app.press(&cell, &format!("8,120.50{}", keys::ENTER));
    app.wait_until("the corrected actual saved", || {
        let c = app.find(&css);
        (app.value(&c) == "8,121" && app.try_find(By::Css("#actuals-errors")).is_none())
            .then_some(())
    });

    // Its explanation, written below the grid, is kept with the month.
    app.click(&app.find(&css));
    app.type_into("#actual-explanation", "Flu season stock-up");
    app.click(&app.find("#explanation-save"));
    app.wait_until("the explanation marker in the cell", || {
        app.try_find(By::Css(&format!("#{} ~ .mark.note", &css[1..])))
    });

    // The variance of that month shows the figures and the explanation.
    open_tab(&app, "variance", "#variance-table");
    app.select("#variance-month", "8");
    let row = format!("#variance-table tr[data-line-id=\"{id}\"]");
    let cells = app.wait_until("the pharmacy line in the ninth month", || {
        let c = row_texts(&app, &row);
        (c.len() == 10 && c[2] == "$8,121").then_some(c)
    });
    assert_eq!(cells[0], "Floor stock pharmacy Flu season stock-up");
    assert_eq!(cells[1], "$8,000");
    assert_eq!(cells[3].to_lowercase(), "-$121 -1.5% over");
    app.quit();
}

#[test]
fn volume_figures_typed_and_not_saved_survive_leaving_the_tab() {
    let dir = wardbook_e2e::data_dir();
    let csv = dir.path().join("unused.csv");
    let app = launch_sample(dir.path(), &csv);
    open_budget(&app);
    let cell = "#vol-0-budgeted_patient_days";
    open_tab(&app, "targets", "#volume-table");
    assert!(
        app.try_find(By::Css("#volume-draft")).is_none(),
        "nothing typed yet, so no draft is announced"
    );
    app.type_into(cell, "987");

    // Leaving the tab without saving must not lose what was typed.
    open_tab(&app, "productivity", "#productivity-table");
    open_tab(&app, "targets", "#volume-table");
    assert_eq!(
        app.value(&app.find(cell)),
        "987",
        "the typed figure is back"
    );
    app.find("#volume-draft");

    // Saved, it is no longer a draft, and it is what the backend holds.
    app.click(&app.find("#volumes-save"));
    app.wait_until("the draft note to go", || {
        app.try_find(By::Css("#volume-draft"))
            .is_none()
            .then_some(())
    });
    open_tab(&app, "productivity", "#productivity-table");
    open_tab(&app, "targets", "#volume-table");
    assert_eq!(app.value(&app.find(cell)), "987", "the saved figure");
    assert!(
        app.try_find(By::Css("#volume-draft")).is_none(),
        "a saved figure is not announced as unsaved"
    );
    app.quit();
}

#[test]
fn hours_read_one_way_in_volume_and_productivity() {
    let dir = wardbook_e2e::data_dir();
    let csv = dir.path().join("unused.csv");
    let app = launch_sample(dir.path(), &csv);
    open_budget(&app);
    // Decimal hours to the hundredth, thousands grouped, never hours:minutes
    // (the day-one screen showed "7230:43" beside "7898.8").
    let one_way = r"/^-?\d{1,3}(,\d{3})*(\.\d{1,2})?$/";
    let odd = |css: &str, prop: &str| {
        app.execute(
            &format!(
                "return [...document.querySelectorAll(arguments[0])].map((e) => e.{prop}.trim())\
                   .filter((t) => t !== '' && t !== '—' && !{one_way}.test(t));"
            ),
            vec![json!(css)],
        )
    };
    open_tab(&app, "targets", "#volume-table");
    let typed = app.execute(
        "return [...document.querySelectorAll('#volume-table input[id$=_hours]')].filter((i) => i.value !== '').length;",
        vec![],
    );
    assert!(
        typed.as_u64().unwrap_or(0) >= 8,
        "the sample's payroll hours: {typed}"
    );
    assert_eq!(
        odd("#volume-table input[id$=_hours]", "value"),
        json!([]),
        "every hours cell in one form"
    );
    open_tab(&app, "productivity", "#productivity-table");
    assert_eq!(
        odd(
            "#productivity-table tbody td:nth-child(4), #productivity-table tbody td:nth-child(5)",
            "innerText"
        ),
        json!([]),
        "worked and paid hours in the same form"
    );
    app.quit();
}

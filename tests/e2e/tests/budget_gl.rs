//! End-to-end test of the GL import in the real window (issue #21 item 2):
//! a general-ledger export written the way finance systems write them —
//! BOM, CRLF, every field quoted, the cost centre in the first column, a
//! description and a budget column beside the actual, a journal source;
//! finance's own account codes with several accounts for one budget line;
//! another department's rows with accounts and amounts this department
//! cannot read; amounts as "12,345.67", "(234.56)" and "$1 234,56"; periods
//! as "2026-07", "Jul-26" and "07/2026".
//!
//! The manager ticks the department's cost centre, maps the unknown accounts
//! in the preview (the import stays disabled until every row of the
//! department is good), imports, and finds the map remembered in Settings.
//! The open dialog is answered by `WARDBOOK_TEST_OPEN_FILE` (see budget.rs).

use std::path::Path;

use serde_json::{json, Value};
use wardbook_e2e::{App, By};

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn launch_sample(dir: &Path, csv: &Path) -> App {
    std::env::set_var("WARDBOOK_TEST_OPEN_FILE", csv);
    let app = App::launch(dir, &["--sample"]);
    app.find("#department-name");
    app
}

/// "Mar 2026" → (2026, 3).
fn year_month(label: &str) -> (i32, usize) {
    let (mon, year) = label.split_once(' ').expect("a month label like Mar 2026");
    let m = MONTHS.iter().position(|x| *x == mon).expect("a month name") + 1;
    (year.parse().expect("a year"), m)
}

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

fn disabled(app: &App, css: &str) -> bool {
    app.execute(
        "const b = document.querySelector(arguments[0]); return b ? b.disabled : null;",
        vec![json!(css)],
    ) == Value::Bool(true)
}

fn open_tab(app: &App, id: &str, ready_css: &str) {
    app.click(&app.find(&format!("#budget-tab-{id}")));
    app.find(ready_css);
}

#[test]
fn a_finance_gl_export_with_its_own_accounts_and_other_departments_imports_after_mapping() {
    let dir = wardbook_e2e::data_dir();
    let csv = dir.path().join("GL_DETAIL_4410_4420.csv");
    let app = launch_sample(dir.path(), &csv);
    app.click(&app.wait_for(By::XPath("//nav//button[normalize-space()='Budget']")));
    app.find("#budget-sheet");
    let months = year_months(&app);
    let salaries = line_id(&app, "RN, LPN and CNA salaries");
    let supplies = line_id(&app, "Medical supplies");
    let agency = line_id(&app, "Agency nurses");

    // Three period forms for the first three months of the sample's year.
    let (y0, m0) = year_month(&months[0]);
    let (y1, m1) = year_month(&months[1]);
    let (y2, m2) = year_month(&months[2]);
    let p0 = format!("{y0}-{m0:02}");
    let p1 = format!("{}-{:02}", MONTHS[m1 - 1], y1 % 100);
    let p2 = format!("{m2:02}/{y2}");
    let rows = [
        [
            "4410",
            "6010-4410-100",
            "RN salaries, regular",
            &p0,
            "12,000.00",
            "12,345.67",
            "PAYROLL",
        ],
        [
            "4410",
            "6010-4410-110",
            "RN salaries, differentials",
            &p1,
            "900.00",
            "1,000.00",
            "PAYROLL",
        ],
        [
            "4410",
            "6010-4410-100",
            "RN salaries, regular",
            &p1,
            "12,000.00",
            "2,000.00",
            "PAYROLL",
        ],
        [
            "4420",
            "6010-4420-100",
            "ED salaries",
            &p0,
            "50,000.00",
            "99.99",
            "PAYROLL",
        ],
        [
            "4410",
            "40.7010.0000",
            "Med/surg supplies",
            &p2,
            "1,000.00",
            "$1 234,56",
            "AP",
        ],
        [
            "4410",
            "40.7010.0000",
            "Med/surg supplies, \"credit\" memo",
            &p2,
            "0.00",
            "(234.56)",
            "AP",
        ],
        ["4420", "9999", "ED misc", &p0, "0.00", "n/a", "AP"],
        [
            "4410",
            "6030",
            "Agency, by the budget's code",
            &p0,
            "600.00",
            "500",
            "JE",
        ],
    ];
    let mut text = String::from("\u{feff}\"Cost Center\",\"GL Account\",\"Account Description\",\"Fiscal Period\",\"Budget\",\"Actual\",\"Source\"\r\n");
    for r in rows {
        let quoted: Vec<String> = r
            .iter()
            .map(|f| format!("\"{}\"", f.replace('"', "\"\"")))
            .collect();
        text.push_str(&quoted.join(","));
        text.push_str("\r\n");
    }
    std::fs::write(&csv, &text).expect("write the GL export");

    open_tab(&app, "import", "#import-choose");
    app.click(&app.find("#import-choose"));
    // The guess: the cost centre is its own column, not the account.
    app.wait_until("the guessed mapping", || {
        let v = app.execute(
            "return ['account', 'period', 'amount', 'cost_centre'].map((k) => document.querySelector(`#import-${k}_column`)?.value);",
            vec![],
        );
        (v == json!(["1", "3", "5", "0"])).then_some(())
    });
    // No cost centre is this department's yet: nothing can be imported.
    app.find("#import-cost-centre-needed");
    assert!(
        disabled(&app, "#import-run"),
        "the import waits for a cost centre"
    );
    app.click(&app.find("input[data-cost-centre=\"4410\"]"));

    // The other department's rows are skipped, this one's unknown accounts refused.
    app.wait_for_words(
        "#import-counts",
        "1 row ready 2 rows of other cost centres skipped 5 rows cannot be imported",
    );
    assert!(
        disabled(&app, "#import-run"),
        "disabled while any row is refused"
    );
    assert_eq!(app.find_all("#import-errors tr[data-line]").len(), 5);
    app.screenshot("budget-gl-import-to-map.png");
    let unknown = app.find_all("#import-unknown tr[data-account]");
    assert_eq!(unknown.len(), 3, "each unknown account once");
    for account in ["6010-4410-100", "6010-4410-110", "40.7010.0000"] {
        let row = format!("#import-unknown tr[data-account=\"{account}\"]");
        // The line whose GL code is part of the account is offered first.
        let offered = app.value(&app.find(&format!("{row} select")));
        let want = if account.contains("7010") {
            &supplies
        } else {
            &salaries
        };
        assert_eq!(&offered, want, "{account} is offered its line");
        app.click(&app.find(&format!("{row} button")));
        app.wait_until(&format!("{account} to be mapped"), || {
            app.try_find(By::Css(&row)).is_none().then_some(())
        });
    }
    app.wait_for_words(
        "#import-counts",
        "6 rows ready 2 rows of other cost centres skipped",
    );
    assert!(app.try_find(By::Css("#import-errors")).is_none());
    assert!(!disabled(&app, "#import-run"));
    app.screenshot("budget-gl-import-mapped.png");
    // Current → new for each line and covered month, with the file's total
    // ($12,345.67 + $3,000.00 + $1,000.00 + $500.00) to check against finance's.
    app.wait_for_words("#import-file-total", "$16,845.67");
    let changes = app.find_all("#import-totals tr[data-total]").len();
    assert!(changes >= 4, "the four sums of the file, at least");
    assert_eq!(
        app.text_of(&format!(
            "#import-totals tr[data-total=\"{salaries}:1\"] td:nth-child(4)"
        )),
        "$3,000.00"
    );
    app.click(&app.find("#import-run"));
    let fy = app.execute(
        "return document.querySelector('#budget-year').selectedOptions[0].textContent.split(' · ')[0];",
        vec![],
    );
    let fy = fy.as_str().unwrap_or_default().to_string();
    app.wait_for_words("#import-done p",
        &format!("Imported 6 rows into {fy}: {changes} monthly actuals updated; 2 rows of other cost centres skipped."),
    );

    // What was written: two accounts into one line, net of the credit.
    open_tab(&app, "actuals", "#actuals-grid");
    let value = |line: &str, m: usize| app.value(&app.find(&format!("#actual-{line}-{m}")));
    assert_eq!(value(&salaries, 0), "12,346");
    assert_eq!(value(&salaries, 1), "3,000", "1,000.00 + 2,000.00");
    assert_eq!(value(&supplies, 2), "1,000", "1,234.56 − 234.56");
    assert_eq!(value(&agency, 0), "500");
    app.screenshot("budget-gl-actuals.png");

    // The same file again: the preview says there is nothing to change.
    open_tab(&app, "import", "#import-choose");
    app.click(&app.find("#import-choose"));
    app.find("#import-no-change");
    assert!(disabled(&app, "#import-run"), "nothing to import");

    // Finance's corrected file leaves out the supplies account (a zero
    // balance): in the month it covers, supplies drops to 0, listed first.
    let corrected: String = text
        .lines()
        .filter(|l| !l.contains("40.7010.0000"))
        .map(|l| format!("{l}\r\n"))
        .collect::<String>()
        + &format!("\"4410\",\"6030\",\"Agency\",\"{p2}\",\"0.00\",\"50.00\",\"JE\"\r\n");
    std::fs::write(&csv, corrected).expect("write the corrected export");
    app.click(&app.find("#import-choose"));
    let drop = format!("#import-totals tr[data-total=\"{supplies}:2\"]");
    app.wait_for_words(
        &drop,
        &format!(
            "Medical supplies {} $1,000.00 $0.00 not in this file",
            months[2]
        ),
    );
    app.screenshot("budget-gl-import-corrected.png");
    app.click(&app.find("#import-run"));
    app.find("#import-done");
    open_tab(&app, "actuals", "#actuals-grid");
    assert_eq!(value(&supplies, 2), "0", "the old number is gone");
    assert_eq!(value(&agency, 2), "50");
    assert_eq!(value(&salaries, 0), "12,346", "unchanged rows stay");

    // Remembered, and editable, in Settings.
    app.click(&app.wait_for(By::XPath("//nav//button[normalize-space()='Settings']")));
    app.find("#finance-import-settings");
    app.wait_until("the three mapped accounts in Settings", || {
        (app.find_all("#account-map tr[data-account]").len() == 3).then_some(())
    });
    assert!(app.text_of("#cost-centre-list").contains("4410"));
    app.execute(
        "document.querySelector('#finance-import-settings').scrollIntoView();",
        vec![],
    );
    app.screenshot("settings-finance-import.png");
    app.quit();
}

/// A file with no cost centre column may hold any department's rows: the
/// suggested line is named, not pre-selected, and "Map all suggested" lists
/// what it will add, with amounts, before it does.
#[test]
fn a_suggestion_for_rows_not_clearly_ours_is_offered_not_preselected() {
    let dir = wardbook_e2e::data_dir();
    let csv = dir.path().join("GL_ALL_UNITS.csv");
    let app = launch_sample(dir.path(), &csv);
    app.click(&app.wait_for(By::XPath("//nav//button[normalize-space()='Budget']")));
    app.find("#budget-sheet");
    let months = year_months(&app);
    let salaries = line_id(&app, "RN, LPN and CNA salaries");
    let (y0, m0) = year_month(&months[0]);
    let text = format!("Account,Period,Amount\r\n6010-4E-100,{y0}-{m0:02},\"401,000.00\"\r\n");
    std::fs::write(&csv, text).expect("write the export");
    open_tab(&app, "import", "#import-choose");
    app.click(&app.find("#import-choose"));
    let row = "#import-unknown tr[data-account=\"6010-4E-100\"]";
    app.find(row);
    assert_eq!(
        app.value(&app.find(&format!("{row} select"))),
        "",
        "not pre-selected"
    );
    assert!(
        app.text_of(row).contains("Suggested: 6010"),
        "{}",
        app.text_of(row)
    );
    app.click(&app.find("#import-map-suggested"));
    app.wait_for_words("#import-map-suggested-confirm li[data-suggested=\"6010-4E-100\"]",
        "6010-4E-100 → 6010 · RN, LPN and CNA salaries $401,000.00 · not clearly this department's rows",
    );
    app.screenshot("budget-gl-map-suggested.png");
    app.click(&app.find("#import-map-suggested-yes"));
    app.wait_until("the account to be mapped", || {
        app.try_find(By::Css(row)).is_none().then_some(())
    });
    app.find(&format!("#import-totals tr[data-total=\"{salaries}:0\"]"));
    app.quit();
}

//! End-to-end test of Time & attendance in the real window, on the sample
//! department: the manager imports the time clock's file for the last
//! closed pay period, sees the exceptions, corrects a missed punch with a
//! reason, approves the period and exports the payroll CSV, whose hours
//! must add up to the timecards on screen.
//!
//! The punch file is written here from the sample's own schedule, which the
//! test saves through the schedule's "Export CSV" (so the file holds the
//! shifts the sample really has, whatever today is), in another clock's
//! layout than the sample's own (a BOM, CRLF, "Employee ID", minutes of
//! meal). The native open and save dialogs are answered through
//! `WARDBOOK_TEST_OPEN_FILE` and `WARDBOOK_TEST_SAVE_DIR` (debug builds
//! only, `commands/dialog.rs`), set in this process before the app starts.
//!
//! Run by hand (with a DISPLAY and NO_AT_BRIDGE=1):
//! `WARDBOOK_APP=$PWD/target/debug/wardbook cargo test -p wardbook-e2e --test attendance -- --test-threads=1`

use std::collections::HashMap;
use std::path::Path;
use wardbook_e2e::{windows_csv, App, By};

/// In and out (local "HH:MM") of each sample shift code, a few minutes off.
fn clocked(code: &str) -> Option<(&'static str, &'static str)> {
    match code {
        "D" => Some(("06:58", "19:03")),
        "N" => Some(("18:56", "07:04")),
        "E" => Some(("14:57", "23:02")),
        "D8" => Some(("06:59", "15:01")),
        _ => None, // time off, or an empty day
    }
}

/// The schedule of the open (published) period, saved through Export CSV:
/// (its days, each person's employee number and cell per day).
fn export_schedule(app: &App, out: &Path) -> (Vec<String>, Vec<(String, Vec<String>)>) {
    app.click(&app.wait_for(By::XPath("//nav//button[normalize-space()='Schedule']")));
    let grid = app.find("#schedule-grid");
    let label = app.attribute(&grid, "aria-label").unwrap_or_default();
    let start = label
        .strip_prefix("Schedule ")
        .and_then(|r| r.split_once(" to "))
        .map(|(s, _)| s.to_string())
        .unwrap_or_else(|| panic!("#schedule-grid aria-label {label:?}"));
    app.click(&app.find("#schedule-export"));
    let path = out.join(format!("schedule-{start}.csv"));
    let text = app.wait_until("the schedule saved", || {
        std::fs::read_to_string(&path)
            .ok()
            .filter(|t| !t.is_empty())
    });
    std::fs::remove_file(&path).unwrap();
    let mut lines = text.lines();
    let header: Vec<String> = lines.next().unwrap().split(',').map(String::from).collect();
    let days: Vec<String> = header[3..header.len() - 2].to_vec();
    let rows = lines
        .map(|l| {
            // Names are quoted ("Lee, Ann"): read the cells after them from the end.
            let cells: Vec<&str> = l.split(',').collect();
            let no = cells[0].to_string();
            let tail = &cells[cells.len() - days.len() - 2..cells.len() - 2];
            (no, tail.iter().map(|c| c.to_string()).collect())
        })
        .collect();
    (days, rows)
}

/// Minutes by (employee number, pay code) in a payroll CSV (by period).
fn payroll(text: &str) -> HashMap<(String, String), i64> {
    let mut out = HashMap::new();
    for line in text.lines().skip(1) {
        let cells: Vec<&str> = line.split(',').collect();
        let minutes: i64 = cells[cells.len() - 1].parse().expect("minutes");
        let code = cells[cells.len() - 3].to_string();
        *out.entry((cells[0].to_string(), code)).or_default() += minutes;
    }
    out
}

/// "1,234.5" → 1234.5.
fn shown_hours(text: &str) -> f64 {
    text.replace(',', "")
        .trim()
        .parse()
        .unwrap_or_else(|_| panic!("hours {text:?}"))
}

fn hours(minutes: i64) -> f64 {
    ((minutes * 100 + 30) / 60) as f64 / 100.0
}

#[test]
fn import_correct_approve_and_export_payroll_that_matches_the_timecards() {
    let dir = wardbook_e2e::data_dir();
    let out = tempfile::tempdir().expect("a folder for the files");
    let punches = out.path().join("timeclock.csv");
    std::env::set_var("WARDBOOK_TEST_OPEN_FILE", &punches);
    std::env::set_var("WARDBOOK_TEST_SAVE_DIR", out.path());
    let app = App::launch(dir.path(), &["--sample"]);
    app.find("#department-name");

    // The published period starts with the last closed pay period.
    let (days, rows) = export_schedule(&app, out.path());
    let period: Vec<&String> = days.iter().take(14).collect();
    let (start, end) = (period[0].clone(), period[13].clone());
    let mut lines = vec!["Employee ID,Work Date,Time In,Time Out,Meal (min)".to_string()];
    let mut missed = None;
    let mut late = None;
    for (no, cells) in &rows {
        for (d, code) in period.iter().zip(cells) {
            let Some((i, o)) = clocked(code) else {
                continue;
            };
            let (i, mut o) = (i.to_string(), o.to_string());
            if code == "D" && missed.is_none() {
                missed = Some((no.clone(), d.to_string()));
                o.clear();
            } else if code == "D" && late.is_none() && Some(no) != missed.as_ref().map(|m| &m.0) {
                late = Some((no.clone(), d.to_string()));
                o = "20:10".into();
            }
            lines.push(format!("{no},{d},{i},{o},30"));
        }
    }
    // Another department's nurse on the same export.
    lines.push(format!("77001,{start},07:00,19:00,30"));
    std::fs::write(&punches, windows_csv(&lines)).unwrap();
    let (missed_no, missed_day) = missed.expect("a day shift in the period");
    let (late_no, late_day) = late.expect("a second day shift");

    // Import: the preview names the other department's row and replaces
    // the punches the sample already holds for those days.
    app.click(&app.wait_for(By::XPath(
        "//nav//button[normalize-space()='Time & attendance']",
    )));
    // The period's figures arrive above the tabs: wait for them, or the
    // tabs move down under the click.
    app.find("#attendance-summary");
    app.click(&app.find("#attendance-tab-import"));
    app.click(&app.find("#punch-choose"));
    let counts = app.wait_until("the preview's counts", || {
        let t = app.text(&app.try_find(By::Css("#punch-counts"))?);
        t.contains("clocked shifts").then_some(t)
    });
    let expected = lines.len() - 2;
    assert!(
        counts.contains(&format!("{expected} clocked shifts by ")),
        "the clock's records counted as shifts clocked: {counts}"
    );
    assert!(app.text_of("#punch-unmatched").contains("77001"));
    assert_eq!(
        app.value(&app.find("#punch-col-4")),
        "meal_minutes",
        "“Meal (min)” is the meal break, so it is not paid"
    );
    assert!(
        app.text_of("#punch-replaces").contains("replaces the"),
        "the sample's punches are replaced"
    );
    app.click(&app.find("#punch-import"));
    let done = app.wait_until("the import's outcome", || {
        Some(app.text(&app.try_find(By::Css("#punch-done"))?))
    });
    assert!(
        done.contains(&format!("{expected} clocked shifts added")) || done.contains("added"),
        "{done}"
    );
    app.click_button("See the exceptions");

    // The exceptions of the period: the missed punch and the late out.
    app.wait_until("the imported period", || {
        let v = app.value(&app.find("#attendance-period"));
        (v == start).then_some(())
    });
    let missed_row = format!("tr[data-exception='{missed_no}:{missed_day}:missed_punch']");
    let row = app.find(&missed_row);
    assert!(
        app.text(&row).contains("with no punch out"),
        "{}",
        app.text(&row)
    );
    app.find(&format!(
        "tr[data-exception='{late_no}:{late_day}:late_out']"
    ));
    app.screenshot("attendance-exceptions.png");

    // Correct it: the reason is required.
    app.click(&app.find_in(&row, "[data-action=correct]"));
    app.type_into("#punch-clock_out", "19:02");
    app.click(&app.find("#punch-save"));
    app.wait_until("the reason asked for", || {
        app.try_find(By::Css("#punch-reason-error"))
    });
    let save_top = || {
        app.execute(
            "return document.querySelector('#punch-save').getBoundingClientRect().top;",
            vec![],
        )
        .as_f64()
        .unwrap()
    };
    let with_error = save_top();
    app.type_into(
        "#punch-reason",
        "Forgot to punch out; confirmed by the charge nurse",
    );
    app.wait_until("the reason's message cleared by typing", || {
        app.try_find(By::Css("#punch-reason-error"))
            .is_none()
            .then_some(())
    });
    assert_eq!(
        save_top(),
        with_error,
        "the dialog keeps the message's room: its buttons do not move as it clears"
    );
    app.click(&app.find("#punch-save"));
    app.wait_until("the missed punch gone", || {
        app.try_find(By::Css(&missed_row)).is_none().then_some(())
    });

    // Approve the period.
    app.click(&app.find("#attendance-approve"));
    app.click_button("Approve period");
    app.find("#attendance-approved");
    app.wait_for_text("#summary-open", "0 of 1");

    // Export payroll, then check it against the timecards on screen.
    app.click(&app.find("#payroll-by-period"));
    let file = out
        .path()
        .join(format!("payroll-{start}-to-{end}-by-period.csv"));
    let text = app.wait_until("the payroll file", || {
        std::fs::read_to_string(&file)
            .ok()
            .filter(|t| !t.is_empty())
    });
    assert!(text.starts_with("Employee number,Name,Period start,Period end,Pay code,Hours,Minutes"));
    let paid = payroll(&text);
    app.click(&app.find("#attendance-tab-timecards"));
    let cards = app.wait_until("the timecards", || {
        let c = app.find_all("#timecards tr[data-timecard]");
        (!c.is_empty()).then_some(c)
    });
    let mut all = 0;
    for card in &cards {
        let no = app.attribute(card, "data-timecard").unwrap();
        let worked = shown_hours(&app.text(&app.find_in(card, "[data-worked]")));
        let minutes: i64 = paid
            .iter()
            .filter(|((n, code), _)| *n == no && (code == "REG" || code == "OT"))
            .map(|(_, m)| m)
            .sum();
        assert_eq!(
            hours(minutes),
            worked,
            "{no}: payroll's REG + OT is the timecard's worked hours"
        );
        all += minutes;
    }
    let total = app.find("#timecards-total");
    let dept_worked = app.text(&app.find_all_in(&total, "td")[2]);
    assert_eq!(
        hours(all),
        shown_hours(&dept_worked),
        "the department's worked hours"
    );
    let corrected = paid
        .get(&(missed_no.clone(), "REG".to_string()))
        .copied()
        .unwrap_or(0);
    assert!(corrected > 0, "the corrected punch is paid");

    // The sign-off sheet of the approved period, for signatures.
    app.click(&app.find("#attendance-sign-off"));
    let sheet = out.path().join(format!("timecards-{start}.pdf"));
    let pdf = app.wait_until("the sign-off sheet", || {
        std::fs::read(&sheet).ok().filter(|b| !b.is_empty())
    });
    assert!(pdf.starts_with(b"%PDF-"), "the sheet is a PDF");
    app.screenshot("attendance-timecards.png");
    app.quit();
}

/// A clock file without a meal column: the preview says the department's
/// rule deducted the shift's unpaid break (on by default), and on how many
/// clocked shifts (some, not all: those of 6 h or more whose shift type has
/// an unpaid break).
#[test]
fn a_file_without_meals_shows_the_shifts_break_deducted_in_the_preview() {
    let dir = wardbook_e2e::data_dir();
    let out = tempfile::tempdir().expect("a folder for the files");
    let punches = out.path().join("timeclock.csv");
    std::env::set_var("WARDBOOK_TEST_OPEN_FILE", &punches);
    std::env::set_var("WARDBOOK_TEST_SAVE_DIR", out.path());
    let app = App::launch(dir.path(), &["--sample"]);
    app.find("#department-name");
    let (days, rows) = export_schedule(&app, out.path());
    let mut lines = vec!["Employee ID,Work Date,Time In,Time Out".to_string()];
    for (no, cells) in &rows {
        for (d, code) in days.iter().take(14).zip(cells) {
            if let Some((i, o)) = clocked(code) {
                lines.push(format!("{no},{d},{i},{o}"));
            }
        }
    }
    std::fs::write(&punches, windows_csv(&lines)).unwrap();
    app.click(&app.wait_for(By::XPath(
        "//nav//button[normalize-space()='Time & attendance']",
    )));
    app.find("#attendance-summary");
    app.click(&app.find("#attendance-tab-import"));
    app.click(&app.find("#punch-choose"));
    let meals = app.wait_until("the meal rule in the preview", || {
        Some(app.text(&app.try_find(By::Css("#punch-meals"))?))
    });
    assert!(
        meals.contains("no meal column: the shift's unpaid break deducted from ")
            && meals.contains("clocked shifts of 6 h or more"),
        "{meals}"
    );
    let n: usize = meals
        .split("deducted from ")
        .nth(1)
        .and_then(|r| r.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("a count in {meals:?}"));
    assert!(
        n > 0 && n < lines.len(),
        "{n} of {} clocked shifts",
        lines.len() - 1
    );
    app.screenshot("attendance-import-meals.png");
    app.quit();
}

//! End-to-end: a damaged department file opens read-only, and the window
//! offers no way into an edit: the banner says why once, every edit action
//! (add or edit staff, the grid's cells, budget lines and actuals, imports,
//! the settings that write) is hidden, and a cell typed into says it cannot change.

use std::path::Path;
use wardbook_e2e::{App, By};

/// Overwrites the root page of an index the sample's screens do not read
/// (the finance account map's): the integrity check fails, the records read.
fn damage_an_index(db: &Path) {
    let root: i64 = {
        let conn = rusqlite::Connection::open(db).unwrap();
        conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
            .unwrap();
        conn.query_row(
            "SELECT rootpage FROM sqlite_master WHERE name = 'budget_account_map_line'",
            [],
            |r| r.get(0),
        )
        .unwrap()
    };
    let mut bytes = std::fs::read(db).unwrap();
    let page = u16::from_be_bytes([bytes[16], bytes[17]]) as usize;
    let at = (root as usize - 1) * page;
    bytes[at..at + page].fill(0x5A);
    std::fs::write(db, &bytes).unwrap();
}

/// The edit actions on the page now that the window shows: those present
/// and those shown (anything laid out on screen).
fn edit_actions(app: &App) -> (u64, u64) {
    let counts = app.execute(
        "const all = [...document.querySelectorAll('[data-edit]')];
         return [all.length, all.filter((e) => e.getClientRects().length > 0).length];",
        vec![],
    );
    (
        counts[0].as_u64().expect("a count"),
        counts[1].as_u64().expect("a count"),
    )
}

/// Waits until the element's rendered text holds `part`; returns the text.
fn shown_containing(app: &App, css: &str, part: &str) -> String {
    app.wait_until(&format!("css `{css}` to show {part:?}"), || {
        let el = app.try_find(By::Css(css))?;
        Some(app.shown_text(&el)).filter(|t| t.contains(part))
    })
}

fn open_section(app: &App, name: &str) {
    app.click(&app.wait_for(By::XPath(&format!(
        "//nav//button[normalize-space()='{name}']"
    ))));
    app.settle();
}

#[test]
fn a_damaged_file_open_read_only_offers_no_edit_and_says_why_once() {
    let dir = wardbook_e2e::data_dir();
    let app = App::launch(dir.path(), &["--sample"]);
    app.find("#department-name");
    app.quit();
    damage_an_index(&dir.path().join("wardbook.db"));
    for journal in ["wardbook.db-wal", "wardbook.db-shm"] {
        let _ = std::fs::remove_file(dir.path().join(journal));
    }
    let damaged = std::fs::read(dir.path().join("wardbook.db")).unwrap();

    let app = App::launch(dir.path(), &["--open", "staff"]);
    let banner = shown_containing(
        &app,
        "#read-only-banner",
        "This file is open read-only because it failed its integrity check",
    );
    assert!(banner.contains("Restore a backup"), "{banner}");
    let page = app.text(&app.find("body"));
    assert_eq!(
        page.matches("open read-only because").count(),
        1,
        "the reason is said once: {page}"
    );

    // The roster: no Add staff, no import.
    app.wait_until("the roster", || app.roster_row("E10002"));
    let (present, shown) = edit_actions(&app);
    assert!(present >= 2, "the roster's edit actions exist ({present})");
    assert_eq!(shown, 0, "none is shown on the roster");
    app.screenshot("read-only-staff.png");

    // A person's page: no Edit, no Terminate, no credential or training to add.
    app.click(&app.find("#staff-table tbody tr[data-staff-id] .col-name"));
    app.wait_for(By::Css("button.back"));
    app.settle();
    let (present, shown) = edit_actions(&app);
    assert!(present >= 3, "a person's edit actions exist ({present})");
    assert_eq!(shown, 0, "none is shown on a person's page");

    // The schedule: no new period or fill; a cell typed into does not change.
    open_section(&app, "Schedule");
    let grid = app.wait_for(By::Css("#schedule-grid"));
    let (_, shown) = edit_actions(&app);
    assert_eq!(shown, 0, "none is shown on the schedule");
    app.click(&grid);
    app.press(&grid, "D");
    shown_containing(
        &app,
        "body",
        "The file is open read-only: cells cannot be changed.",
    );

    // The budget: no new line or year; actuals cannot be typed.
    open_section(&app, "Budget");
    app.settle();
    let (_, shown) = edit_actions(&app);
    assert_eq!(shown, 0, "none is shown on the budget");
    app.screenshot("read-only-budget.png");

    // Settings: the forms that write have no Save; the backups are there to restore.
    open_section(&app, "Settings");
    app.wait_for(By::Css("#backup-table"));
    let (present, shown) = edit_actions(&app);
    assert!(present >= 5, "the settings' edit actions exist ({present})");
    assert_eq!(shown, 0, "none is shown in Settings");
    app.wait_for(By::XPath(
        "//table[@id='backup-table']//button[normalize-space()='Restore…']",
    ));
    app.screenshot("read-only-settings.png");
    app.quit();

    assert_eq!(
        std::fs::read(dir.path().join("wardbook.db")).unwrap(),
        damaged,
        "the damaged file is as it was"
    );
}

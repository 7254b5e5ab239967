//! End-to-end: entries cut off the end of the change history outside
//! Wardbook (the shorter chain still verifies) are named in a warning that
//! sits over the page without moving it; its button leads to the backups, and
//! the restore is confirmed on screen and written into the history.

use std::path::Path;
use wardbook_e2e::{keys, App, By};

/// What someone with the file and sqlite3 does: lift the guards, delete the
/// newest `n` entries with their seals, and put the guards back as they were.
fn cut_newest(db: &Path, n: i64) {
    let conn = rusqlite::Connection::open(db).unwrap();
    let guards: Vec<(String, String)> = conn
        .prepare(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'audit_%_no_%'",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(!guards.is_empty());
    for (name, _) in &guards {
        conn.execute_batch(&format!("DROP TRIGGER {name}")).unwrap();
    }
    let last: i64 = conn
        .query_row("SELECT MAX(id) FROM audit_log", [], |r| r.get(0))
        .unwrap();
    conn.execute("DELETE FROM audit_seal WHERE entry_id > ?1", [last - n])
        .unwrap();
    conn.execute("DELETE FROM audit_log WHERE id > ?1", [last - n])
        .unwrap();
    for (_, sql) in &guards {
        conn.execute_batch(sql).unwrap();
    }
}

/// Where the page's sections start, in pixels from the window's top.
fn content_top(app: &App) -> f64 {
    app.execute(
        "return document.querySelector('main.content').getBoundingClientRect().top;",
        vec![],
    )
    .as_f64()
    .expect("a number")
}

#[test]
fn entries_cut_off_the_history_are_named_and_a_restore_from_the_warning_is_recorded() {
    let dir = wardbook_e2e::data_dir();
    let app = App::launch(dir.path(), &["--sample"]);
    app.find("#department-name");
    let top = content_top(&app);
    app.quit();

    cut_newest(&dir.path().join("wardbook.db"), 3);

    let app = App::launch(dir.path(), &[]);
    app.find("#department-name");
    let warning = app.wait_until("the history warning", || {
        app.try_find(By::Css("#history-warning"))
            .map(|el| app.text(&el))
            .filter(|t| !t.is_empty())
    });
    // The sample's newest entries are punches, which the records still show.
    assert!(
        warning.starts_with("The newest 3 history entries were removed (the newest known is entry")
            && warning.contains("the records still show their changes"),
        "{warning}"
    );
    // In the flow above the page (issue #22: fixed over it, warnings hid
    // fields): the page starts where the warnings end, covered by none.
    let warnings_height = app
        .execute(
            "return document.getElementById('warnings').getBoundingClientRect().height;",
            vec![],
        )
        .as_f64()
        .expect("a number");
    assert!(warnings_height > 0.0);
    assert_eq!(
        content_top(&app),
        top + warnings_height,
        "the page starts below the warning"
    );
    app.screenshot("history-cut-warning.png");

    app.click(&app.find("#history-warning-restore"));
    let restore = app.wait_for(By::XPath(
        "//table[@id='backup-table']//button[normalize-space()='Restore…']",
    ));
    app.click(&restore);
    app.click(&app.wait_for(By::Css("#restore-confirm")));
    let told = app.wait_until("the restore confirmed", || {
        app.find_all(".notices .notice")
            .iter()
            .map(|el| app.text(el))
            .find(|t| t.contains("Restored the backup of"))
    });
    assert!(
        told.contains("the department as it was is kept as wardbook-"),
        "{told}"
    );
    app.screenshot("history-cut-restored.png");
    app.find("#department-name");
    assert!(
        app.try_find(By::Css("#history-warning")).is_none(),
        "the restored history is whole: no warning"
    );

    // The history's newest entry is the restore, and the chain verifies.
    app.click(&app.wait_for(By::XPath("//nav//button[normalize-space()='Settings']")));
    let newest = app.wait_for(By::Css("section[aria-label='Change history'] tbody tr"));
    let entry = app.shown_text(&newest);
    assert!(entry.contains("Restored the backup of"), "{entry}");
    app.click(&app.find("#history-verify"));
    let check = app.text_of("#history-check");
    assert!(
        check.contains("were checked: nothing was changed outside Wardbook"),
        "{check}"
    );
    app.quit();
}

/// A file damaged beyond opening: the start screen says so once, offers the
/// backups, and the restore from there is confirmed and recorded too.
#[test]
fn a_restore_from_the_damaged_file_screen_is_confirmed_and_recorded() {
    let dir = wardbook_e2e::data_dir();
    let app = App::launch(dir.path(), &["--sample"]);
    app.find("#department-name");
    app.quit();

    // Cut short while copying (a copy takes the main file, not its journal).
    let db = dir.path().join("wardbook.db");
    {
        // Everything into the main file first, as a clean close leaves it.
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
            .unwrap();
    }
    for journal in ["wardbook.db-wal", "wardbook.db-shm"] {
        let _ = std::fs::remove_file(dir.path().join(journal));
    }
    let bytes = std::fs::read(&db).unwrap();
    std::fs::write(&db, &bytes[..3000]).unwrap();

    let app = App::launch(dir.path(), &[]);
    let page = app.wait_until("the damaged-file screen", || {
        app.try_find(By::Css("main.page"))
            .map(|el| app.text(&el))
            .filter(|t| t.contains("could not open the department file"))
    });
    assert!(
        page.contains("the file is incomplete — it may have been cut short while copying"),
        "{page}"
    );
    assert_eq!(
        page.matches("not changed").count() + page.matches("did not change").count(),
        1,
        "said once: {page}"
    );
    app.screenshot("damaged-file-screen.png");
    let restore = app.wait_for(By::XPath(
        "//table[@id='backup-table']//button[normalize-space()='Restore…']",
    ));
    app.click(&restore);
    // What the restore loses is told from the record beside the file, which
    // cannot be read: the newest entry's number and time, not its title.
    let lost = app.text_of("#restore-lost");
    assert!(
        (lost.starts_with("Saves after ")
            && lost.contains("the newest was entry")
            && lost.contains("cannot be read while the department file cannot be opened"))
            || lost
                .starts_with("No save is lost: the backup holds the newest entry recorded beside"),
        "{lost}"
    );
    app.click(&app.wait_for(By::Css("#restore-confirm")));
    let told = app.wait_until("the restore confirmed", || {
        app.find_all(".notices .notice")
            .iter()
            .map(|el| app.text(el))
            .find(|t| t.contains("Restored the backup of"))
    });
    assert!(
        told.contains("-damaged.db"),
        "what was there is kept: {told}"
    );
    app.wait_for_text("#department-name", "4 West Medical-Surgical");
    app.screenshot("damaged-file-restored.png");
    app.quit();
}

/// Real edits made in the window, then the history's newest entries cut:
/// the warning names the cut (the records still show those changes), not
/// outside edits; "Note the cut in the history" writes what is missing into
/// it, the warning clears, and the next start raises none.
#[test]
fn a_cut_history_is_named_as_such_and_noting_it_clears_the_warning() {
    let dir = wardbook_e2e::data_dir();
    let app = App::launch(dir.path(), &["--sample", "--open", "settings"]);
    app.find("#skill-new");
    for skill in ["Chemotherapy", "Dialysis"] {
        app.type_into("#skill-new", skill);
        app.press(&app.find("#skill-new"), keys::ENTER);
        app.wait_until("the skill added", || {
            app.find_all("ul.skills li")
                .iter()
                .any(|li| app.text(li).contains(skill))
                .then_some(())
        });
    }
    app.quit();

    cut_newest(&dir.path().join("wardbook.db"), 2);

    let app = App::launch(dir.path(), &[]);
    app.find("#department-name");
    let warning = app.wait_until("the history warning", || {
        app.try_find(By::Css("#history-warning"))
            .map(|el| app.text(&el))
            .filter(|t| !t.is_empty())
    });
    assert!(
        warning.starts_with("The newest 2 history entries were removed (the newest known is entry")
            && warning.contains("the records still show their changes: ")
            && warning.contains("Chemotherapy")
            && warning.contains("Dialysis"),
        "{warning}"
    );
    assert!(
        app.try_find(By::Css("#outside-changes")).is_none(),
        "the skills are not offered as edits made outside Wardbook"
    );
    app.screenshot("history-cut-named.png");
    app.click(&app.find("#history-warning-note"));
    app.wait_until("the warning cleared", || {
        app.try_find(By::Css("#history-warning"))
            .is_none()
            .then_some(())
    });

    app.click(&app.wait_for(By::XPath("//nav//button[normalize-space()='Settings']")));
    app.wait_for(By::Css("section[aria-label='Change history'] tbody tr"));
    let rows = app.wait_until("the note in the history", || {
        let rows: Vec<String> = app
            .find_all("section[aria-label='Change history'] tbody tr")
            .iter()
            .map(|tr| app.shown_text(tr))
            .collect();
        rows.iter()
            .any(|r| r.contains("History found cut"))
            .then_some(rows)
    });
    assert!(
        rows.iter().take(3).any(|r| r.contains("History found cut")),
        "among the newest entries: {rows:?}"
    );
    // The long event sentence wraps in Record; Change keeps its room.
    let widths = app.execute(
        "const th = [...document.querySelectorAll(\"section[aria-label='Change history'] thead th\")];
         return th.map((t) => t.getBoundingClientRect().width);",
        vec![],
    );
    let change = widths[2].as_f64().expect("a width");
    let record = widths[1].as_f64().expect("a width");
    assert!(
        change >= record,
        "Change ({change}px) at least as wide as Record ({record}px)"
    );
    app.execute(
        "document.querySelector(\"section[aria-label='Change history'] tbody tr\").scrollIntoView({block: 'start'});",
        vec![],
    );
    app.wait_for_paint();
    app.screenshot("history-panel.png");
    app.click(&app.find("#history-verify"));
    let check = app.text_of("#history-check");
    assert!(
        check.contains("were checked: nothing was changed outside Wardbook"),
        "{check}"
    );
    app.quit();

    let app = App::launch(dir.path(), &[]);
    app.find("#department-name");
    app.settle();
    assert!(
        app.try_find(By::Css("#history-warning")).is_none(),
        "the cut is noted: no warning at the next start"
    );
    app.quit();
}

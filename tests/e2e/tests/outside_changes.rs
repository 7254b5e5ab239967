//! End-to-end: a pay rate edited around the history (the change trigger
//! dropped, the record edited with sqlite3, the trigger put back) is named at
//! the next start with before and after; "Add to the history" writes it into
//! the history, the warning goes, and the next start is quiet.

use std::path::Path;
use wardbook_e2e::{App, By};

/// What someone with the file and sqlite3 does; returns the person's name.
fn edit_around_the_history(db: &Path) -> String {
    let conn = rusqlite::Connection::open(db).unwrap();
    let sql: String = conn
        .query_row(
            "SELECT sql FROM sqlite_master WHERE name = 'audit_trg_staff_update'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let (id, name): (i64, String) = conn
        .query_row(
            "SELECT id, first_name || ' ' || last_name FROM staff ORDER BY id LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    conn.execute_batch("DROP TRIGGER audit_trg_staff_update")
        .unwrap();
    conn.execute(
        "UPDATE staff SET hourly_rate_cents = 5200 WHERE id = ?1",
        [id],
    )
    .unwrap();
    conn.execute_batch(&sql).unwrap();
    name
}

#[test]
fn a_record_edited_around_the_history_is_named_and_added_to_it() {
    let dir = wardbook_e2e::data_dir();
    let app = App::launch(dir.path(), &["--sample"]);
    app.find("#department-name");
    assert!(app.try_find(By::Css("#outside-changes")).is_none());
    app.quit();

    let db = dir.path().join("wardbook.db");
    let name = edit_around_the_history(&db);

    let app = App::launch(dir.path(), &[]);
    app.find("#department-name");
    let warning = app.wait_until("the warning about the edited record", || {
        app.try_find(By::Css("#outside-changes"))
            .map(|el| app.text(&el))
            .filter(|t| !t.is_empty())
    });
    assert!(
        warning.contains(&format!(
            "{name}'s hourly rate was changed outside Wardbook:"
        )) && warning.contains("→ $52.00; no history entry."),
        "{warning}"
    );
    app.screenshot("outside-changes-warning.png");
    app.click(&app.find("#outside-changes-record"));
    app.wait_until("the warning goes", || {
        app.try_find(By::Css("#outside-changes"))
            .is_none()
            .then_some(())
    });
    app.quit();

    let conn = rusqlite::Connection::open(&db).unwrap();
    let event: String = conn
        .query_row(
            "SELECT label FROM audit_log WHERE label LIKE '%found changed outside Wardbook%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(event.contains(&name), "{event}");
    drop(conn);

    let app = App::launch(dir.path(), &[]);
    app.find("#department-name");
    std::thread::sleep(std::time::Duration::from_millis(500));
    assert!(
        app.try_find(By::Css("#outside-changes")).is_none(),
        "told once, then kept in the history"
    );
    app.quit();
}

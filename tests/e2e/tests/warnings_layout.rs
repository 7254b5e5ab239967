//! End-to-end: the warnings stack above the page, in its flow: with two of
//! them shown at 1280×800 neither covers the other, and no Settings field
//! lies under either (the element at a field's centre is the field).

use serde_json::json;
use std::path::Path;
use wardbook_e2e::{App, By};

/// A change trigger dropped and a pay rate edited with sqlite3, the trigger
/// left off: at the next start the history's warning (its protection was
/// removed) and the records' warning (a rate changed outside) both show.
fn edit_with_the_history_off(db: &Path) {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.execute_batch(
        "DROP TRIGGER audit_trg_staff_update;
         UPDATE staff SET hourly_rate_cents = 5200 WHERE id = (SELECT MIN(id) FROM staff);",
    )
    .unwrap();
}

/// The field (by id) scrolled to the bottom of its page: what the window
/// shows at its centre, and whether that is the field.
const HIT: &str = "const el = document.getElementById(arguments[0]);
    el.scrollIntoView({ block: 'end' });
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return [hit === el || el.contains(hit), hit ? (hit.id || hit.className || hit.tagName) : 'nothing',
            r.top + r.height / 2];";

/// Each pair of warnings whose boxes overlap, by id.
const OVERLAPS: &str = "const ws = ['read-only-banner', 'history-warning', 'outside-changes']
      .map((id) => document.getElementById(id)).filter(Boolean);
    const out = [];
    for (let i = 0; i < ws.length; i++) for (let j = i + 1; j < ws.length; j++) {
      const a = ws[i].getBoundingClientRect(), b = ws[j].getBoundingClientRect();
      if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom)
        out.push(ws[i].id + ' over ' + ws[j].id);
    }
    return [ws.length, out];";

/// Every input, select and button of the page whose centre is in the window
/// but under a warning.
const UNDER_A_WARNING: &str = "const out = []; let seen = 0;
    for (const el of document.querySelectorAll('main input, main select, main textarea, main button')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const x = r.left + r.width / 2, y = r.top + r.height / 2;
      if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) continue;
      seen++;
      const hit = document.elementFromPoint(x, y);
      if (hit && hit.closest('#warnings')) out.push(el.id || el.textContent.trim().slice(0, 30));
    }
    return [seen, out];";

#[test]
fn two_warnings_stack_above_the_page_and_cover_no_settings_field() {
    let dir = wardbook_e2e::data_dir();
    let app = App::launch(dir.path(), &["--sample"]);
    app.find("#department-name");
    app.quit();
    edit_with_the_history_off(&dir.path().join("wardbook.db"));

    let app = App::launch(dir.path(), &["--open", "settings"]);
    app.find("#department-name");
    app.find("#history-warning");
    app.find("#outside-changes");
    app.find("#storage-backup_folder");
    assert!(app.try_find(By::Css("#read-only-banner")).is_none());

    let overlaps = app.execute(OVERLAPS, vec![]);
    assert_eq!(
        overlaps,
        json!([2, []]),
        "the two warnings overlap: {overlaps}"
    );

    for id in [
        "storage-backup_folder",
        "storage-keep",
        "storage-idle_lock_minutes",
    ] {
        let hit = app.execute(HIT, vec![json!(id)]);
        assert_eq!(
            hit[0],
            json!(true),
            "{id} is covered at its centre by {hit}"
        );
    }
    app.screenshot("warnings-stacked-settings.png");
    let under = app.execute(UNDER_A_WARNING, vec![]);
    assert!(
        under[0].as_u64().unwrap() >= 3,
        "fields in view were checked: {under}"
    );
    assert_eq!(under[1], json!([]), "fields under a warning: {under}");
    app.quit();
}

//! End-to-end: a department file overwritten with random bytes, beside its
//! backups, shows the damaged-file screen; its ways out are in the window
//! (the backups, then "Start a new department…"), never "move the file". A
//! new department keeps the damaged file renamed beside it, says where, and
//! starts empty.

use wardbook_e2e::{App, By};

#[test]
fn a_new_department_started_from_the_damaged_file_screen_keeps_the_file() {
    let dir = wardbook_e2e::data_dir();
    let app = App::launch(dir.path(), &["--sample"]);
    app.find("#department-name");
    app.quit();
    let db = dir.path().join("wardbook.db");
    let bytes: Vec<u8> = (0..65536u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    std::fs::write(&db, &bytes).unwrap();
    let _ = std::fs::remove_file(dir.path().join("wardbook.db-wal"));

    let app = App::launch(dir.path(), &[]);
    let said = app.wait_until("the damaged-file screen", || {
        let el = app.try_find(By::Css(".message"))?;
        Some(app.shown_text(&el)).filter(|t| t.contains("is damaged or is not a Wardbook file"))
    });
    assert!(said.contains("start a new department"), "{said}");
    assert!(!said.contains("move the file"), "{said}");
    app.find(".backups");
    app.click(&app.find("#open-error-start-new"));
    let warned = app.shown_text(&app.find("#open-error-start-new-said"));
    assert!(warned.contains("is not deleted or changed"), "{warned}");
    app.screenshot("damaged-start-new.png");
    app.click(&app.find("#open-error-start-new-confirm"));
    app.wait_until("the welcome screen of a new department", || {
        app.try_find(By::Css("main.welcome")).map(|_| ())
    });
    app.quit();

    let kept: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("wardbook-damaged-")
        })
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert_eq!(
        std::fs::read(&kept[0]).unwrap(),
        bytes,
        "kept byte for byte"
    );
    let conn = rusqlite::Connection::open(&db).unwrap();
    let first: String = conn
        .query_row("SELECT label FROM audit_log ORDER BY id LIMIT 1", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert!(
        first.contains(&kept[0].display().to_string()),
        "the new history says where the damaged file is: {first}"
    );
}

//! End-to-end: a passphrase set in Settings protects the file from the next
//! start on. The lock screen comes before anything else, a wrong passphrase
//! gets a message beside the field, and the right one opens the department.

use wardbook_e2e::{App, By};

const PASSPHRASE: &str = "tulips in the rain";

/// Settings → Security & backups → set a passphrase, and wait until it is in use.
fn set_passphrase(app: &App) {
    app.click(&app.wait_for(By::XPath("//nav//button[normalize-space()='Settings']")));
    app.find("#passphrase-form");
    app.type_into("#pass-new", PASSPHRASE);
    app.type_into("#pass-confirm", PASSPHRASE);
    // The choice about the older backups is offered plainly, with what each
    // way costs; encrypting them is the default.
    let choice = app.text(&app.find("#pass-backups-choice"));
    assert!(
        choice.contains("Encrypt them with the passphrase too")
            && choice.contains("Keep them readable")
            && choice.contains("forgotten"),
        "{choice}"
    );
    assert_eq!(
        app.execute(
            "return document.getElementById('pass-encrypt-backups').checked;",
            vec![]
        ),
        serde_json::json!(true)
    );
    app.screenshot("security-passphrase-choice.png");
    app.click_button("Set passphrase");
    // Once the file is encrypted the form asks for the current passphrase to change it.
    app.find("#pass-current");
}

#[test]
fn a_passphrase_locks_the_file_at_the_next_start() {
    let dir = wardbook_e2e::data_dir();
    let app = App::launch(dir.path(), &["--sample"]);
    app.find("#department-name");
    set_passphrase(&app);
    app.quit();

    let head = std::fs::read(dir.path().join("wardbook.db")).expect("the department file");
    assert!(
        !head.starts_with(b"SQLite format 3"),
        "the file on disk is encrypted, not a plain SQLite file"
    );

    let app = App::launch(dir.path(), &[]);
    app.wait_for_text("#lock-title", "The department file is locked");
    assert!(
        app.try_find(By::Css("#department-name")).is_none(),
        "nothing of the department shows before the passphrase"
    );
    app.screenshot("security-lock-screen.png");

    app.type_into("#lock-passphrase", "tulips in the snow");
    app.click_button("Unlock");
    let message = app.wait_until("a message beside the passphrase field", || {
        app.try_find(By::Css("#lock-passphrase-error"))
            .map(|el| app.text(&el))
            .filter(|t| !t.is_empty())
    });
    assert!(
        message.contains("does not open this department file"),
        "the message beside the field says what is wrong: {message}"
    );
    assert_eq!(
        app.attribute(&app.find("#lock-passphrase"), "aria-invalid")
            .as_deref(),
        Some("true"),
        "the field is marked for screen readers"
    );

    app.type_into("#lock-passphrase", PASSPHRASE);
    app.click_button("Unlock");
    // Unlocked, the app shows its home screen, the Dashboard.
    app.find("#dashboard-date");
    app.wait_for_text("#department-name", "4 West Medical-Surgical");
    assert!(
        app.try_find(By::Css("#lock-passphrase")).is_none(),
        "the lock screen is gone once unlocked"
    );

    // Locking again (as the idle timer does) takes the sections out of the
    // page: nothing of the department stays behind the lock screen (#21 item 13).
    app.click(&app.wait_for(By::XPath("//nav//button[normalize-space()='Settings']")));
    app.type_into("#skill-new", "Chemo");
    app.click(&app.find("#lock-now"));
    app.find("#lock-passphrase");
    assert!(
        app.try_find(By::Css("#skill-new")).is_none() && app.try_find(By::Css("nav")).is_none(),
        "the sections are unmounted while locked"
    );
    app.type_into("#lock-passphrase", PASSPHRASE);
    app.click_button("Unlock");
    app.wait_until("the lock screen to go", || {
        app.try_find(By::Css("#lock-passphrase"))
            .is_none()
            .then_some(())
    });
    assert_eq!(
        app.value(&app.find("#skill-new")),
        "",
        "unlocking returns to the section the manager was in, built afresh"
    );
    app.quit();
}

#[test]
fn an_idle_window_locks_itself_and_holds_no_department_data() {
    let dir = wardbook_e2e::data_dir();
    let app = App::launch(dir.path(), &["--sample"]);
    app.find("#department-name");
    set_passphrase(&app);
    app.quit();
    // The shortest idle time the app allows (1 minute), written where
    // Settings keeps it, so the test waits one minute, not fifteen.
    std::fs::write(
        dir.path().join("wardbook-settings.json"),
        r#"{"idle_lock_minutes": 1}"#,
    )
    .unwrap();

    let app = App::launch(dir.path(), &[]);
    app.find("#lock-passphrase");
    app.type_into("#lock-passphrase", PASSPHRASE);
    app.click_button("Unlock");
    let today = app.text_of("#dashboard-date");
    let opened = std::time::Instant::now();
    // Left alone: no key, click or scroll from here on.
    while app.try_find(By::Css("#lock-passphrase")).is_none() {
        assert!(
            opened.elapsed() < std::time::Duration::from_secs(100),
            "the window should lock itself after a minute idle"
        );
        std::thread::sleep(std::time::Duration::from_millis(500));
    }
    assert!(
        opened.elapsed() >= std::time::Duration::from_secs(55),
        "not before the minute is up: {:?}",
        opened.elapsed()
    );
    assert!(
        app.try_find(By::Css("#dashboard-date")).is_none()
            && app.try_find(By::Css("nav")).is_none(),
        "the sections are gone from the page, not just covered"
    );
    let page: String = app
        .execute("return document.body.innerText", vec![])
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(
        !page.contains(&today) && !page.contains("Dashboard"),
        "no department data behind the lock: {page}"
    );
    app.type_into("#lock-passphrase", PASSPHRASE);
    app.click_button("Unlock");
    app.find("#dashboard-date");
    app.quit();
}

//! Hostile department files, through the import route the window uses: the
//! real commands (`department_file_open`, then `department_file_import`) over
//! Tauri's IPC on the mock runtime, the file chosen by the dialog's test
//! answer (`WARDBOOK_TEST_OPEN_FILE`, as the end-to-end tests do).
//!
//! Each file is the sample department's own export, changed the way a person
//! or a tool that knew the layout would change it, its checksum recomputed
//! (SHA-256 is no secret). A refused file is refused naming the table, row and
//! field; the department is then exactly as before (every table, history
//! included) and its history chain verifies. A file whose history was
//! rewritten is imported without that history, and the screen says so.

#[path = "hostile/ipc.rs"]
mod ipc;

use ipc::{content_hash, invoke};
use rusqlite::Connection;
use serde_json::{json, Value};
use tauri::test::mock_builder;
use tauri::Manager;
use wardbook::department_file::{self, Document, Table};
use wardbook_tests::DataDir;

fn chain_verifies(conn: &Connection) {
    let check = wardbook::audit::chain::verify(conn).unwrap();
    assert!(check.intact, "{}", check.message);
}

fn message(err: &Value) -> String {
    err.get("message")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string()
}

/// The document with `change` made, its checksum recomputed.
fn changed(doc: &Document, change: impl FnOnce(&mut Document)) -> Vec<u8> {
    let mut doc = doc.clone();
    change(&mut doc);
    department_file::write(&doc).into_bytes()
}

fn set(doc: &mut Document, table: &str, row: usize, column: &str, value: Value) {
    let t = doc.tables.iter_mut().find(|t| t.name == table).unwrap();
    let i = t.columns.iter().position(|c| c == column).unwrap();
    t.rows[row][i] = value;
}

#[test]
fn hostile_department_files_are_refused_by_table_row_and_field_and_change_nothing() {
    let dir = DataDir::new();
    let options = wardbook::Options {
        data_dir: Some(dir.path().to_path_buf()),
        sample: true,
        open: None,
    };
    let mut app = wardbook::configure(mock_builder(), options)
        .build(wardbook::context())
        .expect("the app builds on the mock runtime");
    #[allow(deprecated)] // once, to run the app's setup
    app.run_iteration(|_, _| {});
    let window = match app.get_webview_window("main") {
        Some(w) => w,
        None => tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .unwrap(),
    };
    invoke(&window, "app_status", &json!({})).expect("app_status answers");
    let reader = Connection::open(dir.db()).unwrap();
    wardbook::audit::chain::register(&reader).unwrap();

    let files = DataDir::new();
    let good = files.path().join("4 West.wardbook.json");
    department_file::export(&reader, &good, "2026-11-27T15:00:00Z").unwrap();
    let text = std::fs::read_to_string(&good).unwrap();
    let doc = department_file::parse(text.as_bytes()).unwrap();

    let bidi = "Lee\u{202E}nnA";
    let cases: Vec<(&str, Vec<u8>, &[&str])> = vec![
        (
            "30 February",
            changed(&doc, |d| {
                set(d, "time_off", 0, "from_date", "2026-02-30".into())
            }),
            &[
                "Time off 1 of ",
                ", from date: ",
                "“2026-02-30” is not a valid date",
            ],
        ),
        (
            "1e300 in cents",
            changed(&doc, |d| {
                set(d, "budget_month", 4, "actual_cents", json!(1e300))
            }),
            &["Budget month", ", actual: ", "a whole number"],
        ),
        (
            "a NUL in a name",
            changed(&doc, |d| {
                set(d, "staff", 6, "first_name", "Ann\u{0}".into())
            }),
            &["Staff Ann ", ", first name: ", "NUL character"],
        ),
        (
            "a text-direction override in a name",
            changed(&doc, |d| set(d, "staff", 0, "last_name", bidi.into())),
            &[
                "Staff ",
                ", last name: ",
                "text-direction character (U+202E)",
            ],
        ),
        (
            "a negative FTE",
            changed(&doc, |d| set(d, "staff", 2, "fte_hundredths", json!(-90))),
            &["Staff ", ", FTE: ", "FTE from 0 to 1.00"],
        ),
        (
            "a duplicate id",
            changed(&doc, |d| {
                let first = {
                    let t = d.tables.iter().find(|t| t.name == "staff").unwrap();
                    t.rows[0][0].clone()
                };
                set(d, "staff", 1, "id", first)
            }),
            &[
                "Staff ",
                "another record of the file has the same number (a duplicate)",
            ],
        ),
        (
            "an unknown table",
            changed(&doc, |d| {
                d.tables.push(Table {
                    name: "payroll_export".into(),
                    columns: vec!["id".into(), "ssn".into()],
                    rows: vec![vec![json!(1), json!("123-45-6789")]],
                })
            }),
            &["records of a kind this version of Wardbook does not know (“Payroll export”)"],
        ),
        (
            "an unknown column",
            changed(&doc, |d| {
                let t = d.tables.iter_mut().find(|t| t.name == "staff").unwrap();
                t.columns.push("ssn".into());
                for row in &mut t.rows {
                    row.push(json!("123-45-6789"));
                }
            }),
            &["The file's staff records have fields Wardbook does not know (“ssn”)"],
        ),
    ];

    let path = files.path().join("chosen.json");
    std::env::set_var("WARDBOOK_TEST_OPEN_FILE", &path);
    // A good file opened first: a refused one after it must not let it through.
    std::fs::write(&path, &text).unwrap();
    invoke(&window, "department_file_open", &json!({})).expect("the export opens");
    let before = content_hash(&reader);
    for (what, bytes, expected) in &cases {
        std::fs::write(&path, bytes).unwrap();
        let err = invoke(&window, "department_file_open", &json!({})).expect_err(what);
        let said = message(&err);
        for words in *expected {
            assert!(said.contains(words), "{what}: {said}");
        }
        assert!(said.contains("Nothing was imported"), "{what}: {said}");
        let err = invoke(
            &window,
            "department_file_import",
            &json!({ "replace": true }),
        )
        .expect_err("nothing is waiting to be imported");
        assert!(
            message(&err).contains("Choose the department file again"),
            "{what}"
        );
        assert_eq!(
            content_hash(&reader),
            before,
            "{what}: the department is unchanged"
        );
        chain_verifies(&reader);
    }

    // Saved again by a text editor (byte-order mark, CRLF): read as it was.
    let mut edited = b"\xEF\xBB\xBF".to_vec();
    edited.extend(text.replace('\n', "\r\n").into_bytes());
    std::fs::write(&path, &edited).unwrap();
    let summary =
        invoke(&window, "department_file_open", &json!({})).expect("an editor's copy opens");
    assert_eq!(summary["staff"], json!(55));

    // The history rewritten (one label, the checksum recomputed): the file
    // opens, its history is named altered and left out, ours is kept.
    let ours: Vec<String> = labels(&reader);
    let forged = changed(&doc, |d| {
        set(d, "audit_log", 2, "label", "Nothing happened here".into())
    });
    std::fs::write(&path, &forged).unwrap();
    let summary =
        invoke(&window, "department_file_open", &json!({})).expect("the records are good");
    assert_eq!(summary["history"]["status"], json!("altered"), "{summary}");
    let outcome = invoke(
        &window,
        "department_file_import",
        &json!({ "replace": true }),
    )
    .expect("imported without its history");
    assert_eq!(outcome["history"]["status"], json!("altered"));
    let said = outcome["history"]["message"].as_str().unwrap();
    assert!(said.contains("was altered from entry 3 on"), "{said}");
    assert!(
        said.contains("not added to this department's history"),
        "{said}"
    );
    let now = labels(&reader);
    assert_eq!(now[..ours.len()], ours[..], "our history is kept");
    assert_eq!(now.len(), ours.len() + 1, "and the import added to it");
    assert!(now[ours.len()].starts_with("Department file imported: chosen.json, 55 staff"));
    assert!(!now.iter().any(|l| l == "Nothing happened here"));
    chain_verifies(&reader);
    std::env::remove_var("WARDBOOK_TEST_OPEN_FILE");
}

fn labels(conn: &Connection) -> Vec<String> {
    conn.prepare("SELECT label FROM audit_log ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

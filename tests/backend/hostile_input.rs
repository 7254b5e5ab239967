//! Hostile input: every command, called through Tauri's real IPC path (mock
//! runtime, the app's own configuration, capabilities and argument parsing),
//! with random and malformed arguments — wrong types, huge strings, negative
//! and huge numbers, impossible dates, unknown ids, SQL and HTML in text.
//!
//! For each call: nothing panics; a refusal is a structured `AppError` with a
//! readable message (or, when the arguments cannot even be parsed, Tauri's
//! refusal naming the argument, which the UI wraps in a sentence); after a
//! refusal the department file is exactly as before (content hash of every
//! table); and the file passes its integrity check throughout.
//!
//! The command list is the app's own (`wardbook::COMMANDS`, every
//! `#[command]` function), and each command's
//! argument shape is learnt from its refusals (`hostile/shape.rs`), so a new
//! command is covered without touching this file. Cases per command:
//! `WARDBOOK_FUZZ_CASES` (default 150); seed: `WARDBOOK_FUZZ_SEED`.

#[path = "hostile/ipc.rs"]
mod ipc;
#[path = "hostile/shape.rs"]
mod shape;
#[path = "hostile/values.rs"]
mod values;

use ipc::{content_hash, invoke};
use rusqlite::Connection;
use serde_json::{json, Value};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use tauri::test::mock_builder;
use tauri::Manager;
use values::Rng;
use wardbook_tests::DataDir;

/// Commands that act on the window itself (printing it): derived from the
/// command list (those taking the window), not kept by hand. The commands
/// that open a file dialog take part: the debug build's test answers
/// (`WARDBOOK_TEST_OPEN_FILE`, `WARDBOOK_TEST_SAVE_DIR`) choose for them.
fn skipped() -> Vec<&'static str> {
    wardbook::WINDOW_COMMANDS.to_vec()
}

fn commands() -> Vec<String> {
    wardbook::COMMANDS.iter().map(|c| c.to_string()).collect()
}

fn data_version(conn: &Connection) -> i64 {
    conn.query_row("PRAGMA data_version", [], |r| r.get(0))
        .unwrap()
}

fn integrity_ok(conn: &Connection) -> bool {
    conn.query_row("PRAGMA integrity_check", [], |r| r.get::<_, String>(0))
        .unwrap()
        == "ok"
}

/// Words that mean a raw library error reached the manager.
const RAW: &[&str] = &[
    "rusqlite",
    "SqliteFailure",
    "sqlite3",
    "constraint failed",
    "serde",
    "panicked",
];

#[derive(Default)]
struct Tally {
    cases: usize,
    ok: usize,
    app_errors: usize,
    arg_refusals: usize,
    problems: Vec<String>,
}

#[test]
fn every_command_survives_hostile_input() {
    let panics = Arc::new(AtomicUsize::new(0));
    let seen = panics.clone();
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        seen.fetch_add(1, Ordering::SeqCst);
        default_hook(info);
    }));

    let dir = DataDir::new();
    let options = wardbook::Options {
        data_dir: Some(dir.path().to_path_buf()),
        sample: true,
        open: None,
    };
    let mut app = wardbook::configure(mock_builder(), options)
        .build(wardbook::context())
        .expect("the app builds on the mock runtime");
    // One turn of the event loop runs the app's setup (state, opening the file)
    // and creates the configured "main" window.
    #[allow(deprecated)] // called once, not in a loop, so it cannot busy-wait
    app.run_iteration(|_, _| {});
    let window = match app.get_webview_window("main") {
        Some(w) => w,
        None => tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .unwrap(),
    };
    // Waits for the sample department: the first command waits for the opening.
    invoke(&window, "app_status", &json!({})).expect("app_status answers");
    let reader = Connection::open(dir.db()).unwrap();

    // What the file dialogs answer: a department file of this department
    // (which department_file_open reads and department_file_import may put
    // in place; the CSV readers refuse it), and a folder to save into.
    let files = DataDir::new();
    let chosen = files.path().join("chosen.wardbook.json");
    wardbook::department_file::export(&reader, &chosen, "2026-11-27T14:00:00Z")
        .expect("the sample exports");
    std::env::set_var("WARDBOOK_TEST_OPEN_FILE", &chosen);
    std::env::set_var("WARDBOOK_TEST_SAVE_DIR", files.path().join("saved"));
    std::fs::create_dir_all(files.path().join("saved")).unwrap();
    let skipped = skipped();
    let opened = invoke(&window, "department_file_open", &json!({}))
        .expect("department_file_open takes part: it opens the chosen file");
    assert_eq!(opened["staff"], json!(55), "{opened}");

    let per_command: usize = std::env::var("WARDBOOK_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(150);
    let seed: u64 = std::env::var("WARDBOOK_FUZZ_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0x5EED_2026);
    println!("hostile input: seed {seed}, {per_command} cases per command");
    let mut rng = Rng::new(seed);
    let mut tally = Tally::default();

    let all = commands();
    assert!(
        all.len() > 50,
        "the command list is wardbook::COMMANDS ({} found)",
        all.len()
    );
    let mut shapes = Vec::new();
    for cmd in all.iter().filter(|c| !skipped.contains(&c.as_str())) {
        let learnt = shape::learn(&mut |args| invoke(&window, cmd, args));
        if !learnt.parsed {
            tally.problems.push(format!(
                "{cmd}: could not learn its arguments (got to {})",
                learnt.args
            ));
        }
        if std::env::var_os("WARDBOOK_FUZZ_SHOW").is_some() {
            println!("{cmd}: {}", learnt.args);
        }
        shapes.push((cmd.clone(), learnt.args));
    }
    let mut vocabulary: Vec<String> = shapes
        .iter()
        .flat_map(|(_, a)| {
            a.as_object()
                .map(|m| m.keys().cloned().collect::<Vec<_>>())
                .unwrap_or_default()
        })
        .collect();
    vocabulary.sort();
    vocabulary.dedup();

    let mut hash = content_hash(&reader);
    for round in 0..per_command {
        for (cmd, template) in &shapes {
            let args = values::mutate(&mut rng, template, &vocabulary);
            let version = data_version(&reader);
            let before_panics = panics.load(Ordering::SeqCst);
            let result = invoke(&window, cmd, &args);
            tally.cases += 1;
            let changed = data_version(&reader) != version;
            if panics.load(Ordering::SeqCst) != before_panics {
                tally
                    .problems
                    .push(format!("{cmd} panicked on {}", short(&args)));
            }
            match result {
                Ok(_) => {
                    tally.ok += 1;
                    if changed {
                        hash = content_hash(&reader);
                    }
                }
                Err(err) => {
                    if let Some((key, _)) = shape::arg_refusal(&err) {
                        tally.arg_refusals += 1;
                        if !key.is_empty()
                            && !err.as_str().unwrap_or("").contains(&format!("`{key}`"))
                        {
                            tally
                                .problems
                                .push(format!("{cmd}: argument refusal without its name: {err}"));
                        }
                    } else {
                        tally.app_errors += 1;
                        check_app_error(cmd, &args, &err, &mut tally.problems);
                    }
                    // data_version is the fast path; the hash is the judge.
                    if changed && content_hash(&reader) != hash {
                        tally
                            .problems
                            .push(format!("{cmd} refused ({err}) but changed the file"));
                        hash = content_hash(&reader);
                    }
                }
            }
        }
        if round % 10 == 9 {
            assert_eq!(
                content_hash(&reader),
                hash,
                "the file changes only through accepted calls"
            );
            assert!(integrity_ok(&reader), "integrity check after round {round}");
        }
    }
    assert!(
        integrity_ok(&reader),
        "the file passes its integrity check at the end"
    );
    let panicked = panics.load(Ordering::SeqCst);
    println!(
        "hostile input: {} commands ({} skipped: {skipped:?}), {} cases: {} accepted, {} refused by the app, \
         {} refused at argument parsing; {panicked} panics; {} problems",
        shapes.len(),
        skipped.len(),
        tally.cases,
        tally.ok,
        tally.app_errors,
        tally.arg_refusals,
        tally.problems.len()
    );
    tally.problems.dedup();
    assert!(
        tally.problems.is_empty() && panicked == 0,
        "{panicked} panics; problems:\n{}",
        tally
            .problems
            .iter()
            .take(40)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

fn short(v: &Value) -> String {
    let s = v.to_string();
    if s.len() > 300 {
        format!(
            "{}… ({} chars)",
            &s[..s.char_indices().nth(300).map_or(s.len(), |c| c.0)],
            s.len()
        )
    } else {
        s
    }
}

fn check_app_error(cmd: &str, args: &Value, err: &Value, problems: &mut Vec<String>) {
    let message = err.get("message").and_then(Value::as_str).unwrap_or("");
    let code = err.get("code").and_then(Value::as_str).unwrap_or("");
    if message.trim().is_empty() || code.is_empty() || err.get("fields").is_none() {
        problems.push(format!("{cmd}: not a structured AppError: {err}"));
        return;
    }
    if code == "internal" || RAW.iter().any(|w| message.contains(w)) {
        problems.push(format!(
            "{cmd}: unclear error {code}: {message} — for {}",
            short(args)
        ));
    }
    if message.len() > 2_000 {
        problems.push(format!(
            "{cmd}: a {}-character message echoes the input back",
            message.len()
        ));
    }
}

/// Svelte escapes `{text}` in markup; only these ways turn a string into
/// markup. Database text (names, notes, vendors…) must never reach one.
const HTML_SINKS: &[&str] = &[
    "{@html",
    "innerHTML",
    "outerHTML",
    "insertAdjacentHTML",
    "document.write",
    "createContextualFragment",
    "srcdoc",
    "DOMParser",
];

fn ui_sources(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            ui_sources(&path, out);
        } else if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("svelte" | "ts" | "js" | "html")
        ) {
            out.push(path);
        }
    }
}

#[test]
fn the_ui_never_renders_text_as_html() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui");
    let mut files = Vec::new();
    ui_sources(&root.join("src"), &mut files);
    files.push(root.join("index.html"));
    assert!(
        files.len() > 30,
        "the UI sources were found ({} files)",
        files.len()
    );
    let mut found = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        for (n, line) in text.lines().enumerate() {
            for sink in HTML_SINKS {
                if line.contains(sink) {
                    found.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "markup built from strings:\n{}",
        found.join("\n")
    );
}

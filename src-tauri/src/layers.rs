//! The layer check: the imports between the crate's top-level modules, read
//! from the source, against the architecture the README describes.
//!
//! - Every import runs down `LAYERS` (or within a row), the rows of the
//!   README's "How it is built"; a new module must be placed in a row.
//! - Only the shell (`app`, `bindings`) imports `commands`: the domain,
//!   the store and the foundations never call back into an adapter.
//! - Only the shell knows Tauri (`tauri::…`, `tauri_plugin_…`).
//! - `solver/` imports nothing of the app outside `solver/`: `fill/`, above
//!   it, maps the department's period to its model.
//! - No import cycle between modules beyond `KNOWN_CYCLES`; an entry that
//!   is no longer part of a cycle must be removed, so the list only shrinks.
//!
//! Test code is left out (files declared under `#[cfg(test)]`, `*_tests.rs`,
//! and inline `#[cfg(test)] mod … { … }` blocks): tests may build any data
//! they need. A reference is `crate::module` anywhere in code (grouped
//! `use crate::{a, b}` included) or `super::` climbing out of a top-level
//! module; comment lines are skipped.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The layers, top to bottom, as in the README's "How it is built".
const LAYERS: &[(&str, &[&str])] = &[
    (
        "shell",
        &[
            "app",
            "bindings",
            "commands",
            "early",
            "printing",
            "rendering",
            "window",
        ],
    ),
    ("file", &["store", "audit", "department_file"]),
    ("views", &["dashboard", "reports", "sample"]),
    ("fill", &["fill"]),
    (
        "domain",
        &[
            "attendance",
            "fairness",
            "budget",
            "schedule",
            "solver",
            "requests",
            "staff",
            "credentials",
            "trainings",
            "skills",
            "department",
            "records",
        ],
    ),
    (
        "foundations",
        &[
            "error",
            "input",
            "text_enum",
            "csv_file",
            "search_text",
            "applog",
            "cli",
            "instance",
            "startup_probe",
            "units",
        ],
    ),
];

/// Where Tauri is known: the app's setup, the command adapters, and the
/// window's own plumbing (start script, rendering, printing, the window).
const SHELL: &[&str] = &[
    "app",
    "commands",
    "early",
    "printing",
    "rendering",
    "window",
];

/// May import `commands`: the setup (the invoke handler) and the generator
/// of the UI's TypeScript (the commands' signatures and `AppStatus`).
const IMPORTS_COMMANDS: &[&str] = &["app", "bindings"];

/// Imports (from → to) that are part of a cycle today. Each must go, not
/// grow: `staff` ↔ `credentials` and `staff` ↔ `trainings`, where a
/// person's page gathers their credentials and trainings while those name
/// the person's role and employment.
const KNOWN_CYCLES: &[(&str, &str)] = &[
    ("credentials", "staff"),
    ("staff", "credentials"),
    ("staff", "trainings"),
    ("trainings", "staff"),
];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every `.rs` file under `dir`, as paths relative to `src/` with `/`.
fn files(dir: &Path, out: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).expect("src is readable") {
        let path = entry.expect("src entry").path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let rel = path.strip_prefix(src()).unwrap();
            out.push(rel.to_string_lossy().replace('\\', "/"));
        }
    }
}

/// The module path of a file: `schedule/store/periods.rs` → [schedule, store, periods].
fn module_path(file: &str) -> Vec<String> {
    let mut parts: Vec<String> = file.split('/').map(str::to_string).collect();
    let last = parts.pop().unwrap();
    if last != "mod.rs" && last != "lib.rs" {
        parts.push(last.trim_end_matches(".rs").to_string());
    }
    parts
}

/// The directory a file's `mod x;` declarations resolve in.
fn child_dir(file: &str) -> String {
    let dir = file.rsplit_once('/').map_or("", |(d, _)| d);
    let name = file.rsplit('/').next().unwrap();
    let own = if name == "mod.rs" || name == "lib.rs" {
        dir.to_string()
    } else {
        let stem = name.trim_end_matches(".rs");
        if dir.is_empty() {
            stem.to_string()
        } else {
            format!("{dir}/{stem}")
        }
    };
    own
}

fn join(dir: &str, name: &str) -> String {
    if dir.is_empty() {
        name.to_string()
    } else {
        format!("{dir}/{name}")
    }
}

/// Files (or directories, ending in `/`) declared under `#[cfg(test)]`.
fn test_only(file: &str, text: &str, out: &mut BTreeSet<String>) {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    for (i, line) in lines.iter().enumerate() {
        if *line != "#[cfg(test)]" {
            continue;
        }
        let mut path_attr = None;
        for next in &lines[i + 1..] {
            if let Some(p) = next
                .strip_prefix("#[path = \"")
                .and_then(|p| p.strip_suffix("\"]"))
            {
                path_attr = Some(p.to_string());
            } else if next.starts_with("#[") {
                continue;
            } else {
                let decl = next
                    .trim_start_matches("pub(crate) ")
                    .trim_start_matches("pub ");
                if let Some(name) = decl.strip_prefix("mod ").and_then(|d| d.strip_suffix(';')) {
                    let dir = file.rsplit_once('/').map_or("", |(d, _)| d);
                    match &path_attr {
                        Some(p) => out.insert(join(dir, p)),
                        None => {
                            let base = child_dir(file);
                            out.insert(join(&base, &format!("{name}.rs")));
                            out.insert(join(&base, &format!("{name}/")))
                        }
                    };
                }
                break;
            }
        }
    }
}

/// The code of a file without comment lines and inline `#[cfg(test)]` modules.
fn code(text: &str) -> String {
    let mut out = String::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let t = line.trim();
        if t.starts_with("//") {
            continue;
        }
        if t == "#[cfg(test)]" {
            let inline_mod = lines.peek().is_some_and(|n| {
                let n = n
                    .trim()
                    .trim_start_matches("pub(crate) ")
                    .trim_start_matches("pub ");
                n.starts_with("mod ") && n.ends_with('{')
            });
            if inline_mod {
                // Skip the block: braces counted from its opening line.
                let mut depth = 0i64;
                for l in lines.by_ref() {
                    depth += l.matches('{').count() as i64 - l.matches('}').count() as i64;
                    if depth <= 0 && l.contains('}') {
                        break;
                    }
                }
                continue;
            }
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// The top-level names of a `{a, b::c, d::{e, f}, g as h}` group whose
/// text starts at `rest` (after the `{`): a, b, d, g.
fn group_names(rest: &str) -> Vec<String> {
    let mut depth = 0;
    let mut items = vec![String::new()];
    for c in rest.chars() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => break,
            '}' => depth -= 1,
            ',' if depth == 0 => items.push(String::new()),
            _ if depth == 0 => items.last_mut().unwrap().push(c),
            _ => {}
        }
    }
    items
        .iter()
        .map(|item| {
            item.trim()
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect::<String>()
        })
        .filter(|name| !name.is_empty())
        .collect()
}

/// The crate-root names `code` refers to from a file at `module`.
fn references(module: &[String], code: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    let mut take = |rest: &str| {
        if let Some(group) = rest.strip_prefix('{') {
            out.extend(group_names(group));
        } else {
            out.insert(ident(rest));
        }
    };
    let bytes = code.as_bytes();
    for (i, _) in code.match_indices("crate::") {
        let before = i.checked_sub(1).map(|j| bytes[j] as char);
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue; // `wardbook_crate::` or the like
        }
        take(&code[i + "crate::".len()..]);
    }
    // `super::super::x` from deep enough reaches the crate root.
    let depth = module.len();
    let mut i = 0;
    while let Some(at) = code[i..].find("super::") {
        let start = i + at;
        let before = start.checked_sub(1).map(|j| bytes[j] as char);
        let mut end = start;
        let mut supers = 0;
        while code[end..].starts_with("super::") {
            supers += 1;
            end += "super::".len();
        }
        if !before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') && supers >= depth {
            take(&code[end..]);
        }
        i = end;
    }
    out
}

struct Crate {
    /// Top-level modules.
    modules: BTreeSet<String>,
    /// (file, top-level module it refers to) for non-test files.
    refs: Vec<(String, String)>,
    /// Non-test files that name Tauri.
    tauri: Vec<String>,
}

fn read_crate() -> Crate {
    let mut all = Vec::new();
    files(&src(), &mut all);
    all.sort();
    let texts: BTreeMap<String, String> = all
        .iter()
        .map(|f| (f.clone(), std::fs::read_to_string(src().join(f)).unwrap()))
        .collect();
    let mut tests = BTreeSet::new();
    for (file, text) in &texts {
        test_only(file, text, &mut tests);
    }
    let is_test = |f: &str| {
        f.ends_with("_tests.rs")
            || tests.contains(f)
            || tests
                .iter()
                .any(|t| t.ends_with('/') && f.starts_with(t.as_str()))
    };
    let modules: BTreeSet<String> = all
        .iter()
        .filter(|f| *f != "lib.rs" && *f != "main.rs" && !is_test(f))
        .map(|f| module_path(f)[0].clone())
        .collect();
    let mut refs = Vec::new();
    let mut tauri = Vec::new();
    for (file, text) in &texts {
        if file == "lib.rs" || file == "main.rs" || is_test(file) {
            continue;
        }
        let module = module_path(file);
        let code = code(text);
        for name in references(&module, &code) {
            if modules.contains(&name) && name != module[0] {
                refs.push((file.clone(), name));
            }
        }
        if code.contains("tauri::") || code.contains("tauri_plugin_") || code.contains("use tauri")
        {
            tauri.push(file.clone());
        }
    }
    Crate {
        modules,
        refs,
        tauri,
    }
}

fn top(file: &str) -> String {
    module_path(file)[0].clone()
}

/// Module → the modules it imports.
fn graph(c: &Crate) -> BTreeMap<String, BTreeSet<String>> {
    let mut g: BTreeMap<String, BTreeSet<String>> = c
        .modules
        .iter()
        .map(|m| (m.clone(), BTreeSet::new()))
        .collect();
    for (file, to) in &c.refs {
        g.get_mut(&top(file)).unwrap().insert(to.clone());
    }
    g
}

fn reaches(g: &BTreeMap<String, BTreeSet<String>>, from: &str, to: &str) -> bool {
    let mut seen = BTreeSet::new();
    let mut stack = vec![from.to_string()];
    while let Some(m) = stack.pop() {
        if m == to {
            return true;
        }
        if seen.insert(m.clone()) {
            stack.extend(g[&m].iter().cloned());
        }
    }
    false
}

/// Every import (from → to) that is part of a cycle: `to` leads back to `from`.
fn cycle_edges(g: &BTreeMap<String, BTreeSet<String>>) -> BTreeSet<(String, String)> {
    g.iter()
        .flat_map(|(from, tos)| tos.iter().map(move |to| (from.clone(), to.clone())))
        .filter(|(from, to)| reaches(g, to, from))
        .collect()
}

#[test]
fn the_reader_sees_grouped_imports_super_and_skips_tests_and_comments() {
    let code = code(
        "use crate::{department, sample::x, store};\n\
         // use crate::commands::x;\n\
         fn f() { crate::error::AppError::new(); super::super::input::date(); }\n\
         #[cfg(test)]\n\
         mod tests {\n    use crate::solver::x;\n    fn g() { if true { } }\n}\n\
         #[cfg(test)]\n\
         pub(crate) mod support {\n    use crate::solver::y;\n}\n\
         fn h() { crate::csv_file::read(); }\n",
    );
    let refs = references(&["schedule".into(), "store".into()], &code);
    let refs: Vec<&str> = refs.iter().map(String::as_str).collect();
    assert_eq!(
        refs,
        [
            "csv_file",
            "department",
            "error",
            "input",
            "sample",
            "store"
        ],
        "comments and the test modules are not imports; code after them is"
    );
    let mut tests = BTreeSet::new();
    test_only(
        "schedule/cost.rs",
        "#[cfg(test)]\n#[path = \"cost_tests.rs\"]\nmod tests;\n",
        &mut tests,
    );
    test_only(
        "dashboard/mod.rs",
        "#[cfg(test)]\nmod fixture;\n",
        &mut tests,
    );
    assert!(tests.contains("schedule/cost_tests.rs"), "{tests:?}");
    assert!(tests.contains("dashboard/fixture.rs"), "{tests:?}");
}

fn row(module: &str) -> Option<usize> {
    LAYERS
        .iter()
        .position(|(_, modules)| modules.contains(&module))
}

#[test]
fn imports_run_down_the_layers() {
    let c = read_crate();
    let unplaced: Vec<_> = c.modules.iter().filter(|m| row(m).is_none()).collect();
    assert!(
        unplaced.is_empty(),
        "place these modules in a row of LAYERS (and of the README's diagram): {unplaced:?}"
    );
    let upward: Vec<String> = c
        .refs
        .iter()
        .filter(|(file, to)| row(to) < row(&top(file)))
        .map(|(file, to)| format!("{file} imports {to}"))
        .collect();
    assert!(
        upward.is_empty(),
        "an import runs up the layers (move the shared part down): {upward:?}"
    );
}

/// `build.rs` finds commands only in `src/commands/*.rs`: one declared
/// anywhere else would compile and never be callable.
#[test]
fn commands_are_declared_only_in_commands() {
    let mut all = Vec::new();
    files(&src(), &mut all);
    let elsewhere: Vec<&String> = all
        .iter()
        .filter(|f| {
            let in_commands = f.starts_with("commands/") && f.matches('/').count() == 1;
            let text = std::fs::read_to_string(src().join(f.as_str())).unwrap();
            let declares = text.lines().map(str::trim).any(|l| {
                l == "#[command]"
                    || l.starts_with("#[tauri::command")
                    || l.starts_with("#[wardbook_macros::command")
            });
            declares && !in_commands
        })
        .collect();
    assert!(
        elsewhere.is_empty(),
        "declare commands with #[command] in a file of src/commands/: {elsewhere:?}"
    );
    assert!(
        all.iter().any(|f| f == "commands/staff.rs"),
        "the reader sees the command files"
    );
}

#[test]
fn only_the_shell_imports_commands() {
    let c = read_crate();
    let wrong: Vec<_> = c
        .refs
        .iter()
        .filter(|(file, to)| to == "commands" && !IMPORTS_COMMANDS.contains(&top(file).as_str()))
        .collect();
    assert!(
        wrong.is_empty(),
        "the domain, store and foundations must not import the command adapters (move the code below `commands/`): {wrong:?}"
    );
}

#[test]
fn only_the_shell_knows_tauri() {
    let c = read_crate();
    assert!(
        c.tauri.iter().any(|f| f.starts_with("commands/")),
        "the reader finds Tauri where it is: {:?}",
        c.tauri
    );
    let wrong: Vec<_> = c
        .tauri
        .iter()
        .filter(|f| !SHELL.contains(&top(f).as_str()))
        .collect();
    assert!(
        wrong.is_empty(),
        "domain code is plain Rust that tests call without a window; Tauri is used in {wrong:?}"
    );
}

#[test]
fn the_solver_imports_nothing_of_the_app() {
    let c = read_crate();
    let reaching: Vec<_> = c
        .refs
        .iter()
        .filter(|(file, _)| top(file) == "solver")
        .collect();
    assert!(
        reaching.is_empty(),
        "solver/ must not import the app (it is a general rostering engine; the department's mapping lives in fill/): {reaching:?}"
    );
}

#[test]
fn no_new_import_cycle() {
    let c = read_crate();
    let g = graph(&c);
    let cycles = cycle_edges(&g);
    // `cargo test -p wardbook --lib layers -- --nocapture` shows the graph.
    for (from, to) in &g {
        println!(
            "{from} -> {}",
            Vec::from_iter(to.iter().map(String::as_str)).join(", ")
        );
    }
    let known: BTreeSet<(String, String)> = KNOWN_CYCLES
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    let new: Vec<_> = cycles.difference(&known).collect();
    assert!(
        new.is_empty(),
        "these imports close a new cycle between modules (import the other way, or move the shared part down): {new:?}"
    );
    let gone: Vec<_> = known.difference(&cycles).collect();
    assert!(
        gone.is_empty(),
        "these imports are no longer part of a cycle: remove them from KNOWN_CYCLES: {gone:?}"
    );
}

//! A blank Tauri window that reports when its page has loaded.
//!
//! The baseline of `cargo xtask bench`: the same Tauri version, features and
//! window size as Wardbook, a page with no content, and one command, `ready`,
//! which the page calls on load and which prints `blank-ready` on stdout.

// Prevents an extra console window on Windows in release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::io::Write;

#[tauri::command]
fn ready() {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "blank-ready");
    let _ = out.flush();
}

fn main() {
    tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![ready])
        .run(tauri::generate_context!())
        .expect("the blank window failed to start");
}

//! The main window: built from the configuration at setup and, on Linux,
//! kept hidden until its page has loaded.
//!
//! Why hidden on Linux: WebKitGTK draws on the CPU there (see
//! [`crate::rendering`]), and then a window's first frame waits, up to half
//! a second, for the page's process to paint. When that frame comes while the
//! page's process is still starting, the wait runs out and the window stands
//! frozen for the full 500 ms (a third of cold starts, measured). Shown once
//! its page has loaded, the window's first frame is answered at once, and the
//! manager never sees an empty window. WebView2 and WKWebView have no such
//! wait, so other platforms show the window as soon as it exists.

use std::time::Duration;
use tauri::{Manager, Runtime, WebviewWindowBuilder};

pub const MAIN: &str = "main";
const HIDDEN_UNTIL_LOADED: bool = cfg!(target_os = "linux");
/// If the page never loads (its process failed to start), the window is
/// shown anyway: the manager sees that something is wrong instead of nothing.
const SHOW_ANYWAY_AFTER: Duration = Duration::from_secs(3);

/// Builds the main window from `tauri.conf.json` (where it is `create: false`).
pub fn create<R: Runtime>(app: &tauri::App<R>) -> tauri::Result<()> {
    let Some(config) = app.config().app.windows.iter().find(|w| w.label == MAIN) else {
        return Err(tauri::Error::WindowNotFound);
    };
    let window = WebviewWindowBuilder::from_config(app.handle(), config)?
        .visible(config.visible && !HIDDEN_UNTIL_LOADED)
        .build()?;
    if HIDDEN_UNTIL_LOADED {
        std::thread::spawn(move || {
            std::thread::sleep(SHOW_ANYWAY_AFTER);
            let _ = window.show();
        });
    }
    Ok(())
}

/// The page has loaded: the window can be shown (no-op when it already is).
pub fn page_loaded<R: Runtime>(webview: &tauri::Webview<R>) {
    if HIDDEN_UNTIL_LOADED {
        if let Some(window) = webview.app_handle().get_webview_window(MAIN) {
            let _ = window.show();
        }
    }
}

//! How the window's page is drawn.
//!
//! On Linux, WebKitGTK composites pages with OpenGL. Without a GPU (virtual
//! desktops, thin clients, Xvfb) that GL is Mesa's software rasteriser, which
//! cost about 85 MB in the page's process (213 → 128 MB with the sample's
//! staff list open) and a few tens of milliseconds at start, and buys nothing
//! for a page of forms and tables: it has no 3D, no video, and its one chart
//! is a 2D canvas. Wardbook draws its page on the CPU instead. It also steers
//! clear of the GPU-driver faults that leave WebKitGTK windows blank.
//! WebView2 (Windows) and WKWebView (macOS) choose for themselves.
//!
//! The choice is made twice. The window's setting (below) can only be made
//! once the window exists, and by then WebKitGTK has already set up OpenGL
//! for the whole app, on the way to starting the page's process: about 60 ms
//! of every cold start, for nothing. `WEBKIT_DISABLE_COMPOSITING_MODE` tells
//! it before it starts. With it, the window must not be drawn before its page
//! has loaded (see [`crate::window`]).

use tauri::{Manager, Runtime};

/// Called first thing in `main`, while the app has no other thread (the
/// environment is not safe to change once threads may read it). A value the
/// user set is left as it is.
pub fn before_start() {
    #[cfg(target_os = "linux")]
    if std::env::var_os("WEBKIT_DISABLE_COMPOSITING_MODE").is_none() {
        std::env::set_var("WEBKIT_DISABLE_COMPOSITING_MODE", "1");
    }
}

pub fn configure<R: Runtime>(app: &tauri::App<R>) {
    #[cfg(target_os = "linux")]
    if let Some(window) = app.get_webview_window(crate::window::MAIN) {
        let _ = window.with_webview(|webview| {
            use webkit2gtk::{HardwareAccelerationPolicy, SettingsExt, WebViewExt};
            if let Some(settings) = WebViewExt::settings(&webview.inner()) {
                settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
            }
        });
    }
    #[cfg(not(target_os = "linux"))]
    let _ = app;
}

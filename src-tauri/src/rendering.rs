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

use tauri::{Manager, Runtime};

pub fn configure<R: Runtime>(app: &tauri::App<R>) {
    #[cfg(target_os = "linux")]
    if let Some(window) = app.get_webview_window("main") {
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

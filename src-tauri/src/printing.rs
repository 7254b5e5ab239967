//! Printing the window through the system print dialog, landscape as the
//! schedule's print view promises. The page's stylesheet asks for landscape
//! (`@page { size: landscape }`), which WebView2 and WebKit honour when they
//! lay the pages out; WebKitGTK's print dialog, though, starts from GTK's own
//! page setup, so on Linux the print operation is given a landscape page on
//! the locale's default paper (Letter in the US, A4 elsewhere) before the
//! dialog opens. The manager can still change either in the dialog.

use tauri::{Runtime, WebviewWindow};

#[cfg(target_os = "linux")]
pub fn landscape<R: Runtime>(window: &WebviewWindow<R>) -> tauri::Result<()> {
    window.with_webview(|webview| {
        use webkit2gtk::PrintOperationExt;
        // `None`: the paper the locale uses (LC_PAPER).
        let paper = gtk::PaperSize::new(None);
        let setup = gtk::PageSetup::new();
        setup.set_orientation(gtk::PageOrientation::Landscape);
        setup.set_paper_size_and_default_margins(&paper);
        let settings = gtk::PrintSettings::new();
        settings.set_orientation(gtk::PageOrientation::Landscape);
        settings.set_paper_size(&paper);
        let operation = webkit2gtk::PrintOperation::new(&webview.inner());
        operation.set_page_setup(&setup);
        operation.set_print_settings(&settings);
        operation.run_dialog(None::<&gtk::Window>);
    })
}

#[cfg(not(target_os = "linux"))]
pub fn landscape<R: Runtime>(window: &WebviewWindow<R>) -> tauri::Result<()> {
    window.print()
}

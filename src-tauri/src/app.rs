//! The Tauri shell: options, state, window and the command list.

use crate::cli::Options;
use crate::commands::{self, with_commands, Db};
use crate::{department, sample, store};
use std::sync::Arc;
use tauri::{Manager, Runtime};

pub fn run() {
    crate::rendering::before_start();
    crate::startup_probe::begin();
    let options = match Options::parse(
        std::env::args().skip(1),
        std::env::var("WARDBOOK_DATA_DIR").ok(),
    ) {
        Ok(o) => o,
        Err(message) => {
            eprintln!("{message}");
            std::process::exit(2);
        }
    };
    run_app(tauri::Builder::default(), options);
}

/// Generic over the runtime so a test could drive it with Tauri's mock runtime.
pub fn run_app<R: Runtime>(builder: tauri::Builder<R>, options: Options) {
    let app = configure(builder, options)
        .build(context())
        .unwrap_or_else(|e| {
            eprintln!("wardbook: could not start: {e}");
            std::process::exit(1);
        });
    app.run(|handle, event| {
        if let tauri::RunEvent::Exit = event {
            if let Some(db) = handle.try_state::<Arc<Db>>() {
                db.close_at_exit();
            }
        }
    });
}

/// The invoke handler of every `#[command]` (see `commands`).
macro_rules! invoke_handler {
    ($($module:ident :: $name:ident),* $(,)?) => {
        tauri::generate_handler![$(commands::$module::$name),*]
    };
}

/// The app's configuration (plugins, start-up, commands) on any runtime: the
/// hostile-input test builds it on Tauri's mock runtime and calls every
/// command through the real IPC path, argument parsing and permissions included.
pub fn configure<R: Runtime>(builder: tauri::Builder<R>, options: Options) -> tauri::Builder<R> {
    builder
        .plugin(crate::early::plugin(options.open.as_deref()))
        // The save dialog is opened from Rust only; the window is granted
        // no dialog permission.
        .plugin(tauri_plugin_dialog::init())
        .setup(move |app| {
            crate::startup_probe::mark("setup");
            crate::window::create(app)?;
            crate::rendering::configure(app);
            let data_dir = match options.data_dir.clone() {
                Some(dir) => dir,
                None => app.path().app_data_dir()?,
            };
            crate::applog::install_panic_hook(&data_dir);
            match crate::instance::claim(&data_dir) {
                Ok(crate::instance::Claim::First(instance)) => {
                    let handle = app.handle().clone();
                    instance.watch(move || commands::to_front(&handle));
                }
                Ok(crate::instance::Claim::AlreadyRunning) => {
                    eprintln!(
                        "wardbook: already running on {}; brought it to the front",
                        data_dir.display()
                    );
                    std::process::exit(0);
                }
                // A folder that cannot hold the lock (read-only, say): the
                // opening reports the folder's problem in the window.
                Err(e) => eprintln!(
                    "wardbook: no single-instance lock in {}: {e}",
                    data_dir.display()
                ),
            }
            let db = Arc::new(Db::new(data_dir.clone()));
            app.manage(db.clone());
            app.manage(Arc::new(crate::fill::runs::FillRuns::default()));
            let handle = app.handle().clone();
            // Opening runs the integrity check and migrations: never on the main thread.
            std::thread::spawn(move || {
                crate::startup_probe::mark("opening");
                let opened = open(&db, options.sample);
                crate::startup_probe::mark("opened");
                if let Ok(file) = &opened {
                    if let Ok(Some(dept)) = department::get(file.conn()) {
                        commands::set_title(&handle, &dept.name);
                    }
                }
                db.set(opened);
                db.daily_backup();
            });
            Ok(())
        })
        .on_page_load(|webview, payload| {
            let stage = match payload.event() {
                tauri::webview::PageLoadEvent::Started => "page-started",
                tauri::webview::PageLoadEvent::Finished => {
                    crate::window::page_loaded(webview);
                    "page-finished"
                }
            };
            crate::startup_probe::mark(stage);
        })
        .invoke_handler(with_commands!(invoke_handler))
}

/// The compiled-in configuration, assets and permissions (capabilities).
pub fn context<R: Runtime>() -> tauri::Context<R> {
    tauri::generate_context!()
}

/// Opens the department file at start: a locked one waits for its passphrase.
fn open(db: &Db, with_sample: bool) -> crate::error::AppResult<store::DepartmentFile> {
    db.peek_zone();
    let now = db.now();
    let mut file = store::DepartmentFile::open(&db.db_path(), None, Some(&db.plan()), now)?;
    if with_sample && file.damaged().is_none() && department::get(file.conn())?.is_none() {
        let today = department::today(&sample::department());
        sample::create(file.conn_mut(), today)?;
    }
    Ok(file)
}

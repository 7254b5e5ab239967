//! The Tauri shell: options, state, window and the command list.

use crate::cli::Options;
use crate::commands::{self, Db};
use crate::{department, sample, store};
use std::sync::Arc;
use tauri::{Manager, Runtime};

pub fn run() {
    crate::rendering::before_start();
    crate::startup::begin();
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
    configure(builder, options)
        .run(context())
        .unwrap_or_else(|e| {
            eprintln!("wardbook: could not start: {e}");
            std::process::exit(1);
        });
}

/// The app's configuration (plugins, start-up, commands) on any runtime: the
/// hostile-input test builds it on Tauri's mock runtime and calls every
/// command through the real IPC path, argument parsing and permissions included.
pub fn configure<R: Runtime>(builder: tauri::Builder<R>, options: Options) -> tauri::Builder<R> {
    builder
        .plugin(crate::start::plugin(options.open.as_deref()))
        // The save dialog is opened from Rust only; the window is granted
        // no dialog permission.
        .plugin(tauri_plugin_dialog::init())
        .setup(move |app| {
            crate::startup::mark("setup");
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
            app.manage(Arc::new(commands::schedule_fill::FillRuns::default()));
            let handle = app.handle().clone();
            // Opening runs the integrity check and migrations: never on the main thread.
            std::thread::spawn(move || {
                crate::startup::mark("opening");
                let opened = open(&db, options.sample);
                crate::startup::mark("opened");
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
            crate::startup::mark(stage);
        })
        .invoke_handler(tauri::generate_handler![
            commands::app::app_status,
            commands::app::app_ready,
            commands::department::department_create,
            commands::department::department_update,
            commands::department::sample_create,
            commands::department::time_zones,
            commands::staff::staff_list,
            commands::staff::staff_detail,
            commands::staff::staff_create,
            commands::staff::staff_update,
            commands::staff::staff_terminate,
            commands::staff::staff_reactivate,
            commands::skills::skills_list,
            commands::skills::skill_save,
            commands::skills::skill_delete,
            commands::credentials::credential_types_list,
            commands::credentials::credential_type_save,
            commands::credentials::credential_type_delete,
            commands::credentials::credential_save,
            commands::credentials::credential_delete,
            commands::trainings::training_save,
            commands::trainings::training_delete,
            commands::schedule::shift_types_list,
            commands::schedule::shift_type_save,
            commands::schedule::shift_type_delete,
            commands::schedule::schedule_rules_get,
            commands::schedule::schedule_rules_save,
            commands::schedule::holiday_save,
            commands::schedule::holiday_delete,
            commands::schedule::coverage_list,
            commands::schedule::coverage_save,
            commands::schedule::ratio_presets,
            commands::schedule::coverage_from_census,
            commands::schedule_grid::periods_list,
            commands::schedule_grid::period_create,
            commands::schedule_grid::period_publish,
            commands::schedule_grid::period_delete,
            commands::schedule_grid::schedule_view,
            commands::schedule_grid::assignment_set,
            commands::schedule_grid::assignment_clear,
            commands::schedule_grid::call_out,
            commands::schedule_grid::call_out_fill,
            commands::schedule_grid::schedule_csv,
            commands::schedule_grid::schedule_export_csv,
            commands::schedule_grid::window_print,
            commands::schedule_time_off::time_off_list,
            commands::schedule_time_off::time_off_save,
            commands::schedule_time_off::time_off_decide,
            commands::schedule_time_off::time_off_delete,
            commands::schedule_time_off::time_off_shifts,
            commands::budget::fiscal_years_list,
            commands::budget::fiscal_year_create,
            commands::budget::fiscal_year_delete,
            commands::budget::budget_sheet,
            commands::budget::budget_line_save,
            commands::budget::budget_line_delete,
            commands::budget::budget_actual_save,
            commands::budget::budget_explanation_save,
            commands::budget::expenses_list,
            commands::budget::expense_save,
            commands::budget::expense_delete,
            commands::budget_import::budget_csv_open,
            commands::budget_import::budget_import_columns,
            commands::budget_import::budget_import_preview,
            commands::budget_import::budget_import,
            commands::budget_import::budget_account_map,
            commands::budget_import::budget_account_map_save,
            commands::budget_import::budget_account_map_remove,
            commands::budget_import::budget_cost_centre_save,
            commands::budget_views::budget_variance,
            commands::budget_views::budget_targets,
            commands::budget_views::budget_volumes_save,
            commands::budget_views::budget_targets_save,
            commands::budget_views::budget_productivity,
            commands::budget_views::budget_labor_cost,
            commands::staff_import::staff_csv_open,
            commands::staff_import::staff_import_columns,
            commands::staff_import::staff_import_preview,
            commands::staff_import::staff_import,
            commands::department_file::department_file_export,
            commands::department_file::department_file_open,
            commands::department_file::department_file_import,
            commands::schedule_fill::schedule_fill_start,
            commands::schedule_fill::schedule_fill_stop,
            commands::schedule_fill::schedule_fill_accept,
            commands::schedule_fill::schedule_fill_discard,
            commands::schedule_fill::assignment_lock,
            commands::history::history_list,
            commands::history::history_verify,
            commands::security::app_unlock,
            commands::security::app_lock,
            commands::security::app_activity,
            commands::security::passphrase_set,
            commands::security::passphrase_remove,
            commands::security::storage_settings_get,
            commands::security::storage_settings_save,
            commands::backups::backups_list,
            commands::backups::backup_now,
            commands::backups::backup_inspect,
            commands::backups::backup_restore,
            commands::backups::backups_remove_unencrypted,
            commands::reports::report_options,
            commands::reports::report_save,
            commands::dashboard::dashboard,
        ])
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

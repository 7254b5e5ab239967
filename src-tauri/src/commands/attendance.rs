//! Time and attendance: pick a pay period, import the time clock's punches,
//! act on the exceptions, correct punches, approve the period and export
//! it for payroll.

use super::dialog::{open_csv, save_file};
use super::{today, DbState};
use crate::attendance::approval;
use crate::attendance::corrections::{self, PunchInput};
use crate::attendance::exceptions::ExceptionKind;
use crate::attendance::import::run::{
    self, PunchImportColumns, PunchImportOutcome, PunchImportPreview,
};
use crate::attendance::import::PunchMapping;
use crate::attendance::no_show::{self, NoShowAs};
use crate::attendance::payroll::{self, PayrollLayout, PayrollSaved};
use crate::attendance::period::{self, PeriodChoices};
use crate::attendance::settings::{self, AttendanceSettings, AttendanceSettingsInput};
use crate::attendance::timecards::{self, PayPeriodView};
use crate::attendance::worked::{self, WorkedCell};
use crate::csv_file::CsvFile;
use crate::error::{AppError, AppResult, ErrorCode};
use crate::schedule::store::now;
use crate::schedule::TimeOffKind;
use tauri::Runtime;
use wardbook_macros::command;

#[command]
pub async fn attendance_periods(db: DbState<'_>) -> AppResult<PeriodChoices> {
    db.run(|conn| period::choices(conn, today(conn)?)).await
}

/// The pay period starting `start`: exceptions, timecards, summary.
#[command]
pub async fn attendance_period(db: DbState<'_>, start: String) -> AppResult<PayPeriodView> {
    db.run(move |conn| timecards::view(conn, &period::load(conn, &start)?))
        .await
}

/// The grid's worked-vs-scheduled marks for a schedule period's days.
#[command]
pub async fn schedule_worked(db: DbState<'_>, period_id: i64) -> AppResult<Vec<WorkedCell>> {
    db.run(move |conn| worked::for_period(conn, period_id, chrono::Utc::now()))
        .await
}

/// Asks for the time clock's export and reads it; `None` when cancelled.
#[command]
pub async fn attendance_csv_open<R: Runtime>(
    app: tauri::AppHandle<R>,
) -> AppResult<Option<CsvFile>> {
    open_csv(app, |path| {
        crate::csv_file::read(path, "export only the pay period's punches.")
    })
    .await
}

#[command]
pub async fn attendance_import_columns(
    db: DbState<'_>,
    text: String,
) -> AppResult<PunchImportColumns> {
    db.run(move |conn| run::columns(conn, &text)).await
}

#[command]
pub async fn attendance_import_preview(
    db: DbState<'_>,
    text: String,
    mapping: PunchMapping,
) -> AppResult<PunchImportPreview> {
    db.run(move |conn| run::preview_file(conn, &text, &mapping))
        .await
}

#[command]
pub async fn attendance_import(
    db: DbState<'_>,
    text: String,
    mapping: PunchMapping,
) -> AppResult<PunchImportOutcome> {
    db.run(move |conn| run::import_file(conn, &text, &mapping))
        .await
}

#[command]
pub async fn attendance_exception_approve(
    db: DbState<'_>,
    start: String,
    staff_id: i64,
    workday: String,
    kind: ExceptionKind,
) -> AppResult<PayPeriodView> {
    db.run(move |conn| {
        let l = period::load(conn, &start)?;
        approval::approve_exception(conn, &l, staff_id, &workday, kind, &now())?;
        timecards::view(conn, &period::load(conn, &start)?)
    })
    .await
}

#[command]
pub async fn attendance_punch_correct(
    db: DbState<'_>,
    start: String,
    id: i64,
    input: PunchInput,
) -> AppResult<PayPeriodView> {
    db.run(move |conn| {
        corrections::correct(conn, id, &input, &now())?;
        timecards::view(conn, &period::load(conn, &start)?)
    })
    .await
}

#[command]
pub async fn attendance_punch_add(
    db: DbState<'_>,
    start: String,
    input: PunchInput,
) -> AppResult<PayPeriodView> {
    db.run(move |conn| {
        corrections::add(conn, &input, &now())?;
        timecards::view(conn, &period::load(conn, &start)?)
    })
    .await
}

#[command]
pub async fn attendance_period_approve(db: DbState<'_>, start: String) -> AppResult<PayPeriodView> {
    db.run(move |conn| {
        approval::approve_period(conn, &period::load(conn, &start)?, &now())?;
        timecards::view(conn, &period::load(conn, &start)?)
    })
    .await
}

/// Makes the payroll CSV of an approved period, asks where to save it and
/// writes it there; `None` when the manager cancels. Says what the file
/// differs in from the last one exported when the period changed since.
#[command]
pub async fn attendance_payroll_save<R: Runtime>(
    app: tauri::AppHandle<R>,
    db: DbState<'_>,
    start: String,
    layout: PayrollLayout,
) -> AppResult<Option<PayrollSaved>> {
    let period_start = start.clone();
    let (file, changed) = db
        .run(move |conn| payroll::prepare(conn, &start, layout))
        .await?;
    let Some(path) = save_file(app, "CSV", &["csv"], file.name.clone()).await? else {
        return Ok(None);
    };
    let path = tauri::async_runtime::spawn_blocking(move || {
        crate::reports::save::write(&path, &file.bytes)
    })
    .await
    .map_err(|e| {
        AppError::new(
            ErrorCode::Internal,
            format!("Saving the payroll file stopped unexpectedly ({e})."),
        )
    })??;
    db.run(move |conn| payroll::saved(conn, &period_start, &now()))
        .await?;
    Ok(Some(PayrollSaved { path, changed }))
}

#[command]
pub async fn attendance_settings(db: DbState<'_>) -> AppResult<AttendanceSettings> {
    db.run(|conn| settings::load(conn)).await
}

#[command]
pub async fn attendance_settings_save(
    db: DbState<'_>,
    input: AttendanceSettingsInput,
) -> AppResult<AttendanceSettings> {
    db.run(move |conn| settings::save(conn, &input)).await
}

/// Turns a no-show into a call-out or a day of time off.
#[command]
pub async fn attendance_no_show(
    db: DbState<'_>,
    start: String,
    staff_id: i64,
    workday: String,
    resolve_as: NoShowAs,
    kind: TimeOffKind,
    paid: bool,
) -> AppResult<PayPeriodView> {
    db.run(move |conn| {
        let l = period::load(conn, &start)?;
        no_show::resolve(conn, &l, staff_id, &workday, resolve_as, kind, paid, &now())?;
        timecards::view(conn, &period::load(conn, &start)?)
    })
    .await
}

use super::{set_title, DbState};
use crate::department::{self, Department, DepartmentInput};
use crate::error::AppResult;
use crate::sample;
use wardbook_macros::command;

#[command]
pub async fn department_create<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    db: DbState<'_>,
    input: DepartmentInput,
) -> AppResult<Department> {
    let dept = db.run(move |conn| department::create(conn, &input)).await?;
    db.set_zone(dept.time_zone.clone());
    set_title(&app, &dept.name);
    Ok(dept)
}

#[command]
pub async fn department_update<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    db: DbState<'_>,
    input: DepartmentInput,
) -> AppResult<Department> {
    let dept = db.run(move |conn| department::update(conn, &input)).await?;
    db.set_zone(dept.time_zone.clone());
    set_title(&app, &dept.name);
    Ok(dept)
}

#[command]
pub async fn sample_create<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    db: DbState<'_>,
) -> AppResult<Department> {
    let dept = db
        .run(|conn| {
            let today = department::today(&sample::department());
            sample::create(conn, today)
        })
        .await?;
    db.set_zone(dept.time_zone.clone());
    set_title(&app, &dept.name);
    Ok(dept)
}

#[command]
pub fn time_zones() -> Vec<String> {
    department::time_zones()
}

use super::DbState;
use crate::error::AppResult;
use crate::skills;
use crate::staff::Skill;

#[tauri::command(rename_all = "snake_case")]
pub async fn skills_list(db: DbState<'_>) -> AppResult<Vec<Skill>> {
    db.run(|conn| skills::list(conn)).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn skill_save(db: DbState<'_>, id: Option<i64>, name: String) -> AppResult<Skill> {
    db.run(move |conn| skills::save(conn, id, &name)).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn skill_delete(db: DbState<'_>, id: i64) -> AppResult<()> {
    db.run(move |conn| skills::delete(conn, id)).await
}

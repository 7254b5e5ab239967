use super::DbState;
use crate::error::AppResult;
use crate::skills;
use crate::staff::Skill;
use wardbook_macros::command;

#[command]
pub async fn skills_list(db: DbState<'_>) -> AppResult<Vec<Skill>> {
    db.run(|conn| skills::list(conn)).await
}

#[command]
pub async fn skill_save(db: DbState<'_>, id: Option<i64>, name: String) -> AppResult<Skill> {
    db.run(move |conn| skills::save(conn, id, &name)).await
}

#[command]
pub async fn skill_delete(db: DbState<'_>, id: i64) -> AppResult<()> {
    db.run(move |conn| skills::delete(conn, id)).await
}

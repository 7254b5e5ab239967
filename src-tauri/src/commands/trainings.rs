use super::{today, DbState};
use crate::error::AppResult;
use crate::trainings::{self, Training, TrainingInput};
use wardbook_macros::command;

#[command]
pub async fn training_save(
    db: DbState<'_>,
    staff_id: i64,
    id: Option<i64>,
    input: TrainingInput,
) -> AppResult<Training> {
    db.run(move |conn| {
        let today = today(conn)?;
        trainings::save(conn, staff_id, id, &input, today)
    })
    .await
}

#[command]
pub async fn training_delete(db: DbState<'_>, staff_id: i64, id: i64) -> AppResult<()> {
    db.run(move |conn| trainings::delete(conn, staff_id, id))
        .await
}

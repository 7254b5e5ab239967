use super::{today, DbState};
use crate::credentials::{self, Credential, CredentialInput, CredentialType, CredentialTypeInput};
use crate::error::AppResult;
use wardbook_macros::command;

#[command]
pub async fn credential_types_list(db: DbState<'_>) -> AppResult<Vec<CredentialType>> {
    db.run(|conn| credentials::list_types(conn)).await
}

#[command]
pub async fn credential_type_save(
    db: DbState<'_>,
    id: Option<i64>,
    input: CredentialTypeInput,
) -> AppResult<CredentialType> {
    db.run(move |conn| credentials::save_type(conn, id, &input))
        .await
}

#[command]
pub async fn credential_type_delete(db: DbState<'_>, id: i64) -> AppResult<()> {
    db.run(move |conn| credentials::delete_type(conn, id)).await
}

#[command]
pub async fn credential_save(
    db: DbState<'_>,
    staff_id: i64,
    id: Option<i64>,
    input: CredentialInput,
) -> AppResult<Credential> {
    db.run(move |conn| {
        let today = today(conn)?;
        credentials::save(conn, staff_id, id, &input, today)
    })
    .await
}

#[command]
pub async fn credential_delete(db: DbState<'_>, staff_id: i64, id: i64) -> AppResult<()> {
    db.run(move |conn| credentials::delete(conn, staff_id, id))
        .await
}

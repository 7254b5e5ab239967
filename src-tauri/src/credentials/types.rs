//! The credential types a department tracks (RN license, BLS, ACLS…).

use super::{CredentialType, CredentialTypeInput};
use crate::error::{AppError, AppResult, ErrorCode, Validator};
use crate::input;
use crate::staff::Role;
use rusqlite::{params, Connection, OptionalExtension};

pub fn list_types(conn: &Connection) -> AppResult<Vec<CredentialType>> {
    let mut stmt = conn.prepare_cached(
        "SELECT t.id, t.name, t.renewal_months, t.when_expired,
                (SELECT COUNT(*) FROM credential c WHERE c.type_id = t.id)
         FROM credential_type t ORDER BY t.name COLLATE NOCASE",
    )?;
    let mut types: Vec<CredentialType> = stmt
        .query_map([], |r| {
            Ok(CredentialType {
                id: r.get(0)?,
                name: r.get(1)?,
                required_for: Vec::new(),
                renewal_months: r.get(2)?,
                when_expired: r.get(3)?,
                holders: r.get(4)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    let mut roles = conn.prepare_cached("SELECT type_id, role FROM credential_type_role")?;
    for row in roles.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, Role>(1)?)))? {
        let (type_id, role) = row?;
        if let Some(t) = types.iter_mut().find(|t| t.id == type_id) {
            t.required_for.push(role);
        }
    }
    for t in &mut types {
        t.required_for.sort();
    }
    Ok(types)
}

/// Creates a type (`id` None) or updates one.
pub fn save_type(
    conn: &mut Connection,
    id: Option<i64>,
    form: &CredentialTypeInput,
) -> AppResult<CredentialType> {
    let mut v = Validator::new();
    let name = v.take(
        "name",
        input::required_text(&form.name, 60, "credential name"),
    );
    let renewal = if form.renewal_months.trim().is_empty() {
        None
    } else {
        v.take(
            "renewal_months",
            input::whole_number(&form.renewal_months, 1, 120, "renewal period in months"),
        )
    };
    v.finish()?;
    let name = name.unwrap_or_default();
    let tx = conn.transaction()?;
    let clash: Option<i64> = tx
        .query_row(
            "SELECT id FROM credential_type WHERE name = ?1 COLLATE NOCASE",
            [&name],
            |r| r.get(0),
        )
        .optional()?;
    if clash.is_some() && clash != id {
        return Err(AppError::field(
            "name",
            format!("There is already a credential called {name}."),
        ));
    }
    let id = match id {
        Some(id) => {
            let changed = tx.execute(
                "UPDATE credential_type SET name = ?1, renewal_months = ?2, when_expired = ?3 WHERE id = ?4",
                params![name, renewal, form.when_expired, id],
            )?;
            if changed == 0 {
                return Err(AppError::not_found("That credential type"));
            }
            // Only the roles no longer required go, so the change history
            // shows what changed rather than every role on every save.
            let codes: Vec<&str> = form.required_for.iter().map(|r| r.code()).collect();
            tx.execute(
                "DELETE FROM credential_type_role WHERE type_id = ?1
                 AND role NOT IN (SELECT value FROM json_each(?2))",
                params![id, serde_json::to_string(&codes).expect("codes serialise")],
            )?;
            id
        }
        None => {
            tx.execute(
                "INSERT INTO credential_type (name, renewal_months, when_expired) VALUES (?1, ?2, ?3)",
                params![name, renewal, form.when_expired],
            )?;
            tx.last_insert_rowid()
        }
    };
    {
        let mut stmt = tx.prepare_cached(
            "INSERT OR IGNORE INTO credential_type_role (type_id, role) VALUES (?1, ?2)",
        )?;
        for role in &form.required_for {
            stmt.execute(params![id, role])?;
        }
    }
    tx.commit()?;
    list_types(conn)?
        .into_iter()
        .find(|t| t.id == id)
        .ok_or_else(|| AppError::not_found("That credential type"))
}

/// Removes a type nobody holds; a type with records is kept so no history is lost.
pub fn delete_type(conn: &Connection, id: i64) -> AppResult<()> {
    let holders: i64 = conn.query_row(
        "SELECT COUNT(*) FROM credential WHERE type_id = ?1",
        [id],
        |r| r.get(0),
    )?;
    if holders > 0 {
        return Err(AppError::new(
            ErrorCode::Conflict,
            format!(
                "{holders} staff member{} a record of this credential. Remove those records first; nothing was deleted.",
                if holders == 1 { " has" } else { "s have" }
            ),
        ));
    }
    if conn.execute("DELETE FROM credential_type WHERE id = ?1", [id])? == 0 {
        return Err(AppError::not_found("That credential type"));
    }
    Ok(())
}

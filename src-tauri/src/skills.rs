//! The skills a department tracks (charge, preceptor, telemetry…).

use crate::error::{AppError, AppResult};
use crate::input;
use crate::staff::Skill;
use rusqlite::{Connection, OptionalExtension};

pub fn list(conn: &Connection) -> AppResult<Vec<Skill>> {
    let mut stmt =
        conn.prepare_cached("SELECT id, name FROM skill ORDER BY name COLLATE NOCASE")?;
    let skills = stmt
        .query_map([], |r| {
            Ok(Skill {
                id: r.get(0)?,
                name: r.get(1)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(skills)
}

/// Adds a skill (`id` None) or renames one.
pub fn save(conn: &Connection, id: Option<i64>, name: &str) -> AppResult<Skill> {
    let name =
        input::required_text(name, 40, "skill name").map_err(|m| AppError::field("name", m))?;
    let clash: Option<i64> = conn
        .query_row(
            "SELECT id FROM skill WHERE name = ?1 COLLATE NOCASE",
            [&name],
            |r| r.get(0),
        )
        .optional()?;
    if clash.is_some() && clash != id {
        return Err(AppError::field(
            "name",
            format!("There is already a skill called {name}."),
        ));
    }
    let id = match id {
        Some(id) => {
            if conn.execute(
                "UPDATE skill SET name = ?1 WHERE id = ?2",
                rusqlite::params![name, id],
            )? == 0
            {
                return Err(AppError::not_found("That skill"));
            }
            id
        }
        None => {
            conn.execute("INSERT INTO skill (name) VALUES (?1)", [&name])?;
            conn.last_insert_rowid()
        }
    };
    Ok(Skill { id, name })
}

/// Removes a skill from the department and from everyone who had it.
pub fn delete(conn: &Connection, id: i64) -> AppResult<()> {
    if conn.execute("DELETE FROM skill WHERE id = ?1", [id])? == 0 {
        return Err(AppError::not_found("That skill"));
    }
    Ok(())
}

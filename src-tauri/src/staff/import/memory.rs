//! What the import remembers after a successful import: the mapping per
//! layout of export (its header is the source's signature: the same HR
//! report gives the same header every time) and the role of each job title.

use super::roles::{key, RoleHow, RoleValue};
use super::StaffImportMapping;
use crate::error::AppResult;
use crate::staff::Role;
use rusqlite::{params, Connection, OptionalExtension};
use std::collections::HashMap;

/// The signature of an export's layout: its header words in order.
pub fn source(headers: &[String]) -> String {
    headers.iter().map(|h| key(h)).collect::<Vec<_>>().join("|")
}

/// The mapping last imported with for `headers`, if any still fits them.
pub fn mapping(conn: &Connection, headers: &[String]) -> AppResult<Option<StaffImportMapping>> {
    let json: Option<String> = conn
        .query_row(
            "SELECT mapping FROM staff_import_mapping WHERE source = ?1",
            [source(headers)],
            |r| r.get(0),
        )
        .optional()?;
    // A mapping that no longer reads (an older shape) is simply not offered.
    Ok(json
        .and_then(|j| serde_json::from_str::<StaffImportMapping>(&j).ok())
        .filter(|m| m.has_header && m.columns.len() == headers.len()))
}

/// Every remembered title's role, by `roles::key`.
pub fn roles(conn: &Connection) -> AppResult<HashMap<String, Role>> {
    let mut stmt = conn.prepare("SELECT value_key, role FROM staff_import_role")?;
    let rows = stmt
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, Role>(1)?)))?
        .collect::<Result<HashMap<_, _>, _>>()?;
    Ok(rows)
}

/// Remembers the mapping (for a file with a header) and the roles the
/// manager chose, confirmed from a guess, or had remembered; Wardbook's
/// own role names need no memory.
pub fn remember(
    conn: &Connection,
    headers: &[String],
    mapping: &StaffImportMapping,
    roles: &[RoleValue],
) -> AppResult<()> {
    if mapping.has_header {
        let kept = StaffImportMapping {
            roles: Vec::new(),
            ..mapping.clone()
        };
        let json = serde_json::to_string(&kept).map_err(|e| {
            crate::error::AppError::new(
                crate::error::ErrorCode::Internal,
                format!("The mapping could not be saved ({e})."),
            )
        })?;
        conn.execute(
            "INSERT INTO staff_import_mapping (source, mapping) VALUES (?1, ?2)
             ON CONFLICT (source) DO UPDATE SET mapping = excluded.mapping",
            params![source(headers), json],
        )?;
    }
    for v in roles {
        let (Some(role), false) = (v.role, matches!(v.how, RoleHow::Known | RoleHow::Missing))
        else {
            continue;
        };
        conn.execute(
            "INSERT INTO staff_import_role (value_key, value, role) VALUES (?1, ?2, ?3)
             ON CONFLICT (value_key) DO UPDATE SET value = excluded.value, role = excluded.role",
            params![key(&v.value), v.value, role],
        )?;
    }
    Ok(())
}

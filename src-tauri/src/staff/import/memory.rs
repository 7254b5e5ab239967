//! What the import remembers after a successful import: the mapping per
//! layout of export (its header is the source's signature: the same HR
//! report gives the same header every time) and the role of each job title,
//! with the skills new people with that title start with.

use super::roles::{key, RememberedTitle, RoleHow, RoleValue};
use super::statuses::{HrStatus, StatusChoice};
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

/// Every remembered title's role and new people's skills, by `roles::key`.
/// Skills deleted since the import are left out.
pub fn roles(conn: &Connection) -> AppResult<HashMap<String, RememberedTitle>> {
    let mut stmt = conn.prepare(
        "SELECT r.value_key, r.role,
                coalesce((SELECT json_group_array(s.id) FROM json_each(
                    CASE WHEN json_valid(r.skill_ids) THEN r.skill_ids ELSE '[]' END) j
                  JOIN skill s ON s.id = j.value), '[]')
         FROM staff_import_role r",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, Role>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows
        .into_iter()
        .map(|(k, role, skills)| {
            let skill_ids = serde_json::from_str(&skills).unwrap_or_default();
            (k, RememberedTitle { role, skill_ids })
        })
        .collect())
}

/// Every remembered reading of a status value, as choices.
pub fn statuses(conn: &Connection) -> AppResult<Vec<StatusChoice>> {
    let mut stmt = conn.prepare("SELECT value, status FROM staff_import_status ORDER BY value")?;
    let rows = stmt
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows
        .into_iter()
        .filter_map(|(value, status)| {
            HrStatus::from_code(&status).map(|status| StatusChoice { value, status })
        })
        .collect())
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
    // The statuses the manager read, for any later export (as titles' roles).
    for c in &mapping.statuses {
        conn.execute(
            "INSERT INTO staff_import_status (value_key, value, status) VALUES (?1, ?2, ?3)
             ON CONFLICT (value_key) DO UPDATE SET value = excluded.value, status = excluded.status",
            params![key(&c.value), c.value.trim(), c.status.code()],
        )?;
    }
    for v in roles {
        let (Some(role), false) = (v.role, matches!(v.how, RoleHow::Known | RoleHow::Missing))
        else {
            continue;
        };
        let skills = serde_json::to_string(&v.skill_ids).expect("a list of ids serialises");
        conn.execute(
            "INSERT INTO staff_import_role (value_key, value, role, skill_ids) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (value_key) DO UPDATE SET value = excluded.value, role = excluded.role,
               skill_ids = excluded.skill_ids",
            params![key(&v.value), v.value, role, skills],
        )?;
    }
    Ok(())
}

//! A person's credential records.

use super::{lines_for, Credential, CredentialInput, CredentialLine};
use crate::error::{AppError, AppResult, Validator};
use crate::input;
use chrono::{Months, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension, Row};
use std::collections::HashMap;

const COLUMNS: &str = "id, staff_id, type_id, number, issued_on, expires_on, verified_on";

fn from_row(r: &Row) -> rusqlite::Result<Credential> {
    Ok(Credential {
        id: r.get(0)?,
        staff_id: r.get(1)?,
        type_id: r.get(2)?,
        number: r.get(3)?,
        issued_on: r.get(4)?,
        expires_on: r.get(5)?,
        verified_on: r.get(6)?,
    })
}

/// Every credential record, grouped by person.
pub fn held_by_staff(conn: &Connection) -> AppResult<HashMap<i64, Vec<Credential>>> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {COLUMNS} FROM credential"))?;
    let mut by_staff: HashMap<i64, Vec<Credential>> = HashMap::new();
    for c in stmt.query_map([], from_row)? {
        let c = c?;
        by_staff.entry(c.staff_id).or_default().push(c);
    }
    Ok(by_staff)
}

pub fn for_staff(
    conn: &Connection,
    staff_id: i64,
    today: NaiveDate,
) -> AppResult<Vec<CredentialLine>> {
    let staff = crate::staff::get(conn, staff_id)?;
    let types = super::list_types(conn)?;
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM credential WHERE staff_id = ?1"
    ))?;
    let held: Vec<Credential> = stmt
        .query_map([staff_id], from_row)?
        .collect::<Result<_, _>>()?;
    Ok(lines_for(staff.role, &types, &held, today))
}

/// Records a credential for a person (`id` None) or corrects one.
pub fn save(
    conn: &mut Connection,
    staff_id: i64,
    id: Option<i64>,
    form: &CredentialInput,
    today: NaiveDate,
) -> AppResult<Credential> {
    crate::staff::get(conn, staff_id)?;
    let types = super::list_types(conn)?;
    let mut v = Validator::new();
    let ctype = types.iter().find(|t| t.id == form.type_id);
    v.check(ctype.is_some(), "type_id", "Choose the kind of credential.");
    let number = v.take("number", input::text(&form.number, 40, "credential number"));
    let issued = v
        .take("issued_on", input::optional_date(&form.issued_on))
        .flatten();
    let mut expires = v
        .take("expires_on", input::optional_date(&form.expires_on))
        .flatten();
    let verified = v
        .take("verified_on", input::optional_date(&form.verified_on))
        .flatten();
    if expires.is_none() && !v.has_error("expires_on") {
        // A renewal period turns an issue date into an expiry date.
        if let (Some(issued), Some(months)) = (issued, ctype.and_then(|t| t.renewal_months)) {
            expires = issued.checked_add_months(Months::new(months as u32));
        }
    }
    if let (Some(i), Some(e)) = (issued, expires) {
        v.check(
            i <= e,
            "expires_on",
            "The expiry date cannot be before the issue date.",
        );
    }
    if let Some(verified) = verified {
        v.check(
            verified <= today,
            "verified_on",
            "The verification date cannot be in the future.",
        );
    }
    v.finish()?;

    let tx = conn.transaction()?;
    let existing: Option<i64> = tx
        .query_row(
            "SELECT id FROM credential WHERE staff_id = ?1 AND type_id = ?2",
            [staff_id, form.type_id],
            |r| r.get(0),
        )
        .optional()?;
    if existing.is_some() && existing != id {
        let name = ctype.map(|t| t.name.as_str()).unwrap_or("this credential");
        return Err(AppError::field(
            "type_id",
            format!("This person already has a {name} record; edit that one instead."),
        ));
    }
    let (number, issued, expires, verified) = (
        number.unwrap_or_default(),
        issued.map(input::format_date),
        expires.map(input::format_date),
        verified.map(input::format_date),
    );
    let id = match id {
        Some(id) => {
            let changed = tx.execute(
                "UPDATE credential SET type_id = ?1, number = ?2, issued_on = ?3, expires_on = ?4, verified_on = ?5
                 WHERE staff_id = ?6 AND id = ?7",
                params![form.type_id, number, issued, expires, verified, staff_id, id],
            )?;
            if changed == 0 {
                return Err(AppError::not_found("That credential record"));
            }
            id
        }
        None => {
            tx.execute(
                "INSERT INTO credential (type_id, number, issued_on, expires_on, verified_on, staff_id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![form.type_id, number, issued, expires, verified, staff_id],
            )?;
            tx.last_insert_rowid()
        }
    };
    tx.commit()?;
    Ok(conn.query_row(
        &format!("SELECT {COLUMNS} FROM credential WHERE id = ?1"),
        [id],
        from_row,
    )?)
}

pub fn delete(conn: &Connection, staff_id: i64, id: i64) -> AppResult<()> {
    if conn.execute(
        "DELETE FROM credential WHERE id = ?1 AND staff_id = ?2",
        [id, staff_id],
    )? == 0
    {
        return Err(AppError::not_found("That credential record"));
    }
    Ok(())
}

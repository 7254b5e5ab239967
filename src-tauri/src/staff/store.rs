//! Reading and writing staff records.

use super::validate::{validate, ValidStaff};
use super::{Skill, Staff, StaffInput};
use crate::error::{AppError, AppResult};
use crate::input;
use rusqlite::{params, Connection, OptionalExtension, Row};

pub(super) const STAFF_COLUMNS: &str = "id, first_name, last_name, employee_no, role, job_code, employment_type,
    fte_hundredths, hourly_rate_cents, hire_date, seniority_date, termination_date, phone, email, notes,
    job_title, on_leave, leave_since";

pub(super) fn staff_from_row(row: &Row) -> rusqlite::Result<Staff> {
    Ok(Staff {
        id: row.get(0)?,
        first_name: row.get(1)?,
        last_name: row.get(2)?,
        employee_no: row.get(3)?,
        role: row.get(4)?,
        job_code: row.get(5)?,
        employment_type: row.get(6)?,
        fte_hundredths: row.get(7)?,
        hourly_rate_cents: row.get(8)?,
        hire_date: row.get(9)?,
        seniority_date: row.get(10)?,
        termination_date: row.get(11)?,
        skills: Vec::new(),
        phone: row.get(12)?,
        email: row.get(13)?,
        notes: row.get(14)?,
        job_title: row.get(15)?,
        on_leave: row.get(16)?,
        leave_since: row.get(17)?,
    })
}

pub fn get(conn: &Connection, id: i64) -> AppResult<Staff> {
    let mut staff = conn
        .query_row(
            &format!("SELECT {STAFF_COLUMNS} FROM staff WHERE id = ?1"),
            [id],
            staff_from_row,
        )
        .optional()?
        .ok_or_else(|| AppError::not_found("That staff member"))?;
    let mut stmt = conn.prepare_cached(
        "SELECT skill.id, skill.name FROM staff_skill JOIN skill ON skill.id = staff_skill.skill_id
         WHERE staff_skill.staff_id = ?1 ORDER BY skill.name",
    )?;
    staff.skills = stmt
        .query_map([id], |r| {
            Ok(Skill {
                id: r.get(0)?,
                name: r.get(1)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(staff)
}

pub fn create(conn: &mut Connection, form: &StaffInput) -> AppResult<Staff> {
    let valid = validate(form, None)?;
    let tx = conn.transaction()?;
    check_unique_employee_no(&tx, &valid.employee_no, None)?;
    check_skills_exist(&tx, &valid.skill_ids)?;
    let id = insert_row(&tx, &valid)?;
    set_skills(&tx, id, &valid.skill_ids)?;
    tx.commit()?;
    get(conn, id)
}

pub fn update(conn: &mut Connection, id: i64, form: &StaffInput) -> AppResult<Staff> {
    let current = get(conn, id)?;
    let valid: ValidStaff = validate(form, current.termination_date.as_deref())?;
    let tx = conn.transaction()?;
    check_unique_employee_no(&tx, &valid.employee_no, Some(id))?;
    check_skills_exist(&tx, &valid.skill_ids)?;
    update_row(&tx, id, &valid)?;
    set_skills(&tx, id, &valid.skill_ids)?;
    tx.commit()?;
    get(conn, id)
}

/// Writes a new person's record (not skills); the caller holds the transaction.
pub(super) fn insert_row(conn: &Connection, valid: &ValidStaff) -> AppResult<i64> {
    conn.execute(
        "INSERT INTO staff (first_name, last_name, employee_no, role, job_code, employment_type,
             fte_hundredths, hourly_rate_cents, hire_date, seniority_date, phone, email, notes,
             job_title, on_leave, leave_since)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
        params![
            valid.first_name,
            valid.last_name,
            valid.employee_no,
            valid.role,
            valid.job_code,
            valid.employment_type,
            valid.fte_hundredths,
            valid.hourly_rate_cents,
            input::format_date(valid.hire_date),
            valid.seniority_date.map(input::format_date),
            valid.phone,
            valid.email,
            valid.notes,
            valid.job_title,
            valid.on_leave,
            valid.leave_since.map(input::format_date),
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Rewrites a person's record (not skills); the caller holds the transaction.
pub(super) fn update_row(conn: &Connection, id: i64, valid: &ValidStaff) -> AppResult<()> {
    conn.execute(
        "UPDATE staff SET first_name = ?1, last_name = ?2, employee_no = ?3, role = ?4, job_code = ?5,
             employment_type = ?6, fte_hundredths = ?7, hourly_rate_cents = ?8, hire_date = ?9,
             seniority_date = ?10, phone = ?11, email = ?12, notes = ?13,
             job_title = ?15, on_leave = ?16, leave_since = ?17
         WHERE id = ?14",
        params![
            valid.first_name,
            valid.last_name,
            valid.employee_no,
            valid.role,
            valid.job_code,
            valid.employment_type,
            valid.fte_hundredths,
            valid.hourly_rate_cents,
            input::format_date(valid.hire_date),
            valid.seniority_date.map(input::format_date),
            valid.phone,
            valid.email,
            valid.notes,
            id,
            valid.job_title,
            valid.on_leave,
            valid.leave_since.map(input::format_date),
        ],
    )?;
    Ok(())
}

/// Ends employment on `last_day`; the record and its history stay.
fn check_unique_employee_no(
    conn: &Connection,
    employee_no: &str,
    except: Option<i64>,
) -> AppResult<()> {
    let holder: Option<(i64, String, String)> = conn
        .query_row(
            "SELECT id, first_name, last_name FROM staff WHERE employee_no = ?1 COLLATE NOCASE",
            [employee_no],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    match holder {
        Some((holder_id, first, last)) if Some(holder_id) != except => Err(AppError::field(
            "employee_no",
            format!("Employee number {employee_no} is already used by {last}, {first}."),
        )),
        _ => Ok(()),
    }
}

fn check_skills_exist(conn: &Connection, skill_ids: &[i64]) -> AppResult<()> {
    let mut stmt = conn.prepare_cached("SELECT 1 FROM skill WHERE id = ?1")?;
    for id in skill_ids {
        if !stmt.exists([id])? {
            return Err(AppError::field(
                "skill_ids",
                "One of the chosen skills no longer exists; reload and choose again.",
            ));
        }
    }
    Ok(())
}

/// Writes only the difference, so the change history shows the skills that
/// were actually added or removed rather than all of them on every save.
pub(super) fn set_skills(conn: &Connection, staff_id: i64, skill_ids: &[i64]) -> AppResult<()> {
    let keep = serde_json::to_string(skill_ids).expect("a list of ids serialises");
    conn.execute(
        "DELETE FROM staff_skill WHERE staff_id = ?1
         AND skill_id NOT IN (SELECT value FROM json_each(?2))",
        params![staff_id, keep],
    )?;
    let mut stmt = conn
        .prepare_cached("INSERT OR IGNORE INTO staff_skill (staff_id, skill_id) VALUES (?1, ?2)")?;
    for skill_id in skill_ids {
        stmt.execute([staff_id, *skill_id])?;
    }
    Ok(())
}

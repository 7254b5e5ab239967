//! Volume and staffing targets of a year: budgeted and actual patient days
//! per month, hours typed or imported in place of the schedule's, the target
//! HPPD and the budgeted FTEs per role.
//!
//! Typed hours override the schedule one measure at a time: a month with
//! typed worked hours uses them, and still takes its overtime from the
//! schedule unless overtime hours are typed too.

use super::{money, years, FiscalYear};
use crate::error::{AppResult, Validator};
use crate::staff::Role;
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Up to 1 000 000 hours a month: far beyond any department.
const MAX_HOURS: i64 = 1_000_000;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct VolumeMonth {
    pub month: i64,
    pub label: String,
    pub budgeted_patient_days: i64,
    pub actual_patient_days: Option<i64>,
    pub worked_minutes: Option<i64>,
    pub paid_minutes: Option<i64>,
    pub overtime_minutes: Option<i64>,
    pub agency_minutes: Option<i64>,
}

/// One month's volume row as typed; empty means none (hours: use the schedule).
#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct VolumeInput {
    pub month: i64,
    pub budgeted_patient_days: String,
    pub actual_patient_days: String,
    pub worked_hours: String,
    pub paid_hours: String,
    pub overtime_hours: String,
    pub agency_hours: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FteBudget {
    pub role: Role,
    pub fte_hundredths: i64,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct FteBudgetInput {
    pub role: Role,
    /// "22.4"
    pub fte: String,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct TargetsInput {
    /// "7.25"
    pub target_hppd: String,
    pub fte: Vec<FteBudgetInput>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Targets {
    pub year: FiscalYear,
    /// Twelve months.
    pub volumes: Vec<VolumeMonth>,
    pub fte: Vec<FteBudget>,
}

pub fn load(conn: &Connection, fiscal_year_id: i64) -> AppResult<Targets> {
    let (_, year) = years::get(conn, fiscal_year_id)?;
    let mut volumes: Vec<VolumeMonth> = year
        .months
        .iter()
        .map(|m| VolumeMonth {
            month: m.index,
            label: m.label.clone(),
            ..Default::default()
        })
        .collect();
    let mut stmt = conn.prepare_cached(
        "SELECT month, budgeted_patient_days, actual_patient_days, worked_minutes, paid_minutes,
             overtime_minutes, agency_minutes FROM budget_volume WHERE fiscal_year_id = ?1",
    )?;
    for row in stmt.query_map([fiscal_year_id], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get(1)?,
            r.get(2)?,
            r.get(3)?,
            r.get(4)?,
            r.get(5)?,
            r.get(6)?,
        ))
    })? {
        let (m, budgeted, actual, worked, paid, overtime, agency) = row?;
        if let Some(v) = volumes.get_mut(m as usize) {
            v.budgeted_patient_days = budgeted;
            v.actual_patient_days = actual;
            v.worked_minutes = worked;
            v.paid_minutes = paid;
            v.overtime_minutes = overtime;
            v.agency_minutes = agency;
        }
    }
    let mut stmt = conn.prepare_cached(
        "SELECT role, fte_hundredths FROM budget_fte WHERE fiscal_year_id = ?1 ORDER BY role",
    )?;
    let fte = stmt
        .query_map([fiscal_year_id], |r| {
            Ok(FteBudget {
                role: r.get(0)?,
                fte_hundredths: r.get(1)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(Targets { year, volumes, fte })
}

fn optional_hours(v: &mut Validator, field: &str, text: &str, what: &str) -> Option<i64> {
    if text.trim().is_empty() {
        return None;
    }
    v.take(field, money::hours_minutes(text, MAX_HOURS, what))
}

/// Saves the given months' volume rows (the others stay as they are).
pub fn save_volumes(
    conn: &mut Connection,
    fiscal_year_id: i64,
    rows: &[VolumeInput],
) -> AppResult<Targets> {
    years::get(conn, fiscal_year_id)?;
    let mut v = Validator::new();
    let mut valid = Vec::new();
    for row in rows {
        let f = |name: &str| format!("volumes.{}.{name}", row.month);
        if !(0..12).contains(&row.month) {
            v.fail(&f("month"), "Choose a month of the fiscal year.");
            continue;
        }
        let budgeted = v.take(
            &f("budgeted_patient_days"),
            money::optional_count(&row.budgeted_patient_days, 1_000_000, "patient days"),
        );
        let actual = v.take(
            &f("actual_patient_days"),
            money::optional_count(&row.actual_patient_days, 1_000_000, "patient days"),
        );
        valid.push((
            row.month,
            budgeted.flatten().unwrap_or(0),
            actual.flatten(),
            optional_hours(
                &mut v,
                &f("worked_hours"),
                &row.worked_hours,
                "worked hours",
            ),
            optional_hours(&mut v, &f("paid_hours"), &row.paid_hours, "paid hours"),
            optional_hours(
                &mut v,
                &f("overtime_hours"),
                &row.overtime_hours,
                "overtime hours",
            ),
            optional_hours(
                &mut v,
                &f("agency_hours"),
                &row.agency_hours,
                "agency hours",
            ),
        ));
    }
    v.finish()?;
    let tx = conn.transaction()?;
    for (month, budgeted, actual, worked, paid, overtime, agency) in valid {
        tx.execute(
            "INSERT OR REPLACE INTO budget_volume (fiscal_year_id, month, budgeted_patient_days,
                 actual_patient_days, worked_minutes, paid_minutes, overtime_minutes, agency_minutes)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![fiscal_year_id, month, budgeted, actual, worked, paid, overtime, agency],
        )?;
    }
    tx.commit()?;
    load(conn, fiscal_year_id)
}

/// Saves the target HPPD and the budgeted FTEs per role (the list replaces
/// the year's; a role left out has no budgeted FTE).
pub fn save_targets(
    conn: &mut Connection,
    fiscal_year_id: i64,
    form: &TargetsInput,
) -> AppResult<Targets> {
    years::get(conn, fiscal_year_id)?;
    let mut v = Validator::new();
    let hppd = v.take(
        "target_hppd",
        money::hundredths(&form.target_hppd, 5_000, "target HPPD"),
    );
    let mut fte = Vec::new();
    for (i, row) in form.fte.iter().enumerate() {
        if fte.iter().any(|f: &FteBudget| f.role == row.role) {
            v.fail(&format!("fte.{i}.role"), "This role is listed twice.");
        }
        if let Some(h) = v.take(
            &format!("fte.{i}.fte"),
            money::hundredths(&row.fte, 99_999, "budgeted FTE"),
        ) {
            fte.push(FteBudget {
                role: row.role,
                fte_hundredths: h,
            });
        }
    }
    v.finish()?;
    let tx = conn.transaction()?;
    tx.execute(
        "UPDATE fiscal_year SET target_hppd_hundredths = ?2 WHERE id = ?1",
        params![fiscal_year_id, hppd.unwrap_or(0)],
    )?;
    // Only what changed is written, so the change history shows the one role
    // whose FTE changed, not every role removed and added again.
    let before = load(&tx, fiscal_year_id)?.fte;
    for old in &before {
        if !fte.iter().any(|f| f.role == old.role) {
            tx.execute(
                "DELETE FROM budget_fte WHERE fiscal_year_id = ?1 AND role = ?2",
                params![fiscal_year_id, old.role],
            )?;
        }
    }
    for f in &fte {
        match before.iter().find(|old| old.role == f.role) {
            Some(old) if old.fte_hundredths == f.fte_hundredths => {}
            Some(_) => {
                tx.execute(
                    "UPDATE budget_fte SET fte_hundredths = ?3 WHERE fiscal_year_id = ?1 AND role = ?2",
                    params![fiscal_year_id, f.role, f.fte_hundredths],
                )?;
            }
            None => {
                tx.execute(
                    "INSERT INTO budget_fte (fiscal_year_id, role, fte_hundredths) VALUES (?1, ?2, ?3)",
                    params![fiscal_year_id, f.role, f.fte_hundredths],
                )?;
            }
        }
    }
    tx.commit()?;
    load(conn, fiscal_year_id)
}

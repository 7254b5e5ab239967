//! Coverage needs: per shift type × role (or skill) × weekday, a minimum and
//! a target. Saved as a whole list, the way the settings table edits them;
//! a line may also be suggested from an expected census and a nurse ratio.

use crate::error::{AppError, AppResult, FieldError};
use crate::input;
use crate::schedule::{CoverageNeed, Requirement, ShiftType};
use crate::staff::{Role, Skill};
use chrono::Weekday;
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The highest minimum or target a line may ask for.
pub const MAX_PER_SHIFT: i64 = 99;

/// One line of needs, Monday to Sunday.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CoverageLine {
    pub shift_type_id: i64,
    pub requirement: Requirement,
    /// Monday..Sunday.
    pub minimum: Vec<i64>,
    pub target: Vec<i64>,
}

impl CoverageLine {
    /// The line as the rules see it: one need per weekday.
    pub fn needs(&self) -> impl Iterator<Item = CoverageNeed> + '_ {
        (0..7).map(move |d| CoverageNeed {
            shift_type_id: self.shift_type_id,
            weekday: weekday(d),
            requirement: self.requirement,
            minimum: self.minimum[d].max(0) as u32,
            target: self.target[d].max(0) as u32,
        })
    }
}

/// Monday is 0.
pub fn weekday(index: usize) -> Weekday {
    [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ][index % 7]
}

pub fn list(conn: &Connection) -> AppResult<Vec<CoverageLine>> {
    let mut stmt = conn.prepare_cached(
        "SELECT l.id, l.shift_type_id, l.role, l.skill_id, d.weekday, d.minimum, d.target
         FROM coverage_line l JOIN coverage_day d ON d.line_id = l.id
         ORDER BY l.position, l.id, d.weekday",
    )?;
    let mut lines: Vec<(i64, CoverageLine)> = Vec::new();
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        if lines.last().map(|(l, _)| *l) != Some(id) {
            let role: Option<Role> = r.get(2)?;
            let skill: Option<i64> = r.get(3)?;
            let requirement = match (role, skill) {
                (Some(role), _) => Requirement::Role(role),
                (None, skill) => Requirement::Skill(skill.unwrap_or_default()),
            };
            lines.push((
                id,
                CoverageLine {
                    shift_type_id: r.get(1)?,
                    requirement,
                    minimum: vec![0; 7],
                    target: vec![0; 7],
                },
            ));
        }
        let day: usize = r.get::<_, i64>(4)?.clamp(0, 6) as usize;
        let line = &mut lines.last_mut().expect("pushed above").1;
        line.minimum[day] = r.get(5)?;
        line.target[day] = r.get(6)?;
    }
    Ok(lines.into_iter().map(|(_, l)| l).collect())
}

/// Every need, as the rules take them.
pub fn needs(conn: &Connection) -> AppResult<Vec<CoverageNeed>> {
    Ok(list(conn)?
        .iter()
        .flat_map(|l| l.needs().collect::<Vec<_>>())
        .collect())
}

/// Checks every line; fields are named `lines.<index>.<field>`.
pub fn validate(
    lines: &[CoverageLine],
    shift_types: &[ShiftType],
    skills: &[Skill],
) -> AppResult<()> {
    let mut errors = Vec::new();
    let mut fail = |i: usize, field: &str, message: String| {
        errors.push(FieldError {
            field: format!("lines.{i}.{field}"),
            message,
        })
    };
    for (i, line) in lines.iter().enumerate() {
        let Some(shift) = shift_types.iter().find(|s| s.id == line.shift_type_id) else {
            fail(
                i,
                "shift_type_id",
                "Choose a shift type; that one no longer exists.".into(),
            );
            continue;
        };
        let who = match line.requirement {
            Requirement::Role(role) => role.code().to_string(),
            Requirement::Skill(id) => match skills.iter().find(|s| s.id == id) {
                Some(skill) => skill.name.clone(),
                None => {
                    fail(
                        i,
                        "requirement",
                        "Choose a skill; that one no longer exists.".into(),
                    );
                    continue;
                }
            },
        };
        let label = format!("{} · {who}", shift.name);
        if lines[..i]
            .iter()
            .any(|l| l.shift_type_id == line.shift_type_id && l.requirement == line.requirement)
        {
            fail(
                i,
                "requirement",
                format!("{label} is already a line above; change that one."),
            );
        }
        if line.minimum.len() != 7 || line.target.len() != 7 {
            fail(
                i,
                "minimum",
                format!("{label}: give a number for each day, Monday to Sunday."),
            );
            continue;
        }
        for d in 0..7 {
            let (min, target) = (line.minimum[d], line.target[d]);
            if !(0..=MAX_PER_SHIFT).contains(&min) {
                fail(
                    i,
                    "minimum",
                    format!("{label}: the minimum must be between 0 and {MAX_PER_SHIFT}."),
                );
            } else if !(0..=MAX_PER_SHIFT).contains(&target) {
                fail(
                    i,
                    "target",
                    format!("{label}: the target must be between 0 and {MAX_PER_SHIFT}."),
                );
            } else if min > target {
                fail(
                    i,
                    "target",
                    format!(
                        "{label}: the minimum on {} ({min}) is more than the target ({target}).",
                        weekday(d)
                    ),
                );
            }
        }
    }
    // One message per field, as the Validator does.
    errors.dedup_by(|a, b| a.field == b.field);
    if errors.is_empty() {
        Ok(())
    } else {
        Err(AppError::from_fields(errors))
    }
}

/// Replaces every line, all or nothing.
pub fn save(conn: &mut Connection, lines: &[CoverageLine]) -> AppResult<Vec<CoverageLine>> {
    let shift_types = super::shift_types::list(conn)?;
    let skills = crate::skills::list(conn)?;
    validate(lines, &shift_types, &skills)?;
    let tx = conn.transaction()?;
    tx.execute("DELETE FROM coverage_line", [])?;
    for (position, line) in lines.iter().enumerate() {
        let (role, skill) = match line.requirement {
            Requirement::Role(r) => (Some(r), None),
            Requirement::Skill(s) => (None, Some(s)),
        };
        tx.execute(
            "INSERT INTO coverage_line (position, shift_type_id, role, skill_id) VALUES (?1, ?2, ?3, ?4)",
            params![position as i64, line.shift_type_id, role, skill],
        )?;
        let id = tx.last_insert_rowid();
        let mut day = tx.prepare_cached(
            "INSERT INTO coverage_day (line_id, weekday, minimum, target) VALUES (?1, ?2, ?3, ?4)",
        )?;
        for d in 0..7 {
            day.execute(params![id, d as i64, line.minimum[d], line.target[d]])?;
        }
    }
    tx.commit()?;
    list(conn)
}

/// A suggested RN line: enough nurses for `census` patients at
/// `patients_per_nurse` each, every day; the target is the minimum.
pub fn from_census(
    conn: &Connection,
    shift_type_id: i64,
    census: &str,
    patients_per_nurse: &str,
) -> AppResult<CoverageLine> {
    let mut v = crate::error::Validator::new();
    let census = v.take(
        "census",
        input::whole_number(census, 0, 999, "expected census"),
    );
    let ratio = v.take(
        "patients_per_nurse",
        input::whole_number(patients_per_nurse, 1, 10, "number of patients per nurse"),
    );
    v.finish()?;
    super::shift_types::get(conn, shift_type_id)?;
    let (census, ratio) = (census.unwrap_or_default(), ratio.unwrap_or(1));
    let nurses = (census + ratio - 1) / ratio;
    Ok(CoverageLine {
        shift_type_id,
        requirement: Requirement::Role(Role::Rn),
        minimum: vec![nurses; 7],
        target: vec![nurses; 7],
    })
}

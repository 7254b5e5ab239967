//! Setting and clearing grid cells. Every change is checked by the rules
//! first: a blocking rule refuses it with its reason and nothing is saved.
//! On a published period the cell is marked as changed after publishing.

use super::loaded_period::{self, Loaded};
use super::periods::PeriodStatus;
use super::shift_types;
use crate::error::{AppError, AppResult, RefusedCell};
use crate::input;
use crate::schedule::rules::{check_all, decide, refusal_text, Violation};
use crate::schedule::view::{self, ScheduleView};
use crate::schedule::{format, Assignment};
use chrono::NaiveDate;
use rusqlite::{params, Connection};
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AssignOutcome {
    pub view: ScheduleView,
    /// What the new assignment raises or is part of, though allowed.
    pub warnings: Vec<Violation>,
}

/// The cell a command names: a date inside the period and a person
/// employed on it.
pub(super) fn cell(loaded: &Loaded, staff_id: i64, date: &str) -> AppResult<NaiveDate> {
    let date = input::date(date).map_err(|m| AppError::field("date", m))?;
    let period = &loaded.period;
    if !period.contains(date) {
        return Err(AppError::field(
            "date",
            format!(
                "{} is outside this period ({} to {}).",
                format::day(date),
                format::day(period.start()),
                format::day(period.end())
            ),
        ));
    }
    let person = loaded
        .people
        .iter()
        .find(|p| p.id == staff_id)
        .ok_or_else(|| AppError::not_found("That staff member"))?;
    if !person.employed_on(date) {
        return Err(AppError::field(
            "staff_id",
            format!(
                "{} {} is not employed on {}.",
                person.first_name,
                person.last_name,
                format::day(date)
            ),
        ));
    }
    Ok(date)
}

/// Puts the shift with `shift_code` in a person's cell, replacing what was there.
pub fn set(
    conn: &mut Connection,
    period_id: i64,
    staff_id: i64,
    date: &str,
    shift_code: &str,
    today: NaiveDate,
    now: &str,
) -> AppResult<AssignOutcome> {
    let mut loaded = loaded_period::load(conn, period_id)?;
    let date = cell(&loaded, staff_id, date)?;
    let shift = shift_types::by_code(conn, shift_code)?;
    let published = loaded.period.status == PeriodStatus::Published;
    let proposed = Assignment {
        staff_id,
        date,
        shift_type_id: shift.id,
        published_change: published,
    };
    // The rules run once per edit: the same violations decide the edit
    // and fill the view it returns. `loaded` is dropped if it is refused.
    replace(&mut loaded, staff_id, date, Some(proposed.clone()));
    let violations = check_all(&loaded.ctx);
    let warnings = decide(&violations, &proposed).map_err(|refusal| {
        let cells = refusal
            .cells
            .iter()
            .map(|c| RefusedCell {
                staff_id: c.staff_id,
                date: input::format_date(c.date),
            })
            .collect();
        AppError::blocked(refusal_text(&loaded.ctx, &proposed, &refusal), cells)
    })?;
    let tx = conn.transaction()?;
    tx.execute(
        "INSERT OR REPLACE INTO assignment (staff_id, date, period_id, shift_type_id) VALUES (?1, ?2, ?3, ?4)",
        params![staff_id, input::format_date(date), period_id, shift.id],
    )?;
    if published {
        mark_changed(&tx, period_id, staff_id, date, now)?;
    }
    tx.commit()?;
    if published {
        loaded.changes.insert((staff_id, date));
    }
    Ok(AssignOutcome {
        view: view::build_checked(&loaded, today, violations),
        warnings,
    })
}

/// Empties a person's cell.
pub fn clear(
    conn: &mut Connection,
    period_id: i64,
    staff_id: i64,
    date: &str,
    today: NaiveDate,
    now: &str,
) -> AppResult<ScheduleView> {
    let mut loaded = loaded_period::load(conn, period_id)?;
    let date = cell(&loaded, staff_id, date)?;
    let tx = conn.transaction()?;
    let removed = tx.execute(
        "DELETE FROM assignment WHERE staff_id = ?1 AND date = ?2",
        params![staff_id, input::format_date(date)],
    )?;
    let published = loaded.period.status == PeriodStatus::Published;
    if published && removed > 0 {
        mark_changed(&tx, period_id, staff_id, date, now)?;
        loaded.changes.insert((staff_id, date));
    }
    tx.commit()?;
    replace(&mut loaded, staff_id, date, None);
    Ok(view::build(&loaded, today))
}

pub(crate) fn mark_changed(
    conn: &Connection,
    period_id: i64,
    staff_id: i64,
    date: NaiveDate,
    now: &str,
) -> AppResult<()> {
    conn.execute(
        "INSERT OR REPLACE INTO schedule_change (staff_id, date, period_id, changed_at) VALUES (?1, ?2, ?3, ?4)",
        params![staff_id, input::format_date(date), period_id, now],
    )?;
    Ok(())
}

/// Applies a saved change to the loaded context, so the view needs no reload.
pub(super) fn replace(
    loaded: &mut Loaded,
    staff_id: i64,
    date: NaiveDate,
    with: Option<Assignment>,
) {
    let assignments = &mut loaded.ctx.assignments;
    assignments.retain(|a| !(a.staff_id == staff_id && a.date == date));
    assignments.extend(with);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;
    use crate::schedule::rules::CHECKS;
    use crate::schedule::store::periods::SchedulePeriod;

    fn sample() -> (Connection, SchedulePeriod, NaiveDate) {
        let today = input::date("2026-11-27").unwrap();
        let (conn, draft) = crate::sample::tests_support::sample_with_draft(today);
        (conn, draft, today)
    }

    fn checks() -> usize {
        CHECKS.with(|c| c.get())
    }

    /// Each key press in the grid is one `set`: the rules run over the
    /// period once, and the view it returns is the period as stored.
    #[test]
    fn an_edit_checks_the_rules_once_and_returns_the_stored_period() {
        let (mut conn, draft, today) = sample();
        let loaded = loaded_period::load(&conn, draft.id).unwrap();
        let code = loaded.ctx.shift_types[0].code.clone();
        let person = loaded
            .people
            .iter()
            .find(|p| p.employed_on(draft.start()))
            .unwrap()
            .id;
        let mut allowed = 0;
        for date in draft.start().iter_days().take_while(|d| draft.contains(*d)) {
            let before = checks();
            let outcome = set(
                &mut conn,
                draft.id,
                person,
                &input::format_date(date),
                &code,
                today,
                "2026-11-27T10:00:00Z",
            );
            assert_eq!(
                checks() - before,
                1,
                "one rule check for the edit on {date}"
            );
            match outcome {
                Ok(outcome) => {
                    allowed += 1;
                    let stored = view::build(&loaded_period::load(&conn, draft.id).unwrap(), today);
                    assert_eq!(
                        outcome.view, stored,
                        "the view returned on {date} is the stored period's"
                    );
                }
                // A refusal (approved time off, say) is checked once too.
                Err(e) => assert_eq!(e.code, ErrorCode::Blocked, "{}", e.message),
            }
        }
        assert!(allowed > 0, "some edits are allowed");
    }

    /// A refused edit names the cells of the rule that refuses it, so the
    /// grid can highlight them; nothing is saved.
    #[test]
    fn a_refusal_keeps_its_cells() {
        let (mut conn, draft, today) = sample();
        let loaded = loaded_period::load(&conn, draft.id).unwrap();
        let code = loaded.ctx.shift_types[0].code.clone();
        let (staff_id, date) = loaded
            .ctx
            .time_off
            .iter()
            .filter(|t| t.status == crate::schedule::TimeOffStatus::Approved)
            .flat_map(|t| {
                t.from
                    .iter_days()
                    .take_while(move |d| *d <= t.to)
                    .map(move |d| (t.staff_id, d))
            })
            .find(|(id, d)| {
                draft.contains(*d)
                    && loaded
                        .people
                        .iter()
                        .any(|p| p.id == *id && p.employed_on(*d))
            })
            .expect("the sample's draft holds approved time off");
        let before = loaded.ctx.assignments.clone();
        let err = set(
            &mut conn,
            draft.id,
            staff_id,
            &input::format_date(date),
            &code,
            today,
            "2026-11-27T10:00:00Z",
        )
        .unwrap_err();
        assert_eq!(err.code, ErrorCode::Blocked, "{}", err.message);
        let cells = err.cells.expect("a refusal names its cells");
        assert!(
            cells.contains(&RefusedCell {
                staff_id,
                date: input::format_date(date)
            }),
            "the refused cell is among them: {cells:?}"
        );
        assert_eq!(
            loaded_period::load(&conn, draft.id)
                .unwrap()
                .ctx
                .assignments,
            before,
            "nothing was saved"
        );
        // Other errors carry no cells.
        let outside = set(
            &mut conn,
            draft.id,
            staff_id,
            "1999-01-01",
            &code,
            today,
            "x",
        )
        .unwrap_err();
        assert_eq!(outside.cells, None);
    }
}

//! Shift swaps: one person gives their shift on a day to another, who may
//! give one of theirs back. Before the manager decides, the swap is tried
//! on the period as it stands: what rules it breaks or mends, how each of
//! the two people's hours and overtime change, what the period then costs.
//! Approving moves the shifts in one transaction (refused, like a grid
//! edit, when a blocking rule would break); declining changes nothing.
//! Both are recorded, so the history shows who asked and what was decided.

use super::assignments::{cell, mark_changed};
use super::loaded_period::{self, Loaded};
use super::periods::PeriodStatus;
use crate::error::{AppError, AppResult, RefusedCell};
use crate::input;
use crate::schedule::cost::period_cost;
use crate::schedule::rules::{check_all, Severity, Violation};
use crate::schedule::view::{self, ScheduleView};
use crate::schedule::{format, Assignment};
use chrono::NaiveDate;
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A swap as asked: `staff_id`'s shift on `date` goes to `with_staff_id`;
/// with `with_date`, that person's shift on it comes back.
#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct SwapInput {
    pub period_id: i64,
    pub staff_id: i64,
    pub date: String,
    pub with_staff_id: Option<i64>,
    /// Empty or none: the shift is given away.
    pub with_date: Option<String>,
    pub note: String,
}

/// One of the two people, before and after the swap.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SwapPerson {
    pub staff_id: i64,
    pub name: String,
    pub worked_minutes_before: i64,
    pub worked_minutes_after: i64,
    pub overtime_minutes_before: i64,
    pub overtime_minutes_after: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SwapPreview {
    /// "Ana Ruiz's Night on Tue 12 Jan goes to Ben Ode."
    pub moves: Vec<String>,
    /// Rule problems the swap would add; a blocking one stops it.
    pub added: Vec<Violation>,
    /// Rule problems it would mend.
    pub mended: Vec<Violation>,
    pub people: Vec<SwapPerson>,
    pub cost_before_cents: i64,
    pub cost_after_cents: i64,
    /// Why it cannot be approved, when a blocking rule would break.
    pub blocked: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ShiftSwap {
    pub id: i64,
    pub staff_id: i64,
    pub name: String,
    pub date: String,
    pub shift_code: String,
    pub with_staff_id: i64,
    pub with_name: String,
    pub with_date: Option<String>,
    pub with_shift_code: Option<String>,
    pub approved: bool,
    pub note: String,
    pub decided_at: String,
}

/// The swap checked against the period: who, which days, which shifts.
struct Asked {
    giver: i64,
    date: NaiveDate,
    shift: Assignment,
    taker: i64,
    back: Option<Assignment>,
    note: String,
}

fn shift_of(loaded: &Loaded, staff_id: i64, date: NaiveDate) -> Option<Assignment> {
    loaded
        .ctx
        .assignments
        .iter()
        .find(|a| a.staff_id == staff_id && a.date == date)
        .cloned()
}

fn name(loaded: &Loaded, staff_id: i64) -> String {
    loaded
        .people
        .iter()
        .find(|p| p.id == staff_id)
        .map_or_else(|| "Someone".into(), |p| p.full_name())
}

fn code(loaded: &Loaded, a: &Assignment) -> String {
    loaded
        .ctx
        .shift_type(a.shift_type_id)
        .map_or_else(|| "shift".into(), |s| s.code.clone())
}

fn shift_name(loaded: &Loaded, a: &Assignment) -> String {
    loaded
        .ctx
        .shift_type(a.shift_type_id)
        .map_or_else(|| "shift".into(), |s| s.name.clone())
}

fn check(loaded: &Loaded, form: &SwapInput) -> AppResult<Asked> {
    let date = cell(loaded, form.staff_id, &form.date)?;
    let giver = name(loaded, form.staff_id);
    let Some(shift) = shift_of(loaded, form.staff_id, date) else {
        return Err(AppError::field(
            "date",
            format!("{giver} has no shift on {} to swap.", format::day(date)),
        ));
    };
    let Some(taker) = form.with_staff_id else {
        return Err(AppError::field(
            "with_staff_id",
            "Choose who takes the shift.",
        ));
    };
    if taker == form.staff_id {
        return Err(AppError::field(
            "with_staff_id",
            "Choose someone else: a swap is between two people.",
        ));
    }
    cell(loaded, taker, &form.date).map_err(|e| AppError::field("with_staff_id", e.message))?;
    let with_name = name(loaded, taker);
    let with_date = form
        .with_date
        .as_deref()
        .map(str::trim)
        .filter(|d| !d.is_empty());
    let back = match with_date {
        None => None,
        Some(d) => {
            let back_date =
                cell(loaded, taker, d).map_err(|e| AppError::field("with_date", e.message))?;
            cell(loaded, form.staff_id, d).map_err(|e| AppError::field("with_date", e.message))?;
            let Some(back) = shift_of(loaded, taker, back_date) else {
                return Err(AppError::field(
                    "with_date",
                    format!(
                        "{with_name} has no shift on {} to give back.",
                        format::day(back_date)
                    ),
                ));
            };
            Some(back)
        }
    };
    // Taking a shift on a day one already works would drop one's own.
    let back_day = back.as_ref().map(|b| b.date);
    if back_day != Some(date) {
        if let Some(own) = shift_of(loaded, taker, date) {
            return Err(AppError::field(
                "with_staff_id",
                format!(
                    "{with_name} already works {} on {}: swap that shift with it instead.",
                    shift_name(loaded, &own),
                    format::day(date)
                ),
            ));
        }
    }
    if let Some(b) = &back {
        if b.date != date {
            if let Some(own) = shift_of(loaded, form.staff_id, b.date) {
                return Err(AppError::field(
                    "with_date",
                    format!(
                        "{giver} already works {} on {}.",
                        shift_name(loaded, &own),
                        format::day(b.date)
                    ),
                ));
            }
        }
    }
    let note =
        input::multiline_text(&form.note, 500, "note").map_err(|m| AppError::field("note", m))?;
    Ok(Asked {
        giver: form.staff_id,
        date,
        shift,
        taker,
        back,
        note,
    })
}

/// The assignments after the swap (marked as changes after publishing on a
/// published period).
fn swapped(loaded: &Loaded, a: &Asked) -> (Vec<Assignment>, Vec<Assignment>) {
    let published = loaded.period.status == PeriodStatus::Published;
    let mut moved = vec![Assignment {
        staff_id: a.taker,
        published_change: published,
        ..a.shift.clone()
    }];
    if let Some(b) = &a.back {
        moved.push(Assignment {
            staff_id: a.giver,
            published_change: published,
            ..b.clone()
        });
    }
    let mut after: Vec<Assignment> = loaded
        .ctx
        .assignments
        .iter()
        .filter(|x| {
            let given = x.staff_id == a.giver && x.date == a.date;
            let back = a.back.as_ref();
            let returned = back.is_some_and(|b| x.staff_id == b.staff_id && x.date == b.date);
            !given && !returned
        })
        .cloned()
        .collect();
    after.extend(moved.iter().cloned());
    (after, moved)
}

fn same(a: &Violation, b: &Violation) -> bool {
    a.rule == b.rule && a.message == b.message
}

fn try_swap(loaded: &Loaded, a: &Asked) -> (SwapPreview, Loaded, Vec<Violation>) {
    let before = check_all(&loaded.ctx);
    let mut with = loaded.clone();
    let (after_assignments, _) = swapped(loaded, a);
    with.ctx.assignments = after_assignments;
    let after = check_all(&with.ctx);
    let added: Vec<Violation> = after
        .iter()
        .filter(|v| !before.iter().any(|b| same(b, v)))
        .cloned()
        .collect();
    let mended: Vec<Violation> = before
        .iter()
        .filter(|v| !after.iter().any(|b| same(b, v)))
        .cloned()
        .collect();
    let (cost_before, cost_after) = (period_cost(&loaded.ctx), period_cost(&with.ctx));
    let person = |id: i64| {
        let of = |c: &crate::schedule::cost::PeriodCost| {
            c.people
                .iter()
                .find(|p| p.staff_id == id)
                .map_or((0, 0), |p| (p.worked_minutes, p.overtime_minutes))
        };
        let (wb, ob) = of(&cost_before);
        let (wa, oa) = of(&cost_after);
        SwapPerson {
            staff_id: id,
            name: name(loaded, id),
            worked_minutes_before: wb,
            worked_minutes_after: wa,
            overtime_minutes_before: ob,
            overtime_minutes_after: oa,
        }
    };
    let giver = name(loaded, a.giver);
    let taker = name(loaded, a.taker);
    let mut moves = vec![format!(
        "{giver}'s {} on {} goes to {taker}.",
        shift_name(loaded, &a.shift),
        format::day(a.date)
    )];
    if let Some(b) = &a.back {
        moves.push(format!(
            "{taker}'s {} on {} goes to {giver}.",
            shift_name(loaded, b),
            format::day(b.date)
        ));
    }
    let blocked = added
        .iter()
        .find(|v| v.severity == Severity::Block)
        .map(|v| format!("The swap would break a rule: {}", v.message));
    let preview = SwapPreview {
        moves,
        added,
        mended,
        people: vec![person(a.giver), person(a.taker)],
        cost_before_cents: cost_before.total_cents,
        cost_after_cents: cost_after.total_cents,
        blocked,
    };
    (preview, with, after)
}

/// What the swap would do, for the manager to decide on.
pub fn preview(conn: &Connection, form: &SwapInput) -> AppResult<SwapPreview> {
    let loaded = loaded_period::load(conn, form.period_id)?;
    let asked = check(&loaded, form)?;
    Ok(try_swap(&loaded, &asked).0)
}

fn record(
    conn: &Connection,
    loaded: &Loaded,
    a: &Asked,
    approved: bool,
    now: &str,
) -> AppResult<()> {
    conn.execute(
        "INSERT INTO shift_swap (period_id, staff_id, date, shift_code, with_staff_id, with_date,
             with_shift_code, status, note, decided_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            loaded.period.id,
            a.giver,
            input::format_date(a.date),
            code(loaded, &a.shift),
            a.taker,
            a.back.as_ref().map(|b| input::format_date(b.date)),
            a.back.as_ref().map(|b| code(loaded, b)),
            if approved { "approved" } else { "declined" },
            a.note,
            now
        ],
    )?;
    Ok(())
}

/// Moves the shifts and records the approval; refused with the rule when
/// a blocking one would break.
pub fn approve(
    conn: &mut Connection,
    form: &SwapInput,
    today: NaiveDate,
    now: &str,
) -> AppResult<ScheduleView> {
    let loaded = loaded_period::load(conn, form.period_id)?;
    let asked = check(&loaded, form)?;
    let (preview, mut with, violations) = try_swap(&loaded, &asked);
    if let Some(reason) = preview.blocked {
        let cells = preview
            .added
            .iter()
            .filter(|v| v.severity == Severity::Block)
            .flat_map(|v| v.cells.iter())
            .map(|c| RefusedCell {
                staff_id: c.staff_id,
                date: input::format_date(c.date),
            })
            .collect();
        return Err(AppError::blocked(reason, cells));
    }
    let (_, moved) = swapped(&loaded, &asked);
    let published = loaded.period.status == PeriodStatus::Published;
    let tx = conn.transaction()?;
    let mut emptied = vec![(asked.giver, asked.date)];
    emptied.extend(asked.back.as_ref().map(|b| (b.staff_id, b.date)));
    for (staff_id, date) in &emptied {
        tx.execute(
            "DELETE FROM assignment WHERE staff_id = ?1 AND date = ?2",
            params![staff_id, input::format_date(*date)],
        )?;
    }
    for m in &moved {
        tx.execute(
            "INSERT OR REPLACE INTO assignment (staff_id, date, period_id, shift_type_id) VALUES (?1, ?2, ?3, ?4)",
            params![m.staff_id, input::format_date(m.date), loaded.period.id, m.shift_type_id],
        )?;
    }
    if published {
        for (staff_id, date) in emptied.iter().chain(
            moved
                .iter()
                .map(|m| (m.staff_id, m.date))
                .collect::<Vec<_>>()
                .iter(),
        ) {
            mark_changed(&tx, loaded.period.id, *staff_id, *date, now)?;
            with.changes.insert((*staff_id, *date));
        }
    }
    record(&tx, &loaded, &asked, true, now)?;
    tx.commit()?;
    Ok(view::build_checked(&with, today, violations))
}

/// Records that the manager declined the swap; the schedule is unchanged.
pub fn decline(conn: &Connection, form: &SwapInput, now: &str) -> AppResult<()> {
    let loaded = loaded_period::load(conn, form.period_id)?;
    let asked = check(&loaded, form)?;
    record(conn, &loaded, &asked, false, now)
}

/// The period's decided swaps, newest first.
pub fn for_period(conn: &Connection, period_id: i64) -> AppResult<Vec<ShiftSwap>> {
    let mut stmt = conn.prepare(
        "SELECT w.id, w.staff_id, a.first_name || ' ' || a.last_name, w.date, w.shift_code,
                w.with_staff_id, b.first_name || ' ' || b.last_name, w.with_date, w.with_shift_code,
                w.status = 'approved', w.note, w.decided_at
         FROM shift_swap w JOIN staff a ON a.id = w.staff_id JOIN staff b ON b.id = w.with_staff_id
         WHERE w.period_id = ?1 ORDER BY w.decided_at DESC, w.id DESC",
    )?;
    let list = stmt
        .query_map([period_id], |r| {
            Ok(ShiftSwap {
                id: r.get(0)?,
                staff_id: r.get(1)?,
                name: r.get(2)?,
                date: r.get(3)?,
                shift_code: r.get(4)?,
                with_staff_id: r.get(5)?,
                with_name: r.get(6)?,
                with_date: r.get(7)?,
                with_shift_code: r.get(8)?,
                approved: r.get(9)?,
                note: r.get(10)?,
                decided_at: r.get(11)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(list)
}

#[cfg(test)]
#[path = "swaps_tests.rs"]
mod tests;

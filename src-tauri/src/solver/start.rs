//! The schedule as it stands, as the search's first incumbent: the search
//! only ever reports, and a Stop only ever returns, something at least as
//! good (issue #21 item 2: a "best so far" worse than the start).
//!
//! The roster is first repaired for the hard rules: its given cells put in,
//! and for each person whose row still breaks a rule, the cell the broken
//! rule points at (else their last) taken off until none is broken.

use super::model::{Model, Roster};
use super::score::row_violations;

/// `roster` with every hard rule kept by taking cells off (never adding
/// any but the given ones); none if a person's row cannot be mended so
/// (a minimum that only more shifts would meet).
pub fn repaired(model: &Model, roster: &Roster) -> Option<Roster> {
    let shape = roster.cells.len() == model.staff.len()
        && roster.cells.iter().all(|row| {
            row.len() == model.days && row.iter().flatten().all(|&s| s < model.shifts.len())
        });
    if !shape {
        return None;
    }
    let mut r = roster.clone();
    for (s, person) in model.staff.iter().enumerate() {
        for &(day, shift) in &person.fixed {
            r.cells[s][day] = Some(shift);
        }
        let fixed = |day: usize| person.fixed.iter().any(|&(d, _)| d == day);
        loop {
            let broken = row_violations(model, &r, s);
            if broken.is_empty() {
                break;
            }
            let open = |day: usize| r.cells[s][day].is_some() && !fixed(day);
            let day = broken
                .iter()
                .filter_map(|v| v.day)
                .find(|&d| open(d))
                .or_else(|| (0..model.days).rev().find(|&d| open(d)))?;
            r.cells[s][day] = None;
        }
    }
    Some(r)
}

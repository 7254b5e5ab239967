//! Deciding one proposed assignment, as the grid does on each key press.

use super::{check_all, Cell, ScheduleContext, Severity, Violation};
use crate::schedule::Assignment;

/// Whether `proposed` may go into the schedule. A grid cell holds one
/// shift, so the proposal replaces whatever the person already has that
/// day. `Err` is the reason it is refused (approved time off, an expired
/// credential that blocks, double booking); `Ok` carries the warnings the
/// assignment would raise or still be part of (rest, hours, coverage…).
pub fn check_assignment(
    ctx: &ScheduleContext,
    proposed: &Assignment,
) -> Result<Vec<Violation>, Violation> {
    let mut with = ctx.clone();
    with.assignments
        .retain(|a| !(a.staff_id == proposed.staff_id && a.date == proposed.date));
    with.assignments.push(proposed.clone());
    let cell = Cell {
        staff_id: proposed.staff_id,
        date: proposed.date,
    };
    let (blocks, warnings): (Vec<_>, Vec<_>) = check_all(&with)
        .into_iter()
        .filter(|v| v.cells.contains(&cell))
        .partition(|v| v.severity == Severity::Block);
    match blocks.into_iter().next() {
        Some(reason) => Err(reason),
        None => Ok(warnings),
    }
}

//! With "keep existing", the weekend shifts kept for someone two weekends
//! or more over their share of the unit's weekends (see `weekends`) are
//! open to the Fill, each costing a kept shift's move (`MOVE_WEIGHT`) to
//! change, so that it can give some to those under their share (issue #21:
//! the draft's part-timers kept all six weekends while full-timers had
//! none, and the review could only say "move them by hand"). Locked cells
//! stay as they are.

use super::department::Mapped;
use super::weekends::{shares, FAR_WEEKENDS};
use crate::solver::Model;
use chrono::NaiveDate;
use std::collections::HashSet;

/// (staff id, date) of each kept weekend shift in the period of people
/// [`FAR_WEEKENDS`] or more over their share, when someone is at least a
/// weekend under theirs to take one.
pub fn released(mapped: &Mapped) -> HashSet<(i64, NaiveDate)> {
    let all = shares(mapped, &mapped.current);
    if !all.iter().any(|w| w.share - f64::from(w.weekends) >= 1.0) {
        return HashSet::new();
    }
    let mut out = HashSet::new();
    for w in &all {
        let off = f64::from(w.weekends) - w.share;
        // Over: their weekend shifts; under: their weekday shifts, so that
        // one whose hours are full with weekdays can trade one for a weekend.
        let over = off >= FAR_WEEKENDS;
        if !over && off > -FAR_WEEKENDS {
            continue;
        }
        for day in mapped.period().filter(|&d| Model::is_weekend(d) == over) {
            if mapped.current.cells[w.staff][day].is_some() {
                out.insert((mapped.staff_ids[w.staff], mapped.dates[day]));
            }
        }
    }
    out
}

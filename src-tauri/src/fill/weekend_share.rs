//! After the search: a weekend shift the Fill gave someone already at or
//! over their share of weekends goes to someone under theirs who may take
//! it under every rule (issue #21: a Sunday night added to a full-timer who
//! already worked all six weekends, a Saturday to a part-timer who worked
//! every one). The search counts weekends, not weekend shifts, so a second
//! shift on a weekend already worked cost it nothing; a manager sees one
//! more weekend shift on the person with the most. Kept shifts stay.

use super::department::Mapped;
use super::weekends::shares;
use crate::solver::score::row_violations;
use crate::solver::{Model, Roster};

/// `roster` with each weekend shift the Fill added (not in the schedule as
/// it stands, not fixed) to a person at or over their share handed to the
/// person furthest under theirs, with two weekends or more fewer, who is
/// free that day, counts for every need of the shift the giver counts for
/// and breaks no rule with it.
pub fn share_out(mapped: &Mapped, roster: &Roster) -> Roster {
    let mut roster = roster.clone();
    // Each trade moves a shift from someone at or over their share to
    // someone under theirs with fewer; bounded all the same.
    for _ in 0..mapped.model.staff.len() * mapped.period_days {
        if !trade_one(mapped, &mut roster) {
            break;
        }
    }
    roster
}

fn trade_one(mapped: &Mapped, roster: &mut Roster) -> bool {
    let model = &mapped.model;
    let all = shares(mapped, roster);
    let mut under: Vec<(f64, usize)> = all
        .iter()
        .filter(|w| f64::from(w.weekends) < w.share)
        .map(|w| (f64::from(w.weekends) - w.share, w.staff))
        .collect();
    under.sort_by(|a, b| a.0.total_cmp(&b.0));
    if under.is_empty() {
        return false;
    }
    for w in all.iter().filter(|w| f64::from(w.weekends) >= w.share) {
        let q = w.staff;
        let fixed = |d: usize| model.staff[q].fixed.iter().any(|&(f, _)| f == d);
        for day in mapped
            .period()
            .filter(|&d| Model::is_weekend(d) && !fixed(d))
        {
            let Some(shift) = roster.cells[q][day] else {
                continue;
            };
            if mapped.current.cells[q][day] == Some(shift) {
                continue;
            }
            for &(_, p) in &under {
                let theirs = all.iter().find(|o| o.staff == p).map_or(0, |o| o.weekends);
                // Only to someone with at least two weekends fewer: the
                // trade evens them out, never swaps who has more.
                if theirs + 2 > w.weekends
                    || roster.cells[p][day].is_some()
                    || model.staff[p].contract.max_per_shift[shift] == 0
                    || !counts_for_all(model, q, p, day, shift)
                {
                    continue;
                }
                roster.cells[q][day] = None;
                roster.cells[p][day] = Some(shift);
                if row_violations(model, roster, p).is_empty() {
                    return true;
                }
                roster.cells[p][day] = None;
                roster.cells[q][day] = Some(shift);
            }
        }
    }
    false
}

/// Whether `p` counts for every cover line of `shift` on `day` that `q`
/// counts for.
fn counts_for_all(model: &Model, q: usize, p: usize, day: usize, shift: usize) -> bool {
    model
        .cover
        .iter()
        .filter(|c| c.day == day && c.shift == shift && model.qualifies(q, c))
        .all(|c| model.qualifies(p, c))
}

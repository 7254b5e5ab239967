//! A proven lower bound on the soft cost of any roster that keeps every
//! hard rule (issue #23, item 2), so that a result can be stated against
//! the best possible: "within 1.4 % of the best possible" or "the best
//! possible for these rules".
//!
//! Two bounds, the better kept:
//! - the quick one ([`quick_bound`]) adds one floor for each part of the
//!   cost, each no roster can go below:
//!   - requests: on each person's day, the cheapest cell they may take
//!     (a day off included) leaves some requests unmet, whatever the rest
//!     of the row;
//!   - cover: each line is short by at least what the people who may work
//!     its shift that day cannot give; on a day whose lines ask for no
//!     skill, the lines together by at least what they ask beyond the
//!     people free that day; and over the horizon by at least what they
//!     ask beyond the most shifts everyone's contract allows;
//!   - targets: nothing.
//! - the Lagrangian one ([`super::lagrange`]) prices the cover lines so
//!   that each person's cheapest row can be found alone, and improves the
//!   prices for the time given: it sees the interplay of rows the quick
//!   one cannot (most of the Curtois instances' cost).
//!
//! Both hold for every roster, so the bound never exceeds a solution found
//! nor a proven optimum; a gap against it says how far a result could at
//! most be from the best.

use super::lagrange::lagrangian_bound;
use super::model::{Model, RequestKind};
use super::row::Rules;
use std::time::Duration;

/// A cost no roster keeping every hard rule can go below: the better of
/// [`quick_bound`] and the Lagrangian bound ([`super::lagrange`]) after a
/// second or [`STEPS`] steps.
pub fn lower_bound(model: &Model) -> u64 {
    lower_bound_within(model, Duration::from_secs(1), u64::MAX)
}

/// Steps of the Lagrangian bound at most (so that a short budget on a fast
/// machine gives the same bound every time).
pub const STEPS: u32 = 400;

/// As [`lower_bound`], improving the Lagrangian bound for up to `budget`
/// and aiming it at `upper`, a roster's cost if one is known (`u64::MAX`
/// if not); it stops early once the bound reaches it.
pub fn lower_bound_within(model: &Model, budget: Duration, upper: u64) -> u64 {
    let quick = quick_bound(model);
    if quick >= upper {
        return quick;
    }
    quick.max(lagrangian_within(model, budget, upper))
}

/// The Lagrangian bound ([`super::lagrange`]) alone, as in
/// [`lower_bound_within`]: to compare it with [`quick_bound`].
pub fn lagrangian_within(model: &Model, budget: Duration, upper: u64) -> u64 {
    lagrangian_bound(model, budget, STEPS, upper)
}

/// The floors below, each part of the cost on its own: fast, and weak
/// where the cost comes from the interplay of rows.
pub fn quick_bound(model: &Model) -> u64 {
    let rules = Rules::new(model);
    request_floor(model, &rules) + cover_floor(model, &rules)
}

/// How far `cost` can at most be above the best possible, in percent of
/// `cost` (0 when it is the best possible; 100 when the bound says
/// nothing).
pub fn gap_percent(bound: u64, cost: u64) -> f64 {
    if cost == 0 {
        0.0
    } else {
        cost.saturating_sub(bound) as f64 * 100.0 / cost as f64
    }
}

/// The requests each person's day leaves unmet whatever cell it holds.
fn request_floor(model: &Model, rules: &Rules) -> u64 {
    let mut by_cell: Vec<Vec<Vec<usize>>> = vec![vec![Vec::new(); model.days]; model.staff.len()];
    for (i, request) in model.requests.iter().enumerate() {
        by_cell[request.staff][request.day].push(i);
    }
    let mut floor = 0;
    for (staff, days) in by_cell.iter().enumerate() {
        for (day, requests) in days.iter().enumerate() {
            if requests.is_empty() {
                continue;
            }
            let unmet = |cell: Option<usize>| -> u64 {
                requests
                    .iter()
                    .map(|&i| &model.requests[i])
                    .filter(|r| match r.kind {
                        RequestKind::On => cell != Some(r.shift),
                        RequestKind::Off => cell == Some(r.shift),
                        RequestKind::Work => cell.is_none(),
                    })
                    .map(|r| u64::from(r.weight))
                    .sum()
            };
            floor += std::iter::once(None)
                .chain((0..model.shifts.len()).map(Some))
                .filter(|&cell| rules.allowed_cell(staff, day, cell))
                .map(unmet)
                .min()
                .unwrap_or(0);
        }
    }
    floor
}

/// The cover shortfall no roster avoids.
fn cover_floor(model: &Model, rules: &Rules) -> u64 {
    let people = model.staff.len();
    let able = |day: usize, shift: usize, cover: &super::model::Cover| {
        (0..people)
            .filter(|&s| model.qualifies(s, cover) && rules.allowed(s, day, shift))
            .count() as u64
    };
    // Lines asking for no skill, one per (day, shift): each person counts
    // for at most one of a day's and one per shift worked.
    let mut plain = vec![vec![0usize; model.shifts.len()]; model.days];
    for cover in model.cover.iter().filter(|c| c.skill.is_none()) {
        plain[cover.day][cover.shift] += 1;
    }
    let simple = plain.iter().flatten().all(|&n| n <= 1);
    let mut by_lines = 0;
    let mut by_days = 0;
    for day in 0..model.days {
        let lines: Vec<_> = model.cover.iter().filter(|c| c.day == day).collect();
        let each: u64 = lines
            .iter()
            .map(|c| {
                u64::from(c.requirement).saturating_sub(able(day, c.shift, c))
                    * u64::from(c.under_weight)
            })
            .sum();
        let mut together = 0;
        let unskilled: Vec<_> = lines.iter().filter(|c| c.skill.is_none()).collect();
        if simple && !unskilled.is_empty() {
            let free = (0..people)
                .filter(|&s| (0..model.shifts.len()).any(|t| rules.allowed(s, day, t)))
                .count() as u64;
            let asked: u64 = unskilled.iter().map(|c| u64::from(c.requirement)).sum();
            let cheapest = unskilled.iter().map(|c| c.under_weight).min().unwrap_or(0);
            together = asked.saturating_sub(free) * u64::from(cheapest);
        }
        by_lines += each;
        by_days += each.max(together);
    }
    let mut horizon = 0;
    if simple {
        let unskilled: Vec<_> = model.cover.iter().filter(|c| c.skill.is_none()).collect();
        let asked: u64 = unskilled.iter().map(|c| u64::from(c.requirement)).sum();
        let most: u64 = (0..people).map(|s| most_shifts(model, rules, s)).sum();
        let cheapest = unskilled.iter().map(|c| c.under_weight).min().unwrap_or(0);
        horizon = asked.saturating_sub(most) * u64::from(cheapest);
    }
    by_lines.max(by_days).max(horizon)
}

/// The most shifts `staff`'s contract allows: no more than its days open,
/// its most shifts, the sum of its types' maxima, nor its most minutes in
/// its shortest type.
fn most_shifts(model: &Model, rules: &Rules, staff: usize) -> u64 {
    let c = &model.staff[staff].contract;
    let types = 0..model.shifts.len();
    let open = (0..model.days)
        .filter(|&d| types.clone().any(|t| rules.allowed(staff, d, t)))
        .count() as u64;
    let capped: u64 = c.max_per_shift.iter().map(|&m| u64::from(m)).sum();
    let by_minutes = types
        .filter(|&t| c.max_per_shift[t] > 0)
        .map(|t| model.shifts[t].minutes)
        .min()
        .filter(|&m| m > 0)
        .map_or(u64::MAX, |m| u64::from(c.max_minutes / m));
    open.min(u64::from(c.max_shifts))
        .min(capped)
        .min(by_minutes)
}

#[cfg(test)]
mod tests {
    use super::{gap_percent, quick_bound as lower_bound};
    use crate::solver::curtois::parse;

    /// Two people, one early shift `E` of 480 minutes, three days.
    fn model(staff: &str, off: &str, on: &str, cover: &str) -> crate::solver::Model {
        parse(&format!(
            "SECTION_HORIZON\n3\nSECTION_SHIFTS\nE,480,\nL,480,\n\
             SECTION_STAFF\n{staff}\nSECTION_DAYS_OFF\n{off}\n\
             SECTION_SHIFT_ON_REQUESTS\n{on}\nSECTION_SHIFT_OFF_REQUESTS\n\
             SECTION_COVER\n{cover}\n"
        ))
        .expect("well formed")
    }

    const TWO: &str = "A,E=3|L=3,1440,0,3,1,1,1\nB,E=3|L=0,1440,0,3,1,1,1";

    #[test]
    fn a_request_on_a_day_off_or_a_barred_type_is_counted() {
        let free = model(TWO, "A", "A,0,E,2", "0,E,0,100,1");
        assert_eq!(
            lower_bound(&free),
            0,
            "a request that can be met costs nothing"
        );
        let off = model(TWO, "A,0", "A,0,E,2", "0,E,0,100,1");
        assert_eq!(lower_bound(&off), 2, "asked on a day off");
        let barred = model(TWO, "A", "B,1,L,3", "0,E,0,100,1");
        assert_eq!(lower_bound(&barred), 3, "B may not work L");
        let both = model(TWO, "A", "A,2,E,2\nA,2,L,1", "0,E,0,100,1");
        assert_eq!(
            lower_bound(&both),
            1,
            "two shifts asked on one day: the lighter unmet"
        );
    }

    #[test]
    fn cover_beyond_the_people_free_is_counted() {
        let enough = model(TWO, "A", "", "0,E,2,100,1");
        assert_eq!(lower_bound(&enough), 0, "both may work E on day 0");
        let one_short = model(TWO, "A", "", "0,E,3,100,1");
        assert_eq!(lower_bound(&one_short), 100, "three asked, two people");
        let only_a = model(TWO, "A", "", "0,L,2,50,1");
        assert_eq!(lower_bound(&only_a), 50, "only A may work L");
        // Each line alone can be met, both together on one day cannot.
        let day = model(TWO, "A", "", "1,E,2,100,1\n1,L,1,40,1");
        assert_eq!(lower_bound(&day), 40, "three asked on day 1, two people");
        // Each day alone can be met; one shift each over three days cannot.
        let one = "A,E=3|L=3,1440,0,3,1,1,1\nB,E=1|L=0,480,0,3,1,1,1";
        let horizon = model(one, "A", "", "0,E,2,100,1\n1,E,2,100,1\n2,E,2,70,1");
        assert_eq!(
            lower_bound(&horizon),
            140,
            "six asked, A works three and B one: two short at 70"
        );
    }

    #[test]
    fn the_gap_is_zero_at_the_bound_and_whole_without_one() {
        assert_eq!(gap_percent(40, 40), 0.0);
        assert_eq!(gap_percent(0, 0), 0.0);
        assert_eq!(gap_percent(0, 50), 100.0);
        assert!((gap_percent(986, 1000) - 1.4).abs() < 1e-9);
    }
}

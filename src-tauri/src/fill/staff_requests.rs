//! Staff requests (see `requests`) in the Fill's model: each becomes a
//! model request weighted by its priority, a day off asked as a must
//! becomes a fixed day off, and a per diem person who offered days in the
//! period may work only those.
//!
//! Weights, per unit of the Fill dialog's "requests" weight: a strong
//! request counts as much as a pending time-off request (30, so the weight
//! keeps the meaning it had), a nice-to-have one a third of that. A shift
//! asked as a must does not scale with the dialog: it outweighs two people
//! short of a minimum, so the Fill gives it unless a rule forbids it.

use super::department::{FillOptions, Mapped};
use super::weights::MINIMUM_WEIGHT;
use crate::requests::{RequestKind, RequestPriority, StaffRequest};
use crate::schedule::store::loaded_period::Loaded;
use crate::solver::model::{Request, RequestKind as ModelKind};
use crate::staff::EmploymentType;

pub const STRONG_PER_UNIT: u32 = 30;
pub const NICE_PER_UNIT: u32 = 10;
pub const MUST_WEIGHT: u32 = 2 * MINIMUM_WEIGHT;

/// What leaving a request unmet costs the Fill.
pub fn weight(priority: RequestPriority, options: &FillOptions) -> u32 {
    match priority {
        RequestPriority::Must => MUST_WEIGHT,
        RequestPriority::Strong => STRONG_PER_UNIT * options.requests,
        RequestPriority::Nice => NICE_PER_UNIT * options.requests,
    }
}

/// A request's model staff index and period day, when it falls in the
/// period for someone in the model.
pub fn place(mapped: &Mapped, r: &StaffRequest) -> Option<(usize, usize)> {
    let staff = mapped.staff_ids.iter().position(|&id| id == r.staff_id)?;
    let day = mapped.day_of(r.day()?)?;
    mapped.period().contains(&day).then_some((staff, day))
}

/// The model shift a request names, if any.
pub fn shift(mapped: &Mapped, r: &StaffRequest) -> Option<usize> {
    r.shift_type_id.and_then(|id| mapped.shift_of(id))
}

pub fn apply(loaded: &Loaded, mapped: &mut Mapped, options: &FillOptions) {
    availability(loaded, mapped);
    for r in &loaded.requests {
        let Some((s, day)) = place(mapped, r) else {
            continue;
        };
        let shift = shift(mapped, r);
        let locked = options.keep_locked
            && r.day()
                .is_some_and(|d| loaded.locked.contains(&(r.staff_id, d)));
        let shifts = mapped.model.shifts.len();
        let person = &mut mapped.model.staff[s];
        let mut push = |kind, shift, weight| {
            if weight > 0 {
                mapped.model.requests.push(Request {
                    staff: s,
                    day,
                    shift,
                    kind,
                    weight,
                });
            }
        };
        match (r.kind, r.priority) {
            (RequestKind::Off, RequestPriority::Must) => {
                // Fixed like approved time off; a kept shift goes, only a
                // cell the manager locked stays (and is reported unmet).
                if locked && person.fixed.iter().any(|&(d, _)| d == day) {
                    continue;
                }
                person.fixed.retain(|&(d, _)| d != day);
                if !person.days_off.contains(&day) {
                    person.days_off.push(day);
                }
            }
            (RequestKind::Off, priority) => {
                let w = weight(priority, options);
                for k in 0..shifts {
                    if person.contract.max_per_shift[k] > 0 {
                        push(ModelKind::Off, k, w);
                    }
                }
            }
            (RequestKind::Work, priority) => match shift {
                Some(k) => push(ModelKind::On, k, weight(priority, options)),
                None => push(ModelKind::Work, 0, weight(priority, options)),
            },
        }
    }
}

/// A per diem person who offered any day of the period (asked to work it)
/// is off every other day, and on a day they offered one shift for, off
/// the other shifts. Cells already fixed (locked) stay.
fn availability(loaded: &Loaded, mapped: &mut Mapped) {
    for (s, facts) in loaded.ctx.staff.iter().enumerate() {
        if facts.employment_type != EmploymentType::PerDiem {
            continue;
        }
        let offers: Vec<(usize, Option<usize>)> = loaded
            .requests
            .iter()
            .filter(|r| r.staff_id == facts.id && r.kind == RequestKind::Work)
            .filter_map(|r| place(mapped, r).map(|(_, day)| (day, shift(mapped, r))))
            .collect();
        if offers.is_empty() {
            continue;
        }
        let shifts = mapped.model.shifts.len();
        let period = mapped.period();
        let person = &mut mapped.model.staff[s];
        for day in period {
            if person.fixed.iter().any(|&(d, _)| d == day) {
                continue;
            }
            match offers.iter().find(|&&(d, _)| d == day) {
                None => {
                    if !person.days_off.contains(&day) {
                        person.days_off.push(day);
                    }
                }
                Some(&(_, Some(k))) => person
                    .unavailable
                    .extend((0..shifts).filter(|&o| o != k).map(|o| (day, o))),
                Some(&(_, None)) => {}
            }
        }
    }
}

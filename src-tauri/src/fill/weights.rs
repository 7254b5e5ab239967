//! What each part of a fill's cost weighs: the cover lines, a person's
//! hours against their target, per diem and agency hours, weekends, a
//! lapsed warning-only credential, and a kept shift moved. The numbers are
//! set against each other (each doc says which it must stay above or
//! below); the model's cost adds them up.

use super::department::FillOptions;

/// Per person short of a day's minimum: this dominates everything else.
pub const MINIMUM_WEIGHT: u32 = 1000;
/// Per person short of the target above the minimum.
pub const TARGET_WEIGHT: u32 = 100;
/// Per person beyond the target.
pub const OVER_WEIGHT: u32 = 10;
/// Each kept shift (per diem and agency, which keep-existing leaves open)
/// the Fill moves or takes off costs this much: more than the small
/// savings a different but equally good roster brings (60 is the pay of a
/// $2,000 shift at Cost 3, five hours of a person short of their target),
/// less than a person short of a day's target (100) or of their hours by
/// a shift (at least 144), so a change still happens for those.
pub const MOVE_WEIGHT: u32 = 60;

/// Without "keep existing", each shift of the schedule as it stands that
/// the Fill changes or takes off costs this: less than anything that
/// matters (a lapsed credential's tie-break, 10; an hour short of a
/// target, 12), more than nothing, so that of rosters otherwise as good
/// the rebuild keeps the one the manager has.
pub const REBUILD_MOVE_WEIGHT: u32 = 2;

/// Each hour a person with an FTE works short of their target costs this
/// many times the fairness weight, and each of their first
/// [`OVER_NEAR_MINUTES`] beyond it this many (below a per diem hour): with
/// the default weight (3) an hour short (12) costs more than an hour of a
/// per diem nurse (4), which costs more than one of an extra shift beyond
/// a target (3), so per diem staff come after a part-timer's extra shift.
/// A 12-hour shift short of target (at least 144) is worth more than a
/// person short of a day's target (100).
pub const UNDER_PER_HOUR: u32 = 4;
pub const OVER_PER_HOUR: u32 = 1;
/// The extra shift or so a manager accepts of someone with an FTE: hours
/// beyond their target past this cost more than a per diem hour and no
/// more than an agency hour (see [`hourly_weights`]).
pub const OVER_NEAR_MINUTES: u32 = 12 * 60;
/// Weekends are shared in proportion to FTE: a person's `k` weekends cost
/// this times the fairness weight times `k² / FTE` (see
/// [`Target::weekend_weight`](crate::solver::Target::weekend_weight)). At
/// the default fairness (3) a full-timer's eighth weekend costs 90 more
/// than their seventh, against 6 for someone's first: trading it for a
/// weekday shift of a colleague with none saves 84, more than the pay
/// differences between two nurses and less than a person short of a day's
/// target (100), so weekends never leave a shift short.
pub const WEEKEND_PER_FAIRNESS: u32 = 2;

/// Per diem hours cost this plus the fairness weight, at most the maximum
/// (6 an hour, 72 a 12-hour shift, below a person short of a day's
/// target): they fill what people with an FTE cannot.
pub const PER_DIEM_PER_HOUR: u32 = 1;
pub const PER_DIEM_PER_HOUR_MAX: u32 = 6;

/// The hourly weights of the order a manager calls people in, at a
/// fairness weight: `(over target near, per diem, over target far,
/// agency)`. Someone's first shift or so beyond their FTE comes before a
/// per diem nurse, more of it after; an agency hour weighs as much as one
/// far over a target, and its pay (weighted by Cost, as everyone's is;
/// agency rates run well above staff's) puts it last. An agency 12-hour
/// shift with its pay stays below a person short of a day's target, so
/// agency still fills what nobody else can.
pub fn hourly_weights(fairness: u32) -> (u32, u32, u32, u32) {
    let per_diem = (PER_DIEM_PER_HOUR + fairness).min(PER_DIEM_PER_HOUR_MAX);
    let near = (OVER_PER_HOUR * fairness).min(per_diem - 1);
    (near, per_diem, per_diem + 1, per_diem + 1)
}

/// A person beyond a shift's target costs more than any shift brings a
/// person short of their hours (see [`Target`](crate::solver::Target); at
/// most about 44 hours' worth at a 240-hour shortfall): the fill does not
/// staff a shift past its target to make up someone's hours.
pub(super) fn over_weight(options: &FillOptions) -> u32 {
    OVER_WEIGHT + UNDER_PER_HOUR * options.fairness * 60
}

/// A shift on a day a person's Warn credential has lapsed (ACLS expired,
/// warning only) costs this. A warning never keeps a person off the
/// schedule nor short of their hours (issue #21: the department lets them
/// work; an employee left unscheduled loses pay, and agency costs far
/// more): it only breaks ties. It outweighs the pay difference between two
/// staff nurses on one shift (6 for $10 an hour over 12 hours at Cost 3),
/// so between people otherwise equal the one whose credentials are in
/// order comes first, and stays below everything that matters more: an
/// hour short of a target (12 at the default fairness), a per diem
/// nurse's shift (48), an agency shift and a target line (100). The
/// review names everyone scheduled with one lapsed, for the manager to
/// chase the renewal.
pub const WARN_LAPSED_PER_SHIFT: u32 = 10;

/// With "keep existing", taking a booked agency nurse off a shift costs
/// this: more than a target line left short (100) plus any kept shift's
/// move, so a booked agency shift is never cancelled just to leave the
/// shift under target, and less than what a person short of their hours
/// brings by taking it over (an agency shift's own cost, at least 101,
/// plus 144 for 12 hours short), so it still goes to staff who need the
/// hours.
pub const AGENCY_BOOKING_MOVE_WEIGHT: u32 = TARGET_WEIGHT + MOVE_WEIGHT;

/// An agency shift costs this on top of its hours and pay: more than a
/// target line (100), so agency staff at agency rates staff only the
/// minimum (where a person short weighs 1,000), never the target above it.
pub const AGENCY_PER_SHIFT: u32 = TARGET_WEIGHT + 1;

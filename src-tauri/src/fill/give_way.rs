//! With "keep existing", a shift on which a nurse whose warning-only
//! credential has lapsed (ACLS expired, or none on file) is booked beside
//! a compliant agency nurse: the lapsed nurse gives way. The agency nurse's
//! booking is kept as it stands, and the lapsed nurse's is open to the Fill
//! (costing what any kept shift costs to move, and what a lapsed shift
//! costs to keep), so that a Fill never takes a compliant nurse off a shift
//! while keeping one without a valid credential on it.

use crate::credentials::ExpiredAction;
use crate::schedule::{Assignment, ScheduleContext, StaffFacts};
use crate::staff::EmploymentType;
use chrono::NaiveDate;

/// Whether a credential of the person that only warns has lapsed by `date`.
pub fn lapsed(facts: &StaffFacts, date: NaiveDate) -> bool {
    facts
        .credentials
        .iter()
        .any(|c| c.when_expired == ExpiredAction::Warn && c.lapsed_on(date))
}

/// Whether `a` is a booked shift of an agency nurse with no lapsed
/// credential.
fn compliant_agency(ctx: &ScheduleContext, a: &Assignment) -> bool {
    ctx.staff.iter().any(|f| {
        f.id == a.staff_id
            && f.employment_type == EmploymentType::Agency
            && !lapsed(f, a.date)
            && !super::limits::blocked(ctx, f, a.date)
    })
}

/// Whether `a` is a booked shift of a nurse (not agency) whose warning-only
/// credential has lapsed by its day.
fn lapsed_staff(ctx: &ScheduleContext, a: &Assignment) -> bool {
    ctx.staff.iter().any(|f| {
        f.id == a.staff_id && f.employment_type != EmploymentType::Agency && lapsed(f, a.date)
    })
}

/// The other bookings on the same shift as `a`.
fn beside<'a>(ctx: &'a ScheduleContext, a: &'a Assignment) -> impl Iterator<Item = &'a Assignment> {
    ctx.assignments.iter().filter(move |b| {
        b.staff_id != a.staff_id && b.date == a.date && b.shift_type_id == a.shift_type_id
    })
}

/// Whether `a`, a lapsed nurse's booking, gives way: a compliant agency
/// nurse is booked on the same shift.
pub fn gives_way(ctx: &ScheduleContext, a: &Assignment) -> bool {
    lapsed_staff(ctx, a) && beside(ctx, a).any(|b| compliant_agency(ctx, b))
}

/// Whether `a`, a compliant agency nurse's booking, is kept as it stands:
/// a lapsed nurse is booked on the same shift (and gives way first).
pub fn kept_over_lapsed(ctx: &ScheduleContext, a: &Assignment) -> bool {
    compliant_agency(ctx, a) && beside(ctx, a).any(|b| lapsed_staff(ctx, b))
}

//! A person's hours in a period against their target: the one figure the
//! grid's hours column, the Fill's review, the Fill itself and the
//! benchmark all read, so that they never disagree. Hours are paid hours:
//! shifts worked plus paid time off (a day of it on a weekday with no
//! shift), as pay, the reports and the FTE count them.

use super::cost::paid_time_off;
use super::{time, Assignment, ScheduleContext, StaffFacts};
use crate::staff::EmploymentType;
use crate::units::Fte;
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use ts_rs::TS;

/// One person's paid hours in the period and the hours their FTE asks for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, TS)]
pub struct PeriodHours {
    pub worked_minutes: i64,
    pub paid_time_off_minutes: i64,
    /// Their FTE's share of the period; none for per diem and agency
    /// staff and for someone no coverage need asks for (see
    /// [`target_minutes`]).
    pub target_minutes: Option<i64>,
}

impl PeriodHours {
    /// Worked plus paid time off: the hours shown against the target.
    pub fn paid_minutes(&self) -> i64 {
        self.worked_minutes + self.paid_time_off_minutes
    }
}

/// Whether a person is paid by the hours they work rather than an FTE.
pub fn hourly(kind: EmploymentType, fte_hundredths: i64) -> bool {
    matches!(kind, EmploymentType::PerDiem | EmploymentType::Agency) || fte_hundredths <= 0
}

/// Whether some coverage need asks for someone like the person on some
/// shift type.
pub fn counted_by_coverage(ctx: &ScheduleContext, facts: &StaffFacts) -> bool {
    ctx.coverage
        .iter()
        .any(|n| n.target.max(n.minimum) > 0 && facts.meets(n.requirement))
}

/// A person's target minutes for the period, their FTE's share of the days
/// they are at work in it (80 h per 14 days at 1.0; someone hired, leaving
/// or going on leave within the period owes only their days); none for per
/// diem and agency staff, who have
/// no FTE to keep to, and none for someone no coverage need asks for (a
/// manager, a role the department schedules by hand): the Fill gives them
/// no shift, so neither it nor the grid holds them to hours.
pub fn target_minutes(ctx: &ScheduleContext, facts: &StaffFacts) -> Option<i64> {
    if hourly(facts.employment_type, facts.fte_hundredths) || !counted_by_coverage(ctx, facts) {
        return None;
    }
    let days = ctx.days().filter(|d| facts.at_work_on(*d)).count() as i64;
    Some(Fte(facts.fte_hundredths).period_target_minutes(days))
}

/// Why a person's hours have no target, in the words every place that
/// shows their hours uses ("180 h · no LPN coverage set"): paid by the
/// hour (per diem, agency, or no FTE), or no coverage need asks for
/// someone like them. None when they have a target.
pub fn no_target(ctx: &ScheduleContext, facts: &StaffFacts) -> Option<String> {
    if facts.employment_type == EmploymentType::Agency {
        Some("agency, paid by the hour".to_string())
    } else if hourly(facts.employment_type, facts.fte_hundredths) {
        Some("per diem, paid by the hour".to_string())
    } else if !counted_by_coverage(ctx, facts) {
        Some(format!("no {} coverage set", facts.role.code()))
    } else {
        None
    }
}

/// Everyone's hours in the period with `assignments` in place (the
/// period's own, or a Fill's proposal), by staff id.
pub fn period_hours(
    ctx: &ScheduleContext,
    assignments: &[Assignment],
) -> HashMap<i64, PeriodHours> {
    let worked_days: HashSet<(i64, chrono::NaiveDate)> =
        assignments.iter().map(|a| (a.staff_id, a.date)).collect();
    let mut worked: HashMap<i64, i64> = HashMap::new();
    for a in assignments.iter().filter(|a| ctx.in_period(a.date)) {
        if let Some(t) = ctx.shift_type(a.shift_type_id) {
            *worked.entry(a.staff_id).or_default() +=
                time::paid_minutes(&time::span(ctx.tz, a.date, t), t);
        }
    }
    ctx.staff
        .iter()
        .map(|facts| {
            let hours = PeriodHours {
                worked_minutes: worked.get(&facts.id).copied().unwrap_or(0),
                paid_time_off_minutes: paid_time_off(ctx, facts.id, &worked_days),
                target_minutes: target_minutes(ctx, facts),
            };
            (facts.id, hours)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::testing::*;
    use crate::schedule::{CoverageNeed, Requirement};
    use chrono::Weekday;

    /// The 4-week test period (6 Dec – 2 Jan) with a need for RNs, so an
    /// RN has a target: 1.0 FTE owes 160 h over its 28 days.
    fn unit() -> ScheduleContext {
        let mut c = ctx();
        c.coverage.push(CoverageNeed {
            shift_type_id: DAY,
            weekday: Weekday::Mon,
            requirement: Requirement::Role(crate::staff::Role::Rn),
            minimum: 1,
            target: 1,
        });
        c
    }

    fn target_h(c: &ScheduleContext, id: i64) -> Option<i64> {
        target_minutes(c, c.staff(id).unwrap()).map(|m| m / 60)
    }

    #[test]
    fn hours_without_a_target_say_why_in_plain_words() {
        let mut c = unit();
        let bo = c.staff(BO).unwrap().clone();
        assert_eq!(target_h(&c, BO), None, "no need asks for a CNA");
        assert_eq!(
            no_target(&c, &bo).as_deref(),
            Some("no CNA coverage set"),
            "a full-time CNA's hours are not a bug: nobody set CNA coverage"
        );
        assert_eq!(
            no_target(&c, c.staff(MARIA).unwrap()),
            None,
            "Maria has a target"
        );
        c.staff[0].employment_type = EmploymentType::PerDiem;
        assert_eq!(
            no_target(&c, c.staff(MARIA).unwrap()).as_deref(),
            Some("per diem, paid by the hour")
        );
        c.staff[0].employment_type = EmploymentType::Agency;
        assert_eq!(
            no_target(&c, c.staff(MARIA).unwrap()).as_deref(),
            Some("agency, paid by the hour"),
            "agency staff have no FTE, whatever the record holds"
        );
    }

    #[test]
    fn the_target_counts_only_the_days_a_person_is_at_work_in_the_period() {
        let mut c = unit();
        assert_eq!(target_h(&c, MARIA), Some(160), "the whole period");
        // Hired on the 15th day: 14 days of 28 owe half.
        c.staff[0].hire_date = Some("2026-12-20".into());
        assert_eq!(target_h(&c, MARIA), Some(80));
        // Hired before the period: the whole of it.
        c.staff[0].hire_date = Some("2026-01-05".into());
        assert_eq!(target_h(&c, MARIA), Some(160));
        // Leaving: the termination date is the last day worked, so it counts.
        c.staff[0].termination_date = Some("2026-12-12".into());
        assert_eq!(target_h(&c, MARIA), Some(40), "7 days: 6 to 12 Dec");
        c.staff[0].termination_date = None;
        // On leave from the 27th: 21 days.
        c.staff[0].on_leave = true;
        c.staff[0].leave_since = Some("2026-12-27".into());
        assert_eq!(target_h(&c, MARIA), Some(120));
        // Hired after the period: nothing owed in it.
        c.staff[0].on_leave = false;
        c.staff[0].hire_date = Some("2027-02-01".into());
        assert_eq!(target_h(&c, MARIA), Some(0));
    }
}

//! A leave of absence blocks assignment from its first day: the person is
//! away for weeks, so a shift on those days is a mistake, whether typed on
//! the grid or left over from before the leave was recorded. The Fill and
//! call-ins already pass them over; this makes the grid and the violations
//! say so too. Ending the leave in the staff record lifts it.

use super::{RuleCode, Timeline, Violation};
use crate::schedule::format;

pub fn check(tl: &Timeline) -> Vec<Violation> {
    let mut out = Vec::new();
    for person in &tl.people {
        let Some(facts) = person.facts else {
            continue;
        };
        for w in person.shifts.iter().filter(|w| w.in_period) {
            if !facts.on_leave_on(w.date()) {
                continue;
            }
            let since = facts
                .leave_since
                .as_deref()
                .and_then(|d| crate::input::date(d).ok());
            // Without a first day the leave covers every day, so the advice
            // is to date it rather than to end it.
            let (what, advice) = match since {
                Some(d) => (
                    format!("is on a leave of absence since {}", format::day(d)),
                    "End the leave in their staff record if they are back.",
                ),
                None => (
                    "is marked on a leave of absence with no first day".to_string(),
                    "If the leave began later, enter its first day in their staff record.",
                ),
            };
            out.push(Violation::block(
                RuleCode::Leave,
                format!(
                    "{} {what}, so cannot work {} on {}. {advice}",
                    person.name,
                    w.shift.name,
                    format::day(w.date())
                ),
                vec![w.cell()],
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::testing::*;
    use crate::schedule::Severity;

    fn on_leave(since: Option<&str>) -> crate::schedule::ScheduleContext {
        let mut c = with(
            ctx(),
            &[(MARIA, "2026-12-14", DAY), (MARIA, "2026-12-15", DAY)],
        );
        let maria = c.staff.iter_mut().find(|s| s.id == MARIA).unwrap();
        maria.on_leave = true;
        maria.leave_since = since.map(str::to_string);
        c
    }

    #[test]
    fn a_shift_from_the_first_day_of_leave_is_refused_and_the_day_before_is_not() {
        let v = check(&Timeline::new(&on_leave(Some("2026-12-15"))));
        assert_eq!(v.len(), 1, "only the shift on the leave's first day");
        assert_eq!(v[0].severity, Severity::Block);
        assert_eq!(v[0].cells[0].date, day("2026-12-15"));
        assert_eq!(
            v[0].message,
            "Maria Lopez is on a leave of absence since 15 Dec, so cannot work Day on 15 Dec. End the leave in their staff record if they are back."
        );
    }

    #[test]
    fn a_leave_without_a_first_day_covers_every_shift_and_no_leave_covers_none() {
        let undated = check(&Timeline::new(&on_leave(None)));
        assert_eq!(undated.len(), 2);
        assert_eq!(
            undated[0].message,
            "Maria Lopez is marked on a leave of absence with no first day, so cannot work Day on 14 Dec. If the leave began later, enter its first day in their staff record."
        );
        let c = with(ctx(), &[(MARIA, "2026-12-14", DAY)]);
        assert!(check(&Timeline::new(&c)).is_empty());
    }

    #[test]
    fn a_manual_assignment_during_leave_is_refused_with_the_reason() {
        let c = on_leave(Some("2026-12-01"));
        let proposed = crate::schedule::Assignment {
            staff_id: MARIA,
            date: day("2026-12-16"),
            shift_type_id: DAY,
            published_change: false,
        };
        let refusal = crate::schedule::rules::check_assignment(&c, &proposed).unwrap_err();
        assert_eq!(refusal.rule, RuleCode::Leave);
    }
}

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
    decide(&check_all(&with), proposed)
}

/// The decision of `check_assignment`, from `violations`: every violation
/// of the schedule that already holds `proposed`. The grid's edit checks
/// the period once and reuses the same violations for the view it returns.
pub fn decide(
    violations: &[Violation],
    proposed: &Assignment,
) -> Result<Vec<Violation>, Violation> {
    let cell = Cell {
        staff_id: proposed.staff_id,
        date: proposed.date,
    };
    let (blocks, warnings): (Vec<_>, Vec<_>) = violations
        .iter()
        .filter(|v| v.cells.contains(&cell))
        .cloned()
        .partition(|v| v.severity == Severity::Block);
    match blocks.into_iter().next() {
        Some(reason) => Err(reason),
        None => Ok(warnings),
    }
}

/// What the grid says when `refusal` stops `proposed`: that the shift was
/// refused, and why — "Not assigned, refused: Maria Lopez's BLS expired on
/// 15 Dec, and a lapsed BLS blocks scheduling, so Maria Lopez cannot work
/// Day on 16 Dec." (the rule's own text, "…; scheduled on 16 Dec.", describes a
/// schedule that already holds the shift).
pub fn refusal_text(ctx: &ScheduleContext, proposed: &Assignment, refusal: &Violation) -> String {
    let shift = ctx
        .shift_type(proposed.shift_type_id)
        .map_or("the shift", |s| s.name.as_str());
    let day = crate::schedule::format::day(proposed.date);
    let person = ctx.staff(proposed.staff_id);
    let lapsed = person.and_then(|p| {
        p.credentials.iter().find(|c| {
            c.when_expired == crate::credentials::ExpiredAction::Block && c.lapsed_on(proposed.date)
        })
    });
    match (refusal.rule, person, lapsed) {
        (super::RuleCode::Credential, Some(p), Some(c)) => {
            let what = match c.expires_on {
                Some(expiry) => format!(
                    "{}'s {} expired on {}",
                    p.name,
                    c.name,
                    crate::schedule::format::day(expiry)
                ),
                None => format!("{} has no {} on record", p.name, c.name),
            };
            format!(
                "Not assigned, refused: {what}, and a lapsed {} blocks scheduling, so {} cannot work {shift} on {day}.",
                c.name, p.name
            )
        }
        _ => format!("Not assigned, refused: {}", refusal.message),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::credentials::ExpiredAction;
    use crate::schedule::testing::*;
    use crate::schedule::CredentialFact;

    fn proposal(date: &str) -> Assignment {
        assignment(MARIA, date, DAY)
    }

    #[test]
    fn a_refused_shift_says_it_was_refused_and_why() {
        let mut c = ctx();
        c.staff[0].credentials.push(CredentialFact {
            name: "BLS".into(),
            expires_on: Some(day("2026-12-15")),
            when_expired: ExpiredAction::Block,
        });
        let p = proposal("2026-12-16");
        let refusal = check_assignment(&c, &p).unwrap_err();
        assert_eq!(
            refusal_text(&c, &p, &refusal),
            "Not assigned, refused: Maria Lopez's BLS expired on 15 Dec, and a lapsed BLS \
             blocks scheduling, so Maria Lopez cannot work Day on 16 Dec."
        );
        // Valid through its expiry day: the 15th is allowed.
        assert!(check_assignment(&c, &proposal("2026-12-15")).is_ok());
        c.staff[0].credentials[0].expires_on = None;
        let refusal = check_assignment(&c, &p).unwrap_err();
        assert_eq!(
            refusal_text(&c, &p, &refusal),
            "Not assigned, refused: Maria Lopez has no BLS on record, and a lapsed BLS \
             blocks scheduling, so Maria Lopez cannot work Day on 16 Dec."
        );
    }

    #[test]
    fn other_refusals_keep_the_rule_s_own_reason() {
        let mut c = ctx();
        c.time_off.push(crate::schedule::TimeOff {
            staff_id: MARIA,
            from: day("2026-12-16"),
            to: day("2026-12-16"),
            kind: crate::schedule::TimeOffKind::Pto,
            status: crate::schedule::TimeOffStatus::Approved,
            paid: true,
        });
        let p = proposal("2026-12-16");
        let refusal = check_assignment(&c, &p).unwrap_err();
        assert_eq!(
            refusal_text(&c, &p, &refusal),
            "Not assigned, refused: Maria Lopez has approved paid time off on 16 Dec, so \
             cannot work Day on 16 Dec."
        );
    }
}

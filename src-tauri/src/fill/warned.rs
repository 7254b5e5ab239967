//! The people a fill's proposal schedules while a credential whose rule is
//! Warn has lapsed. A warning never keeps anyone off the schedule (only a
//! credential that blocks does), so the review names them for the manager
//! to chase: "Ben Ortiz: ACLS expired 3 Dec (warning only) — 6 shifts, 2
//! added by the Fill" (the rest were on the schedule already).

use crate::credentials::ExpiredAction;
use crate::schedule::{format, Assignment, ScheduleContext};

/// One line per person and lapsed Warn credential with at least one shift
/// of the proposal on a day it has lapsed, in `ctx.staff` order.
pub fn warned(ctx: &ScheduleContext, proposed: &[Assignment]) -> Vec<String> {
    let mut out = Vec::new();
    for facts in &ctx.staff {
        for c in facts
            .credentials
            .iter()
            .filter(|c| c.when_expired == ExpiredAction::Warn)
        {
            let lapsed: Vec<&Assignment> = proposed
                .iter()
                .filter(|a| a.staff_id == facts.id && ctx.in_period(a.date))
                .filter(|a| c.lapsed_on(a.date))
                .collect();
            let shifts = lapsed.len();
            if shifts == 0 {
                continue;
            }
            let added = lapsed
                .iter()
                .filter(|a| {
                    !ctx.assignments.iter().any(|b| {
                        b.staff_id == a.staff_id
                            && b.date == a.date
                            && b.shift_type_id == a.shift_type_id
                    })
                })
                .count();
            let count = if shifts == 1 {
                "1 shift".to_string()
            } else {
                format!("{shifts} shifts")
            };
            let added = match added {
                0 => String::new(),
                n if n == shifts && n == 1 => ", added by the Fill".to_string(),
                n if n == shifts => ", all added by the Fill".to_string(),
                n => format!(", {n} added by the Fill"),
            };
            let what = match c.expires_on {
                None => format!("no {} on file (warning only) — {count}{added}", c.name),
                Some(e) if e < ctx.period_start => format!(
                    "{} expired {} (warning only) — {count}{added}",
                    c.name,
                    format::day(e)
                ),
                Some(e) => format!(
                    "{} expires {} (warning only) — {count} after it{added}",
                    c.name,
                    format::day(e)
                ),
            };
            out.push(format!("{}: {what}", facts.name));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::testing::*;
    use crate::schedule::CredentialFact;

    fn credential(expires: Option<&str>, when_expired: ExpiredAction) -> CredentialFact {
        CredentialFact {
            name: "ACLS".into(),
            expires_on: expires.map(day),
            when_expired,
        }
    }

    #[test]
    fn a_lapsed_warning_is_named_with_the_shifts_it_covers() {
        let mut c = ctx();
        c.staff[0]
            .credentials
            .push(credential(Some("2026-12-03"), ExpiredAction::Warn));
        let mut proposed = run(MARIA, "2026-12-07", 3, DAY12);
        proposed.extend(run(MARIA, "2026-12-14", 3, DAY12));
        // Before the period: not the proposal's to explain.
        proposed.push(assignment(MARIA, "2026-12-05", DAY12));
        assert_eq!(
            warned(&c, &proposed),
            ["Maria Lopez: ACLS expired 3 Dec (warning only) — 6 shifts, all added by the Fill"]
        );
        // Two were on the schedule before the Fill: the rest it added.
        c.assignments.extend(run(MARIA, "2026-12-07", 2, DAY12));
        assert_eq!(
            warned(&c, &proposed),
            ["Maria Lopez: ACLS expired 3 Dec (warning only) — 6 shifts, 4 added by the Fill"]
        );
        c.assignments = proposed.clone();
        assert_eq!(
            warned(&c, &proposed),
            ["Maria Lopez: ACLS expired 3 Dec (warning only) — 6 shifts"],
            "all kept from the schedule"
        );
    }

    #[test]
    fn only_the_shifts_after_an_expiry_within_the_period_count() {
        let mut c = ctx();
        c.staff[0]
            .credentials
            .push(credential(Some("2026-12-14"), ExpiredAction::Warn));
        let proposed = run(MARIA, "2026-12-13", 3, DAY12);
        assert_eq!(
            warned(&c, &proposed),
            ["Maria Lopez: ACLS expires 14 Dec (warning only) — 1 shift after it, added by the Fill"],
            "valid through its expiry day: only 15 Dec counts"
        );
        c.staff[0].credentials[0].expires_on = Some(day("2026-12-15"));
        assert!(warned(&c, &proposed).is_empty(), "valid on every shift");
    }

    #[test]
    fn a_blocking_credential_or_a_person_without_shifts_is_not_named_here() {
        let mut c = ctx();
        c.staff[0]
            .credentials
            .push(credential(Some("2026-12-03"), ExpiredAction::Block));
        c.staff[1]
            .credentials
            .push(credential(None, ExpiredAction::Warn));
        let proposed = run(MARIA, "2026-12-07", 3, DAY12);
        assert!(
            warned(&c, &proposed).is_empty(),
            "Block is explained as a reason someone cannot work; Ann has no shift"
        );
        let proposed = run(ANN, "2026-12-07", 2, DAY12);
        assert_eq!(
            warned(&c, &proposed),
            ["Ann Lee: no ACLS on file (warning only) — 2 shifts, all added by the Fill"]
        );
    }
}

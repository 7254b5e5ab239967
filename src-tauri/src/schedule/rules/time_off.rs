//! Approved time off blocks assignment: the manager said yes to the day off,
//! so the schedule cannot take it back. Requested or denied time off does
//! not block.

use super::{RuleCode, Timeline, Violation};
use crate::schedule::{format, TimeOff, TimeOffStatus};
use std::collections::HashMap;

pub fn check(tl: &Timeline) -> Vec<Violation> {
    let mut approved: HashMap<i64, Vec<&TimeOff>> = HashMap::new();
    for t in &tl.ctx.time_off {
        if t.status == TimeOffStatus::Approved {
            approved.entry(t.staff_id).or_default().push(t);
        }
    }
    let mut out = Vec::new();
    for person in &tl.people {
        let Some(offs) = approved.get(&person.id) else {
            continue;
        };
        for w in person.shifts.iter().filter(|w| w.in_period) {
            if let Some(off) = offs.iter().find(|t| t.covers(w.date())) {
                out.push(Violation::block(
                    RuleCode::TimeOff,
                    format!(
                        "{} has approved {} {}, so cannot work {} on {}.",
                        person.name,
                        off.kind.label().to_lowercase(),
                        span(off),
                        w.shift.name,
                        format::day(w.date())
                    ),
                    vec![w.cell()],
                ));
            }
        }
    }
    out
}

fn span(off: &TimeOff) -> String {
    if off.from == off.to {
        format!("on {}", format::day(off.from))
    } else {
        format!("from {} to {}", format::day(off.from), format::day(off.to))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::testing::*;
    use crate::schedule::TimeOffKind;

    fn pto(status: TimeOffStatus) -> TimeOff {
        TimeOff {
            staff_id: MARIA,
            from: day("2026-12-14"),
            to: day("2026-12-16"),
            kind: TimeOffKind::Pto,
            status,
            paid: true,
        }
    }

    #[test]
    fn only_approved_time_off_blocks_and_only_on_its_days() {
        let cases = [
            (
                TimeOffStatus::Approved,
                "2026-12-16",
                1,
                "the last day is inclusive",
            ),
            (
                TimeOffStatus::Approved,
                "2026-12-17",
                0,
                "the day after is free",
            ),
            (
                TimeOffStatus::Requested,
                "2026-12-15",
                0,
                "a request is not yet a day off",
            ),
            (
                TimeOffStatus::Denied,
                "2026-12-15",
                0,
                "a denied request does not block",
            ),
        ];
        for (status, date, n, why) in cases {
            let mut c = with(ctx(), &[(MARIA, date, DAY)]);
            c.time_off.push(pto(status));
            assert_eq!(check(&Timeline::new(&c)).len(), n, "{why}");
        }
        let mut c = with(ctx(), &[(MARIA, "2026-12-15", DAY)]);
        c.time_off.push(pto(TimeOffStatus::Approved));
        let v = check(&Timeline::new(&c));
        assert_eq!(v[0].severity, crate::schedule::Severity::Block);
        assert_eq!(
            v[0].message,
            "Maria Lopez has approved paid time off from 14 Dec to 16 Dec, so cannot work Day on 15 Dec."
        );
    }
}

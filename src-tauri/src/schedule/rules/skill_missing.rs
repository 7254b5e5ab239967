//! A required skill missing from a shift: a coverage need for a skill (one
//! charge nurse on every shift) with a minimum of at least one, and nobody
//! on the shift who has it. The shift's people are the cells, since one of
//! them (or a swap) is the fix.

use super::{Cell, RuleCode, Timeline, Violation};
use crate::schedule::{format, Requirement};
use chrono::Datelike;

pub fn check(tl: &Timeline) -> Vec<Violation> {
    let ctx = tl.ctx;
    let mut out = Vec::new();
    for date in ctx.days() {
        for need in ctx.coverage.iter().filter(|n| n.weekday == date.weekday()) {
            let Requirement::Skill(skill) = need.requirement else {
                continue;
            };
            let Some(shift) = ctx.shift_type(need.shift_type_id) else {
                continue;
            };
            if need.minimum == 0 {
                continue;
            }
            let on = tl
                .on_shift
                .get(&(date, need.shift_type_id))
                .map(Vec::as_slice)
                .unwrap_or_default();
            if on
                .iter()
                .any(|(_, facts)| facts.is_some_and(|f| f.skills.contains(&skill)))
            {
                continue;
            }
            out.push(Violation::warn(
                RuleCode::SkillMissing,
                format!(
                    "No one with {} is on {} on {}; the shift needs at least {}.",
                    ctx.skill_name(skill),
                    shift.name,
                    format::day(date),
                    need.minimum
                ),
                on.iter()
                    .map(|(id, _)| Cell {
                        staff_id: *id,
                        date,
                    })
                    .collect(),
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::testing::*;
    use crate::schedule::CoverageNeed;
    use chrono::Weekday;

    fn charge_need(minimum: u32) -> CoverageNeed {
        CoverageNeed {
            shift_type_id: DAY,
            weekday: Weekday::Sat,
            requirement: Requirement::Skill(CHARGE),
            minimum,
            target: minimum,
        }
    }

    #[test]
    fn a_shift_needing_charge_has_someone_with_it() {
        let mut c = with(
            ctx(),
            &[(MARIA, "2026-12-12", DAY), (ANN, "2026-12-12", DAY)],
        );
        c.period_end = day("2026-12-12");
        c.coverage.push(charge_need(1));
        let v = check(&Timeline::new(&c));
        assert_eq!(v.len(), 1, "neither nurse has charge");
        assert_eq!(
            v[0].message,
            "No one with Charge is on Day on 12 Dec; the shift needs at least 1."
        );
        assert_eq!(v[0].cells.len(), 2, "the people on the shift are the fix");
        c.staff[1].skills.push(CHARGE);
        assert!(
            check(&Timeline::new(&c)).is_empty(),
            "Ann is charge-qualified"
        );
        c.staff[1].skills.clear();
        c.coverage = vec![charge_need(0)];
        assert!(
            check(&Timeline::new(&c)).is_empty(),
            "a minimum of 0 requires nobody"
        );
    }
}

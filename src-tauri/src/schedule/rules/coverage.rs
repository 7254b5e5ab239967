//! Coverage below minimum: per shift × weekday × role (or skill), the people
//! on the shift who meet the need, against its minimum. A skill need with
//! nobody at all is the missing-skill rule's to report, not this one's.

use super::{RuleCode, Timeline, Violation};
use crate::schedule::{format, CoverageNeed, Requirement};
use chrono::Datelike;

pub fn check(tl: &Timeline) -> Vec<Violation> {
    let ctx = tl.ctx;
    let mut out = Vec::new();
    for date in ctx.days() {
        for need in ctx.coverage.iter().filter(|n| n.weekday == date.weekday()) {
            let Some(shift) = ctx.shift_type(need.shift_type_id) else {
                continue;
            };
            let on = tl
                .on_shift
                .get(&(date, need.shift_type_id))
                .map(Vec::as_slice)
                .unwrap_or_default();
            let meeting: Vec<_> = on
                .iter()
                .filter(|(_, facts)| facts.is_some_and(|f| f.meets(need.requirement)))
                .map(|(id, _)| super::Cell {
                    staff_id: *id,
                    date,
                })
                .collect();
            let count = meeting.len() as u64;
            let skill_absent = matches!(need.requirement, Requirement::Skill(_)) && count == 0;
            if count >= u64::from(need.minimum) || skill_absent {
                continue;
            }
            out.push(Violation::warn(
                RuleCode::Coverage,
                format!(
                    "{} on {} has {count} {} of the {} needed{}.",
                    shift.name,
                    format::day(date),
                    label(tl, need),
                    need.minimum,
                    if need.target > need.minimum {
                        format!(" (target {})", need.target)
                    } else {
                        String::new()
                    }
                ),
                meeting,
            ));
        }
    }
    out
}

/// "RN", or "with Charge".
pub fn label(tl: &Timeline, need: &CoverageNeed) -> String {
    match need.requirement {
        Requirement::Role(role) => role.code().to_string(),
        Requirement::Skill(id) => format!("with {}", tl.ctx.skill_name(id)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::testing::*;
    use crate::staff::Role;
    use chrono::Weekday;

    fn rn_need(minimum: u32, target: u32) -> CoverageNeed {
        CoverageNeed {
            shift_type_id: DAY,
            weekday: Weekday::Sat,
            requirement: Requirement::Role(Role::Rn),
            minimum,
            target,
        }
    }

    fn one_saturday(cells: &[(i64, &str, i64)], need: CoverageNeed) -> Vec<Violation> {
        let mut c = with(ctx(), cells);
        c.period_end = day("2026-12-12");
        c.coverage.push(need);
        check(&Timeline::new(&c))
    }

    #[test]
    fn the_minimum_passes_and_one_fewer_fails() {
        let two = [(MARIA, "2026-12-12", DAY), (ANN, "2026-12-12", DAY)];
        assert!(
            one_saturday(&two, rn_need(2, 3)).is_empty(),
            "2 RNs meet a minimum of 2"
        );
        let v = one_saturday(&two[..1], rn_need(2, 3));
        assert_eq!(v.len(), 1);
        assert_eq!(
            v[0].message,
            "Day on 12 Dec has 1 RN of the 2 needed (target 3)."
        );
        let cna = [(MARIA, "2026-12-12", DAY), (BO, "2026-12-12", DAY)];
        assert_eq!(
            one_saturday(&cna, rn_need(2, 2)).len(),
            1,
            "a CNA is not an RN"
        );
        assert_eq!(
            one_saturday(&[], rn_need(1, 1)).len(),
            1,
            "an empty shift is short"
        );
    }

    #[test]
    fn an_absent_skill_is_left_to_the_missing_skill_rule() {
        let need = CoverageNeed {
            requirement: Requirement::Skill(CHARGE),
            ..rn_need(1, 1)
        };
        assert!(
            one_saturday(&[(MARIA, "2026-12-12", DAY)], need).is_empty(),
            "reported once, as a missing skill, not twice"
        );
    }
}

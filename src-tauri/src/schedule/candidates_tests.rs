use super::*;
use crate::schedule::testing::*;
use crate::schedule::{CoverageNeed, TimeOff, TimeOffKind, TimeOffStatus};
use crate::staff::{EmploymentType, Role};
use chrono::Weekday;

const CY: i64 = 4;
const DI: i64 = 5;
const ED: i64 = 6;
const FI: i64 = 7;
const GUS: i64 = 8;

/// Maria calls out of her Day shift on Tuesday 15 Dec.
fn unit() -> ScheduleContext {
    let mut c = ctx();
    for (id, name) in [
        (CY, "Cy Park"),
        (DI, "Di Ross"),
        (ED, "Ed Kim"),
        (FI, "Fi Wu"),
        (GUS, "Gus Hale"),
    ] {
        c.staff.push(person(id, name, Role::Rn));
    }
    c.staff[3].hourly_rate_cents = 4000; // Cy: cheaper
    c.staff[3].fte_hundredths = 90;
    c.time_off.push(TimeOff {
        staff_id: DI,
        from: day("2026-12-15"),
        to: day("2026-12-15"),
        kind: TimeOffKind::Education,
        status: TimeOffStatus::Approved,
        paid: true,
    });
    let mut c = with(
        c,
        &[
            (MARIA, "2026-12-15", DAY),
            (ANN, "2026-12-13", DAY),
            (CY, "2026-12-14", DAY),
            (ED, "2026-12-13", NIGHT), // off at 07:00 on the 14th: a day after a night
            (ED, "2026-12-14", EVENING), // off at 23:00: 8 h of rest before the Day
            (GUS, "2026-12-15", EVENING),
            (BO, "2026-12-13", DAY),
        ],
    );
    // Fi already has 40 h in the week of 13 Dec.
    for d in [
        "2026-12-13",
        "2026-12-14",
        "2026-12-16",
        "2026-12-17",
        "2026-12-18",
    ] {
        c.assignments.push(assignment(FI, d, DAY));
    }
    c
}

fn names(list: &[Candidate]) -> Vec<&str> {
    list.iter().map(|c| c.name.as_str()).collect()
}

#[test]
fn no_rule_broken_then_overtime_then_warnings_cheapest_first() {
    let result = call_out_candidates(&unit(), MARIA, day("2026-12-15"));
    assert_eq!(
        names(&result.ranked),
        vec!["Park, Cy", "Lee, Ann", "Wu, Fi", "Kim, Ed"],
        "Cy and Ann are rested and under their hours (Cy costs less); Fi would go into overtime; Ed is short of rest"
    );
    let reasons: Vec<&str> = result.ranked.iter().map(|c| c.reasons.as_str()).collect();
    assert_eq!(
        reasons[0],
        "Full-time · 16 h rest · 8 h of 36 h this week · no overtime · $40.00/h"
    );
    assert_eq!(
        reasons[1],
        "Full-time · 40 h rest · 8 h of 40 h this week · no overtime · $50.00/h"
    );
    assert_eq!(
        reasons[2], "Full-time · 16 h rest · 40 h of 40 h this week · 8 h overtime · $75.00/h",
        "8 h at time and a half"
    );
    assert_eq!(
        reasons[3],
        "Full-time · 8 h rest · 16 h of 40 h this week · no overtime · $50.00/h"
    );
    // Ed is short of rest, said in the rule's own words, as a warning.
    let ed = &result.ranked[3];
    assert!(!ed.rested);
    assert!(
        ed.warnings.iter().any(|w| w.contains("rest")),
        "the rest rule is a warning: {:?}",
        ed.warnings
    );
    assert!(
        result.ranked[2]
            .warnings
            .iter()
            .any(|w| w.contains("the weekly limit is 40 h")),
        "Fi goes over her week: {:?}",
        result.ranked[2].warnings
    );
    assert!(result.ranked[..2].iter().all(|c| c.warnings.is_empty()));
    assert!(
        !result.ranked.iter().any(|c| c.staff_id == BO),
        "a CNA cannot fill an RN's shift"
    );
}

#[test]
fn a_lapsed_warn_only_credential_ranks_after_papers_in_order() {
    let mut c = unit();
    // Cy is the cheapest, but his ACLS (warn only) lapsed before the shift.
    let cy = c.staff.iter_mut().find(|p| p.id == CY).unwrap();
    cy.credentials.push(crate::schedule::CredentialFact {
        name: "ACLS".into(),
        expires_on: Some(day("2026-12-01")),
        when_expired: crate::credentials::ExpiredAction::Warn,
    });
    let result = call_out_candidates(&c, MARIA, day("2026-12-15"));
    assert_eq!(
        names(&result.ranked),
        ["Lee, Ann", "Park, Cy", "Wu, Fi", "Kim, Ed"],
        "no rule broken first; Cy breaks one rule, Fi two (six in a row, over her week); Ed, \
         short of rest, last"
    );
    let cy = &result.ranked[1];
    assert!(cy.lapsed_credential);
    assert!(
        cy.reasons
            .starts_with("Full-time · ACLS lapsed · 16 h rest "),
        "the reason says why Cy ranks lower: {}",
        cy.reasons
    );
    assert!(
        cy.warnings[0].contains("ACLS"),
        "the warning says which credential"
    );
    assert!(
        cy.warnings[0].ends_with("; would be scheduled on 15 Dec."),
        "Cy is not on the shift yet: {}",
        cy.warnings[0]
    );
}

#[test]
fn blocked_or_busy_people_are_excluded_with_the_reason() {
    let result = call_out_candidates(&unit(), MARIA, day("2026-12-15"));
    let excluded: Vec<(&str, &str)> = result
        .excluded
        .iter()
        .map(|e| (e.name.as_str(), e.reason.as_str()))
        .collect();
    assert_eq!(
        excluded,
        vec![
            (
                "Ross, Di",
                "Di Ross has approved education on 15 Dec, so cannot work Day on 15 Dec."
            ),
            ("Hale, Gus", "Already works Evening on 15 Dec."),
        ]
    );
}

#[test]
fn when_the_shift_loses_its_charge_nurse_charge_comes_first() {
    let mut c = unit();
    c.staff[0].skills.push(CHARGE); // Maria was charge
    c.staff[1].skills.push(CHARGE); // Ann can be
    c.coverage.push(CoverageNeed {
        shift_type_id: DAY,
        weekday: Weekday::Tue,
        requirement: Requirement::Skill(CHARGE),
        minimum: 1,
        target: 1,
    });
    let result = call_out_candidates(&c, MARIA, day("2026-12-15"));
    assert_eq!(
        result.ranked[0].name, "Lee, Ann",
        "the only other charge nurse, though dearer"
    );
    assert!(
        result.ranked[1]
            .reasons
            .starts_with("Full-time · No Charge · "),
        "{}",
        result.ranked[1].reasons
    );
}

#[test]
fn no_assignment_no_candidates() {
    assert_eq!(
        call_out_candidates(&unit(), ANN, day("2026-12-15")),
        CallOut::default()
    );
}

/// Hal (agency, cheapest rate) and Ida (per diem, 0 FTE, 8 h already this week).
fn with_agency_and_per_diem() -> ScheduleContext {
    let mut c = unit();
    let mut hal = person(20, "Hal Agee", Role::Rn);
    hal.employment_type = EmploymentType::Agency;
    hal.fte_hundredths = 0;
    hal.hourly_rate_cents = 3500;
    let mut ida = person(21, "Ida Perez", Role::Rn);
    ida.employment_type = EmploymentType::PerDiem;
    ida.fte_hundredths = 0;
    ida.hourly_rate_cents = 5200;
    c.staff.push(hal);
    c.staff.push(ida);
    c.assignments.push(assignment(21, "2026-12-13", DAY));
    c
}

#[test]
fn agency_comes_after_regular_and_per_diem_staff_who_qualify_and_says_so() {
    let result = call_out_candidates(&with_agency_and_per_diem(), MARIA, day("2026-12-15"));
    assert_eq!(
        names(&result.ranked),
        [
            "Park, Cy",
            "Lee, Ann",
            "Perez, Ida",
            "Agee, Hal",
            "Wu, Fi",
            "Kim, Ed"
        ],
        "Hal is the cheapest but agency: after every own nurse and per diem who breaks no \
         rule, before Fi (overtime, two rules) and Ed (not rested)"
    );
    let reason = |name: &str| {
        result
            .ranked
            .iter()
            .find(|c| c.name == name)
            .map(|c| c.reasons.clone())
            .unwrap()
    };
    assert_eq!(
        reason("Agee, Hal"),
        "Agency, ahead of own staff who would go into overtime or break a rule · no earlier \
         shift · no hours yet this week · no overtime · $35.00/h"
    );
    assert_eq!(
        reason("Perez, Ida"),
        "Per diem · 40 h rest · 8 h this week · no overtime · $52.00/h",
        "per diem hours stand alone, not \"8 h of 0 min\""
    );
    assert!(reason("Park, Cy").starts_with("Full-time · "));
}

#[test]
fn a_week_with_no_hours_yet_reads_0_h() {
    let mut c = with_agency_and_per_diem();
    // Ann's only shift, on 13 Dec, goes: her week is empty.
    c.assignments.retain(|a| a.staff_id != ANN);
    let result = call_out_candidates(&c, MARIA, day("2026-12-15"));
    let ann = result.ranked.iter().find(|c| c.name == "Lee, Ann").unwrap();
    assert_eq!(
        ann.reasons,
        "Full-time · no earlier shift · 0 h of 40 h this week · no overtime · $50.00/h"
    );
}

#[test]
fn agency_comes_first_when_none_of_the_own_staff_qualifies() {
    let mut c = with_agency_and_per_diem();
    // Every own nurse is off or tired: only Ed (short of rest) is left of them.
    c.staff.retain(|p| [MARIA, ED, 20].contains(&p.id));
    let result = call_out_candidates(&c, MARIA, day("2026-12-15"));
    assert_eq!(names(&result.ranked), ["Agee, Hal", "Kim, Ed"]);
    assert_eq!(
        result.ranked[0].reasons,
        "Agency, ahead of own staff who would go into overtime or break a rule · no earlier \
         shift · no hours yet this week · no overtime · $35.00/h"
    );
    assert!(
        result.ranked[1].reasons.starts_with("Full-time · 8 h rest"),
        "{}",
        result.ranked[1].reasons
    );
}

#[test]
fn agency_after_own_staff_when_all_of_them_rank_first() {
    let mut c = with_agency_and_per_diem();
    // Only the rested, no-overtime own staff are left: Hal comes after all of them.
    c.staff.retain(|p| [MARIA, ANN, CY, 20].contains(&p.id));
    let result = call_out_candidates(&c, MARIA, day("2026-12-15"));
    assert_eq!(names(&result.ranked), ["Park, Cy", "Lee, Ann", "Agee, Hal"]);
    assert!(result.ranked[2]
        .reasons
        .starts_with("Agency, after the department's own staff · "));
}

#[test]
fn agency_alone_says_no_own_staff_can_take_it() {
    let mut c = with_agency_and_per_diem();
    c.staff.retain(|p| [MARIA, 20].contains(&p.id));
    let result = call_out_candidates(&c, MARIA, day("2026-12-15"));
    assert_eq!(names(&result.ranked), ["Agee, Hal"]);
    assert!(result.ranked[0]
        .reasons
        .starts_with("Agency: none of the department's own staff can take it · "));
}

#[test]
fn someone_on_leave_is_not_offered_for_a_call_out() {
    let mut c = unit();
    c.staff[3].on_leave = true; // Cy, the first choice otherwise
    c.staff[3].leave_since = Some("2026-12-15".into());
    let result = call_out_candidates(&c, MARIA, day("2026-12-15"));
    assert!(
        !names(&result.ranked).contains(&"Park, Cy"),
        "on leave from that day: cannot be called in"
    );
    let cy = result.excluded.iter().find(|x| x.staff_id == CY).unwrap();
    assert_eq!(cy.reason, "On leave since 15 Dec.");
    // A leave that starts the day after does not stop them.
    c.staff[3].leave_since = Some("2026-12-16".into());
    let result = call_out_candidates(&c, MARIA, day("2026-12-15"));
    assert_eq!(names(&result.ranked)[0], "Park, Cy");
    // A leave with no first day known covers every day.
    c.staff[3].leave_since = None;
    let result = call_out_candidates(&c, MARIA, day("2026-12-15"));
    let cy = result.excluded.iter().find(|x| x.staff_id == CY).unwrap();
    assert_eq!(cy.reason, "On leave.");
}

#[test]
fn someone_whose_shift_ends_as_this_one_starts_is_not_offered() {
    let mut c = unit();
    // Ann's night of the 14th ends at 07:00 on the 15th, as the Day begins.
    c.assignments.retain(|a| a.staff_id != ANN);
    c.assignments.push(assignment(ANN, "2026-12-14", NIGHT));
    let result = call_out_candidates(&c, MARIA, day("2026-12-15"));
    assert!(!names(&result.ranked).contains(&"Lee, Ann"));
    let ann = result
        .excluded
        .iter()
        .find(|e| e.name == "Lee, Ann")
        .unwrap();
    assert_eq!(
        ann.reason,
        "Would work straight on from their previous shift, with no rest before Day on 15 Dec."
    );
    // Short rest is not no rest: Ed (8 h) is still offered, last.
    assert_eq!(names(&result.ranked).last(), Some(&"Kim, Ed"));
}

#[test]
fn among_own_staff_those_the_shift_keeps_within_their_hours_come_first() {
    let mut c = unit();
    // Cy (0.90 FTE: 36 h a week) is cheaper, but this shift would take him to
    // 40 h of his 36 h; Ann (40 h) has room.
    for d in ["2026-12-16", "2026-12-17", "2026-12-18"] {
        c.assignments.push(assignment(CY, d, DAY));
    }
    let result = call_out_candidates(&c, MARIA, day("2026-12-15"));
    assert_eq!(&names(&result.ranked)[..2], ["Lee, Ann", "Park, Cy"]);
    assert_eq!(
        result.ranked[1].reasons,
        "Full-time · 16 h rest · 32 h of 36 h this week · 4 h over their hours with this shift · no overtime · $40.00/h"
    );
}

#[test]
fn an_agency_nurse_entered_with_an_fte_still_has_no_fte_hours() {
    let mut c = with_agency_and_per_diem();
    c.staff
        .iter_mut()
        .find(|p| p.id == 20)
        .unwrap()
        .fte_hundredths = 90;
    let result = call_out_candidates(&c, MARIA, day("2026-12-15"));
    let hal = result
        .ranked
        .iter()
        .find(|c| c.name == "Agee, Hal")
        .unwrap();
    assert_eq!(
        hal.week_fte_minutes, 0,
        "agency has no FTE to measure a week against"
    );
    assert_eq!(hal.over_fte_minutes, 0);
    assert!(
        hal.reasons.contains("no hours yet this week"),
        "{}",
        hal.reasons
    );
}

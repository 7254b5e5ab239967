//! Hours against each person's FTE target: what the target is and who has
//! none, that a credential that warns never keeps anyone off, that a fill
//! shares hours by closeness to each target and uses per diem staff last,
//! and that the summary says in plain words why someone is far from it.

use super::department::{map, FillOptions, Mapped};
use super::department_tests::{loaded, mapped, need, shift, unit};
use super::run::run;
use crate::credentials::ExpiredAction;
use crate::fill::staffing::staffing;
use crate::fill::summary::{proposed_assignments, summary, FillSummary};
use crate::schedule::store::loaded_period::Loaded;
use crate::schedule::testing::*;
use crate::schedule::{CredentialFact, Requirement, ScheduleContext};
use crate::staff::{EmploymentType, Role};
use chrono::Weekday;
use std::sync::atomic::AtomicBool;

/// Bo becomes a per diem RN.
fn with_per_diem(mut c: ScheduleContext) -> ScheduleContext {
    let bo = &mut c.staff[2];
    bo.role = Role::Rn;
    bo.employment_type = EmploymentType::PerDiem;
    bo.fte_hundredths = 0;
    c
}

fn fill(l: &Loaded, seed: u64) -> (Mapped, crate::solver::Outcome) {
    let options = FillOptions {
        seconds: 2,
        ..FillOptions::default()
    };
    let m = map(l, &options);
    let outcome = run(&m, &options, seed, &AtomicBool::new(false), &mut |_| {}).unwrap();
    (m, outcome)
}

/// Shifts per person in the proposal, in `ctx.staff` order.
fn shifts_of(l: &Loaded, m: &Mapped, outcome: &crate::solver::Outcome) -> Vec<usize> {
    let proposed = proposed_assignments(&l.ctx, m, &outcome.roster);
    l.ctx
        .staff
        .iter()
        .map(|p| {
            proposed
                .iter()
                .filter(|a| a.staff_id == p.id && l.ctx.in_period(a.date))
                .count()
        })
        .collect()
}

fn hours_reason(s: &FillSummary, staff_id: i64) -> Option<String> {
    s.hours
        .iter()
        .find(|h| h.staff_id == staff_id)
        .and_then(|h| h.reason.clone())
}

#[test]
fn a_target_is_the_fte_share_of_the_period_and_per_diem_staff_have_none() {
    let m = mapped(with_per_diem(unit()));
    let (maria, ann, bo) = (&m.model.staff[0], &m.model.staff[1], &m.model.staff[2]);
    let target = maria.target.as_ref().expect("a full-time RN has a target");
    assert_eq!(target.minutes, 160 * 60, "1.0 FTE over 4 weeks is 160 h");
    assert_eq!((target.first, target.days), (m.first_period_day, 28));
    assert_eq!(ann.target.as_ref().unwrap().minutes, 96 * 60, "0.6 FTE");
    assert!(bo.target.is_none(), "per diem: no target");
    // The target is soft; the hard limit over the period is the target
    // plus the extra hours the Fill allows (12 h by default).
    let period: Vec<_> = maria
        .contract
        .windows
        .iter()
        .filter(|w| w.days > 14)
        .collect();
    assert_eq!(period.len(), 1, "one window over the period");
    assert_eq!(
        (period[0].first, period[0].days, period[0].max_minutes),
        (m.first_period_day, 28, (160 + 12) * 60)
    );
    assert!(
        bo.contract.windows.iter().all(|w| w.days <= 14),
        "per diem: no FTE, no window over the period"
    );

    let none = map(
        &loaded(with_per_diem(unit())),
        &FillOptions {
            fairness: 0,
            ..FillOptions::default()
        },
    );
    assert!(
        none.model.staff.iter().all(|s| s.target.is_none()),
        "Fairness 0 turns the targets off"
    );
}

#[test]
fn hours_short_cost_more_an_hour_the_further_short_and_a_shift_over_costs_little_more_costs_more() {
    let m = mapped(unit());
    let t = m.model.staff[0].target.clone().unwrap();
    let at = |h: u32| t.penalty(h * 60);
    assert_eq!(at(160), 0, "on target");
    assert_eq!(at(172), 12 * 3, "one 12-hour shift over at 3 an hour");
    assert_eq!(at(173), 12 * 3 + 5, "the hour after it at 5");
    assert_eq!(at(184), 12 * 3 + 12 * 5, "a second shift over at 5 an hour");
    assert_eq!(at(148), 12 * 12 * (160 + 12) / 160, "12 h short");
    assert!(
        at(0) - at(12) > at(148) - at(160),
        "a first shift is worth more than a last one"
    );
}

#[test]
fn an_hour_far_over_target_costs_more_than_a_per_diem_hour_and_no_more_than_an_agency_hour() {
    for fairness in 1..=10 {
        let (near, per_diem, far, agency) = super::weights::hourly_weights(fairness);
        assert!(
            near < per_diem && per_diem < far && far <= agency,
            "fairness {fairness}: {near} < {per_diem} < {far} <= {agency}"
        );
        assert!(
            agency * 12 < super::weights::TARGET_WEIGHT,
            "an agency 12-hour shift (pay aside) costs less than a person short of a day's target"
        );
    }
}

#[test]
fn a_credential_that_warns_never_keeps_a_person_off_and_one_that_blocks_only_after_it_expires() {
    let mut c = unit();
    c.staff[0].credentials.push(CredentialFact {
        name: "ACLS".into(),
        expires_on: Some(day("2026-11-30")),
        when_expired: ExpiredAction::Warn,
    });
    c.staff[1].credentials.push(CredentialFact {
        name: "BLS".into(),
        expires_on: Some(day("2026-12-20")),
        when_expired: ExpiredAction::Block,
    });
    let m = mapped(c);
    let d = |s: &str| m.day_of(day(s)).unwrap();
    assert!(
        m.model.staff[0].unavailable.is_empty(),
        "Maria's lapsed ACLS only warns: she can work every day"
    );
    let ann = &m.model.staff[1].unavailable;
    assert!(
        !ann.iter().any(|&(day, _)| day <= d("2026-12-20")),
        "valid through 20 Dec"
    );
    assert!(
        ann.contains(&(d("2026-12-21"), shift(&m, DAY12))),
        "off from 21 Dec"
    );
    assert!(ann.contains(&(d("2027-01-02"), shift(&m, NIGHT12))));
}

#[test]
fn a_shift_no_need_asks_for_that_day_is_never_used_to_make_up_hours() {
    // Day 12 needed on weekdays only.
    let mut c = unit();
    c.coverage = need(DAY12, Requirement::Role(Role::Rn), 1, 1)
        .into_iter()
        .filter(|n| !matches!(n.weekday, Weekday::Sat | Weekday::Sun))
        .collect();
    let l = loaded(c);
    let (m, outcome) = fill(&l, 3);
    let proposed = proposed_assignments(&l.ctx, &m, &outcome.roster);
    assert!(
        proposed.iter().all(|a| !matches!(
            chrono::Datelike::weekday(&a.date),
            Weekday::Sat | Weekday::Sun
        )),
        "nobody on a weekend nothing needs, however short of their hours"
    );
}

#[test]
fn too_few_shifts_are_shared_by_closeness_to_each_target() {
    // Two full-time RNs and a Day 12 on Mon, Wed and Fri that nobody may
    // staff beyond its target: 12 shifts, 6 each leaves both equally short
    // (9 and 3 would meet cover just as well).
    let mut c = unit();
    c.staff[1].fte_hundredths = 100;
    c.coverage = need(DAY12, Requirement::Role(Role::Rn), 1, 1)
        .into_iter()
        .filter(|n| matches!(n.weekday, Weekday::Mon | Weekday::Wed | Weekday::Fri))
        .collect();
    let l = loaded(c);
    let mut m = map(&l, &FillOptions::default());
    for line in &mut m.model.cover {
        line.over_weight = 100_000;
    }
    let options = crate::solver::Options {
        time_limit: std::time::Duration::from_secs(2),
        seed: 5,
    };
    let outcome = crate::solver::solve(&m.model, &options).unwrap();
    let shifts = shifts_of(&l, &m, &outcome);
    assert_eq!(
        shifts[0] + shifts[1],
        12,
        "every shift filled once: {shifts:?}"
    );
    assert_eq!(shifts[0], shifts[1], "6 each: {shifts:?}");
    assert_eq!(
        crate::solver::score(&m.model, &outcome.roster).penalty(),
        outcome.penalty,
        "the scorer counts the targets as the search does"
    );
}

#[test]
fn a_part_timer_takes_one_shift_beyond_their_fte_before_a_per_diem_nurse_and_no_more() {
    // A Day 12 RN every day (28 shifts). Maria (1.0) can work 12 (36 h a
    // week is the most 12-hour shifts fit in 40 h). Ann (0.6: 96 h, 8
    // shifts) could work 12 too, but the Fill allows 12 h beyond an FTE
    // (a hard limit): she takes 9; the per diem RN may work 36 h a pay
    // period, 3 shifts in each of the two: 6. One is left open, and the
    // review says why.
    let mut c = with_per_diem(unit());
    c.coverage = need(DAY12, Requirement::Role(Role::Rn), 1, 1);
    let l = loaded(c);
    let (m, outcome) = fill(&l, 11);
    let shifts = shifts_of(&l, &m, &outcome);
    assert_eq!(shifts, vec![12, 9, 6], "Maria, Ann, the per diem RN");
    let s = summary(&l, &m, &outcome, false, 3);
    assert_eq!(s.short_after, 1);
    let options = FillOptions::default();
    assert_eq!(
        staffing(&l, &m, &outcome, &options).left_open,
        vec![
            "1 RN shift left open: every qualified RN free that day is at their FTE hours \
             plus 12 h extra or at another limit. More extra hours in the Fill's options \
             could staff it."
                .to_string()
        ]
    );
    let ann = s.hours.iter().find(|h| h.staff_id == ANN).unwrap();
    assert_eq!(
        (ann.after_minutes, ann.target_minutes),
        (108 * 60, Some(96 * 60))
    );
    // 12 h over: the review explains that one shift, by whether Bo could
    // have worked it where he stands (rest and days in a row decide).
    let reason = ann.reason.as_deref().unwrap();
    assert!(
        reason.ends_with(
            ": took 1 shift a per diem nurse could also have worked (one extra shift comes before per diem)"
        ) || reason.ends_with(": needed for shifts nobody else could take"),
        "{reason}"
    );
    let bo = s.hours.iter().find(|h| h.staff_id == BO).unwrap();
    assert_eq!(bo.target_minutes, None, "no target");
}

#[test]
fn a_part_timer_takes_every_shift_within_their_extra_hours_before_an_agency_nurse() {
    // As above with an agency RN in place of the per diem one, at an
    // agency's rate ($90 an hour against $50): Ann takes every shift her
    // FTE and the 12 extra hours allow (9), the agency RN the 7 left.
    let mut c = with_per_diem(unit());
    c.staff[2].employment_type = EmploymentType::Agency;
    c.staff[2].hourly_rate_cents = 9000;
    c.coverage = need(DAY12, Requirement::Role(Role::Rn), 1, 1);
    let l = loaded(c);
    let (m, outcome) = fill(&l, 11);
    let shifts = shifts_of(&l, &m, &outcome);
    assert_eq!(shifts, vec![12, 9, 7], "Maria, Ann, the agency RN");
}

#[test]
fn the_summary_says_why_a_person_is_far_from_target_and_why_a_shift_is_under_target() {
    // Maria's BLS blocks and lapsed before the period; Ann (1.0) is the
    // only RN left for a Day 12 and a Night 12 with a target of 1 each.
    let mut c = unit();
    c.staff[1].fte_hundredths = 100;
    c.coverage = need(DAY12, Requirement::Role(Role::Rn), 0, 1);
    c.coverage
        .extend(need(NIGHT12, Requirement::Role(Role::Rn), 0, 1));
    c.staff[0].credentials.push(CredentialFact {
        name: "BLS".into(),
        expires_on: Some(day("2026-12-01")),
        when_expired: ExpiredAction::Block,
    });
    let l = loaded(c);
    let (m, outcome) = fill(&l, 2);
    let s = summary(&l, &m, &outcome, false, 3);
    assert_eq!(
        hours_reason(&s, MARIA).as_deref(),
        Some("Maria Lopez, 0 h of 160 h: BLS expired 1 Dec — cannot be scheduled")
    );
    let ann = s.hours.iter().find(|h| h.staff_id == ANN).unwrap();
    assert_eq!(ann.after_minutes, 144 * 60, "Ann works all she may");
    assert!(
        ann.reason.as_deref().unwrap().starts_with(
            "Ann Lee, 144 h of 160 h: any other shift they could take would break \
             their hours limit (40 h a week, 80 h a pay period)"
        ),
        "{:?}",
        ann.reason
    );
    assert!(s.unmet.is_empty(), "no minimum to miss");
    assert_eq!(
        s.under_target.len() as u32,
        s.under_target_after,
        "one line per person short: {:#?}",
        s.under_target
    );
    assert!(
        s.under_target
            .iter()
            .any(|u| u.starts_with("Day 12 6 Dec under target by 1 RN: ")
                || u.starts_with("Night 12 6 Dec under target by 1 RN: ")),
        "{:#?}",
        s.under_target
    );
    assert!(
        s.under_target
            .iter()
            .all(|u| u.ends_with(": every qualified RN free that day is at a limit (days in a row, rest, weekly hours or weekends).")
                || u.ends_with(": no qualified RN is free that day (time off, another shift or a credential that blocks).")),
        "each shift's cause in the words of the headline (Maria's BLS is named in her hours): {:#?}",
        s.under_target
    );
}

#[test]
fn less_than_a_shift_short_with_no_shift_that_fits_is_as_close_as_the_limits_allow() {
    // Ann may work 36 h a week (three 12-hour shifts under a 40-hour
    // week): 144 h of the period. At 0.95 FTE (152 h) she is 8 h short,
    // less than one shift: at her limit, not named as far. At 1.0 FTE
    // (160 h) she is 16 h short, more than a shift: named with the limit.
    let summary_for = |fte: i64| {
        let mut c = unit();
        c.staff[1].fte_hundredths = fte;
        c.coverage = need(DAY12, Requirement::Role(Role::Rn), 0, 1);
        c.coverage
            .extend(need(NIGHT12, Requirement::Role(Role::Rn), 0, 1));
        c.staff[0].credentials.push(CredentialFact {
            name: "BLS".into(),
            expires_on: Some(day("2026-12-01")),
            when_expired: ExpiredAction::Block,
        });
        let l = loaded(c);
        let (m, outcome) = fill(&l, 2);
        let s = summary(&l, &m, &outcome, false, 3);
        s.hours.into_iter().find(|h| h.staff_id == ANN).unwrap()
    };
    let close = summary_for(95);
    assert_eq!(
        (close.after_minutes, close.target_minutes),
        (144 * 60, Some(152 * 60))
    );
    assert!(close.at_limit, "{close:?}");
    assert_eq!(close.reason, None, "not named as far");
    let short = summary_for(100);
    assert_eq!(short.target_minutes, Some(160 * 60));
    assert!(!short.at_limit, "16 h is more than a shift: {short:?}");
    assert!(
        short
            .reason
            .as_deref()
            .unwrap()
            .contains("would break their hours limit"),
        "{short:?}"
    );
}

#[test]
fn keep_existing_releases_a_per_diem_shift_staff_short_of_target_can_take_but_not_a_locked_or_needed_one(
) {
    // Day 12 RN on weekdays only (20 shifts): Maria and Ann, both short of
    // their target, can take them all. The per diem RN (Bo) already holds
    // Tue 8th (open to them), Wed 9th (Maria and Ann are both on approved
    // time off: nobody else can) and Thu 10th (locked). Maria's own Mon 7th
    // is kept as it is.
    use crate::schedule::{TimeOff, TimeOffKind, TimeOffStatus};
    let mut c = with(
        with_per_diem(unit()),
        &[
            (BO, "2026-12-08", DAY12),
            (BO, "2026-12-09", DAY12),
            (BO, "2026-12-10", DAY12),
            (MARIA, "2026-12-07", DAY12),
        ],
    );
    use Weekday::*;
    c.coverage = need(DAY12, Requirement::Role(Role::Rn), 1, 1)
        .into_iter()
        .filter(|n| ![Sat, Sun].contains(&n.weekday))
        .collect();
    c.time_off = [MARIA, ANN]
        .into_iter()
        .map(|staff_id| TimeOff {
            staff_id,
            from: day("2026-12-09"),
            to: day("2026-12-09"),
            kind: TimeOffKind::Pto,
            status: TimeOffStatus::Approved,
            paid: true,
        })
        .collect();
    let mut l = loaded(c);
    l.locked = [(BO, day("2026-12-10"))].into();

    let m = map(&l, &FillOptions::default());
    let bo = m.staff_ids.iter().position(|&id| id == BO).unwrap();
    let maria = m.staff_ids.iter().position(|&id| id == MARIA).unwrap();
    let fixed_days = |s: usize| -> Vec<String> {
        m.model.staff[s]
            .fixed
            .iter()
            .filter(|&&(d, _)| m.period().contains(&d))
            .map(|&(d, _)| m.dates[d].to_string())
            .collect()
    };
    assert_eq!(fixed_days(bo), vec!["2026-12-10"], "only the locked one");
    assert_eq!(
        fixed_days(maria),
        vec!["2026-12-07"],
        "staff with a target keep theirs"
    );

    let (m, outcome) = fill(&l, 5);
    let proposed = proposed_assignments(&l.ctx, &m, &outcome.roster);
    let mut bo_days: Vec<String> = proposed
        .iter()
        .filter(|a| a.staff_id == BO)
        .map(|a| a.date.to_string())
        .collect();
    bo_days.sort();
    assert_eq!(
        bo_days,
        vec!["2026-12-09", "2026-12-10"],
        "the open shift went to staff short of their hours; the needed and locked ones stay"
    );
    let s = summary(&l, &m, &outcome, false, 3);
    assert_eq!(s.short_after, 0, "every weekday covered");
    assert_eq!((s.moved, s.removed_blocked), (1, 0));
    assert!(proposed
        .iter()
        .any(|a| a.staff_id == MARIA && a.date == day("2026-12-07")));

    // Without keep-existing nothing is fixed, and with it off for a person
    // with a target their shift is open too: the rule is about per diem only.
    let open = map(
        &l,
        &FillOptions {
            keep_existing: false,
            ..FillOptions::default()
        },
    );
    assert!(open.model.staff[maria]
        .fixed
        .iter()
        .all(|&(d, _)| !open.period().contains(&d)));
}

#[test]
fn a_charge_nurse_short_of_target_takes_a_shift_that_already_has_a_charge_nurse() {
    // Day 12 needs 2 RNs and 1 Charge on Mon, Wed and Fri (24 shifts).
    // Maria and Ann (1.0, both with Charge) can work them all, 12 each;
    // the per diem RN (Bo, no Charge) could too. Two charge nurses on one
    // shift are not too many people: Maria and Ann take every shift.
    use Weekday::*;
    let mut c = with_per_diem(unit());
    c.staff[0].skills = vec![CHARGE];
    c.staff[1].skills = vec![CHARGE];
    // Full-time, as said above (at 0.6 she would stop a shift past her FTE).
    c.staff[1].fte_hundredths = 100;
    c.coverage = need(DAY12, Requirement::Role(Role::Rn), 2, 2);
    c.coverage
        .extend(need(DAY12, Requirement::Skill(CHARGE), 1, 1));
    c.coverage.retain(|n| [Mon, Wed, Fri].contains(&n.weekday));
    let l = loaded(c);
    let m = map(&l, &FillOptions::default());
    let over = |requirement| -> Vec<u32> {
        m.model
            .cover
            .iter()
            .zip(&m.covers)
            .filter(|(_, meaning)| meaning.requirement == requirement)
            .map(|(line, _)| line.over_weight)
            .collect()
    };
    let charge = over(Requirement::Skill(CHARGE));
    assert!(
        !charge.is_empty() && charge.iter().all(|&w| w == 0),
        "a second person with a skill costs nothing: {charge:?}"
    );
    assert!(
        over(Requirement::Role(Role::Rn)).iter().all(|&w| w > 0),
        "a third RN is still one too many"
    );
    let (m, outcome) = fill(&l, 7);
    let shifts = shifts_of(&l, &m, &outcome);
    assert_eq!(shifts, vec![12, 12, 0], "Maria, Ann, the per diem RN");
    let s = summary(&l, &m, &outcome, false, 3);
    assert_eq!((s.short_after, s.under_target_after), (0, 0));
}

#[test]
fn someone_no_coverage_need_asks_for_has_no_target_and_is_not_named() {
    // Bo is a full-time CNA; the unit's needs are all RN: the fill gives
    // him no shift, so it neither aims for his hours nor explains them.
    let l = loaded(unit());
    let m = map(&l, &FillOptions::default());
    let bo = m.staff_ids.iter().position(|&id| id == BO).unwrap();
    assert!(m.model.staff[bo].target.is_none(), "no target for Bo");
    assert!(m.model.staff[0].target.is_some(), "Maria, an RN, has one");
    let (m, outcome) = fill(&l, 4);
    let s = summary(&l, &m, &outcome, false, 3);
    let bo = s.hours.iter().find(|h| h.staff_id == BO).unwrap();
    assert_eq!((bo.target_minutes, &bo.reason), (None, &None));
}

#[test]
fn the_reason_for_a_shortfall_is_judged_on_the_shifts_still_short() {
    use crate::solver::{room, Room, Rule};
    // Maria works Night 12 on Mon 7 Dec; nobody else works. Tue 8th's Day
    // 12 would follow her night: a day shift the day after a night.
    let m = mapped(unit());
    let model = &m.model;
    let d = |s: &str| m.day_of(day(s)).unwrap();
    let (day12, night12) = (shift(&m, DAY12), shift(&m, NIGHT12));
    let mut roster = crate::solver::Roster::empty(model);
    roster.cells[0][d("2026-12-07")] = Some(night12);
    let only = |want_day: usize, want_shift: usize| {
        move |day: usize, shift: usize| day == want_day && shift == want_shift
    };
    let tue = d("2026-12-08");
    assert_eq!(
        room(model, &roster, 0, m.period(), &only(tue, day12)),
        Room::AtLimit {
            limits: vec![(Rule::ForbiddenSuccession, 1)],
            every: false
        },
        "the one shift still short breaks her rest, though other shifts fit"
    );
    assert_eq!(
        room(model, &roster, 0, m.period(), &only(tue, night12)),
        Room::Free,
        "another night fits"
    );
    assert_eq!(
        room(model, &roster, 0, m.period(), &|_, _| false),
        Room::Full,
        "nothing short: every shift she could work is staffed"
    );
    // Three nights in a row already (36 h that week): a fourth shift
    // breaks the 40-hour week and days in a row, and with no other free
    // day that is all there is.
    let mut three = crate::solver::Roster::empty(model);
    for date in ["2026-12-07", "2026-12-08", "2026-12-09"] {
        three.cells[0][d(date)] = Some(night12);
    }
    let wed_thu = d("2026-12-10")..d("2026-12-11");
    assert_eq!(
        room(model, &three, 0, wed_thu, &|_, _| true),
        Room::AtLimit {
            limits: vec![
                (Rule::MaxMinutesInWindow, 2),
                (Rule::MaxConsecutiveWork, 2),
                (Rule::ForbiddenSuccession, 1)
            ],
            every: true
        },
        "Thursday's night and day both make 48 h and four in a row; the day also follows a night"
    );
}

#[test]
fn hours_beyond_a_target_are_needed_when_no_per_diem_nurse_could_work_them() {
    // As above without a per diem RN (Bo stays a CNA): Ann's shifts beyond
    // her 96 h were nobody else's to take, up to the 12 h extra allowed.
    let mut c = unit();
    c.coverage = need(DAY12, Requirement::Role(Role::Rn), 1, 1);
    let l = loaded(c);
    let (m, outcome) = fill(&l, 11);
    let s = summary(&l, &m, &outcome, false, 3);
    let ann = s.hours.iter().find(|h| h.staff_id == ANN).unwrap();
    assert_eq!(ann.after_minutes, 108 * 60, "Ann works all she may");
    assert_eq!(
        ann.reason.as_deref(),
        Some("Ann Lee, 108 h of 96 h: needed for shifts nobody else could take")
    );
}

#[test]
fn a_kept_shift_that_breaks_the_rest_rule_is_moved_unless_locked_and_a_locked_one_is_explained() {
    use crate::schedule::{check_all, RuleCode};
    // Maria works a night on Mon 7 Dec and a day on Tue 8th: a day shift
    // straight after a night, as a hand-made draft can hold.
    let c = with(
        unit(),
        &[(MARIA, "2026-12-07", NIGHT12), (MARIA, "2026-12-08", DAY12)],
    );
    let rest = |l: &Loaded, m: &Mapped, outcome: &crate::solver::Outcome| -> usize {
        let mut after = l.ctx.clone();
        after.assignments = proposed_assignments(&l.ctx, m, &outcome.roster);
        check_all(&after)
            .iter()
            .filter(|v| matches!(v.rule, RuleCode::DayAfterNight | RuleCode::Rest))
            .count()
    };
    let before = loaded(c.clone());
    assert!(
        check_all(&before.ctx)
            .iter()
            .any(|v| v.rule == RuleCode::DayAfterNight),
        "the draft breaks the rule"
    );
    let (m, outcome) = fill(&before, 3);
    assert_eq!(rest(&before, &m, &outcome), 0, "the Fill mends it");
    let s = summary(&before, &m, &outcome, false, 3);
    assert!(s.rest_kept.is_empty(), "{:?}", s.rest_kept);

    // Both locked: kept, and the review says why.
    let mut l = loaded(c);
    l.locked = [(MARIA, day("2026-12-07")), (MARIA, day("2026-12-08"))].into();
    let (m, outcome) = fill(&l, 3);
    let s = summary(&l, &m, &outcome, false, 3);
    assert!(rest(&l, &m, &outcome) > 0, "locked: kept as it is");
    assert_eq!(
        s.rest_kept.len(),
        rest(&l, &m, &outcome),
        "each break told: {:?}",
        s.rest_kept
    );
    assert!(
        s.rest_kept.iter().all(|line| line
            .ends_with("Kept: the shift on 7 Dec is locked and the shift on 8 Dec is locked.")),
        "{:?}",
        s.rest_kept
    );
}

#[test]
fn the_extra_hours_beyond_an_fte_are_a_hard_limit_even_with_fairness_0() {
    // Two RNs needed on every Day 12 (56 shifts): Ann (0.6: 96 h, 8
    // shifts) is wanted on every one she may take, as far as the extra
    // hours allow, fairness or not.
    let mut c = unit();
    c.coverage = need(DAY12, Requirement::Role(Role::Rn), 2, 2);
    let l = loaded(c);
    for (extra_hours, ann) in [(0, 8), (12, 9), (24, 10)] {
        let options = FillOptions {
            seconds: 2,
            fairness: 0,
            extra_hours,
            ..FillOptions::default()
        };
        let m = map(&l, &options);
        let outcome = run(&m, &options, 5, &AtomicBool::new(false), &mut |_| {}).unwrap();
        assert_eq!(
            shifts_of(&l, &m, &outcome)[1],
            ann,
            "{extra_hours} h extra: Ann's shifts"
        );
    }
}

#[test]
fn staffing_to_the_minimum_leaves_out_the_target_lines_and_charges_for_more() {
    let mut c = unit();
    c.coverage = need(DAY12, Requirement::Role(Role::Rn), 1, 2);
    let l = loaded(c);
    let to = |staff_to| {
        map(
            &l,
            &FillOptions {
                staff_to,
                ..FillOptions::default()
            },
        )
    };
    let target = to(super::department::StaffTo::Target);
    let minimum = to(super::department::StaffTo::Minimum);
    assert!(target.covers.iter().any(|c| !c.minimum), "target lines");
    assert!(
        minimum.covers.iter().all(|c| c.minimum),
        "minimum lines only"
    );
    assert!(
        minimum.model.cover.iter().all(|c| c.over_weight > 0),
        "a second RN on a shift costs more than anyone's hours bring"
    );
}

//! Weekends shared in proportion to FTE (issue #21, the tester's item 3:
//! full-timers with 0 weekends beside others with 8), on a generated unit
//! of ten RNs, with and without the department's weekend rule, and the
//! review naming whoever is still far from their share.

use super::department::{map, FillOptions};
use super::department_tests::{loaded, need};
use super::run::run;
use crate::fill::summary::{proposed_assignments, summary};
use crate::fill::weekends::shares;
use crate::schedule::testing::*;
use crate::schedule::{Requirement, ScheduleContext};
use crate::staff::{EmploymentType, Role};
use std::sync::atomic::AtomicBool;

/// Seven full-time and three 0.6 FTE RNs; two RNs on every day and night.
fn generated() -> ScheduleContext {
    let mut c = ctx();
    c.staff = (1..=10)
        .map(|id| {
            let mut p = person(id, &format!("Nurse {id:02}"), Role::Rn);
            if id > 7 {
                p.fte_hundredths = 60;
                p.employment_type = EmploymentType::PartTime;
            }
            p
        })
        .collect();
    c.coverage = need(DAY12, Requirement::Role(Role::Rn), 2, 2);
    c.coverage
        .extend(need(NIGHT12, Requirement::Role(Role::Rn), 2, 2));
    c
}

/// Weekends per person (by staff index) and their shares.
fn fill(c: ScheduleContext, seed: u64) -> (Vec<(u32, f64)>, Vec<String>, ScheduleContext) {
    let l = loaded(c);
    let options = FillOptions {
        seconds: 4,
        ..FillOptions::default()
    };
    let m = map(&l, &options);
    let outcome = run(&m, &options, seed, &AtomicBool::new(false), &mut |_| {}).unwrap();
    let mut per = vec![(0, 0.0); l.ctx.staff.len()];
    for w in shares(&m, &outcome.roster) {
        per[w.staff] = (w.weekends, w.share);
    }
    let s = summary(&l, &m, &outcome, false, options.fairness);
    let mut after = l.ctx.clone();
    after.assignments = proposed_assignments(&l.ctx, &m, &outcome.roster);
    (per, s.weekends, after)
}

/// Without the weekend term (measured, 4 s, seeds 1–3) full-timers got
/// [4, 4, 1, 0, 3, 3, 2] weekends and the 0.6 FTEs [4, 4, 4]; with it the
/// full-timers are within one of each other when the search has its time.
/// The bounds here leave room for a busy machine (a spread of two, seen
/// once under the whole suite), so what is asserted is the sharing, not
/// how far the search got.
#[test]
fn weekends_are_shared_in_proportion_to_fte() {
    for seed in [1, 2] {
        let (per, far, _) = fill(generated(), seed);
        let full: Vec<u32> = per[..7].iter().map(|w| w.0).collect();
        let spread = full.iter().max().unwrap() - full.iter().min().unwrap();
        assert!(
            spread <= 2,
            "seed {seed}: full-timers' weekends differ by at most two: {full:?}"
        );
        for (i, &(k, share)) in per.iter().enumerate() {
            assert!(
                (f64::from(k) - share).abs() < 2.0,
                "seed {seed}: nurse {} works {k} weekends against a share of {share:.1}: {per:?}",
                i + 1
            );
        }
        let mean =
            |ws: &[(u32, f64)]| ws.iter().map(|w| f64::from(w.0)).sum::<f64>() / ws.len() as f64;
        assert!(
            mean(&per[7..]) <= mean(&per[..7]),
            "seed {seed}: a 0.6 FTE works fewer weekends than a full-timer on average: {per:?}"
        );
        assert!(far.is_empty(), "nobody far from their share: {far:?}");
    }
}

/// The department's rule (2 weekends in 4 weeks) is a hard cap in the
/// model over the horizon (2 × weeks / 4), and sharing keeps everyone
/// under it. (Every rolling 4 weeks, as the grid checks it: see
/// `no_four_weeks_hold_more_weekends_than_the_rule_allows`.)
#[test]
fn the_weekend_rule_stays_hard_while_weekends_are_shared() {
    let mut c = generated();
    c.rules.max_weekends_per_4_weeks = Some(2);
    let l = loaded(c.clone());
    let m = map(&l, &FillOptions::default());
    let cap = m.model.staff[0].contract.max_weekends;
    let (per, _, after) = fill(c, 3);
    let full: Vec<u32> = per[..7].iter().map(|w| w.0).collect();
    assert!(
        full.iter().max().unwrap() - full.iter().min().unwrap() <= 2,
        "{full:?}"
    );
    assert!(per.iter().all(|w| w.0 <= cap), "cap {cap}: {per:?}");
    assert!(!after.assignments.is_empty());
}

#[test]
fn someone_far_from_their_share_is_named_in_the_review() {
    // Nurse 01 is locked on every weekend day: 4 weekends where the share
    // is about 2.
    let mut c = generated();
    let weekend_days: Vec<String> = (0..28)
        .map(|i| day("2026-12-06") + chrono::Duration::days(i))
        .filter(|d| {
            matches!(
                chrono::Datelike::weekday(d),
                chrono::Weekday::Sat | chrono::Weekday::Sun
            )
        })
        .map(|d| d.to_string())
        .collect();
    let mut l = loaded({
        for d in &weekend_days {
            c.assignments.push(assignment(1, d, DAY12));
        }
        c
    });
    for d in &weekend_days {
        l.locked.insert((1, day(d)));
    }
    let options = FillOptions {
        seconds: 3,
        ..FillOptions::default()
    };
    let m = map(&l, &options);
    let outcome = run(&m, &options, 4, &AtomicBool::new(false), &mut |_| {}).unwrap();
    let s = summary(&l, &m, &outcome, false, options.fairness);
    assert!(
        s.weekends
            .iter()
            .any(|line| line.starts_with("Nurse 01: 5 weekends against a share of about")
                && line.ends_with("all 5 were already on the schedule and kept; move them by hand, or run the Fill without keeping existing shifts, to share them")),
        "{:#?}",
        s.weekends
    );
}

/// Two RNs who worked the two weekends before the period (21 Nov, outside
/// the Fill's horizon, and 28 Nov, inside it), on a unit that needs an RN
/// on weekend days only, with at most 2 weekends in any 4 weeks. The cap
/// over the horizon (3) lets the Fill give each two more weekends anywhere
/// in the period, and most pairs put 3 in some 4 weeks (6 or 13 Dec with
/// the two before, or three in a row): the grid flags those. Every 4
/// weeks must keep the rule, so each nurse's first weekend in the period
/// is 19 Dec or later.
#[test]
fn no_four_weeks_hold_more_weekends_than_the_rule_allows() {
    use crate::schedule::rules::check_all;
    use crate::schedule::RuleCode;
    let mut c = ctx();
    c.staff = vec![
        person(1, "Nurse 01", Role::Rn),
        person(2, "Nurse 02", Role::Rn),
    ];
    c.rules.max_weekends_per_4_weeks = Some(2);
    c.coverage = need(DAY12, Requirement::Role(Role::Rn), 1, 1)
        .into_iter()
        .filter(|n| matches!(n.weekday, chrono::Weekday::Sat | chrono::Weekday::Sun))
        .collect();
    for id in [1, 2] {
        c.assignments.push(assignment(id, "2026-11-21", DAY12));
        c.assignments.push(assignment(id, "2026-11-28", DAY12));
    }
    let options = FillOptions {
        seconds: 2,
        ..FillOptions::default()
    };
    let l = loaded(c);
    let m = map(&l, &options);
    for seed in [1, 2] {
        let outcome = run(&m, &options, seed, &AtomicBool::new(false), &mut |_| {}).unwrap();
        let mut after = l.ctx.clone();
        after.assignments = proposed_assignments(&l.ctx, &m, &outcome.roster);
        for (s, person) in m.model.staff.iter().enumerate() {
            let row = &outcome.roster.cells[s];
            let weekends = (0..m.model.days.div_ceil(7))
                .filter(|w| (w * 7 + 5..w * 7 + 7).any(|d| row.get(d).is_some_and(Option::is_some)))
                .count() as u32;
            assert!(
                weekends <= person.contract.max_weekends,
                "seed {seed}: the horizon's cap holds ({weekends})"
            );
            assert!(
                weekends >= 2,
                "seed {seed}: the Fill gives weekends ({weekends})"
            );
        }
        let flagged: Vec<String> = check_all(&after)
            .into_iter()
            .filter(|v| v.rule == RuleCode::Weekends)
            .map(|v| v.message)
            .collect();
        assert!(flagged.is_empty(), "seed {seed}: {flagged:#?}");
        let first = after
            .assignments
            .iter()
            .filter(|a| a.date >= day("2026-12-06"))
            .map(|a| a.date)
            .min();
        assert!(
            first.is_some_and(|d| d >= day("2026-12-19")),
            "seed {seed}: the first weekend in the period is 19 Dec or later: {first:?}"
        );
    }
}

/// The benchmark's weekend limit is over the horizon: its contracts have
/// no rolling windows, so Curtois instances are solved as before.
#[test]
fn the_rolling_window_is_the_department_s_only() {
    let mut c = generated();
    let without = map(&loaded(c.clone()), &FillOptions::default());
    assert!(without
        .model
        .staff
        .iter()
        .all(|p| p.contract.weekend_windows.is_empty()));
    c.rules.max_weekends_per_4_weeks = Some(2);
    let with = map(&loaded(c), &FillOptions::default());
    assert!(with
        .model
        .staff
        .iter()
        .all(|p| !p.contract.weekend_windows.is_empty()));
}

/// The tester's sample (issue #21, fresh eyes): after a default Fill with
/// an RN leaving mid-period, Haddad had 0 weekends against a share of
/// about 4 and no reason. Everyone named far from their share is told why.
#[test]
fn everyone_far_from_their_share_of_weekends_is_told_why() {
    let l = super::fill_figures_tests::draft_with_a_resignation();
    let options = FillOptions {
        seconds: 4,
        ..FillOptions::default()
    };
    let m = map(&l, &options);
    let outcome = run(&m, &options, 1, &AtomicBool::new(false), &mut |_| {}).unwrap();
    let s = summary(&l, &m, &outcome, false, options.fairness);
    let far = shares(&m, &outcome.roster)
        .into_iter()
        .filter(|w| (f64::from(w.weekends) - w.share).abs() >= 2.0)
        .count();
    assert_eq!(s.weekends.len(), far, "{:#?}", s.weekends);
    for line in &s.weekends {
        let (_, why) = line
            .split_once(") — ")
            .unwrap_or_else(|| panic!("no reason: {line}"));
        assert!(!why.trim().is_empty(), "{line}");
    }
}

/// Nurse 01, full-time, leaves on Sat 12 Dec, a week into the four-week
/// period: her share of the weekends is a quarter of a full-timer's
/// (issue #21: Haddad, leaving on 20 Jan, was told "0 weekends against a
/// share of about 4").
#[test]
fn the_share_of_someone_leaving_in_the_period_is_scaled_to_the_days_employed() {
    let mut l = loaded(generated());
    l.people[0].termination_date = Some("2026-12-12".into());
    let options = FillOptions {
        seconds: 2,
        ..FillOptions::default()
    };
    let m = map(&l, &options);
    assert_eq!(m.employed_days[0], 7, "6 to 12 Dec");
    assert_eq!(m.employed_days[1], 28);
    let outcome = run(&m, &options, 1, &AtomicBool::new(false), &mut |_| {}).unwrap();
    let all = shares(&m, &outcome.roster);
    let of = |s: usize| all.iter().find(|w| w.staff == s).map(|w| w.share);
    let (leaving, full) = (of(0).expect("she works"), of(1).expect("he works"));
    assert!(
        (leaving * 4.0 - full).abs() < 1e-9,
        "a quarter of a full-timer's share: {leaving} against {full}"
    );
}

/// The tester's sample with an RN leaving mid-period, default Fill: nobody
/// at or over their share of weekends is given a weekend shift that
/// someone under theirs could take under every rule (issue #21: a Sunday
/// night added to Tyrone Larsen, who already worked all six weekends, and
/// a Saturday night to a part-timer who worked every one). Kept weekend
/// shifts may stay.
#[test]
fn no_weekend_shift_is_added_to_someone_at_their_share_that_another_under_it_could_take() {
    use crate::solver::score::row_violations;
    let l = super::fill_figures_tests::draft_with_a_resignation();
    let options = FillOptions {
        seconds: 4,
        ..FillOptions::default()
    };
    let m = map(&l, &options);
    let outcome = run(&m, &options, 1, &AtomicBool::new(false), &mut |_| {}).unwrap();
    let roster = &outcome.roster;
    let all = shares(&m, roster);
    let qualifies_for_all = |q: usize, p: usize, day: usize, shift: usize| {
        m.model
            .cover
            .iter()
            .filter(|c| c.day == day && c.shift == shift && m.model.qualifies(q, c))
            .all(|c| m.model.qualifies(p, c))
    };
    for w in all.iter().filter(|w| f64::from(w.weekends) >= w.share) {
        for day in m.period().filter(|&d| crate::solver::Model::is_weekend(d)) {
            let Some(shift) = roster.cells[w.staff][day] else {
                continue;
            };
            if m.current.cells[w.staff][day] == Some(shift) {
                continue;
            }
            for o in all
                .iter()
                .filter(|o| f64::from(o.weekends) < o.share && o.weekends + 2 <= w.weekends)
                .filter(|o| roster.cells[o.staff][day].is_none())
                .filter(|o| qualifies_for_all(w.staff, o.staff, day, shift))
            {
                let mut trial = roster.clone();
                trial.cells[w.staff][day] = None;
                trial.cells[o.staff][day] = Some(shift);
                assert!(
                    !row_violations(&m.model, &trial, o.staff).is_empty(),
                    "{} ({} weekends, share {:.1}) was given {} that {} ({} weekends, share {:.1}) could take",
                    l.ctx.staff[w.staff].name,
                    w.weekends,
                    w.share,
                    m.dates[day],
                    l.ctx.staff[o.staff].name,
                    o.weekends,
                    o.share
                );
            }
        }
    }
}

/// The share-out itself: Nurse 01 given both days of every weekend by the
/// Fill, everyone else a weekday shift only: her weekend shifts go to
/// those under their share until nobody under it can take one, and the
/// cover is as it was.
#[test]
fn weekend_shifts_beyond_a_share_go_to_those_under_theirs() {
    let l = loaded(generated());
    let m = map(&l, &FillOptions::default());
    let d12 = m.shift_of(DAY12).unwrap();
    let mut roster = m.current.clone();
    let weekend: Vec<usize> = m
        .period()
        .filter(|&d| crate::solver::Model::is_weekend(d))
        .collect();
    for &d in &weekend {
        roster.cells[0][d] = Some(d12);
    }
    for s in 1..10 {
        roster.cells[s][m.first_period_day + 1] = Some(d12);
    }
    let before = shares(&m, &roster);
    assert_eq!(before[0].weekends, 5, "Sun 6 Dec and four whole weekends");
    let after = crate::fill::weekend_share::share_out(&m, &roster);
    let shared = shares(&m, &after);
    // Nobody under their share is left with two weekends fewer than her.
    assert!(
        shared
            .iter()
            .all(|w| f64::from(w.weekends) >= w.share || w.weekends + 2 > shared[0].weekends),
        "{shared:?}"
    );
    assert!(shared[0].weekends <= 2, "{shared:?}");
    for &d in &weekend {
        let on =
            |r: &crate::solver::Roster| r.cells.iter().filter(|row| row[d] == Some(d12)).count();
        assert_eq!(
            on(&after),
            on(&roster),
            "day {d}: the shift moved, not lost"
        );
    }
}

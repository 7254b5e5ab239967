//! The row relaxation and its pricing against brute force on small random
//! instances: pricing finds the cheapest feasible row under any cell prices,
//! the relaxation over every feasible row is never dearer than the best
//! roster, and over one row per person it costs exactly that roster.

use super::columns::{Diver, Master};
use super::model::{Model, Roster};
use super::replan::Planner;
use super::replan_tests::{every_row, random_instance};
use super::rng::Rng;
use super::row::Rules;
use super::score;
use super::state::State;
use std::time::{Duration, Instant};

fn far() -> Instant {
    Instant::now() + Duration::from_secs(60)
}

/// Every row of `staff` the scorer finds feasible (the others left empty).
pub(super) fn feasible_rows(model: &Model, staff: usize) -> Vec<Vec<Option<usize>>> {
    let mut roster = Roster::empty(model);
    every_row(model.days, model.shifts.len())
        .filter(|row| {
            roster.cells[staff] = row.clone();
            score(model, &roster)
                .violations
                .iter()
                .all(|v| v.staff != staff)
        })
        .collect()
}

#[test]
fn pricing_finds_the_cheapest_feasible_row_under_any_prices() {
    // Kept per key, and per key and class of resources as the dive prices.
    for split in [false, true] {
        let mut rng = Rng::new(5);
        let mut checked = 0;
        for _ in 0..12 {
            let model = random_instance(&mut rng, 6);
            let rules = Rules::new(&model);
            let values = model.shifts.len() + 1;
            let mut planner = Planner::new(1_000);
            planner.split = split;
            for staff in 0..model.staff.len() {
                let rows = feasible_rows(&model, staff);
                if rows.is_empty() {
                    continue;
                }
                // Prices of either sign, as the cover's duals give them.
                let costs: Vec<i64> = (0..model.days * values)
                    .map(|_| rng.below(101) as i64 - 50)
                    .collect();
                let price = |row: &[Option<usize>]| -> i64 {
                    row.iter()
                        .enumerate()
                        .map(|(day, c)| costs[day * values + c.map_or(0, |s| s + 1)])
                        .sum()
                };
                let cheapest = rows.iter().map(|r| price(r)).min().expect("some row");
                let found = planner.price(&rules, staff, &costs, cheapest + 1, 1);
                assert_eq!(
                    found.len(),
                    1,
                    "one row asked for, and one is below the bound"
                );
                let (row, cost) = &found[0];
                assert!(rows.contains(row), "{row:?} of {staff} is feasible");
                assert_eq!(
                    (*cost, price(row)),
                    (cheapest, cheapest),
                    "{row:?} of {staff}"
                );
                assert_eq!(
                    planner.price(&rules, staff, &costs, cheapest, 1),
                    vec![],
                    "no row costs less than the cheapest"
                );
                // Asked for several: distinct feasible rows at their prices,
                // cheapest first, the first the cheapest of all.
                let bound = cheapest + 40;
                let several = planner.price(&rules, staff, &costs, bound, 3);
                assert_eq!(several.first().map(|r| r.1), Some(cheapest));
                assert!(several.len() <= 3);
                assert!(several.windows(2).all(|w| w[0].1 <= w[1].1));
                let distinct: std::collections::HashSet<_> = several.iter().map(|r| &r.0).collect();
                assert_eq!(distinct.len(), several.len(), "{several:?}");
                for (row, cost) in &several {
                    assert!(rows.contains(row), "{row:?} of {staff} is feasible");
                    assert_eq!(*cost, price(row));
                    assert!(*cost < bound);
                }
                checked += 1;
            }
        }
        assert!(checked >= 20, "enough people had feasible rows: {checked}");
    }
}

/// The cheapest roster of three people by brute force, with its cost.
pub(super) fn best_roster(model: &Model, rows: &[Vec<Vec<Option<usize>>>]) -> (Roster, i64) {
    let mut state = State::new(model, Roster::empty(model));
    let mut best = (Roster::empty(model), i64::MAX);
    for a in &rows[0] {
        for b in &rows[1] {
            for c in &rows[2] {
                let roster = Roster {
                    cells: vec![a.clone(), b.clone(), c.clone()],
                };
                state.load(&roster);
                if state.cost < best.1 {
                    best = (roster, state.cost);
                }
            }
        }
    }
    best
}

#[test]
fn the_relaxation_is_never_dearer_than_the_best_roster_and_prices_one_roster_exactly() {
    let mut rng = Rng::new(8);
    let mut checked = 0;
    for _ in 0..10 {
        let model = random_instance(&mut rng, 4);
        let rows: Vec<_> = (0..3).map(|s| feasible_rows(&model, s)).collect();
        if rows.iter().any(Vec::is_empty) {
            continue;
        }
        let (best, cost) = best_roster(&model, &rows);
        let requests = State::new(&model, Roster::empty(&model));

        let mut all = Master::new(&model);
        for (staff, list) in rows.iter().enumerate() {
            for row in list {
                assert!(all.add(&requests, staff, row.clone()), "each row is new");
            }
        }
        let relaxed = all.solve(far()).expect("the relaxation solves");
        let lower = all.objective(&relaxed);
        assert!(
            lower <= cost as f64 + 1e-4,
            "relaxation {lower} above the best roster {cost}"
        );

        let mut one = Master::new(&model);
        for (staff, row) in best.cells.iter().enumerate() {
            assert!(one.add(&requests, staff, row.clone()), "a new column");
            assert!(
                !one.add(&requests, staff, row.clone()),
                "a repeated column is not added"
            );
        }
        let relaxed = one.solve(far()).expect("the relaxation solves");
        assert!(
            relaxed.share.iter().all(|&s| (s - 1.0).abs() < 1e-4),
            "each person on their one row"
        );
        let exact = one.objective(&relaxed);
        assert!(
            (exact - cost as f64).abs() < 1e-4,
            "one row each costs {exact}, the roster {cost}"
        );
        checked += 1;
    }
    assert!(
        checked >= 5,
        "enough instances had feasible rows: {checked}"
    );
}

#[test]
fn a_dive_returns_a_roster_that_keeps_every_hard_rule() {
    let mut rng = Rng::new(21);
    let mut checked = 0;
    for _ in 0..10 {
        let model = random_instance(&mut rng, 7);
        let mut rules = Rules::new(&model);
        let Some(seed) = (0..model.staff.len())
            .map(|s| rules.construct(s, &mut rng, &|_, _| 0.0))
            .collect::<Option<Vec<_>>>()
        else {
            continue;
        };
        let seed = Roster { cells: seed };
        let deadline = Instant::now() + Duration::from_secs(30);
        let roster = Diver::new(&model, &[&seed])
            .dive(&mut rules, deadline, &mut || true)
            .expect("a small dive finishes");
        assert_eq!(
            score(&model, &roster).violations,
            vec![],
            "{:?}",
            roster.cells
        );
        checked += 1;
    }
    assert!(checked >= 5, "enough instances could be seeded: {checked}");
}

#[test]
fn a_dive_told_to_stop_returns_nothing() {
    let model = random_instance(&mut Rng::new(3), 7);
    let mut rules = Rules::new(&model);
    let deadline = Instant::now() + Duration::from_secs(30);
    let seed = Roster::empty(&model);
    let mut diver = Diver::new(&model, &[&seed]);
    assert!(diver.dive(&mut rules, deadline, &mut || false).is_none());
}

#[test]
fn a_dive_reaches_the_proven_optimum_of_benchmark_instance_2() {
    // The annealing alone ended at 831–834 on every seed and every setting
    // tried; the optimum (828) differs from its rosters in most rows.
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/data/rostering/curtois/Instance2.txt");
    let text = std::fs::read_to_string(path).expect("the benchmark data is beside the repository");
    let model = super::curtois::parse(&text).expect("Instance 2 parses");
    let mut rules = Rules::new(&model);
    let mut rng = Rng::new(1);
    let seed = Roster {
        cells: (0..model.staff.len())
            .map(|s| rules.construct(s, &mut rng, &|_, _| 0.0).expect("a row"))
            .collect(),
    };
    let deadline = Instant::now() + Duration::from_secs(120);
    let roster = Diver::new(&model, &[&seed])
        .dive(&mut rules, deadline, &mut || true)
        .expect("the dive finishes well within its time");
    let scored = score(&model, &roster);
    assert_eq!(scored.violations, vec![]);
    assert_eq!(scored.penalty(), 828, "the proven optimum");
}

/// Random three-person instances that have feasible rows for everyone,
/// each with its brute-force best cost and a roster built row by row.
fn small_cases(seed: u64, count: usize) -> Vec<(Model, i64, Roster)> {
    let mut rng = Rng::new(seed);
    let mut cases = Vec::new();
    while cases.len() < count {
        let model = random_instance(&mut rng, 4);
        let rows: Vec<_> = (0..3).map(|s| feasible_rows(&model, s)).collect();
        if rows.iter().any(Vec::is_empty) {
            continue;
        }
        let mut rules = Rules::new(&model);
        let Some(cells) = (0..3)
            .map(|s| rules.construct(s, &mut rng, &|_, _| 0.0))
            .collect::<Option<Vec<_>>>()
        else {
            continue;
        };
        let (_, best) = best_roster(&model, &rows);
        cases.push((model, best, Roster { cells }));
    }
    cases
}

#[test]
fn repeated_dives_return_a_feasible_roster_at_the_cost_they_report() {
    for (model, best, seed) in &small_cases(5, 8) {
        let mut rules = Rules::new(model);
        let deadline = Instant::now() + Duration::from_millis(300);
        let (roster, cost) = Diver::new(model, &[seed])
            .dives(
                &mut rules,
                deadline,
                &mut || true,
                &mut Rng::new(1),
                i64::MAX,
            )
            .expect("any roster beats no roster");
        let scored = score(model, &roster);
        assert_eq!(scored.violations, vec![]);
        assert_eq!(scored.penalty() as i64, cost, "the cost it reports");
        assert!(cost >= *best, "never below the brute-force best");
    }
}

#[test]
fn repeated_dives_return_nothing_that_does_not_beat_the_mark() {
    for (model, best, seed) in small_cases(6, 8) {
        let mut rules = Rules::new(&model);
        let deadline = Instant::now() + Duration::from_millis(200);
        let found = Diver::new(&model, &[&seed]).dives(
            &mut rules,
            deadline,
            &mut || true,
            &mut Rng::new(2),
            best,
        );
        assert!(found.is_none(), "nothing is cheaper than the best roster");
    }
}

#[test]
fn repeated_dives_over_nobody_end_after_one() {
    // Cover still asks for people, so the roster is short everywhere.
    let (mut model, _, _) = small_cases(7, 1).remove(0);
    model.staff.clear();
    model.requests.clear();
    let mut rules = Rules::new(&model);
    let mut asked = 0;
    let found = Diver::new(&model, &[]).dives(
        &mut rules,
        Instant::now() + Duration::from_secs(2),
        &mut || {
            asked += 1;
            true
        },
        &mut Rng::new(3),
        i64::MAX,
    );
    let (roster, _) = found.expect("the empty roster beats no roster");
    assert!(roster.cells.is_empty());
    assert_eq!(
        asked, 1,
        "one dive over nobody, not dives until the deadline"
    );
}

#[test]
fn repeated_dives_stop_once_the_root_cannot_beat_the_mark() {
    // Nothing costs less than nothing: after the greedy dive every shaken
    // one is abandoned at the root, so the dives end long before the
    // deadline rather than retrying it.
    for (model, best, seed) in small_cases(8, 6).into_iter().filter(|c| c.1 > 0) {
        let mut rules = Rules::new(&model);
        let mut asked = 0;
        let found = Diver::new(&model, &[&seed]).dives(
            &mut rules,
            Instant::now() + Duration::from_secs(60),
            &mut || {
                asked += 1;
                asked < 10_000
            },
            &mut Rng::new(4),
            0,
        );
        assert!(found.is_none(), "nothing beats 0 (best {best})");
        assert!(asked < 10_000, "the dives stopped by themselves");
    }
}

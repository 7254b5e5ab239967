//! The Lagrangian bound against brute force on small random instances: the
//! table finds the cheapest row keeping its part of the contract, and the
//! bound never exceeds the cheapest roster (issue #23, item 2).

use super::bound::{lower_bound_within, quick_bound};
use super::cheapest::{Cheapest, Minutes};
use super::columns_tests::{best_roster, feasible_rows};
use super::lagrange::{lagrangian_bound, tracked_minutes};
use super::model::Model;
use super::replan_tests::random_instance;
use super::rng::Rng;
use super::row::Rules;
use std::time::Duration;

/// Weekends with a shift, as the scorer counts them.
fn weekends(row: &[Option<usize>]) -> u32 {
    (5..row.len())
        .step_by(7)
        .filter(|&sat| row[sat].is_some() || row.get(sat + 1).is_some_and(|c| c.is_some()))
        .count() as u32
}

/// The model with every total the table leaves to prices made loose
/// (shifts, each type's most), so that the rows the scorer allows are the
/// rows the table keeps.
fn loosened(mut model: Model) -> Model {
    let days = model.days as u32;
    for s in &mut model.staff {
        let c = &mut s.contract;
        c.min_shifts = 0;
        c.max_shifts = days;
        c.max_per_shift
            .iter_mut()
            .filter(|m| **m > 0)
            .for_each(|m| *m = days);
    }
    model
}

#[test]
fn the_table_finds_the_cheapest_row_that_keeps_its_part_of_the_contract() {
    let mut rng = Rng::new(23);
    let mut table = Cheapest::default();
    let mut row = Vec::new();
    let mut checked = 0;
    for _ in 0..14 {
        // Eight days reach a weekend's both days and a row's edges.
        let days = 7 + rng.below(2);
        let model = loosened(random_instance(&mut rng, days));
        let rules = Rules::new(&model);
        let values = model.shifts.len() + 1;
        for staff in 0..model.staff.len() {
            let rows = feasible_rows(&model, staff);
            let cost: Vec<f64> = (0..days * values)
                .map(|i| {
                    if rules.allowed_cell(staff, i / values, (i % values).checked_sub(1)) {
                        rng.below(41) as f64 - 20.0
                    } else {
                        f64::INFINITY
                    }
                })
                .collect();
            let weekend = rng.below(4) as f64;
            let price = |row: &[Option<usize>]| -> f64 {
                row.iter()
                    .enumerate()
                    .map(|(d, c)| cost[d * values + c.map_or(0, |s| s + 1)])
                    .sum::<f64>()
                    + weekend * f64::from(weekends(row))
            };
            let minutes = tracked_minutes(&model, &rules, staff);
            let workable = model.staff[staff]
                .contract
                .max_per_shift
                .iter()
                .any(|&m| m > 0);
            assert!(
                minutes.levels > 1 || !workable,
                "minutes tracked on a small table"
            );
            let found = table.row(&rules, staff, &cost, weekend, &minutes, &mut row);
            let cheapest = rows.iter().map(|r| price(r)).min_by(f64::total_cmp);
            assert_eq!(found, cheapest, "staff {staff} of {model:?}");
            if let Some(value) = found {
                assert!(rows.contains(&row), "{row:?} keeps the contract");
                assert_eq!(price(&row), value, "the row found costs what was said");
                checked += 1;
            }
            // With minutes left to prices, never dearer than the cheapest.
            let free = Minutes::untracked(model.shifts.len());
            let relaxed = table.row(&rules, staff, &cost, weekend, &free, &mut row);
            if let Some(cheapest) = cheapest {
                assert!(relaxed.expect("a row") <= cheapest);
            }
        }
    }
    assert!(checked >= 20, "enough people had rows: {checked}");
}

#[test]
fn the_bound_never_exceeds_the_cheapest_roster() {
    let mut rng = Rng::new(4);
    let (mut checked, mut exact, mut above_quick) = (0, 0, 0);
    for _ in 0..40 {
        let days = 4 + rng.below(3);
        let model = random_instance(&mut rng, days);
        let rows: Vec<_> = (0..3).map(|s| feasible_rows(&model, s)).collect();
        if rows.iter().any(Vec::is_empty) {
            continue;
        }
        let (_, cost) = best_roster(&model, &rows);
        let cost = cost as u64;
        // Aimed at the optimum itself, the boldest the steps can be.
        let bound = lagrangian_bound(&model, Duration::from_secs(5), 2_000, cost);
        assert!(
            bound <= cost,
            "bound {bound} above the optimum {cost}: {model:?}"
        );
        let both = lower_bound_within(&model, Duration::from_secs(5), cost);
        assert!(both <= cost, "bound {both} above the optimum {cost}");
        // Aimed at nothing in particular.
        let blind = lagrangian_bound(&model, Duration::from_secs(5), 400, u64::MAX);
        assert!(blind <= cost, "bound {blind} above the optimum {cost}");
        checked += 1;
        exact += usize::from(bound == cost);
        above_quick += usize::from(bound > quick_bound(&model));
    }
    assert!(checked >= 20, "enough instances had rosters: {checked}");
    // Not a vacuous bound: it often proves the optimum and beats the
    // quick one.
    assert!(exact * 3 >= checked, "{exact} of {checked} proven optimal");
    assert!(
        above_quick * 3 >= checked,
        "{above_quick} of {checked} above the quick bound"
    );
}

#[test]
fn a_person_without_any_row_gives_no_bound() {
    let mut rng = Rng::new(2);
    let mut model = random_instance(&mut rng, 5);
    // A must work 480 minutes but has every day off.
    model.staff[0].days_off = (0..5).collect();
    model.staff[0].contract.min_minutes = 480;
    assert_eq!(lagrangian_bound(&model, Duration::from_secs(1), 50, 100), 0);
}

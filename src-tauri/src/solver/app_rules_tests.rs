//! The model's rules for the app — fixed cells, unavailable cells, minutes
//! within windows, successions two days apart — in the scorer, in the
//! search's own row check (the two must agree) and in the solver's result.

use super::curtois::parse;
use super::model::{Model, Roster, Window};
use super::rng::Rng;
use super::row::Rules;
use super::{score, solve, Options, Rule};
use std::time::Duration;

/// Two weeks, two people who may work anything: an early `E` (480 min) and
/// a night `N` (720 min); no early the day after a night, nor two days after.
fn model() -> Model {
    let text = "SECTION_HORIZON\n14\n\n\
        SECTION_SHIFTS\nE,480,\nN,720,E\n\n\
        SECTION_STAFF\nA,,20000,0,14,0,0,14\nB,,20000,0,14,0,0,14\n\n\
        SECTION_DAYS_OFF\n\nSECTION_SHIFT_ON_REQUESTS\n\nSECTION_SHIFT_OFF_REQUESTS\n\n\
        SECTION_COVER\n0,E,1,100,1\n3,N,1,100,1\n";
    let mut m = parse(text).expect("well formed");
    m.shifts[1].forbidden_after_gap = vec![0];
    // A: an early fixed on day 2, no night on day 5, at most 1200 min in days 7–13.
    m.staff[0].fixed = vec![(2, 0)];
    m.staff[0].unavailable = vec![(5, 1)];
    m.staff[0].contract.windows = vec![Window {
        first: 7,
        days: 7,
        max_minutes: 1200,
    }];
    m
}

fn roster(m: &Model, rows: [&str; 2]) -> Roster {
    let cell = |c: char| m.shifts.iter().position(|s| s.id.starts_with(c));
    Roster {
        cells: rows.iter().map(|r| r.chars().map(cell).collect()).collect(),
    }
}

fn broken(m: &Model, a: &str) -> Vec<Rule> {
    score(m, &roster(m, [a, "--------------"]))
        .violations
        .iter()
        .map(|v| v.rule)
        .collect()
}

#[test]
fn the_scorer_holds_fixed_and_unavailable_cells_windows_and_two_day_successions() {
    let m = model();
    assert_eq!(broken(&m, "--E-----------"), vec![], "the fixed early kept");
    assert_eq!(
        broken(&m, "--------------"),
        vec![Rule::Fixed],
        "a fixed cell left empty"
    );
    assert_eq!(
        broken(&m, "--N-----------"),
        vec![Rule::Fixed],
        "a fixed cell changed"
    );
    assert_eq!(broken(&m, "--E--N--------"), vec![Rule::Unavailable]);
    assert_eq!(broken(&m, "--E----E--E---"), vec![], "960 min in days 7–13");
    assert_eq!(
        broken(&m, "--E----EE-E---"),
        vec![Rule::MaxMinutesInWindow],
        "three earlies are 1440 min, over 1200"
    );
    assert_eq!(
        broken(&m, "--E---EE-E----"),
        vec![],
        "day 6 is outside the window"
    );
    assert_eq!(
        broken(&m, "--E-N-E-------"),
        vec![Rule::ForbiddenSuccession],
        "an early two days after a night"
    );
}

#[test]
fn a_succession_between_two_fixed_cells_is_not_the_solvers() {
    let mut m = model();
    m.staff[0].fixed = vec![(2, 1), (3, 0)];
    assert_eq!(broken(&m, "--NE----------"), vec![], "both were given");
    m.staff[0].fixed = vec![(2, 1)];
    assert_eq!(
        broken(&m, "--NE----------"),
        vec![Rule::ForbiddenSuccession]
    );
}

#[test]
fn the_search_check_agrees_with_the_scorer_on_these_rules() {
    let m = model();
    let mut rules = Rules::new(&m);
    let mut rng = Rng::new(11);
    let mut feasible = 0;
    for _ in 0..20_000 {
        let mut row: Vec<_> = (0..m.days)
            .map(|_| [None, None, None, Some(0), Some(1)][rng.below(5)])
            .collect();
        if rng.below(2) == 0 {
            row[2] = Some(0);
        }
        let mut r = Roster::empty(&m);
        r.cells[0] = row.clone();
        let by_scorer = score(&m, &r).violations.iter().all(|v| v.staff != 0);
        assert_eq!(rules.feasible(0, &row), by_scorer, "row {row:?}");
        feasible += usize::from(by_scorer);
    }
    assert!(feasible > 0, "some rows must be feasible to mean anything");
}

#[test]
fn the_solver_keeps_them() {
    let m = model();
    let options = Options {
        time_limit: Duration::from_millis(300),
        seed: 5,
    };
    let outcome = solve(&m, &options).expect("a roster exists");
    assert_eq!(score(&m, &outcome.roster).violations, vec![]);
    assert_eq!(
        outcome.roster.cells[0][2],
        Some(0),
        "the fixed early is there"
    );
}

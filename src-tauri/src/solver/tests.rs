//! Hand-checked cases for the parser, the scorer and the search.

use super::curtois::{parse, ParseError};
use super::model::Roster;
use super::rng::Rng;
use super::row::Rules;
use super::{score, solve, Model, Options, Rule};
use std::time::Duration;

/// Two weeks, two people, an early `E` and a late `L` (no early after a late).
const TINY: &str = "SECTION_HORIZON\n14\n\n\
SECTION_SHIFTS\nE,480,\nL,600,E\n\n\
SECTION_STAFF\n\
A,E=14|L=14,6000,2400,4,2,2,1\n\
B,E=14|L=0,6000,0,5,1,1,2\n\n\
SECTION_DAYS_OFF\nA,3\n\n\
SECTION_SHIFT_ON_REQUESTS\nA,0,E,2\n\n\
SECTION_SHIFT_OFF_REQUESTS\nB,1,E,3\n\n\
SECTION_COVER\n0,E,1,100,1\n1,E,2,100,1\n2,L,1,50,5\n";

fn tiny() -> Model {
    parse(TINY).expect("the tiny instance is well formed")
}

fn roster(model: &Model, rows: &[&str]) -> Roster {
    let cell = |c: char| model.shifts.iter().position(|s| s.id.starts_with(c));
    Roster {
        cells: rows.iter().map(|r| r.chars().map(cell).collect()).collect(),
    }
}

fn rules_broken(model: &Model, rows: &[&str]) -> Vec<Rule> {
    let mut rules: Vec<_> = score(model, &roster(model, rows))
        .violations
        .iter()
        .map(|v| v.rule)
        .collect();
    rules.sort_by_key(|r| format!("{r:?}"));
    rules
}

#[test]
fn parser_reads_every_section() {
    let m = tiny();
    assert_eq!(m.days, 14);
    assert_eq!(m.shifts[1].forbidden_next, vec![0], "no E after L");
    assert_eq!(m.staff[1].contract.max_per_shift, vec![14, 0]);
    assert_eq!(m.staff[0].contract.min_minutes, 2400);
    assert_eq!(m.staff[0].days_off, vec![3]);
    assert_eq!(m.requests.len(), 2);
    assert_eq!(m.cover[2].over_weight, 5);
}

#[test]
fn parser_names_the_line_of_a_mistake() {
    let unknown = TINY.replace("A,0,E,2", "A,0,X,2");
    assert!(
        matches!(parse(&unknown), Err(ParseError::Malformed { line: 16, ref reason }) if reason.contains("\"X\"")),
        "an unknown shift id is reported with its line: {:?}",
        parse(&unknown)
    );
    let outside = TINY.replace("A,3\n", "A,14\n");
    assert!(parse(&outside).is_err(), "day 14 is past a 14-day horizon");
    let missing = TINY.replace("SECTION_COVER", "SECTION_HORIZON");
    assert!(parse(&missing).is_err(), "a missing section is an error");
    assert!(
        parse(&TINY.replace("\n", "\r\n")).is_ok(),
        "CRLF files parse"
    );
}

#[test]
fn scorer_adds_request_and_cover_weights() {
    let m = tiny();
    // A: E on day 0 (request met), L on day 2; B: E days 0-1 (off request broken).
    let rows = ["EEL-----EEE---", "EE------------"];
    let s = score(&m, &roster(&m, &rows));
    assert_eq!(s.violations, vec![], "the roster is feasible");
    assert_eq!(
        s.request_penalty, 3,
        "only B's off request on day 1 is broken"
    );
    // Day 0: E 2/1 → 1 over (1). Day 1: E 2/2. Day 2: L 1/1.
    assert_eq!(s.cover_penalty, 1);
}

#[test]
fn runs_touching_the_horizon_edge_are_not_held_to_minimums() {
    let m = tiny();
    let idle = "--------------";
    // A (min 2 in a row, min 2 off) works day 0 alone, or day 13 alone: the
    // run may continue outside the horizon, so neither is too short.
    assert_eq!(rules_broken(&m, &["E------EEE--EE", idle]), vec![]);
    assert_eq!(rules_broken(&m, &["-------EEEE--E", idle]), vec![]);
    // Inside the horizon, one working day alone, or one day off alone, is too short.
    assert_eq!(
        rules_broken(&m, &["EE---E--EEEE--", idle]),
        vec![Rule::MinConsecutiveWork]
    );
    assert_eq!(
        rules_broken(&m, &["EE--EE-EEE----", idle]),
        vec![Rule::MinConsecutiveOff]
    );
}

#[test]
fn scorer_counts_successions_weekends_and_limits() {
    let m = tiny();
    // L then E is forbidden; A works both weekends (max 1); 5 in a row (max 4).
    let broken = rules_broken(&m, &["LE---EEEEE--EE", "--------------"]);
    assert!(broken.contains(&Rule::ForbiddenSuccession), "{broken:?}");
    assert!(broken.contains(&Rule::MaxWeekends), "{broken:?}");
    assert!(broken.contains(&Rule::MaxConsecutiveWork), "{broken:?}");
    assert!(
        rules_broken(&m, &["--------------", "--------------"]).contains(&Rule::MinMinutes),
        "A must work at least 2400 minutes"
    );
    assert!(
        rules_broken(&m, &["EE---EEE------", "L-------------"]).contains(&Rule::MaxShiftsOfType),
        "B may not work L"
    );
}

#[test]
fn the_search_check_agrees_with_the_scorer_on_random_rows() {
    let m = tiny();
    let mut rules = Rules::new(&m);
    let mut rng = Rng::new(7);
    let mut feasible = 0;
    for _ in 0..20_000 {
        let staff = rng.below(2);
        let row: Vec<_> = (0..m.days)
            .map(|_| [None, None, Some(0), Some(1)][rng.below(4)])
            .collect();
        let mut r = Roster::empty(&m);
        r.cells[staff] = row.clone();
        let by_scorer = score(&m, &r).violations.iter().all(|v| v.staff != staff);
        assert_eq!(
            rules.feasible(staff, &row),
            by_scorer,
            "row {row:?} of {staff}"
        );
        feasible += usize::from(by_scorer);
    }
    assert!(
        feasible > 0,
        "the sample must include feasible rows to mean anything"
    );
}

#[test]
fn the_solver_returns_a_feasible_roster_the_scorer_agrees_with() {
    let m = tiny();
    let options = Options {
        time_limit: Duration::from_millis(200),
        seed: 1,
    };
    let outcome = solve(&m, &options).expect("the tiny instance has feasible rosters");
    let s = score(&m, &outcome.roster);
    assert_eq!(
        s.violations,
        vec![],
        "the solver never returns a hard violation"
    );
    assert_eq!(
        s.penalty(),
        outcome.penalty,
        "search and scorer count the same cost"
    );
}

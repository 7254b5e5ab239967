//! The after-search polish on hand-made rosters: a move that closes a gap
//! is made; a move that breaks a rule or closes nothing is not.

use super::polish;
use crate::solver::curtois::parse;
use crate::solver::model::{Model, Roster};
use crate::solver::search::Outcome;

/// One week, one 12-hour shift `D`; A may work one shift in all (720
/// minutes). Day 0 needs one person; no other day needs anyone.
fn one_shift_for_a(max_minutes: u32) -> Model {
    parse(&format!(
        "SECTION_HORIZON\n7\n\n\
         SECTION_SHIFTS\nD,720,\n\n\
         SECTION_STAFF\nA,D=7,{max_minutes},0,7,1,1,2\n\n\
         SECTION_DAYS_OFF\n\n\
         SECTION_SHIFT_ON_REQUESTS\n\n\
         SECTION_SHIFT_OFF_REQUESTS\n\n\
         SECTION_COVER\n0,D,1,100,1\n"
    ))
    .expect("well formed")
}

fn outcome_with_a_on(model: &Model, day: usize) -> Outcome {
    let mut roster = Roster::empty(model);
    roster.cells[0][day] = Some(0);
    Outcome {
        roster,
        penalty: 0,
        iterations: 0,
        shortfalls: Vec::new(),
        timing: Default::default(),
    }
}

#[test]
fn a_shift_on_a_day_nobody_needs_moves_to_the_day_short_of_its_minimum() {
    let model = one_shift_for_a(720);
    let mut outcome = outcome_with_a_on(&model, 3);
    polish(&model, &mut outcome, &[false]);
    assert_eq!(outcome.roster.cells[0][0], Some(0), "moved to day 0");
    assert_eq!(outcome.roster.cells[0][3], None, "off day 3");
    assert!(crate::solver::score(&model, &outcome.roster).is_feasible());
}

#[test]
fn an_agency_shift_moves_too_but_is_never_added() {
    let model = one_shift_for_a(720);
    let mut outcome = outcome_with_a_on(&model, 3);
    polish(&model, &mut outcome, &[true]);
    assert_eq!(outcome.roster.cells[0][0], Some(0), "moved, not added");
    assert_eq!(outcome.roster.cells[0].iter().flatten().count(), 1);
}

#[test]
fn a_gap_already_staffed_leaves_the_roster_as_it_is() {
    let model = one_shift_for_a(720);
    let mut outcome = outcome_with_a_on(&model, 0);
    let before = outcome.roster.clone();
    polish(&model, &mut outcome, &[false]);
    assert_eq!(outcome.roster, before);
}

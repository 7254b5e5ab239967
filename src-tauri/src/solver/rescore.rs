//! A roster changed outside the search (the app's Fill shares out weekend
//! shifts and finishes the search's best), counted again as the search
//! counts it, so that callers need none of the search's insides.

use super::explain::shortfalls;
use super::model::{Model, Roster};
use super::row::Rules;
use super::search::Outcome;
use super::state::State;

/// The soft cost of `roster` as the search counts it.
pub fn cost(model: &Model, roster: &Roster) -> u64 {
    State::new(model, roster.clone()).cost as u64
}

/// `outcome` with `roster` in place of its own, its cost and shortfalls
/// counted again (the search's iterations and timing kept).
pub fn rescored(model: &Model, mut outcome: Outcome, roster: Roster) -> Outcome {
    let state = State::new(model, roster);
    outcome.shortfalls = shortfalls(&state, &mut Rules::new(model));
    outcome.penalty = state.cost as u64;
    outcome.roster = state.roster;
    outcome
}

#[cfg(test)]
mod tests {
    use super::{cost, rescored};
    use crate::solver::{curtois::parse, score, solve, Options, Roster};
    use std::time::Duration;

    /// One week, two people, one shift wanted by two people each day.
    const WEEK: &str = "SECTION_HORIZON\n7\nSECTION_SHIFTS\nE,480,\n\
        SECTION_STAFF\nA,E=7,2400,0,5,1,1,1\nB,E=7,2400,0,5,1,1,1\n\
        SECTION_DAYS_OFF\nSECTION_SHIFT_ON_REQUESTS\nA,0,E,3\n\
        SECTION_SHIFT_OFF_REQUESTS\nSECTION_COVER\n\
        0,E,2,100,1\n1,E,2,100,1\n2,E,1,100,1\n3,E,1,100,1\n";

    #[test]
    fn a_roster_changed_after_the_search_is_counted_as_the_scorer_counts_it() {
        let model = parse(WEEK).expect("well formed");
        let options = Options {
            time_limit: Duration::from_millis(200),
            seed: 1,
        };
        let outcome = solve(&model, &options).expect("a roster");
        let iterations = outcome.iterations;
        assert_eq!(cost(&model, &outcome.roster), outcome.penalty);
        // Nobody on day 0: two short there, and A's request unmet.
        let mut emptied = outcome.roster.clone();
        emptied.cells[0][0] = None;
        emptied.cells[1][0] = None;
        let scored = score(&model, &emptied).penalty();
        assert_eq!(cost(&model, &emptied), scored);
        let again = rescored(&model, outcome, emptied.clone());
        assert_eq!(again.penalty, scored, "its cost counted again");
        assert!(scored >= 203, "two short at 100 and A's request: {scored}");
        assert_eq!(again.roster, emptied);
        assert!(
            again.shortfalls.iter().any(|s| s.cover == 0),
            "day 0's line is short: {:?}",
            again.shortfalls
        );
        assert_eq!(again.iterations, iterations, "the search's count kept");
        let none = Roster::empty(&model);
        assert_eq!(cost(&model, &none), score(&model, &none).penalty());
    }
}

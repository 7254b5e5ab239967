//! The two-person trade against brute force: on small random instances every
//! set of days two people could trade is tried with the scorer (not the
//! search's own checks), and the planner must find a cheapest feasible one.

use super::model::{Model, Roster};
use super::pair::PairPlanner;
use super::replan_tests::random_instance;
use super::rng::Rng;
use super::row::Rules;
use super::score;
use super::state::State;

/// `roster` with `a` and `b` trading cells on the days in `days`.
fn traded(roster: &Roster, a: usize, b: usize, days: &[usize]) -> Roster {
    let mut out = roster.clone();
    for &day in days {
        out.cells[a][day] = roster.cells[b][day];
        out.cells[b][day] = roster.cells[a][day];
    }
    out
}

/// The cheapest change in penalty over every non-empty set of days on which
/// the two rows differ, among the sets the scorer finds feasible.
fn brute_force(model: &Model, roster: &Roster, a: usize, b: usize) -> Option<i64> {
    let before = score(model, roster).penalty() as i64;
    let differ: Vec<usize> = (0..model.days)
        .filter(|&d| roster.cells[a][d] != roster.cells[b][d])
        .collect();
    (1..1u32 << differ.len())
        .filter_map(|mask| {
            let days: Vec<usize> = (0..differ.len())
                .filter(|i| mask >> i & 1 == 1)
                .map(|i| differ[i])
                .collect();
            let s = score(model, &traded(roster, a, b, &days));
            s.violations.is_empty().then(|| s.penalty() as i64 - before)
        })
        .min()
}

#[test]
fn the_pair_planner_finds_the_cheapest_feasible_trade() {
    let mut rng = Rng::new(5);
    let (mut improving, mut checked) = (0, 0);
    for _ in 0..80 {
        let model = random_instance(&mut rng, 9);
        let mut rules = Rules::new(&model);
        // Random feasible rows, so that trades have something to find.
        let mut roster = Roster::empty(&model);
        let mut ok = true;
        for staff in 0..model.staff.len() {
            match rules.construct(staff, &mut rng, &|_, _| 0.0) {
                Some(row) => roster.cells[staff] = row,
                None => ok = false,
            }
        }
        if !ok || !score(&model, &roster).violations.is_empty() {
            continue;
        }
        let mut state = State::new(&model, roster.clone());
        let mut planner = PairPlanner::new(1_000);
        for (a, b) in [(0, 1), (0, 2), (1, 2), (2, 0)] {
            let best = brute_force(&model, &roster, a, b);
            let found = planner.plan(&mut state, &rules, a, b, &mut rng);
            assert_eq!(
                state.roster, roster,
                "the planner leaves the state as it was"
            );
            checked += 1;
            match (best, found) {
                (Some(best), Some(days)) => {
                    let s = score(&model, &traded(&roster, a, b, &days));
                    assert_eq!(s.violations, vec![], "trade {days:?} of {a}, {b}");
                    let delta = s.penalty() as i64 - score(&model, &roster).penalty() as i64;
                    assert_eq!(delta, best.min(0), "trade {days:?} of {a}, {b} is cheapest");
                    improving += usize::from(best < 0);
                }
                (Some(best), None) => assert!(best >= 0, "missed a trade saving {best}"),
                (None, found) => assert_eq!(found, None, "no feasible trade exists"),
            }
        }
    }
    assert!(checked >= 120, "enough instances were feasible: {checked}");
    assert!(
        improving >= 10,
        "enough trades saved something: {improving}"
    );
}

/// Issue #23: a trade past the search's deadline stops part way and counts
/// itself cut short; without a deadline the same trade is found. (A year,
/// and shifts of two lengths under a minimum, so that labels of other
/// minutes are kept apart: far more than one look at the clock's worth.)
#[test]
fn a_trade_past_its_deadline_stops_and_says_so() {
    let days = 364;
    let mut text = format!(
        "SECTION_HORIZON\n{days}\nSECTION_SHIFTS\nE,480,\nL,600,\n\
         SECTION_STAFF\nA,E={days}|L={days},999999,1,{days},1,1,52\n\
         B,E={days}|L={days},999999,1,{days},1,1,52\n\
         SECTION_DAYS_OFF\nSECTION_SHIFT_ON_REQUESTS\n"
    );
    // A asks for lates and B for earlies, the other way round to how they
    // start: trading every day grants them all.
    for day in 0..days {
        text += &format!("A,{day},L,1\nB,{day},E,1\n");
    }
    text += "SECTION_SHIFT_OFF_REQUESTS\nSECTION_COVER\n0,E,1,100,1\n";
    let model = super::curtois::parse(&text).expect("well formed");
    let rules = Rules::new(&model);
    let mut roster = Roster::empty(&model);
    roster.cells[0] = vec![Some(0); days];
    roster.cells[1] = vec![Some(1); days];
    let mut state = State::new(&model, roster);
    let mut planner = PairPlanner::new(4);
    planner.deadline = Some(std::time::Instant::now());
    let mut rng = Rng::new(1);
    assert_eq!(planner.plan(&mut state, &rules, 0, 1, &mut rng), None);
    assert_eq!(planner.cut_short, 1, "the trade says it was cut short");
    planner.deadline = None;
    let days_traded = planner
        .plan(&mut state, &rules, 0, 1, &mut rng)
        .expect("without a deadline the trade is found");
    assert_eq!(days_traded.len(), days, "every day traded");
    assert_eq!(planner.cut_short, 1);
}

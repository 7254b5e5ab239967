//! The search on several threads: the winner is picked by cost then by
//! thread index, one thread is the single search, a Stop reaches every
//! thread, and each thread's roster keeps every rule.

use super::curtois::parse;
use super::model::Roster;
use super::search::{solve_watched, Options, Outcome, Timing};
use super::threads::{default_threads, solve_threads, thread_seed, MAX_DEFAULT_THREADS};
use super::{score, SolveError};
use std::time::Duration;

/// Two weeks, three people, more cover than they can give.
const SMALL: &str = "SECTION_HORIZON\n14\nSECTION_SHIFTS\nE,480,\nL,480,E\n\
SECTION_STAFF\nA,E=14|L=14,4800,2400,5,2,2,1\nB,E=14|L=14,4800,2400,5,2,2,1\n\
C,E=14|L=0,4800,0,5,1,1,2\nSECTION_DAYS_OFF\nA,3\n\
SECTION_SHIFT_ON_REQUESTS\nA,0,E,2\nB,5,L,3\nSECTION_SHIFT_OFF_REQUESTS\nC,1,E,3\n\
SECTION_COVER\n0,E,2,100,1\n1,E,2,100,1\n2,L,2,50,5\n3,L,1,100,1\n7,E,3,100,1\n";

fn outcome(penalty: u64, marker: usize) -> Outcome {
    Outcome {
        roster: Roster {
            cells: vec![vec![None; marker]],
        },
        penalty,
        iterations: 10,
        shortfalls: Vec::new(),
        timing: Timing::default(),
    }
}

#[test]
fn the_cheapest_wins_and_ties_go_to_the_lowest_thread() {
    let results = vec![
        Ok(outcome(7, 0)),
        Ok(outcome(5, 1)),
        Err(SolveError::Unfillable { staff: "X".into() }),
        Ok(outcome(5, 3)),
    ];
    let best = super::threads::pick(results).expect("three searches succeeded");
    assert_eq!(best.penalty, 5);
    assert_eq!(
        best.roster.cells[0].len(),
        1,
        "thread 1 beats thread 3 on a tie"
    );
    assert_eq!(
        best.iterations, 30,
        "the work of every search that finished"
    );
    let failed = super::threads::pick(vec![
        Err(SolveError::Unfillable { staff: "X".into() }),
        Err(SolveError::Unfillable { staff: "Y".into() }),
    ]);
    assert_eq!(
        failed.map(|o| o.penalty),
        Err(SolveError::Unfillable { staff: "X".into() }),
        "every search failed: the first one's error"
    );
}

#[test]
fn each_thread_has_its_own_seed_and_thread_zero_the_callers() {
    assert_eq!(thread_seed(42, 0), 42);
    let seeds: Vec<u64> = (0..8).map(|i| thread_seed(42, i)).collect();
    let mut distinct = seeds.clone();
    distinct.sort_unstable();
    distinct.dedup();
    assert_eq!(distinct.len(), 8, "{seeds:?}");
    assert_eq!(
        seeds,
        (0..8).map(|i| thread_seed(42, i)).collect::<Vec<_>>()
    );
    assert_ne!(thread_seed(43, 1), thread_seed(42, 1));
}

#[test]
fn the_default_uses_the_cores_up_to_eight() {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    assert_eq!(default_threads(), cores.clamp(1, MAX_DEFAULT_THREADS));
}

#[test]
fn several_threads_return_a_roster_that_keeps_every_rule() {
    let model = parse(SMALL).expect("well formed");
    let options = Options {
        time_limit: Duration::from_millis(300),
        seed: 9,
    };
    let mut heard = 0;
    let outcome = solve_threads(&model, &options, 3, &mut |p| {
        heard += 1;
        assert!(score(&model, p.best).violations.is_empty());
        true
    })
    .expect("feasible");
    let scored = score(&model, &outcome.roster);
    assert_eq!(scored.violations, vec![]);
    assert_eq!(scored.penalty(), outcome.penalty, "search and scorer agree");
    assert!(heard > 0, "the watcher heard from the threads");
}

#[test]
fn one_thread_is_the_single_search() {
    let model = parse(SMALL).expect("well formed");
    let options = Options {
        time_limit: Duration::from_millis(100),
        seed: 4,
    };
    // Stopped at the first report, both searches return the roster they
    // built first, which depends on the seed alone.
    let single = solve_watched(&model, &options, &mut |_| false).expect("feasible");
    let threaded = solve_threads(&model, &options, 1, &mut |_| false).expect("feasible");
    assert_eq!(single.roster, threaded.roster);
}

#[test]
fn a_stop_reaches_every_thread() {
    let model = parse(SMALL).expect("well formed");
    let options = Options {
        time_limit: Duration::from_secs(60),
        seed: 1,
    };
    let outcome = solve_threads(&model, &options, 2, &mut |_| false).expect("feasible");
    // Stopped at once, no search went on to its later phases (it would
    // run for the whole minute otherwise).
    assert!(
        !outcome.timing.ran("requests"),
        "stopped before the second phase: {:?}",
        outcome.timing
    );
    assert!(score(&model, &outcome.roster).violations.is_empty());
}

#[test]
fn a_stop_returns_the_roster_last_shown() {
    let model = parse(SMALL).expect("well formed");
    let options = Options {
        time_limit: Duration::from_secs(60),
        seed: 2,
    };
    let mut shown = Vec::new();
    let outcome = solve_threads(&model, &options, 2, &mut |p| {
        shown.push((p.penalty, p.best.clone()));
        shown.len() < 3
    })
    .expect("feasible");
    let (penalty, roster) = shown.last().expect("the watcher was called").clone();
    assert_eq!(shown.len(), 3, "no report after the Stop");
    assert_eq!(outcome.penalty, penalty, "what was shown last is returned");
    assert_eq!(outcome.roster, roster);
    assert_eq!(score(&model, &outcome.roster).penalty(), penalty);
}

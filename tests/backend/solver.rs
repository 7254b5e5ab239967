//! The automatic scheduler on the shipped Curtois benchmark instances: every
//! roster it returns keeps every hard rule, the independent scorer agrees
//! with the search's own count, and no roster scores below a proven optimum
//! (which would mean the scorer is wrong, not that the solver is brilliant).

use std::path::PathBuf;
use std::time::Duration;
use wardbook::solver::{
    curtois, lagrangian_within, lower_bound, lower_bound_within, quick_bound, score, solve,
    Options, SolveError,
};

fn data() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/data/rostering/curtois")
}

/// (instance, proven optimum) from best_known.csv.
fn optima() -> Vec<(String, u64)> {
    let csv = std::fs::read_to_string(data().join("best_known.csv"))
        .expect("the benchmark data is shipped beside the repository");
    csv.lines()
        .skip(1)
        .map(|line| {
            let f: Vec<&str> = line.split(',').collect();
            assert_eq!(f[4], f[5], "{}: lower bound equals best known", f[0]);
            (f[0].to_string(), f[5].parse().expect("a number"))
        })
        .collect()
}

#[test]
fn every_shipped_instance_is_solved_without_a_hard_violation() {
    for (name, optimum) in shipped_instances() {
        let text = std::fs::read_to_string(data().join(format!("{name}.txt"))).expect("readable");
        let model = curtois::parse(&text).unwrap_or_else(|e| panic!("{name} parses: {e}"));
        let options = Options {
            time_limit: Duration::from_millis(150),
            seed: 3,
        };
        let outcome = solve(&model, &options).unwrap_or_else(|e| panic!("{name}: {e}"));
        let scored = score(&model, &outcome.roster);
        assert_eq!(
            scored.violations,
            vec![],
            "{name}: the solver never breaks a hard rule"
        );
        assert_eq!(
            scored.penalty(),
            outcome.penalty,
            "{name}: the search's incremental cost must equal the scorer's"
        );
        assert!(
            scored.penalty() >= optimum,
            "{name}: {} is below the proven optimum {optimum}, so the scorer is too lenient",
            scored.penalty()
        );
    }
}

/// Issue #23, item 2: the lower bound is proven, so it never exceeds the
/// published optimum of any instance (nor, below, a roster the solver found).
#[test]
fn the_lower_bound_never_exceeds_a_proven_optimum() {
    for (name, optimum) in shipped_instances() {
        let text = std::fs::read_to_string(data().join(format!("{name}.txt"))).expect("readable");
        let model = curtois::parse(&text).unwrap_or_else(|e| panic!("{name} parses: {e}"));
        // Aimed at the optimum itself, and aimed blind.
        let aimed = lower_bound_within(&model, Duration::from_secs(2), optimum);
        let blind = lower_bound(&model);
        assert!(
            aimed <= optimum && blind <= optimum,
            "{name}: bound {aimed} or {blind} above the optimum {optimum}"
        );
    }
}

/// Issue #23: on a generated instance of some size the Lagrangian bound
/// alone is at least the quick one (at this size it stayed at 0 while its
/// steps went astray from prices far off) and never above a roster found.
#[test]
fn the_lagrangian_bound_on_a_generated_instance_is_at_least_the_quick_bound() {
    let text = wardbook_tests::curtois_gen::instance(13, 40, 8, 3);
    let model = curtois::parse(&text).expect("the generator writes the benchmark format");
    let options = Options {
        time_limit: Duration::from_secs(2),
        seed: 1,
    };
    let cost = solve(&model, &options).expect("a roster").penalty;
    let quick = quick_bound(&model);
    let lagrangian = lagrangian_within(&model, Duration::from_secs(2), cost);
    eprintln!("cost {cost}, quick {quick}, lagrangian {lagrangian}");
    assert!(
        lagrangian >= quick,
        "the Lagrangian bound {lagrangian} below the quick one {quick}"
    );
    assert!(
        lagrangian <= cost,
        "bound {lagrangian} above a roster's {cost}"
    );
}

/// All twelve instances; a short limit keeps the test to a few seconds.
fn shipped_instances() -> Vec<(String, u64)> {
    optima()
}

#[test]
fn a_contract_that_cannot_be_met_is_reported_by_name() {
    // B must work 480 minutes but has every day off.
    let text = "SECTION_HORIZON\n7\nSECTION_SHIFTS\nD,480,\nSECTION_STAFF\n\
        A,D=7,2400,0,5,1,1,1\nB,D=7,2400,480,5,1,1,1\n\
        SECTION_DAYS_OFF\nB,0,1,2,3,4,5,6\nSECTION_SHIFT_ON_REQUESTS\n\
        SECTION_SHIFT_OFF_REQUESTS\nSECTION_COVER\n0,D,1,100,1\n";
    let model = curtois::parse(text).expect("well formed");
    let options = Options {
        time_limit: Duration::from_millis(50),
        seed: 1,
    };
    assert_eq!(
        solve(&model, &options).map(|o| o.penalty),
        Err(SolveError::Unfillable { staff: "B".into() }),
        "the solver names the person rather than returning a broken roster"
    );
}

#[test]
fn a_short_cover_is_explained() {
    // One person, off on day 0, cannot cover it.
    let text = "SECTION_HORIZON\n7\nSECTION_SHIFTS\nD,480,\nSECTION_STAFF\n\
        A,D=7,2400,0,5,1,1,1\nSECTION_DAYS_OFF\nA,0\nSECTION_SHIFT_ON_REQUESTS\n\
        SECTION_SHIFT_OFF_REQUESTS\nSECTION_COVER\n0,D,1,100,1\n";
    let model = curtois::parse(text).expect("well formed");
    let options = Options {
        time_limit: Duration::from_millis(50),
        seed: 1,
    };
    let outcome = solve(&model, &options).expect("feasible");
    assert_eq!(outcome.shortfalls.len(), 1, "day 0 is short");
    assert_eq!(
        outcome.shortfalls[0].day_off, 1,
        "because A is on a day off"
    );
}

#[test]
fn a_large_generated_instance_is_solved_without_a_hard_violation() {
    // A year for 150 people is the size; half a year for 60 people
    // and 16 shift types keeps the test quick in a debug build while still
    // exercising long rows, many types and every contract rule.
    let text = wardbook_tests::curtois_gen::instance(26, 60, 16, 7);
    let model = curtois::parse(&text).expect("the generator writes the benchmark format");
    assert_eq!(
        (model.days, model.staff.len(), model.shifts.len()),
        (182, 60, 16)
    );
    let options = Options {
        time_limit: Duration::from_secs(2),
        seed: 1,
    };
    let outcome = solve(&model, &options).expect("every generated contract can be met");
    let scored = score(&model, &outcome.roster);
    assert_eq!(
        scored.violations,
        vec![],
        "no hard violation on a large instance"
    );
    assert_eq!(scored.penalty(), outcome.penalty, "search and scorer agree");
}

#[test]
fn the_generator_is_deterministic() {
    let a = wardbook_tests::curtois_gen::instance(4, 10, 3, 5);
    assert_eq!(
        a,
        wardbook_tests::curtois_gen::instance(4, 10, 3, 5),
        "same seed, same file"
    );
    assert_ne!(
        a,
        wardbook_tests::curtois_gen::instance(4, 10, 3, 6),
        "another seed, another file"
    );
}

/// Issue #23: instances of every contract shape the format allows, each
/// with a roster known to keep every rule, up to 8 weeks here (a year in
/// `roster-bench --generated`), are parsed and solved with no hard
/// violation.
#[test]
fn generated_instances_with_a_witness_are_solved_without_a_hard_violation() {
    use wardbook_tests::curtois_witness::Size;
    let small = Size {
        max_weeks: 8,
        max_staff: 6,
        max_shifts: 4,
    };
    let failures: Vec<String> = (1..=200)
        .filter_map(|seed| {
            wardbook_tests::curtois_check::witnessed(small, seed, Duration::from_millis(10)).err()
        })
        .collect();
    assert_eq!(failures, Vec::<String>::new());
}

/// Long horizons: the rules at both ends of a year, few people.
#[test]
fn generated_year_long_instances_are_solved_without_a_hard_violation() {
    use wardbook_tests::curtois_witness::Size;
    let long = Size {
        max_weeks: 52,
        max_staff: 3,
        max_shifts: 3,
    };
    let failures: Vec<String> = (100..106)
        .filter_map(|seed| {
            wardbook_tests::curtois_check::witnessed(long, seed, Duration::from_millis(50)).err()
        })
        .collect();
    assert_eq!(failures, Vec::<String>::new());
}

/// Small free contracts, some impossible: the solver declares a person
/// impossible exactly when no row at all keeps their contract.
#[test]
fn a_contract_is_declared_impossible_exactly_when_no_row_keeps_it() {
    let mut verdicts = (0, 0);
    for seed in 1..=300 {
        match wardbook_tests::curtois_check::tiny(seed, Duration::from_millis(10)) {
            Ok(true) => verdicts.0 += 1,
            Ok(false) => verdicts.1 += 1,
            Err(failure) => panic!("{failure}"),
        }
    }
    assert!(
        verdicts.0 > 0 && verdicts.1 > 0,
        "the draw holds both feasible and impossible contracts: {verdicts:?}"
    );
}

/// Generated instances once declared impossible although their witness
/// keeps every rule (issue #23), by `roster-bench --generated` seed and
/// size: seed 38 of 52 weeks, 4 staff, 4 types needs the most of each
/// shift type to reach a minute window a few minutes wide.
#[test]
fn generated_instances_once_declared_impossible_are_solved() {
    use wardbook_tests::curtois_witness::Size;
    let year = Size {
        max_weeks: 52,
        max_staff: 4,
        max_shifts: 4,
    };
    let failures: Vec<String> = [38]
        .into_iter()
        .filter_map(|seed| {
            wardbook_tests::curtois_check::witnessed(year, seed, Duration::from_millis(50)).err()
        })
        .collect();
    assert_eq!(failures, Vec::<String>::new());
}

/// The people of `roster-bench --generated` (its default size: up to 52
/// weeks, 20 staff, 8 types) once declared impossible although a row keeps
/// their contract, each solved alone: a minute window a few hundred minutes
/// wide or exact, several binding type maxima, and a weekend limit the
/// table of reachable totals had to leave out (seed 3: 720-minute shifts
/// capped at 68 a year; 43: a weekend limit with three-day rests; 66: three
/// days on and two off leave room only for every long shift allowed; 200
/// and 250: five and eight types, most capped).
#[test]
fn generated_people_once_declared_impossible_are_solved() {
    use wardbook_tests::curtois_witness::Size;
    let bench = Size {
        max_weeks: 52,
        max_staff: 20,
        max_shifts: 8,
    };
    let failures: Vec<String> = [(3, "P6"), (43, "P0"), (66, "P6"), (200, "P3"), (250, "P12")]
        .into_iter()
        .filter_map(|(seed, person)| {
            wardbook_tests::curtois_check::witnessed_person(
                bench,
                seed,
                person,
                Duration::from_millis(20),
            )
            .err()
        })
        .collect();
    assert_eq!(failures, Vec::<String>::new());
}

/// The people of `roster-bench --generated` (default size) whose row the
/// build could not find within its 30 s although their witness keeps every
/// rule: exact minute windows over most of a year with several capped
/// types, where a row that took too many of one type, or too many short
/// shifts, early could not reach the window and learnt it only at the end
/// of the year (279, 728: a capped type's count must be a multiple of
/// four; 690: 4,200 minutes left in 8 shifts, but only six 600s left).
#[test]
fn generated_people_once_out_of_time_are_solved() {
    use wardbook_tests::curtois_witness::Size;
    let bench = Size {
        max_weeks: 52,
        max_staff: 20,
        max_shifts: 8,
    };
    let people = [
        (279, "P10"),
        (335, "P2"),
        (514, "P2"),
        (690, "P4"),
        (712, "P12"),
        (728, "P9"),
        (767, "P4"),
    ];
    let failures: Vec<String> = people
        .into_iter()
        .filter_map(|(seed, person)| {
            wardbook_tests::curtois_check::witnessed_person(
                bench,
                seed,
                person,
                Duration::from_millis(20),
            )
            .err()
        })
        .collect();
    assert_eq!(failures, Vec::<String>::new());
}

/// Issue #23: the time limit holds. Seed 20 of the year-long generated
/// instances has one person whose every re-plan labels for seconds (21 s
/// went on a 0.05 s limit); the search now stops each labelling at its
/// phase's end and says how many it cut short. (Asserted on the solver's
/// own account, not on the wall clock of a shared machine: a limit of 3 s
/// against labellings of many seconds each in a debug build.)
#[test]
fn labellings_longer_than_the_time_limit_are_cut_short() {
    use wardbook_tests::curtois_witness::{witnessed, Size};
    let year = Size {
        max_weeks: 52,
        max_staff: 4,
        max_shifts: 4,
    };
    let model = curtois::parse(&witnessed(year, 20).text).expect("the generator writes the format");
    let outcome = solve(
        &model,
        &Options {
            time_limit: Duration::from_secs(3),
            seed: 1,
        },
    )
    .expect("the witness keeps every rule");
    assert!(
        outcome.timing.cut_short > 0,
        "labellings were stopped by the clock: {:?}",
        outcome.timing
    );
    let phases: Vec<&str> = outcome.timing.phases.iter().map(|p| p.0).collect();
    assert_eq!(phases.first(), Some(&"build"));
    assert_eq!(phases.last(), Some(&"explain"));
    assert_eq!(score(&model, &outcome.roster).violations, vec![]);
}

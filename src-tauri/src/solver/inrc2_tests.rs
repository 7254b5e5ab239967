//! The INRC-II reader and scorer against the competition's own files: the
//! n005w4 reference solutions and the official validator's report, and
//! hand-made rosters for each rule, its boundary and the border with the
//! history.

use super::inrc2::{parse, parse_solution, score, Instance, Roster};
use std::path::PathBuf;

fn folder(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/data/rostering/inrc2")
        .join(name)
}

fn read(path: PathBuf) -> String {
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Scenario `name`, history `h`, the given week files.
fn instance(name: &str, h: usize, weeks: &[usize]) -> Instance {
    let dir = folder(name);
    let texts: Vec<String> = weeks
        .iter()
        .map(|w| read(dir.join(format!("WD-{name}-{w}.txt"))))
        .collect();
    let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
    parse(
        &read(dir.join(format!("Sc-{name}.txt"))),
        &read(dir.join(format!("H0-{name}-{h}.txt"))),
        &texts,
    )
    .expect("the published files parse")
}

fn solution(instance: &Instance, folder_name: &str, files: &[&str]) -> Roster {
    let dir = folder("n005w4").join(folder_name);
    let texts: Vec<String> = files.iter().map(|f| read(dir.join(f))).collect();
    let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
    parse_solution(instance, &texts).expect("the reference solution parses")
}

#[test]
fn the_reference_solution_scores_as_the_official_validator_says() {
    let inst = instance("n005w4", 0, &[1, 2, 3, 3]);
    assert_eq!(
        (inst.days(), inst.nurses.len(), inst.shifts.len()),
        (28, 5, 3)
    );
    let roster = solution(
        &inst,
        "Solution_H_0-WD_1-2-3-3",
        &[
            "Sol-n005w4-1-0.txt",
            "Sol-n005w4-2-1.txt",
            "Sol-n005w4-3-2.txt",
            "Sol-n005w4-3-3.txt",
        ],
    );
    let s = score(&inst, &roster);
    // validator.txt, category by category.
    assert_eq!(s.hard(), 0, "{s:?}");
    assert_eq!(s.total_assignments, 320, "{s:?}");
    assert_eq!(s.consecutive, 465, "{s:?}");
    assert_eq!(s.days_off, 330, "{s:?}");
    assert_eq!(s.preferences, 70, "{s:?}");
    assert_eq!(s.working_weekends, 210, "{s:?}");
    assert_eq!(s.complete_weekends, 60, "{s:?}");
    assert_eq!(s.optimal_cover, 240, "{s:?}");
    assert_eq!(s.total(), 1695);
}

#[test]
fn the_other_reference_solutions_break_no_hard_rule() {
    for (h, weeks, dir, files) in [
        (
            1,
            [5, 3, 1, 0],
            "Solution_H_1-WD_5-3-1-0",
            [
                "Sol-n005w4-5-0.txt",
                "Sol-n005w4-3-1.txt",
                "Sol-n005w4-1-2.txt",
                "Sol-n005w4-0-3.txt",
            ],
        ),
        (
            2,
            [6, 7, 8, 9],
            "Solution_H_2-WD_6-7-8-9",
            [
                "Sol-n005w4-6-0.txt",
                "Sol-n005w4-7-1.txt",
                "Sol-n005w4-8-2.txt",
                "Sol-n005w4-9-3.txt",
            ],
        ),
    ] {
        let inst = instance("n005w4", h, &weeks);
        let s = score(&inst, &solution(&inst, dir, &files));
        assert_eq!(s.hard(), 0, "{dir}: {s:?}");
        assert!(s.total() > 0, "{dir}: a real roster pays something");
    }
}

#[test]
fn every_public_data_set_parses() {
    for (name, nurses) in [
        ("n005w4", 5),
        ("n030w4", 30),
        ("n040w4", 40),
        ("n050w4", 50),
    ] {
        let inst = instance(name, 0, &[1, 2, 3, 4]);
        assert_eq!(inst.nurses.len(), nurses, "{name}");
        assert_eq!(inst.days(), 28, "{name}");
    }
}

/// One nurse, one shift type, one skill, two weeks: every rule by hand.
const SCENARIO: &str = "SCENARIO = t\n\nWEEKS = 2\n\nSKILLS = 1\nNurse\n\n\
SHIFT_TYPES = 2\nEarly (2,3)\nNight (1,2)\n\n\
FORBIDDEN_SHIFT_TYPES_SUCCESSIONS\nEarly 0\nNight 1 Early\n\n\
CONTRACTS = 1\nFull (6,8) (2,4) (2,3) 1 1\n\nNURSES = 1\nAnn Full 1 Nurse\n";
const WEEK: &str = "WEEK_DATA\nt\n\nREQUIREMENTS\n\
Early Nurse (0,0) (0,0) (0,0) (0,0) (0,0) (0,0) (0,0)\n\
Night Nurse (0,0) (0,0) (0,0) (0,0) (0,0) (0,0) (0,0)\n\nSHIFT_OFF_REQUESTS = 0\n";

fn hand(history: &str, row: &str) -> super::inrc2::Score {
    let inst = parse(SCENARIO, history, &[WEEK, WEEK]).expect("well formed");
    let cells = row
        .chars()
        .map(|c| match c {
            'E' => Some((0, 0)),
            'N' => Some((1, 0)),
            _ => None,
        })
        .collect();
    score(
        &inst,
        &Roster {
            cells: vec![cells],
            doubled: 0,
        },
    )
}

const FRESH: &str = "HISTORY\n0 t\n\nNURSE_HISTORY\nAnn 0 0 None 0 0 0\n";

#[test]
fn runs_are_held_to_both_limits_except_at_the_horizons_end() {
    // Work EEE (3, within 2..4; Early within 2..3), off 2, EEEE (4
    // Earlies: one over 3), off 3, EE to the end.
    let s = hand(FRESH, "EEE--EEEE---EE");
    assert_eq!(s.consecutive, 15, "one Early over its maximum: {s:?}");
    assert_eq!(s.days_off, 0, "off runs of 2 and 3 are within 2..3");
    // A lone working day inside the horizon is one short of 2 days' work
    // (30) and of 2 Earlies (15); the lone day off at the end is open.
    let s = hand(FRESH, "EE--E--EE--EE-");
    assert_eq!(s.consecutive, 45, "{s:?}");
    assert_eq!(s.days_off, 0, "{s:?}");
    // The same lone day last: open, so no minimum applies.
    let s = hand(FRESH, "EE--EE--EE---E");
    assert_eq!(s.consecutive, 0, "{s:?}");
    // Four days off: one over 3.
    let s = hand(FRESH, "EE----EE--EE--");
    assert_eq!(s.days_off, 30, "{s:?}");
}

#[test]
fn the_history_continues_the_first_run_and_its_last_shift() {
    // Three days worked before, Night last: a Night then Early is a
    // forbidden succession at the border, and the work run goes on to 5
    // (one over 4), only the day inside counting.
    let history = "HISTORY\n0 t\n\nNURSE_HISTORY\nAnn 3 0 Night 1 3 0\n";
    let s = hand(history, "EE--EE--EE--EE");
    assert_eq!(s.forbidden_successions, 1);
    assert_eq!(
        s.consecutive, 30,
        "3 + 2 = 5 days' work, one over 4; the Night run of 1 ended in time"
    );
    // The same history with a day off first: the run of 3 ended at the
    // border, within its limits, and no succession is broken.
    let s = hand(history, "-EE--EE--EE--E");
    assert_eq!((s.forbidden_successions, s.consecutive), (0, 0), "{s:?}");
}

#[test]
fn weekends_totals_and_requests_count() {
    // Sat only on the first weekend (incomplete), both days of the second:
    // two working weekends against one allowed.
    let s = hand(FRESH, "-----E------EE");
    assert_eq!(s.complete_weekends, 30);
    assert_eq!(s.working_weekends, 30);
    assert_eq!(s.total_assignments, 3 * 20, "3 assignments, 6 at least");
}

#[test]
fn hard_rules_are_counted_by_the_solution_files() {
    let scenario = SCENARIO.replace("SKILLS = 1\nNurse", "SKILLS = 2\nHead\nNurse");
    let week = "WEEK_DATA\nt\nREQUIREMENTS\n\
        Early Head (0,0) (0,0) (0,0) (0,0) (0,0) (0,0) (0,0)\n\
        Early Nurse (1,2) (0,0) (0,0) (0,0) (0,0) (0,0) (0,0)\n\
        Night Head (0,0) (0,0) (0,0) (0,0) (0,0) (0,0) (0,0)\n\
        Night Nurse (0,0) (0,0) (0,0) (0,0) (0,0) (0,0) (0,0)\n\
        SHIFT_OFF_REQUESTS = 1\nAnn Any Tue\n";
    // The second week asks for nothing.
    let quiet = week
        .replace("(1,2)", "(0,0)")
        .replace("= 1\nAnn Any Tue\n", "= 0\n");
    let inst = parse(&scenario, FRESH, &[week, &quiet]).expect("well formed");
    let sol = |lines: &str| {
        let n = lines.lines().count();
        let first = format!("SOLUTION\n0 t\n\nASSIGNMENTS = {n}\n{lines}");
        let second = "SOLUTION\n1 t\nASSIGNMENTS = 0\n".to_string();
        parse_solution(&inst, &[&first, &second]).expect("well formed")
    };
    // Covered on Monday by the one nurse, with her own skill: one short of
    // the optimal 2 (30); working Tuesday against her request (10).
    let s = score(&inst, &sol("Ann Mon Early Nurse\nAnn Tue Early Nurse\n"));
    assert_eq!(
        (s.hard(), s.optimal_cover, s.preferences),
        (0, 30, 10),
        "{s:?}"
    );
    // Nobody on Monday: one under the minimum.
    let s = score(&inst, &sol("Ann Tue Early Nurse\n"));
    assert_eq!(s.minimum_cover, 1, "{s:?}");
    // Covering with a skill she lacks; twice on one day; Night then Early.
    let s = score(&inst, &sol("Ann Mon Early Head\nAnn Mon Night Nurse\n"));
    assert_eq!((s.missing_skill, s.single_assignment), (1, 1), "{s:?}");
    let s = score(
        &inst,
        &sol("Ann Mon Early Nurse\nAnn Tue Night Nurse\nAnn Wed Early Nurse\n"),
    );
    assert_eq!(s.forbidden_successions, 1, "{s:?}");
    // A name the scenario does not hold is refused, naming the file.
    let bad = "SOLUTION\n0 t\nASSIGNMENTS = 1\nBob Mon Early Nurse\n";
    let err = parse_solution(&inst, &[bad, bad]).expect_err("Bob is nobody");
    assert!(
        err.0.contains("solution of week 1") && err.0.contains("Bob"),
        "{err}"
    );
}

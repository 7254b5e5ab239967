//! The row re-planner against brute force: on small random instances every
//! possible row of a person is tried with the scorer (not the search's own
//! checks), and the planner must return a row that the scorer finds feasible
//! and exactly as cheap as the cheapest feasible one.

use super::curtois::parse;
use super::model::{Model, Roster};
use super::replan::{fewer_of_each, Planner};
use super::rng::Rng;
use super::row::Rules;
use super::score;
use super::state::State;

/// A random instance in the Curtois format: `days` days, 2–3 shift types
/// with some forbidden successions, three people with random contracts,
/// requests and cover.
pub(super) fn random_instance(rng: &mut Rng, days: usize) -> Model {
    let shifts = 2 + rng.below(2);
    let names = ["E", "L", "N"];
    let mut text = format!("SECTION_HORIZON\n{days}\nSECTION_SHIFTS\n");
    for (i, name) in names.iter().take(shifts).enumerate() {
        // A later shift may not be followed by an earlier one.
        let banned: Vec<&str> = names[..i]
            .iter()
            .copied()
            .filter(|_| rng.below(2) == 0)
            .collect();
        text += &format!("{name},{},{}\n", 360 + 120 * rng.below(3), banned.join("|"));
    }
    text += "SECTION_STAFF\n";
    for person in ["A", "B", "C"] {
        let maxima: Vec<String> = names[..shifts]
            .iter()
            .map(|n| format!("{n}={}", [0, 2, 3, days][rng.below(4)]))
            .collect();
        let max_minutes = 480 * (2 + rng.below(days - 2));
        let min_minutes = (max_minutes / 2) * rng.below(2);
        text += &format!(
            "{person},{},{max_minutes},{min_minutes},{},{},{},{}\n",
            maxima.join("|"),
            2 + rng.below(3),
            1 + rng.below(2),
            1 + rng.below(2),
            rng.below(3)
        );
    }
    text += &format!("SECTION_DAYS_OFF\nA,{}\n", rng.below(days));
    text += "SECTION_SHIFT_ON_REQUESTS\n";
    for _ in 0..3 {
        let (p, d, s) = (
            ["A", "B"][rng.below(2)],
            rng.below(days),
            names[rng.below(shifts)],
        );
        text += &format!("{p},{d},{s},{}\n", 1 + rng.below(3));
    }
    text += "SECTION_SHIFT_OFF_REQUESTS\n";
    for _ in 0..3 {
        let (p, d, s) = (
            ["A", "C"][rng.below(2)],
            rng.below(days),
            names[rng.below(shifts)],
        );
        text += &format!("{p},{d},{s},{}\n", 1 + rng.below(3));
    }
    text += "SECTION_COVER\n";
    for day in 0..days {
        for name in &names[..shifts] {
            text += &format!("{day},{name},{},{},1\n", rng.below(3), 1 + rng.below(100));
        }
    }
    parse(&text).expect("the generated instance is well formed")
}

/// Every row over `values` cell values, as `Option<usize>` cells.
pub(super) fn every_row(days: usize, shifts: usize) -> impl Iterator<Item = Vec<Option<usize>>> {
    let values = shifts + 1;
    (0..values.pow(days as u32)).map(move |mut n| {
        (0..days)
            .map(|_| {
                let v = n % values;
                n /= values;
                v.checked_sub(1)
            })
            .collect()
    })
}

/// The cheapest feasible row for `staff` with the others as in `roster`,
/// judged by the scorer alone.
fn brute_force(model: &Model, roster: &Roster, staff: usize) -> Option<(u64, Vec<Option<usize>>)> {
    let mut trial = roster.clone();
    every_row(model.days, model.shifts.len())
        .filter_map(|row| {
            trial.cells[staff] = row.clone();
            let s = score(model, &trial);
            s.violations
                .iter()
                .all(|v| v.staff != staff)
                .then(|| (s.penalty(), row))
        })
        .min_by_key(|(penalty, _)| *penalty)
}

#[test]
fn the_planner_finds_the_cheapest_feasible_row() {
    let mut rng = Rng::new(11);
    let mut checked = 0;
    for _ in 0..15 {
        let model = random_instance(&mut rng, 7);
        // Start from some feasible roster: each row the cheapest alone.
        let mut roster = Roster::empty(&model);
        let mut ok = true;
        for staff in 0..model.staff.len() {
            match brute_force(&model, &roster, staff) {
                Some((_, row)) => roster.cells[staff] = row,
                None => ok = false,
            }
        }
        if !ok {
            continue;
        }
        let rules = Rules::new(&model);
        let state = State::new(&model, roster.clone());
        let mut planner = Planner::new(1_000);
        for staff in 0..model.staff.len() {
            let (best, _) = brute_force(&model, &roster, staff).expect("its own row is feasible");
            let row = planner
                .plan(&state, &rules, staff, &mut rng)
                .expect("at least the current row is no worse than itself");
            let mut planned = roster.clone();
            planned.cells[staff] = row.clone();
            let s = score(&model, &planned);
            assert_eq!(s.violations, vec![], "row {row:?} of {staff} is feasible");
            assert_eq!(s.penalty(), best, "row {row:?} of {staff} is the cheapest");
            checked += 1;
        }
    }
    assert!(
        checked >= 12,
        "enough instances had feasible rows: {checked}"
    );
}

#[test]
fn the_planner_keeps_fixed_days_off_and_type_maxima() {
    // One person, one shift wanted every day by cover, at most 3 of them and
    // never on day 2; runs of at most 2. The best row works 3 days, none of
    // them day 2, in runs of at most 2.
    let text = "SECTION_HORIZON\n7\nSECTION_SHIFTS\nD,480,\nSECTION_STAFF\n\
        A,D=3,9999,0,2,1,1,7\nSECTION_DAYS_OFF\nA,2\nSECTION_SHIFT_ON_REQUESTS\n\
        SECTION_SHIFT_OFF_REQUESTS\nSECTION_COVER\n\
        0,D,1,10,0\n1,D,1,10,0\n2,D,1,10,0\n3,D,1,10,0\n4,D,1,10,0\n5,D,1,10,0\n6,D,1,10,0\n";
    let model = parse(text).expect("well formed");
    let rules = Rules::new(&model);
    let state = State::new(&model, Roster::empty(&model));
    let row = Planner::new(16)
        .plan(&state, &rules, 0, &mut Rng::new(1))
        .expect("working three days beats working none");
    let mut roster = Roster::empty(&model);
    roster.cells[0] = row.clone();
    let s = score(&model, &roster);
    assert_eq!(s.violations, vec![], "{row:?}");
    assert_eq!(row.iter().flatten().count(), 3, "{row:?}");
    assert_eq!(s.penalty(), 40, "four days short, ten each: {row:?}");
}

#[test]
fn counts_compare_byte_by_byte() {
    let bytewise = |a: u64, b: u64| (0..8).all(|i| (a >> (8 * i)) & 0xFF <= (b >> (8 * i)) & 0xFF);
    let mut rng = Rng::new(3);
    // Counts below 128, near one another so that both answers occur.
    let count = |rng: &mut Rng| (0..8).fold(0u64, |c, i| c | ((rng.below(4) as u64) << (8 * i)));
    let (mut yes, mut no) = (0, 0);
    for _ in 0..20_000 {
        let a = count(&mut rng);
        let b = count(&mut rng);
        assert_eq!(fewer_of_each(a, b), bytewise(a, b), "{a:#x} against {b:#x}");
        if bytewise(a, b) {
            yes += 1
        } else {
            no += 1
        }
    }
    assert!(yes > 0 && no > 0);
    // The boundary: equal counts, and the largest count tracked (127).
    let top = 0x7F7F_7F7F_7F7F_7F7F;
    assert!(fewer_of_each(top, top));
    assert!(!fewer_of_each(top, top - 1));
    assert!(fewer_of_each(0, top) && !fewer_of_each(top, 0));
}

/// Issue #23: a labelling does not outlive the search's deadline. A year
/// with three shift types, cover wanted every day and a narrow minute
/// window labels far more than one look at the clock's worth; past its
/// deadline it stops, finds nothing and counts itself cut short, and the
/// same planner without a deadline finds the row.
#[test]
fn a_labelling_past_its_deadline_stops_and_says_so() {
    let days = 364;
    let mut text = format!(
        "SECTION_HORIZON\n{days}\nSECTION_SHIFTS\nE,480,\nL,480,E\nN,600,E|L\n\
         SECTION_STAFF\nA,E={days}|L={days}|N={days},96000,95000,5,2,2,52\n\
         SECTION_DAYS_OFF\nSECTION_SHIFT_ON_REQUESTS\nSECTION_SHIFT_OFF_REQUESTS\nSECTION_COVER\n"
    );
    for day in 0..days {
        text += &format!("{day},E,1,10,1\n{day},N,1,10,1\n");
    }
    let model = parse(&text).expect("well formed");
    let rules = Rules::new(&model);
    let state = State::new(&model, Roster::empty(&model));
    let mut planner = Planner::new(16);
    planner.deadline = Some(std::time::Instant::now());
    assert_eq!(planner.plan(&state, &rules, 0, &mut Rng::new(1)), None);
    assert_eq!(planner.cut_short, 1, "the labelling says it was cut short");
    planner.deadline = None;
    let row = planner
        .plan(&state, &rules, 0, &mut Rng::new(1))
        .expect("without a deadline the labelling ends with a row");
    assert_eq!(planner.cut_short, 1, "a finished labelling is not counted");
    let mut roster = Roster::empty(&model);
    roster.cells[0] = row;
    assert_eq!(score(&model, &roster).violations, vec![]);
}

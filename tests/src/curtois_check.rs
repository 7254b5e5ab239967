//! The checks issue #23 asks of the solver on any instance of the Curtois
//! format, shared by the test suite (a few dozen instances) and
//! `roster-bench --generated N` (thousands): the parser reads the text, an
//! instance with a witness is solved with no hard violation and the
//! search's cost agrees with the independent scorer, and a person declared
//! impossible to roster truly has no row that keeps their contract (tried
//! exhaustively on small horizons).

use crate::curtois_witness::{self, Size};
use std::time::Duration;
use wardbook::solver::{
    curtois, lower_bound_within, score, solve, Model, Options, Roster, SolveError, Timing,
};

/// What a checked instance was, for the bench's summary.
#[derive(Debug, Clone)]
pub struct Checked {
    pub days: usize,
    pub staff: usize,
    pub shifts: usize,
    /// The solver's account of its time.
    pub timing: Timing,
}

/// Solves the witnessed instance of `seed` within `limit`; an error says
/// what went wrong, naming the seed so that it can be replayed.
pub fn witnessed(size: Size, seed: u64, limit: Duration) -> Result<Checked, String> {
    let generated = curtois_witness::witnessed(size, seed);
    let model = curtois::parse(&generated.text)
        .map_err(|e| format!("seed {seed}: the parser refused a generated instance: {e}"))?;
    let witness = Roster {
        cells: generated.rows,
    };
    let scored = score(&model, &witness);
    if !scored.violations.is_empty() {
        return Err(format!(
            "seed {seed}: the generator's own witness breaks {:?}",
            scored.violations
        ));
    }
    let timing = solved_cleanly(&model, seed, limit)?;
    Ok(Checked {
        days: model.days,
        staff: model.staff.len(),
        shifts: model.shifts.len(),
        timing,
    })
}

/// Solves person `person` of the witnessed instance of `seed` alone (no
/// cover, no requests, so the build alone decides): the shape of a contract
/// once declared impossible, kept as a regression check without the cost
/// of solving the whole instance.
pub fn witnessed_person(
    size: Size,
    seed: u64,
    person: &str,
    limit: Duration,
) -> Result<(), String> {
    let generated = curtois_witness::witnessed(size, seed);
    let mut model = curtois::parse(&generated.text)
        .map_err(|e| format!("seed {seed}: the parser refused a generated instance: {e}"))?;
    let index = model
        .staff
        .iter()
        .position(|p| p.id == person)
        .ok_or(format!("seed {seed} has no {person}"))?;
    model.staff = vec![model.staff[index].clone()];
    model.requests.clear();
    let witness = Roster {
        cells: vec![generated.rows[index].clone()],
    };
    if !score(&model, &witness).violations.is_empty() {
        return Err(format!(
            "seed {seed}: the witness of {person} breaks a rule"
        ));
    }
    solved_cleanly(&model, seed, limit).map(|_| ())
}

/// Whether the tiny instance of `seed` was solved (true) or rightly
/// declared impossible (false).
pub fn tiny(seed: u64, limit: Duration) -> Result<bool, String> {
    let text = curtois_witness::tiny(seed);
    let model = curtois::parse(&text)
        .map_err(|e| format!("tiny seed {seed}: the parser refused it: {e}"))?;
    let impossible: Vec<usize> = (0..model.staff.len())
        .filter(|&s| !has_a_row(&model, s))
        .collect();
    match solve(
        &model,
        &Options {
            time_limit: limit,
            seed,
        },
    ) {
        Err(SolveError::Unfillable { staff }) => {
            let person = model.staff.iter().position(|p| p.id == staff);
            if person.is_some_and(|p| impossible.contains(&p)) {
                Ok(false)
            } else {
                Err(format!(
                    "tiny seed {seed}: {staff} declared impossible, but a row keeps their contract"
                ))
            }
        }
        Ok(outcome) if impossible.is_empty() => {
            verify(&model, &outcome.roster, outcome.penalty, seed).map(|()| true)
        }
        Ok(_) => Err(format!(
            "tiny seed {seed}: solved although no row keeps the contract of {:?}",
            impossible
        )),
        Err(e @ SolveError::OutOfTime { .. }) => Err(format!("tiny seed {seed}: {e}")),
    }
}

fn solved_cleanly(model: &Model, seed: u64, limit: Duration) -> Result<Timing, String> {
    let outcome = solve(
        model,
        &Options {
            time_limit: limit,
            seed,
        },
    )
    .map_err(|e| format!("seed {seed}: {e}, although the witness keeps every rule"))?;
    verify(model, &outcome.roster, outcome.penalty, seed)?;
    Ok(outcome.timing)
}

fn verify(model: &Model, roster: &Roster, penalty: u64, seed: u64) -> Result<(), String> {
    let scored = score(model, roster);
    if !scored.violations.is_empty() {
        return Err(format!(
            "seed {seed}: the solver's roster breaks {:?}",
            scored.violations
        ));
    }
    // Aimed at the roster's own cost, as boldly as the bound can go.
    let bound = lower_bound_within(model, Duration::from_millis(200), scored.penalty());
    if bound > scored.penalty() {
        return Err(format!(
            "seed {seed}: the lower bound {bound} is above a roster found, {}",
            scored.penalty()
        ));
    }
    if scored.penalty() != penalty {
        return Err(format!(
            "seed {seed}: the search counted {penalty}, the scorer {}",
            scored.penalty()
        ));
    }
    Ok(())
}

/// Whether any row at all keeps `staff`'s contract, trying every one and
/// judging each with the independent scorer on that person alone.
pub fn has_a_row(model: &Model, staff: usize) -> bool {
    let mut alone = model.clone();
    alone.staff = vec![model.staff[staff].clone()];
    alone.requests.clear();
    alone.cover.clear();
    let values = model.shifts.len() + 1;
    let mut digits = vec![0usize; model.days];
    loop {
        let row = digits.iter().map(|&d| d.checked_sub(1)).collect();
        if score(&alone, &Roster { cells: vec![row] }).is_feasible() {
            return true;
        }
        // The next row, counting in base `values`.
        let mut i = 0;
        loop {
            if i == digits.len() {
                return false;
            }
            digits[i] += 1;
            if digits[i] < values {
                break;
            }
            digits[i] = 0;
            i += 1;
        }
    }
}

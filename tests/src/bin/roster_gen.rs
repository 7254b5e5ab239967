//! `roster-gen WEEKS STAFF SHIFTS SEED FILE`: writes a generated instance in
//! the Curtois format (see `wardbook_tests::curtois_gen`), to run a much
//! larger instance than the shipped ones through `cargo xtask roster-bench`.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let numbers: Option<Vec<usize>> = args
        .get(..4)
        .map(|a| a.iter().filter_map(|s| s.parse().ok()).collect());
    match (numbers.as_deref(), args.get(4)) {
        (Some(&[weeks, staff, shifts, seed]), Some(file))
            if weeks > 0 && staff > 0 && shifts > 0 =>
        {
            let text = wardbook_tests::curtois_gen::instance(weeks, staff, shifts, seed as u64);
            if let Err(e) = std::fs::write(file, text) {
                eprintln!("roster-gen: write {file}: {e}");
                return ExitCode::FAILURE;
            }
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("usage: roster-gen WEEKS STAFF SHIFTS SEED FILE (positive whole numbers)");
            ExitCode::FAILURE
        }
    }
}

//! Wardbook: staff, schedules and budget for the manager of one hospital
//! department, kept in one local SQLite file.
//!
//! Layers run one way (README, "How it is built"; checked by `layers.rs`):
//! the shell (`app`, `commands`: thin Tauri adapters) → the file as a whole
//! (`store`, `audit`, `department_file`) → views (`dashboard`, `reports`,
//! `sample`) → `fill` → domain (`budget`, `schedule`, `solver`, `staff`,
//! `credentials`, `trainings`, `skills`, `department`) → foundations
//! (`error`, `input`, …). Only the shell knows Tauri; everything else is
//! plain Rust that tests call directly.

pub mod applog;
pub mod attendance;
pub mod audit;
pub mod bindings;
pub mod budget;
pub mod credentials;
pub mod csv_file;
pub mod dashboard;
pub mod department;
pub mod department_file;
pub mod error;
pub mod fairness;
pub mod fill;
pub mod input;
pub mod instance;
pub mod records;
pub mod reports;
pub mod requests;
pub mod sample;
pub mod schedule;
pub mod search_text;
pub mod skills;
pub mod solver;
pub mod staff;
pub mod store;
pub mod trainings;
pub mod units;

mod app;
mod cli;
pub(crate) mod commands;
mod early;
#[cfg(test)]
mod layers;
mod printing;
mod rendering;
mod startup_probe;
mod text_enum;
mod window;

pub use app::{configure, context, run, run_app};
pub use cli::Options;
/// Every command the window may call (declared with `#[command]` in `commands/`).
pub use commands::NAMES as COMMANDS;
/// The commands that act on the window itself (printing it).
pub use commands::ON_THE_WINDOW as WINDOW_COMMANDS;

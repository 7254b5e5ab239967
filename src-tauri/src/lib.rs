//! Wardbook: staff, schedules and budget for the manager of one hospital
//! department, kept in one local SQLite file.
//!
//! Layers run one way: UI → `commands` (thin Tauri adapters) → domain modules
//! (`department`, `staff`, `credentials`, `trainings`, `skills`, `schedule`,
//! `budget`, `audit`) → `store`.
//! Only `commands` and `app` know Tauri; everything else is plain Rust that
//! tests call directly.

pub mod applog;
pub mod audit;
pub mod bindings;
pub mod budget;
pub mod credentials;
pub mod csv_file;
pub mod dashboard;
pub mod department;
pub mod department_file;
pub mod error;
pub mod input;
pub mod instance;
pub mod reports;
pub mod sample;
pub mod schedule;
pub mod search_text;
pub mod skills;
pub mod solver;
pub mod staff;
pub mod store;
pub mod trainings;

mod app;
mod cli;
pub(crate) mod commands;
mod printing;
mod rendering;
mod start;
mod startup;
mod text_enum;
mod window;

pub use app::{configure, context, run, run_app};
pub use cli::Options;

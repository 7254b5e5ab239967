//! Automatic rostering: fill a period so that every hard rule holds and the
//! soft cost (cover under/over, unmet requests) is low.
//!
//! Plain Rust (one thread per search, [`threads`] for several), with no
//! Tauri and no database, so that the benchmark (`cargo xtask
//! roster-bench`) and the app run the same code. The
//! model ([`model`]) is general; [`curtois`] reads the public Curtois
//! benchmark into it, [`score`] checks any roster against the published
//! rules independently of the search, and [`search`] solves.

mod anneal;
pub mod bound;
mod cheapest;
mod columns;
pub mod curtois;
mod exact;
mod explain;
mod handover;
pub mod inrc2;
mod lagrange;
pub mod model;
mod most;
mod moves;
mod pair;
mod priced;
mod reach;
mod replan;
mod rescore;
mod rng;
mod row;
pub mod score;
pub mod search;
pub mod splitmix;
mod start;
mod state;
mod sums;
#[cfg(test)]
mod tests;
pub mod threads;

pub use bound::{gap_percent, lagrangian_within, lower_bound, lower_bound_within, quick_bound};
pub use explain::{room, Room, Shortfall};
pub(crate) use handover::{hand_over, polish};
pub use model::{Contract, Cover, Model, Request, RequestKind, Roster, Shift, Staff, Target};
pub use rescore::{cost, rescored};
pub use score::{score, Rule, Score, Violation};
pub use search::{
    solve, solve_watched, solve_watched_from, Options, Outcome, Progress, SolveError, Timing,
};
pub use start::repaired;
pub use threads::{default_threads, solve_threads, solve_threads_from};
/// The search's row rules and random numbers, for the app's tests that
/// build rosters the model allows.
#[cfg(test)]
pub(crate) mod testing {
    pub(crate) use super::rng::Rng;
    pub(crate) use super::row::Rules;
}
#[cfg(test)]
mod app_rules_tests;
#[cfg(test)]
mod columns_tests;
#[cfg(test)]
mod inrc2_tests;
#[cfg(test)]
mod lagrange_tests;
#[cfg(test)]
mod pair_tests;
#[cfg(test)]
mod replan_tests;
#[cfg(test)]
mod threads_tests;

//! Fill schedule, above the schedule and the solver: a loaded draft period
//! mapped to the solver's model ([`department`], with the people's hours
//! and rules in [`limits`] and their requests in [`staff_requests`]), one
//! run of the search ([`run`]), and the review of its proposal
//! ([`summary`], [`hours`], [`requests`], [`staffing`], [`warned`],
//! [`weekends`]) before [`store`] writes it. [`job`] runs one on its own
//! thread and [`runs`] keeps each period's fill until the manager decides.
//! Plain Rust: no Tauri.

pub mod department;
pub mod hours;
pub mod job;
mod limits;
pub mod requests;
pub mod run;
pub mod runs;
pub mod staff_requests;
pub mod staffing;
pub mod store;
pub mod summary;
pub mod under;
pub mod warned;
mod weekend_release;
pub mod weekend_share;
pub mod weekends;
pub mod weights;

#[cfg(test)]
mod department_sample_tests;
#[cfg(test)]
mod department_tests;
#[cfg(test)]
mod fill_figures_tests;
#[cfg(test)]
mod leave_tests;
#[cfg(test)]
mod publish_tests;
#[cfg(test)]
mod rebuild_tests;
#[cfg(test)]
mod role_capacity_tests;
#[cfg(test)]
mod staff_requests_tests;
#[cfg(test)]
mod target_tests;
#[cfg(test)]
mod warn_tests;
#[cfg(test)]
mod weekend_tests;

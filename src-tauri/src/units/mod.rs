//! Money and FTE as types: one home each for their conversions, their
//! integer arithmetic and how they read ("$1,234.56", "0.90").
//!
//! Both are integers (cents; hundredths of an FTE) so no float ever holds
//! them; every division rounds once, from the exact quotient, in `i128`, so
//! an intermediate product cannot overflow and a result beyond `i64`
//! saturates instead of wrapping. What an FTE means differs by use and is
//! decided in [`fte`]; the README's "Money and FTE" says the same.

mod cents;
mod fte;

pub use cents::{div_round, Cents};
pub use fte::{Fte, FTE_HOURS_PER_YEAR, FTE_MINUTES_PER_14_DAYS};

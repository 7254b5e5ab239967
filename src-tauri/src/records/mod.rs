//! One typed builder per record, the one way the sample department and the
//! tests write staff, shifts and time off straight into a file (no form's
//! rules, no history of a manager's edit beyond the triggers'): a test
//! names only what its rule is about and takes the defaults for the rest,
//! and a column added later is added here once.
//!
//! The app's own edits go through the domain (`staff::create`, the
//! schedule's store), which validates; these builders trust their caller.
//! Seeded randomness for the sample and the tests is `solver::splitmix`.

mod assignment;
mod staff;
mod time_off;

pub use assignment::NewAssignment;
pub use staff::NewStaff;
pub use time_off::NewTimeOff;

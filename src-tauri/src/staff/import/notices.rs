//! What the preview says about the file as a whole, above its rows: a
//! column every row fails on (likely the wrong one), employee numbers that
//! lost their leading zeros, and people on the roster the file leaves out.

use super::rows::{capitalised, plural};
use super::StaffField;
use crate::staff::Staff;
use std::collections::{HashMap, HashSet};

/// `failures`: per field, the rows whose cell could not be read (and the
/// first, with its reason), of `judged` rows checked.
pub(super) fn notices(
    failures: HashMap<StaffField, (usize, i64, String)>,
    judged: usize,
    zero_matches: &[String],
    people: &HashMap<String, Staff>,
    in_file: &HashSet<i64>,
) -> Vec<String> {
    let mut notices = Vec::new();
    let mut wrong_columns: Vec<_> = failures
        .into_iter()
        .filter(|(f, (n, _, _))| {
            judged >= 2 && *n == judged && !matches!(f, StaffField::Role | StaffField::Status)
        })
        .collect();
    wrong_columns.sort_by_key(|(f, _)| *f);
    for (field, (_, line, message)) in wrong_columns {
        let label = field.label();
        notices.push(format!(
            "Every row fails on {label}: check which column is matched to {label} (Back to columns). Line {line}: {message}"
        ));
    }
    if !zero_matches.is_empty() {
        notices.push(format!(
            "{} matched to the roster although the file lost leading zeros (a file opened in Excel): {}.",
            plural(zero_matches.len(), "employee number", "employee numbers"),
            capitalised(&zero_matches.join("; "))
        ));
    }
    let mut left_out: Vec<&Staff> = people
        .values()
        .filter(|s| s.termination_date.is_none() && !in_file.contains(&s.id))
        .collect();
    if !left_out.is_empty() {
        left_out.sort_by(|a, b| (&a.last_name, &a.first_name).cmp(&(&b.last_name, &b.first_name)));
        let mut names: Vec<String> = left_out
            .iter()
            .take(10)
            .map(|s| format!("{}, {} ({})", s.last_name, s.first_name, s.employee_no))
            .collect();
        if left_out.len() > 10 {
            names.push(format!("and {} more", left_out.len() - 10));
        }
        notices.push(format!(
            "{} not in this file ({}) — they are left as they are.",
            plural(
                left_out.len(),
                "person on the roster is",
                "people on the roster are"
            ),
            names.join("; "),
        ));
    }
    notices
}

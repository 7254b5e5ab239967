//! An HR status read by its words, or as the manager says it reads.
//!
//! Exports spell statuses many ways ("Active Assignment", "Active - Per
//! Diem", "Leave of Absence - Paid", "LOA", "Withdrawn"). A status is read
//! by its words: one of the leaving words (terminated, inactive, withdrawn…)
//! means the person left, a leave word (leave, LOA, FMLA, suspended…) means
//! on leave, and "active" means active. Any other value ("Per Diem",
//! "Seasonal") is listed in the preview for the manager to choose what it
//! means, as job titles are given roles.

use crate::text_enum::text_enum;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

text_enum! {
    /// What an HR status says about employment.
    pub enum HrStatus {
        Active = ("active", "Active"),
        /// On leave (LOA, FMLA…): still employed, so kept active.
        OnLeave = ("leave", "On leave (kept active)"),
        /// Terminated, inactive, separated, retired…
        Terminated = ("terminated", "Left (terminated)"),
    }
}

/// The manager's reading of one status value of the file.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, TS)]
pub struct StatusChoice {
    pub value: String,
    pub status: HrStatus,
}

/// A status value the words could not read, or that the manager read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct StatusValue {
    pub value: String,
    pub rows: i64,
    /// The manager's choice; none until chosen.
    pub status: Option<HrStatus>,
    /// The choice is the one remembered from an earlier import.
    pub remembered: bool,
}

const LEFT: &[&str] = &[
    "terminated",
    "term",
    "termed",
    "t",
    "inactive",
    "i",
    "separated",
    "separation",
    "resigned",
    "retired",
    "deceased",
    "withdrawn",
    "quit",
    "discharged",
    "dismissed",
    "ended",
    "former",
    "terminate",
    "termination",
    "resignation",
    "retirement",
];
const LEAVE: &[&str] = &[
    "leave",
    "loa",
    "l",
    "fmla",
    "disability",
    "suspended",
    "suspension",
    "std",
    "ltd",
];
const ACTIVE: &[&str] = &[
    "active", "a", "act", "employed", "current", "working", "new", "newhire", "hire", "rehire",
    "rehired",
];

/// A status by its words; none for words that say nothing of employment.
pub fn read(text: &str) -> Option<HrStatus> {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let has = |set: &[&str]| words.iter().any(|w| set.contains(w));
    // "Laid off" is two words.
    let laid_off = lower.contains("laid off") || lower.contains("laidoff");
    if has(LEFT) || laid_off {
        Some(HrStatus::Terminated)
    } else if has(LEAVE) {
        Some(HrStatus::OnLeave)
    } else if has(ACTIVE) {
        Some(HrStatus::Active)
    } else {
        None
    }
}

/// The manager's choice for `text` first, else its words.
pub fn resolve(text: &str, choices: &[StatusChoice]) -> Option<HrStatus> {
    let key = |t: &str| t.trim().to_lowercase();
    choices
        .iter()
        .find(|c| key(&c.value) == key(text))
        .map(|c| c.status)
        .or_else(|| read(text))
}

/// The distinct status values to show, with their rows, in file order.
pub(super) fn values(
    cells: &[String],
    choices: &[StatusChoice],
    remembered: &[StatusChoice],
) -> Vec<StatusValue> {
    let find = |list: &[StatusChoice], c: &str| {
        list.iter()
            .find(|s| s.value.trim().eq_ignore_ascii_case(c))
            .map(|s| s.status)
    };
    let mut out: Vec<StatusValue> = Vec::new();
    for c in cells {
        match out.iter_mut().find(|v| v.value.eq_ignore_ascii_case(c)) {
            Some(v) => v.rows += 1,
            None => {
                let chosen = find(choices, c);
                let kept = find(remembered, c).filter(|_| chosen.is_none());
                out.push(StatusValue {
                    value: c.clone(),
                    rows: 1,
                    status: chosen.or(kept),
                    remembered: kept.is_some(),
                })
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use HrStatus::*;

    #[test]
    fn statuses_are_read_by_their_words() {
        let cases = [
            ("Active Assignment", Some(Active)),
            ("Active - Per Diem", Some(Active)),
            ("ACTIVE", Some(Active)),
            ("A", Some(Active)),
            ("Leave of Absence - Paid", Some(OnLeave)),
            ("LOA", Some(OnLeave)),
            ("Suspended", Some(OnLeave)),
            ("Inactive", Some(Terminated)),
            ("Withdrawn", Some(Terminated)),
            ("Terminated - Voluntary", Some(Terminated)),
            ("Laid off", Some(Terminated)),
            ("Per Diem", None),
            ("Seasonal", None),
            ("Activities", None),
        ];
        for (text, want) in cases {
            assert_eq!(read(text), want, "{text}");
        }
    }

    #[test]
    fn the_managers_choice_wins_over_the_words() {
        let choices = [StatusChoice {
            value: "per diem".into(),
            status: Active,
        }];
        assert_eq!(resolve(" Per Diem ", &choices), Some(Active));
        assert_eq!(resolve("Seasonal", &choices), None);
        assert_eq!(resolve("Inactive", &choices), Some(Terminated));
    }
}

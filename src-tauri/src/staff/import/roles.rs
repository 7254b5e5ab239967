//! The file's job titles (or job codes) as Wardbook roles.
//!
//! HR titles are free text ("RN - Charge Nurse, Med/Surg", "Nursing
//! Assistant, Certified (CNA)"), so a title is not refused for not being a
//! role name. Each distinct value gets a role, in this order: the one the
//! manager chose in the preview, the one remembered from an earlier import,
//! a role Wardbook knows by that exact name (`RN`, `Registered nurse`), or
//! one guessed from the title's words when they point at exactly one role.
//! A value with none of these holds its rows back until the manager chooses.

use super::cells;
use crate::staff::Role;
use crate::text_enum::text_enum;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use ts_rs::TS;

text_enum! {
    /// Where the role of a job title came from, as the preview says it.
    pub enum RoleHow {
        Chosen = ("chosen", "Chosen"),
        Remembered = ("remembered", "Remembered"),
        Known = ("known", "Wardbook's name"),
        Guessed = ("guessed", "Guessed from the title"),
        FromCode = ("from_code", "Guessed from the job code"),
        Missing = ("missing", "Choose a role"),
    }
}

/// The manager's choice of role for one value of the role column, and the
/// skills new people with that title start with ("Charge" for a charge
/// nurse's title). People already on the roster keep their own skills.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, TS)]
pub struct RoleChoice {
    pub value: String,
    pub role: Role,
    #[serde(default)]
    pub skill_ids: Vec<i64>,
}

/// One distinct value of the role column and the role its rows get.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RoleValue {
    pub value: String,
    /// How many rows of the file have it.
    pub rows: i64,
    pub role: Option<Role>,
    pub how: RoleHow,
    /// The skills new people with this title are given (chosen or remembered).
    pub skill_ids: Vec<i64>,
}

/// Values are matched ignoring case, spaces and punctuation, so
/// "RN - Charge Nurse" and "RN – charge nurse" are one title.
pub fn key(value: &str) -> String {
    value
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Words in a title that name one role by themselves.
const WORDS: &[(&str, Role)] = &[
    ("rn", Role::Rn),
    ("bsn", Role::Rn),
    ("lpn", Role::Lpn),
    ("lvn", Role::Lpn),
    ("cna", Role::Cna),
    ("stna", Role::Cna),
    ("hca", Role::Cna),
    ("hcsw", Role::Cna),
    ("pct", Role::Tech),
    ("tech", Role::Tech),
    ("technician", Role::Tech),
    ("technologist", Role::Tech),
    ("md", Role::Physician),
    ("physician", Role::Physician),
    ("hospitalist", Role::Physician),
    ("clerk", Role::UnitClerk),
    ("secretary", Role::UnitClerk),
    ("manager", Role::Manager),
    ("director", Role::Manager),
];

/// Phrases (punctuation and spaces removed) that name one role.
const PHRASES: &[(&str, Role)] = &[
    ("registerednurse", Role::Rn),
    ("staffnurse", Role::Rn),
    ("licensedpracticalnurse", Role::Lpn),
    ("licensedvocationalnurse", Role::Lpn),
    ("nursingassistant", Role::Cna),
    ("nurseassistant", Role::Cna),
    ("nursingaide", Role::Cna),
    ("nurseaide", Role::Cna),
    ("patientcareassistant", Role::Cna),
    ("patientcaretech", Role::Tech),
    ("unitclerk", Role::UnitClerk),
    ("unitsecretary", Role::UnitClerk),
    ("unitcoordinator", Role::UnitClerk),
    ("healthunitcoordinator", Role::UnitClerk),
    ("nursemanager", Role::Manager),
    ("chargenurse", Role::Rn),
    ("wardsister", Role::Rn),
    ("healthcareassistant", Role::Cna),
    ("healthcaresupportworker", Role::Cna),
    ("nursingasst", Role::Cna),
    ("nurseasst", Role::Cna),
];

/// The one role a free-text title points at, if its words name exactly one.
pub fn guess(title: &str) -> Option<Role> {
    let words: Vec<String> = title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let squashed = key(title);
    let mut found: Vec<Role> = WORDS
        .iter()
        .filter(|(w, _)| words.iter().any(|x| x == w))
        .chain(PHRASES.iter().filter(|(p, _)| squashed.contains(p)))
        .map(|(_, r)| *r)
        .collect();
    // "Nurse Manager" names a manager; the "nurse" in it is no second role.
    if found.contains(&Role::Manager) && found.iter().all(|r| matches!(r, Role::Manager | Role::Rn))
    {
        return Some(Role::Manager);
    }
    found.sort();
    found.dedup();
    match found.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

/// A title's role and new people's skills, as an earlier import left them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RememberedTitle {
    pub role: Role,
    pub skill_ids: Vec<i64>,
}

/// Roles for the values of the file, from the manager's choices, the
/// remembered ones (by `key`), Wardbook's own names and the title's words.
pub struct RoleMap {
    chosen: HashMap<String, Role>,
    remembered: HashMap<String, Role>,
    /// New people's skills by title, chosen over remembered.
    skills: HashMap<String, Vec<i64>>,
    /// Titles whose rows' job codes all name one role (`with_codes`).
    by_code: HashMap<String, Role>,
}

impl RoleMap {
    pub fn new(chosen: &[RoleChoice], remembered: HashMap<String, RememberedTitle>) -> Self {
        let mut skills: HashMap<String, Vec<i64>> = remembered
            .iter()
            .map(|(k, r)| (k.clone(), r.skill_ids.clone()))
            .collect();
        skills.extend(chosen.iter().map(|c| (key(&c.value), c.skill_ids.clone())));
        RoleMap {
            chosen: chosen.iter().map(|c| (key(&c.value), c.role)).collect(),
            remembered: remembered.into_iter().map(|(k, r)| (k, r.role)).collect(),
            skills,
            by_code: HashMap::new(),
        }
    }

    /// The skills new people with the title `value` start with.
    pub fn skills(&self, value: &str) -> Vec<i64> {
        self.skills.get(&key(value)).cloned().unwrap_or_default()
    }

    /// A title its words cannot place takes the role its rows' job codes
    /// ("CNA", "RN2") name, when they all name the same one.
    pub fn with_codes<'a>(mut self, pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut seen: HashMap<String, Option<Role>> = HashMap::new();
        for (title, code) in pairs {
            if title.trim().is_empty() || self.resolve(title).0.is_some() {
                continue;
            }
            let role = cells::role(code).ok().or_else(|| guess(code)).or_else(|| {
                // "RN2", "CNA1": a code is often a role and a grade.
                guess(code.trim_end_matches(|c: char| c.is_ascii_digit()))
            });
            let entry = seen.entry(key(title)).or_insert(role);
            if *entry != role {
                *entry = None;
            }
        }
        self.by_code = seen
            .into_iter()
            .filter_map(|(k, r)| r.map(|r| (k, r)))
            .collect();
        self
    }

    pub fn resolve(&self, value: &str) -> (Option<Role>, RoleHow) {
        let k = key(value);
        if let Some(r) = self.chosen.get(&k) {
            return (Some(*r), RoleHow::Chosen);
        }
        if let Some(r) = self.remembered.get(&k) {
            return (Some(*r), RoleHow::Remembered);
        }
        if let Ok(r) = cells::role(value) {
            return (Some(r), RoleHow::Known);
        }
        match (guess(value), self.by_code.get(&k)) {
            (Some(r), _) => (Some(r), RoleHow::Guessed),
            (None, Some(r)) => (Some(*r), RoleHow::FromCode),
            (None, None) => (None, RoleHow::Missing),
        }
    }
}

/// The distinct non-empty values in file order, each with its row count and role.
pub fn values<'a>(cells: impl IntoIterator<Item = &'a str>, map: &RoleMap) -> Vec<RoleValue> {
    let mut out: Vec<RoleValue> = Vec::new();
    let mut at: HashMap<String, usize> = HashMap::new();
    for value in cells.into_iter().map(str::trim).filter(|v| !v.is_empty()) {
        match at.get(&key(value)) {
            Some(&i) => out[i].rows += 1,
            None => {
                let (role, how) = map.resolve(value);
                at.insert(key(value), out.len());
                out.push(RoleValue {
                    value: value.to_string(),
                    rows: 1,
                    role,
                    how,
                    skill_ids: map.skills(value),
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn free_text_titles_give_the_one_role_their_words_name() {
        let cases: &[(&str, Option<Role>)] = &[
            ("RN - Charge Nurse, Med/Surg", Some(Role::Rn)),
            ("Nursing Assistant, Certified (CNA)", Some(Role::Cna)),
            ("Registered Nurse II", Some(Role::Rn)),
            ("LVN/LPN Float", Some(Role::Lpn)),
            ("Patient Care Tech", Some(Role::Tech)),
            ("Health Unit Coordinator", Some(Role::UnitClerk)),
            ("Nurse Manager, 4 West", Some(Role::Manager)),
            ("Hospitalist MD", Some(Role::Physician)),
            ("Charge Nurse", Some(Role::Rn)),
            ("Ward Sister", Some(Role::Rn)),
            ("Healthcare Assistant", Some(Role::Cna)),
            ("Healthcare Support Worker", Some(Role::Cna)),
            ("Cert. Nursing Asst.", Some(Role::Cna)),
            // No role word: the manager chooses.
            ("Unit Lead", None),
            ("Sitter", None),
            // Two roles named: neither is guessed.
            ("RN/LPN Pool", None),
            // A role word inside another word is not that word ("turn", "technical").
            ("Return to Work Coordinator", None),
        ];
        for (title, role) in cases {
            assert_eq!(guess(title), *role, "{title}");
        }
    }

    #[test]
    fn a_choice_beats_memory_which_beats_names_which_beat_guesses() {
        let remembered = HashMap::from([(
            key("RN - Charge Nurse, Med/Surg"),
            RememberedTitle {
                role: Role::Manager,
                skill_ids: vec![7],
            },
        )]);
        let map = RoleMap::new(
            &[RoleChoice {
                value: "sitter".into(),
                role: Role::Other,
                skill_ids: vec![],
            }],
            remembered,
        );
        assert_eq!(map.resolve("Sitter"), (Some(Role::Other), RoleHow::Chosen));
        assert_eq!(
            map.resolve("RN – Charge Nurse Med/Surg"),
            (Some(Role::Manager), RoleHow::Remembered),
            "the same title with other punctuation is the remembered one"
        );
        assert_eq!(map.resolve("LPN"), (Some(Role::Lpn), RoleHow::Known));
        assert_eq!(
            map.resolve("Registered Nurse II"),
            (Some(Role::Rn), RoleHow::Guessed)
        );
        assert_eq!(map.resolve("Unit Lead"), (None, RoleHow::Missing));
        assert_eq!(map.skills("RN – charge nurse med/surg"), vec![7]);
        assert!(map.skills("Sitter").is_empty());
    }

    #[test]
    fn a_choice_of_skills_replaces_the_remembered_ones_even_when_empty() {
        let remembered = HashMap::from([(
            key("Charge RN"),
            RememberedTitle {
                role: Role::Rn,
                skill_ids: vec![7, 9],
            },
        )]);
        let choose = |skill_ids: Vec<i64>| {
            RoleMap::new(
                &[RoleChoice {
                    value: "charge rn".into(),
                    role: Role::Rn,
                    skill_ids,
                }],
                remembered.clone(),
            )
        };
        assert_eq!(choose(vec![9]).skills("Charge RN"), vec![9]);
        assert!(
            choose(vec![]).skills("Charge RN").is_empty(),
            "clearing every skill is a choice too"
        );
    }

    #[test]
    fn distinct_values_are_counted_once_in_file_order() {
        let map = RoleMap::new(&[], HashMap::new());
        let got = values(["RN2", "CNA1", "rn2", "", "RN2 "], &map);
        let summary: Vec<(&str, i64)> = got.iter().map(|v| (v.value.as_str(), v.rows)).collect();
        assert_eq!(summary, vec![("RN2", 3), ("CNA1", 1)]);
        assert_eq!(
            got[1].how,
            RoleHow::Missing,
            "a bare job code names no role"
        );
    }
}

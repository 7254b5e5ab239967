//! The employment type of new people when the file has no column for it.
//!
//! HR exports often carry only the FTE (and a status). The manager then
//! chooses: derive the type from the FTE with thresholds shown in the
//! preview and changeable there (by default FTE 0.90 or more is full-time,
//! 0 is per diem, anything between is part-time), or give every new person
//! one type (an agency's list). People already on the roster keep their
//! type: float and agency are not visible in an FTE, and a type the manager
//! set should not flip because HR rounded an FTE.

use crate::error::Validator;
use crate::input;
use crate::staff::EmploymentType;
use crate::text_enum::text_enum;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

text_enum! {
    pub enum EmploymentFrom {
        Fte = ("fte", "From the FTE"),
        One = ("one", "One type for every new person"),
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, TS)]
pub struct EmploymentRule {
    pub from: EmploymentFrom,
    /// FTE at or above which a new person is full-time, as typed ("0.9").
    pub full_time_min: String,
    /// FTE at or below which a new person is per diem ("0").
    pub per_diem_max: String,
    /// For `One`: the type every new person gets.
    pub one_type: Option<EmploymentType>,
}

impl Default for EmploymentRule {
    fn default() -> Self {
        EmploymentRule {
            from: EmploymentFrom::Fte,
            full_time_min: "0.90".into(),
            per_diem_max: "0.00".into(),
            one_type: None,
        }
    }
}

/// A rule whose thresholds have been read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    Fte {
        full_time_min: i64,
        per_diem_max: i64,
    },
    One(EmploymentType),
}

impl Rule {
    /// The type of a new person with `fte_hundredths`.
    pub fn type_for(self, fte_hundredths: i64) -> EmploymentType {
        match self {
            Rule::One(t) => t,
            Rule::Fte {
                full_time_min,
                per_diem_max,
            } => {
                if fte_hundredths >= full_time_min {
                    EmploymentType::FullTime
                } else if fte_hundredths <= per_diem_max {
                    EmploymentType::PerDiem
                } else {
                    EmploymentType::PartTime
                }
            }
        }
    }
}

impl EmploymentRule {
    /// Checks the thresholds (each message beside its own box).
    pub fn check(&self, v: &mut Validator) -> Option<Rule> {
        match self.from {
            EmploymentFrom::One => {
                v.check(
                    self.one_type.is_some(),
                    "one_type",
                    "Choose the employment type every new person gets.",
                );
                self.one_type.map(Rule::One)
            }
            EmploymentFrom::Fte => {
                let full = v.take("full_time_min", input::fte(&self.full_time_min));
                let diem = v.take("per_diem_max", input::fte(&self.per_diem_max));
                let (full, diem) = (full?, diem?);
                v.check(
                    diem < full,
                    "per_diem_max",
                    "The per diem limit must be below the full-time threshold.",
                );
                (diem < full).then_some(Rule::Fte {
                    full_time_min: full,
                    per_diem_max: diem,
                })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use EmploymentType::*;

    fn rule(full: &str, diem: &str) -> Result<Rule, Vec<(String, String)>> {
        let r = EmploymentRule {
            full_time_min: full.into(),
            per_diem_max: diem.into(),
            ..Default::default()
        };
        let mut v = Validator::new();
        let got = r.check(&mut v);
        match v.finish() {
            Ok(()) => Ok(got.expect("a rule when nothing is refused")),
            Err(e) => Err(e.fields.into_iter().map(|f| (f.field, f.message)).collect()),
        }
    }

    #[test]
    fn the_default_thresholds_at_their_boundaries() {
        let r = rule("0.90", "0.00").unwrap();
        assert_eq!(r.type_for(100), FullTime);
        assert_eq!(r.type_for(90), FullTime, "0.90 is at the threshold");
        assert_eq!(r.type_for(89), PartTime, "just under 0.90");
        assert_eq!(r.type_for(1), PartTime, "anything above 0");
        assert_eq!(r.type_for(0), PerDiem);
    }

    #[test]
    fn the_manager_moves_the_thresholds() {
        let r = rule(".8", "0.2").unwrap();
        assert_eq!(r.type_for(80), FullTime);
        assert_eq!(r.type_for(79), PartTime);
        assert_eq!(r.type_for(21), PartTime);
        assert_eq!(r.type_for(20), PerDiem);
    }

    #[test]
    fn bad_thresholds_are_refused_beside_their_box() {
        let err = rule("ninety", "0").unwrap_err();
        assert_eq!(err.len(), 1);
        assert_eq!(err[0].0, "full_time_min");
        let err = rule("0.5", "0.5").unwrap_err();
        assert_eq!(err[0].0, "per_diem_max", "{err:?}");
        assert!(err[0].1.contains("below the full-time"), "{err:?}");
        assert!(rule("0.5", "0.49").is_ok(), "just below is allowed");
        let err = rule("1.2", "0").unwrap_err();
        assert!(err[0].1.contains("between 0 and 1.00"), "{err:?}");
    }

    #[test]
    fn one_type_for_all_needs_the_type() {
        let mut v = Validator::new();
        let r = EmploymentRule {
            from: EmploymentFrom::One,
            one_type: None,
            ..Default::default()
        };
        assert_eq!(r.check(&mut v), None);
        let err = v.finish().unwrap_err();
        assert_eq!(err.fields[0].field, "one_type");
        let mut v = Validator::new();
        let r = EmploymentRule {
            one_type: Some(Agency),
            ..r
        };
        assert_eq!(r.check(&mut v), Some(Rule::One(Agency)));
        assert_eq!(r.check(&mut v).unwrap().type_for(100), Agency);
        assert!(v.finish().is_ok());
    }
}

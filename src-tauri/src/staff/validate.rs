//! The rules a staff record must meet before it is saved.

use super::{EmploymentType, Role, StaffInput};
use crate::error::{AppResult, Validator};
use crate::input;
use chrono::NaiveDate;

/// A staff form that passed every rule, in stored units.
#[derive(Debug)]
pub(super) struct ValidStaff {
    pub first_name: String,
    pub last_name: String,
    pub employee_no: String,
    pub role: Role,
    pub job_code: String,
    pub job_title: String,
    pub employment_type: EmploymentType,
    pub fte_hundredths: i64,
    pub hourly_rate_cents: i64,
    pub hire_date: NaiveDate,
    pub seniority_date: Option<NaiveDate>,
    pub on_leave: bool,
    pub leave_since: Option<NaiveDate>,
    pub skill_ids: Vec<i64>,
    pub phone: String,
    pub email: String,
    pub notes: String,
}

/// Checks every field and reports all problems at once. `termination` is the
/// stored termination date of an existing record, which the hire date must not follow.
pub(super) fn validate(form: &StaffInput, termination: Option<&str>) -> AppResult<ValidStaff> {
    let mut v = Validator::new();
    let first_name = v.take(
        "first_name",
        input::required_text(&form.first_name, 80, "first name"),
    );
    let last_name = v.take(
        "last_name",
        input::required_text(&form.last_name, 80, "last name"),
    );
    let employee_no = v.take(
        "employee_no",
        input::required_text(&form.employee_no, 32, "employee number"),
    );
    if form.role.is_none() {
        v.fail("role", "Choose a role.");
    }
    let job_code = v.take("job_code", input::text(&form.job_code, 32, "job code"));
    let job_title = v.take("job_title", input::text(&form.job_title, 120, "job title"));
    if form.employment_type.is_none() {
        v.fail("employment_type", "Choose an employment type.");
    }
    let fte = v.take("fte", input::fte(&form.fte));
    let rate = v.take("hourly_rate", input::hourly_rate(&form.hourly_rate));
    let hire = v.take("hire_date", input::date(&form.hire_date));
    let seniority = v.take("seniority_date", input::optional_date(&form.seniority_date));
    if let (Some(hire), Some(Some(seniority))) = (hire, seniority) {
        // Seniority may come from earlier service elsewhere, but not from the future.
        v.check(
            seniority <= hire,
            "seniority_date",
            "The seniority date cannot be after the hire date.",
        );
    }
    if let (Some(hire), Some(term)) = (hire, termination) {
        v.check(
            input::format_date(hire).as_str() <= term,
            "hire_date",
            format!("The hire date cannot be after the termination date ({term})."),
        );
    }
    // The first day of leave means something only while on leave: unticking
    // the leave clears it rather than refusing the form.
    let leave_since = if form.on_leave {
        v.take("leave_since", input::optional_date(&form.leave_since))
            .flatten()
    } else {
        None
    };
    if let (Some(hire), Some(since)) = (hire, leave_since) {
        v.check(
            since >= hire,
            "leave_since",
            "The leave cannot start before the hire date.",
        );
    }
    let phone = v.take("phone", input::text(&form.phone, 40, "phone number"));
    let email = v.take("email", input::text(&form.email, 120, "email address"));
    if let Some(email) = &email {
        v.check(
            email.is_empty() || looks_like_email(email),
            "email",
            "Enter an email address like name@hospital.org.",
        );
    }
    let notes = v.take("notes", input::multiline_text(&form.notes, 4000, "note"));
    v.finish()?;
    let mut skill_ids = form.skill_ids.clone();
    skill_ids.sort_unstable();
    skill_ids.dedup();
    Ok(ValidStaff {
        first_name: first_name.unwrap_or_default(),
        last_name: last_name.unwrap_or_default(),
        employee_no: employee_no.unwrap_or_default(),
        role: form.role.unwrap_or(Role::Other),
        job_code: job_code.unwrap_or_default(),
        job_title: job_title.unwrap_or_default(),
        employment_type: form.employment_type.unwrap_or(EmploymentType::FullTime),
        fte_hundredths: fte.unwrap_or_default(),
        hourly_rate_cents: rate.unwrap_or_default(),
        hire_date: hire.unwrap_or_default(),
        seniority_date: seniority.flatten(),
        on_leave: form.on_leave,
        leave_since,
        skill_ids,
        phone: phone.unwrap_or_default(),
        email: email.unwrap_or_default(),
        notes: notes.unwrap_or_default(),
    })
}

/// One `@` with something on both sides and a dot in the domain: enough to
/// catch a typo without refusing real addresses.
fn looks_like_email(email: &str) -> bool {
    match email.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.contains('@')
                && !email.contains(char::is_whitespace)
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn form() -> StaffInput {
        StaffInput {
            first_name: "Maria".into(),
            last_name: "Lopez".into(),
            employee_no: "E1001".into(),
            role: Some(Role::Rn),
            employment_type: Some(EmploymentType::FullTime),
            fte: "0.9".into(),
            hourly_rate: "52.75".into(),
            hire_date: "2019-06-03".into(),
            ..Default::default()
        }
    }

    fn error_for(form: StaffInput, field: &str) -> String {
        let err = validate(&form, None)
            .err()
            .unwrap_or_else(|| panic!("{field} should be refused"));
        err.message_for(field)
            .unwrap_or_else(|| panic!("no message for {field}: {err:?}"))
            .to_string()
    }

    #[test]
    fn a_complete_form_is_accepted_in_stored_units() {
        let valid = validate(&form(), None).unwrap();
        assert_eq!(valid.fte_hundredths, 90);
        assert_eq!(valid.hourly_rate_cents, 5275);
    }

    #[test]
    fn names_and_employee_number_are_required() {
        assert_eq!(
            error_for(
                StaffInput {
                    first_name: "  ".into(),
                    ..form()
                },
                "first_name"
            ),
            "Enter the first name."
        );
        assert_eq!(
            error_for(
                StaffInput {
                    last_name: "".into(),
                    ..form()
                },
                "last_name"
            ),
            "Enter the last name."
        );
        assert_eq!(
            error_for(
                StaffInput {
                    employee_no: "".into(),
                    ..form()
                },
                "employee_no"
            ),
            "Enter the employee number."
        );
    }

    #[test]
    fn role_and_employment_type_are_required() {
        assert_eq!(
            error_for(
                StaffInput {
                    role: None,
                    ..form()
                },
                "role"
            ),
            "Choose a role."
        );
        assert_eq!(
            error_for(
                StaffInput {
                    employment_type: None,
                    ..form()
                },
                "employment_type"
            ),
            "Choose an employment type."
        );
    }

    #[test]
    fn fte_boundary_is_one_point_zero_zero() {
        assert!(
            validate(
                &StaffInput {
                    fte: "1.00".into(),
                    ..form()
                },
                None
            )
            .is_ok(),
            "1.00 is a full FTE"
        );
        assert!(
            validate(
                &StaffInput {
                    fte: "0".into(),
                    ..form()
                },
                None
            )
            .is_ok(),
            "0 suits per diem staff"
        );
        assert_eq!(
            error_for(
                StaffInput {
                    fte: "1.01".into(),
                    ..form()
                },
                "fte"
            ),
            "FTE must be between 0 and 1.00."
        );
    }

    #[test]
    fn pay_rate_is_zero_or_more_cents() {
        assert!(
            validate(
                &StaffInput {
                    hourly_rate: "0".into(),
                    ..form()
                },
                None
            )
            .is_ok(),
            "0 is allowed (volunteer, agency billed elsewhere)"
        );
        assert_eq!(
            error_for(
                StaffInput {
                    hourly_rate: "-0.01".into(),
                    ..form()
                },
                "hourly_rate"
            ),
            "The amount cannot be negative."
        );
        assert_eq!(
            error_for(
                StaffInput {
                    hourly_rate: "12.345".into(),
                    ..form()
                },
                "hourly_rate"
            ),
            "Use at most two decimals (cents)."
        );
    }

    #[test]
    fn pay_rate_is_at_most_a_thousand_dollars_an_hour() {
        let rate = |text: &str| {
            validate(
                &StaffInput {
                    hourly_rate: text.into(),
                    ..form()
                },
                None,
            )
            .map(|v| v.hourly_rate_cents)
        };
        assert_eq!(rate("$1,000.00").unwrap(), 100_000, "the maximum itself");
        for absurd in ["1000.01", "$9,999,999.99"] {
            assert_eq!(
                error_for(
                    StaffInput {
                        hourly_rate: absurd.into(),
                        ..form()
                    },
                    "hourly_rate"
                ),
                "An hourly rate is at most $1,000.00. Check the amount for a typing slip.",
                "{absurd}"
            );
        }
    }

    #[test]
    fn dates_must_be_valid() {
        assert!(error_for(
            StaffInput {
                hire_date: "2025-02-30".into(),
                ..form()
            },
            "hire_date"
        )
        .contains("not a valid date"));
        assert_eq!(
            error_for(
                StaffInput {
                    hire_date: "".into(),
                    ..form()
                },
                "hire_date"
            ),
            "Enter a date."
        );
        assert!(error_for(
            StaffInput {
                seniority_date: "2030-01-01".into(),
                ..form()
            },
            "seniority_date"
        )
        .contains("after the hire date"));
    }

    #[test]
    fn hire_date_cannot_follow_an_existing_termination() {
        let err = validate(
            &StaffInput {
                hire_date: "2024-01-02".into(),
                ..form()
            },
            Some("2024-01-01"),
        )
        .unwrap_err();
        assert!(err
            .message_for("hire_date")
            .unwrap()
            .contains("termination date (2024-01-01)"));
        assert!(
            validate(
                &StaffInput {
                    hire_date: "2024-01-01".into(),
                    ..form()
                },
                Some("2024-01-01")
            )
            .is_ok(),
            "same day is allowed"
        );
    }

    #[test]
    fn email_is_optional_but_checked() {
        assert!(validate(
            &StaffInput {
                email: "".into(),
                ..form()
            },
            None
        )
        .is_ok());
        assert!(validate(
            &StaffInput {
                email: "m.lopez@hospital.org".into(),
                ..form()
            },
            None
        )
        .is_ok());
        assert!(error_for(
            StaffInput {
                email: "m.lopez".into(),
                ..form()
            },
            "email"
        )
        .contains("email address"));
    }

    #[test]
    fn all_errors_come_back_together() {
        let err = validate(
            &StaffInput {
                first_name: "".into(),
                fte: "2".into(),
                hire_date: "x".into(),
                ..form()
            },
            None,
        )
        .unwrap_err();
        let fields: Vec<&str> = err.fields.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(fields, ["first_name", "fte", "hire_date"]);
    }
}

//! What a value of a department file must be before it is let in: the forms'
//! own rules (the same `input` and `budget::money` functions, fed the stored
//! value as a form would show it), so a file cannot bring in what a form
//! would refuse. Columns no form names get the general rules: a whole number
//! where the schema says INTEGER, a real date where the name says date, and
//! text without control or text-direction characters.

use super::tables::quote;
use crate::budget::money;
use crate::error::AppResult;
use crate::input;
use crate::staff::{EmploymentType, Role};
use rusqlite::types::Value;
use rusqlite::Connection;
use std::collections::HashMap;

#[derive(Debug, Clone, Copy)]
pub enum Rule {
    Any,
    /// Declared INTEGER: a whole number, never a float (1e300) or text.
    Whole,
    /// A day (`date`, `*_date`, `*_on`): a real date within the years kept.
    Date,
    /// Free text on one line (`required`: not empty), at most `max` characters.
    Line {
        max: usize,
        what: &'static str,
        required: bool,
    },
    /// Free text of several lines (notes).
    Lines {
        max: usize,
        what: &'static str,
    },
    /// FTE in hundredths, 0 to 1.00.
    Fte,
    /// A pay rate: cents, not negative.
    Rate,
    /// A budget amount: cents, not negative, at most $1 billion.
    Budget,
    /// An actual or an expense: cents, either sign, at most $1 billion.
    Signed,
    /// Hundredths (HPPD, budgeted FTEs), 0 to `max`.
    Hundredths {
        max: i64,
        what: &'static str,
    },
    /// A whole number in `min..=max`.
    Range {
        min: i64,
        max: i64,
        what: &'static str,
    },
    Role,
    EmploymentType,
    TimeZone,
}

/// The forms' rules by table and column, with the limits the forms use.
const FORMS: &[(&str, &str, Rule)] = {
    use Rule::*;
    const fn line(max: usize, what: &'static str) -> Rule {
        Line {
            max,
            what,
            required: false,
        }
    }
    const fn required(max: usize, what: &'static str) -> Rule {
        Line {
            max,
            what,
            required: true,
        }
    }
    &[
        ("department", "name", required(120, "department name")),
        (
            "department",
            "beds",
            Range {
                min: 0,
                max: 2000,
                what: "number of beds",
            },
        ),
        ("department", "time_zone", TimeZone),
        (
            "department",
            "fiscal_year_start_month",
            Range {
                min: 1,
                max: 12,
                what: "first month of the fiscal year",
            },
        ),
        ("staff", "first_name", required(80, "first name")),
        ("staff", "last_name", required(80, "last name")),
        ("staff", "employee_no", required(32, "employee number")),
        ("staff", "role", Role),
        ("staff", "job_code", line(32, "job code")),
        ("staff", "employment_type", EmploymentType),
        ("staff", "fte_hundredths", Fte),
        ("staff", "hourly_rate_cents", Rate),
        ("staff", "phone", line(40, "phone number")),
        ("staff", "email", line(120, "email address")),
        (
            "staff",
            "notes",
            Lines {
                max: 4000,
                what: "note",
            },
        ),
        ("skill", "name", required(40, "skill name")),
        ("credential_type", "name", required(60, "credential name")),
        (
            "credential_type",
            "renewal_months",
            Range {
                min: 1,
                max: 120,
                what: "renewal period in months",
            },
        ),
        ("credential_type_role", "role", Role),
        ("credential", "number", line(40, "credential number")),
        ("training", "name", required(120, "name")),
        (
            "training",
            "rating",
            Range {
                min: 1,
                max: 5,
                what: "rating",
            },
        ),
        ("shift_type", "name", required(40, "shift name")),
        (
            "shift_type",
            "unpaid_break_minutes",
            Range {
                min: 0,
                max: 120,
                what: "unpaid break",
            },
        ),
        (
            "schedule_rules",
            "max_weekends_per_4_weeks",
            Range {
                min: 0,
                max: 4,
                what: "weekends per 4 weeks",
            },
        ),
        ("holiday", "name", required(60, "holiday name")),
        ("coverage_line", "role", Role),
        (
            "time_off",
            "note",
            Lines {
                max: 1000,
                what: "note",
            },
        ),
        (
            "staff_request",
            "note",
            Lines {
                max: 500,
                what: "note",
            },
        ),
        (
            "staff_request_rules",
            "strong_per_period",
            Range {
                min: 0,
                max: 31,
                what: "strong requests per period",
            },
        ),
        (
            "fiscal_year",
            "target_hppd_hundredths",
            Hundredths {
                max: 5_000,
                what: "target HPPD",
            },
        ),
        (
            "punch",
            "correction",
            line(200, "reason for the correction"),
        ),
        (
            "attendance_settings",
            "grace_minutes",
            Range {
                min: 0,
                max: 30,
                what: "grace minutes",
            },
        ),
        ("budget_line", "name", line(80, "line name")),
        ("budget_line", "gl_account", line(32, "GL account")),
        ("budget_line", "annual_cents", Budget),
        ("budget_month", "budget_cents", Budget),
        ("budget_month", "actual_cents", Signed),
        (
            "budget_month",
            "explanation",
            Lines {
                max: 2000,
                what: "explanation",
            },
        ),
        ("expense", "vendor", required(120, "vendor")),
        (
            "expense",
            "description",
            Lines {
                max: 500,
                what: "description",
            },
        ),
        ("expense", "amount_cents", Signed),
        ("budget_fte", "role", Role),
        (
            "budget_fte",
            "fte_hundredths",
            Hundredths {
                max: 99_999,
                what: "budgeted FTE",
            },
        ),
        ("call_out", "reason", line(120, "call-out reason")),
        ("budget_account_map", "account", line(60, "finance account")),
        ("budget_cost_centre", "code", line(40, "cost centre")),
    ]
};

/// Text no form names (history labels, remembered import mappings as JSON):
/// any length a department holds, but no control or direction characters.
const OTHER_TEXT: Rule = Rule::Lines {
    max: 1_000_000,
    what: "text",
};

/// `-12.34` for -1234: a stored amount as a form shows it.
fn decimal(value: i64) -> String {
    let sign = if value < 0 { "-" } else { "" };
    let abs = value.unsigned_abs();
    format!("{sign}{}.{:02}", abs / 100, abs % 100)
}

fn ok<T>(r: Result<T, String>) -> Result<(), String> {
    r.map(|_| ())
}

impl Rule {
    /// Why `value` is refused, in the form's words; NULL is left to the schema.
    pub fn check(self, value: &Value) -> Result<(), String> {
        use Rule as R;
        use Value as V;
        match (self, value) {
            (_, V::Null) | (R::Any, _) => Ok(()),
            (R::Date, V::Text(t)) if t.is_empty() => Ok(()),
            (R::Date, V::Text(t)) => ok(input::date(t)),
            (R::Date, _) => Err("a date (YYYY-MM-DD) is expected here".into()),
            (
                R::Line {
                    max,
                    what,
                    required,
                },
                V::Text(t),
            ) => ok(if required {
                input::required_text(t, max, what)
            } else {
                input::text(t, max, what)
            }),
            (R::Lines { max, what }, V::Text(t)) => ok(input::multiline_text(t, max, what)),
            (R::Role, V::Text(t)) => match Role::from_code(t) {
                Some(_) => Ok(()),
                None => Err(format!("“{t}” is not a role Wardbook knows")),
            },
            (R::EmploymentType, V::Text(t)) => match EmploymentType::from_code(t) {
                Some(_) => Ok(()),
                None => Err(format!("“{t}” is not an employment type Wardbook knows")),
            },
            (R::TimeZone, V::Text(t)) => match t.parse::<chrono_tz::Tz>() {
                Ok(_) => Ok(()),
                Err(_) => Err(format!("“{t}” is not a known time zone")),
            },
            (R::Line { .. } | R::Lines { .. }, _) => Err("text is expected here".into()),
            (R::Role | R::EmploymentType | R::TimeZone, _) => Err("a code is expected here".into()),
            (_, V::Integer(n)) => {
                let n = *n;
                match self {
                    R::Fte => ok(input::fte(&decimal(n))),
                    R::Rate => ok(input::hourly_rate(&decimal(n))),
                    R::Budget => ok(money::budget_cents(&decimal(n))),
                    R::Signed => ok(money::signed_cents(&decimal(n))),
                    R::Hundredths { max, what } => ok(money::hundredths(&decimal(n), max, what)),
                    R::Range { min, max, what } => {
                        ok(input::whole_number(&n.to_string(), min, max, what))
                    }
                    _ => Ok(()),
                }
            }
            // Every other rule is of an INTEGER column.
            _ => Err("a whole number is expected here".into()),
        }
    }
}

/// The rule of each of `columns` of `table`, in order.
pub fn for_columns(conn: &Connection, table: &str, columns: &[String]) -> AppResult<Vec<Rule>> {
    let mut stmt = conn.prepare(&format!("PRAGMA table_xinfo({})", quote(table)))?;
    let declared: HashMap<String, String> = stmt
        .query_map([], |r| Ok((r.get::<_, String>(1)?, r.get::<_, String>(2)?)))?
        .collect::<Result<_, _>>()?;
    // The history is checked by its seals, not by the forms' rules.
    let history = super::history::is_history(table);
    Ok(columns
        .iter()
        .map(|c| {
            let kind = declared
                .get(c)
                .map(|t| t.to_uppercase())
                .unwrap_or_default();
            let form = FORMS
                .iter()
                .find(|(t, col, _)| *t == table && col == c)
                .map(|(_, _, rule)| *rule);
            match form {
                Some(rule) => rule,
                None if c == "rowid" || kind.contains("INT") => Rule::Whole,
                None if c == "date" || c.ends_with("_date") || c.ends_with("_on") => Rule::Date,
                None if kind.contains("TEXT") && !history => OTHER_TEXT,
                None => Rule::Any,
            }
        })
        .collect())
}

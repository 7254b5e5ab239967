//! Guessing a column by what its values look like, beside its header.
//!
//! A header says what a column was called in one HR system ("Std Hrs Pct",
//! "Empl Status"); its values say what it holds in any. A column whose
//! header names nothing is given the field all its values fit; a column
//! whose header names a field none of its values fit ("Employment Status"
//! holding Active / Terminated) is given the field they do fit, if any.

use super::cells;
use super::dates::{self, DateOrder};
use super::StaffField;
use crate::input;

/// Fields whose values show what they are, the most telling first (a date
/// also looks like a phone number's digits; an FTE also like an amount).
const BY_VALUE: &[StaffField] = &[
    StaffField::Email,
    StaffField::Status,
    StaffField::EmploymentType,
    StaffField::Fte,
    StaffField::HourlyRate,
    StaffField::HireDate,
    StaffField::Phone,
];

fn is_date(v: &str) -> bool {
    v.contains(['/', '-'])
        && [DateOrder::MonthFirst, DateOrder::DayFirst]
            .iter()
            .any(|o| dates::date(v, *o).is_ok_and(|d| input::date(&d).is_ok()))
}

/// Whether one value could be `field` as HR writes it.
fn fits(field: StaffField, v: &str) -> bool {
    use StaffField::*;
    match field {
        Email => {
            let (user, host) = v.split_once('@').unwrap_or(("", ""));
            !user.is_empty() && host.contains('.') && !v.contains(char::is_whitespace)
        }
        Status => super::statuses::read(v).is_some(),
        EmploymentType => cells::employment_type(v).is_ok(),
        Fte => input::fte(&cells::fte(v)).is_ok(),
        // $5 to $1,000 an hour: beside it, employee numbers and FTEs.
        HourlyRate => input::cents(&cells::rate(v)).is_ok_and(|c| (500..=100_000).contains(&c)),
        HireDate | SeniorityDate | TerminationDate => is_date(v),
        Phone => {
            let digits = v.chars().filter(char::is_ascii_digit).count();
            (7..=15).contains(&digits)
                && v.chars()
                    .all(|c| c.is_ascii_digit() || " ()-+.x".contains(c))
                && !is_date(v)
        }
        _ => false,
    }
}

/// Values that are not a mistyped `field` but something else: words under
/// a number's header, or words that name no employment type. A date
/// column of words keeps its field, for the preview to say what is wrong.
fn cannot_be(field: StaffField, values: &[&str]) -> bool {
    use StaffField::*;
    let words = values
        .iter()
        .all(|v| !v.contains(|c: char| c.is_ascii_digit()));
    match field {
        EmploymentType => true,
        // Statuses Wardbook cannot read are asked in the preview.
        Fte | HourlyRate => words,
        _ => false,
    }
}

/// Whether the values of a column, taken together, look like `field`.
/// Numbers need a sign of their kind in at least one value (a decimal
/// point, a percent or a dollar), so a column of employee numbers is not an FTE.
fn column_fits(field: StaffField, values: &[&str]) -> bool {
    let marked = |marks: &[char]| values.iter().any(|v| v.contains(marks));
    !values.is_empty()
        && values.iter().all(|v| fits(field, v))
        && match field {
            StaffField::Fte => marked(&['.', ',', '%']),
            StaffField::HourlyRate => marked(&['.', '$']),
            _ => true,
        }
}

/// The field the non-empty `values` of a column show, if any.
pub fn field_of(values: &[&str]) -> Option<StaffField> {
    let values: Vec<&str> = values
        .iter()
        .map(|v| v.trim())
        .filter(|v| !v.is_empty())
        .collect();
    BY_VALUE.iter().copied().find(|f| column_fits(*f, &values))
}

/// Whether any value of a row looks like data (a first row of names does not).
pub fn looks_like_data(row: &[String]) -> bool {
    row.iter().any(|v| field_of(&[v.as_str()]).is_some())
}

/// The header's guess corrected by the values of `rows` (data rows only).
pub fn refine(guess: &mut [Option<StaffField>], rows: &[Vec<String>]) {
    let column = |i: usize| -> Vec<&str> {
        rows.iter()
            .filter_map(|r| r.get(i))
            .map(|v| v.trim())
            .filter(|v| !v.is_empty())
            .collect()
    };
    // A header named a field that none of its values fit, and they fit
    // another: they win. Values that fit nothing keep the header's field,
    // so the preview says what is wrong with them rather than ignoring them.
    for i in 0..guess.len() {
        let values = column(i);
        let Some(f) = guess[i] else { continue };
        let checkable = BY_VALUE.contains(&f)
            || matches!(f, StaffField::SeniorityDate | StaffField::TerminationDate);
        if checkable && !values.is_empty() && !values.iter().any(|v| fits(f, v)) {
            if let Some(g) = field_of(&values).filter(|g| !guess.contains(&Some(*g))) {
                guess[i] = Some(g);
            } else if cannot_be(f, &values) {
                // "Pay Rate Type" of Hourly/Salaried, "Employment Status" of
                // Active/Leave when the status is taken: left for the manager.
                guess[i] = None;
            }
        }
    }
    for i in 0..guess.len() {
        if guess[i].is_some() {
            continue;
        }
        if let Some(f) = field_of(&column(i)) {
            if !guess.contains(&Some(f)) {
                guess[i] = Some(f);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use StaffField::*;

    #[test]
    fn values_say_what_a_column_holds() {
        let cases: &[(&[&str], Option<StaffField>)] = &[
            (&["ana@h.org", "", "b.c@x.example"], Some(Email)),
            (&["Active", "Leave of Absence", "Terminated"], Some(Status)),
            (&["FT", "PT", "PRN"], Some(EmploymentType)),
            (&["0.9", ".6", "1", "0,75", "90%"], Some(Fte)),
            (&["$45.50", "52.75"], Some(HourlyRate)),
            (&["3/14/2019", "2019-03-14"], Some(HireDate)),
            (&["555-0101", "(555) 010-2030"], Some(Phone)),
            // Employee numbers: whole numbers without a decimal mark are neither FTE nor pay.
            (&["1", "2", "10234"], None),
            // One value that fits nothing and the column is no field.
            (&["0.9", "full"], None),
            (&["RN - Charge Nurse, Med/Surg"], None),
            (&[""], None),
        ];
        for (values, field) in cases {
            assert_eq!(field_of(values), *field, "{values:?}");
        }
    }

    #[test]
    fn an_fte_is_not_a_pay_rate_and_a_date_is_not_a_phone() {
        assert_eq!(field_of(&["0.90", "0.60"]), Some(Fte));
        assert_eq!(field_of(&["4.99"]), None, "under $5 an hour is no pay rate");
        assert_eq!(field_of(&["5.00"]), Some(HourlyRate), "$5 is");
        assert_eq!(field_of(&["2019-03-14"]), Some(HireDate));
    }

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn values_correct_the_header_and_fill_what_it_left_open() {
        // "Employment Status" reads as the employment type by name, but holds statuses.
        let mut guess = vec![Some(EmploymentType), None, None, Some(HireDate)];
        let rows = vec![
            row(&["Active", "0.9", "x", "hired"]),
            row(&["Terminated", "90%", "y", "hired"]),
        ];
        refine(&mut guess, &rows);
        assert_eq!(
            guess,
            vec![Some(Status), Some(Fte), None, Some(HireDate)],
            "values that fit nothing keep the header's field, for the preview to refuse"
        );
    }

    #[test]
    fn a_value_guess_never_takes_a_field_the_header_gave() {
        let mut guess = vec![Some(Fte), None];
        refine(&mut guess, &[row(&["0.5", "0.75"])]);
        assert_eq!(guess, vec![Some(Fte), None]);
    }

    #[test]
    fn a_first_row_of_names_is_not_data() {
        assert!(!looks_like_data(&row(&["Emp", "Pct", "Started"])));
        assert!(looks_like_data(&row(&["E1", "0.9", "3/14/2019"])));
    }
}

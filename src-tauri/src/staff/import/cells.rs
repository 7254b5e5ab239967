//! A cell of an HR export turned into what the staff form accepts.
//!
//! Exports write values their own way (`90%`, `$45.50`, `03/15/2020`,
//! `Registered Nurse`, `PRN`); these functions only translate the spelling.
//! Whether the value is allowed is then decided by the staff form's own
//! rules (`staff::validate`), so an import can never let in what the form
//! would refuse.

use super::dates::{self, DateOrder};
use super::StaffField;
use crate::input;
use crate::staff::{EmploymentType, Role, StaffInput};

fn squash(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

pub fn role(text: &str) -> Result<Role, String> {
    let key = squash(text);
    if let Some(role) = Role::ALL
        .iter()
        .find(|r| squash(r.code()) == key || squash(r.label()) == key)
    {
        return Ok(*role);
    }
    let role = match key.as_str() {
        "lvn" | "licensedvocationalnurse" => Role::Lpn,
        "nurseaide" | "nursingassistant" | "nursingaide" | "stna" => Role::Cna,
        "clerk" | "unitsecretary" | "hus" | "healthunitcoordinator" | "unitcoordinator" => {
            Role::UnitClerk
        }
        "pct" | "patientcaretech" | "patientcaretechnician" => Role::Tech,
        "doctor" | "do" | "hospitalist" | "attending" => Role::Physician,
        "nursemanager" | "mgr" | "assistantnursemanager" | "director" => Role::Manager,
        _ => {
            let codes: Vec<&str> = Role::ALL.iter().map(|r| r.code()).collect();
            return Err(format!(
                "“{text}” is not a role Wardbook knows; use one of {} (or its full name, e.g. Registered nurse).",
                codes.join(", ")
            ));
        }
    };
    Ok(role)
}

pub fn employment_type(text: &str) -> Result<EmploymentType, String> {
    let key = squash(text);
    if let Some(t) = EmploymentType::ALL
        .iter()
        .find(|t| squash(t.code()) == key || squash(t.label()) == key)
    {
        return Ok(*t);
    }
    Ok(match key.as_str() {
        "ft" | "full" | "fulltimeregular" | "regularfulltime" => EmploymentType::FullTime,
        "pt" | "part" | "parttimeregular" | "regularparttime" => EmploymentType::PartTime,
        "prn" | "perdiem" | "casual" | "asneeded" => EmploymentType::PerDiem,
        "floatpool" | "resourcepool" | "pool" => EmploymentType::Float,
        "traveler" | "travel" | "travelnurse" | "contract" | "contractor" | "temp" => {
            EmploymentType::Agency
        }
        _ => {
            return Err(format!(
                "“{text}” is not an employment type; use Full-time (FT), Part-time (PT), Per diem (PRN), Float or Agency."
            ))
        }
    })
}

/// `0.9` and `.6` stay; `90%` becomes `0.90`; `0,75` (a decimal comma)
/// becomes `0.75`; `0.9000` becomes `0.90`; a whole number from 2 to 100
/// (`90`, from an "FTE %" column without the sign) is a percentage, since
/// no FTE is above 1.
pub fn fte(text: &str) -> String {
    let text = text.trim();
    let text = if text.contains(',') && !text.contains('.') {
        text.replace(',', ".")
    } else {
        text.to_string()
    };
    let percent = |p: u32| format!("{}.{:02}", p / 100, p % 100);
    match text.strip_suffix('%') {
        Some(p) => match drop_zero_decimals(p.trim(), 0).parse::<u32>() {
            Ok(p) => percent(p),
            // Left as typed: the form's rule says why it is not an FTE.
            Err(_) => text.to_string(),
        },
        None => match text.parse::<u32>() {
            Ok(p) if (2..=100).contains(&p) => percent(p),
            _ => drop_zero_decimals(&text, 2),
        },
    }
}

/// `$45.50`, `45.5`, `1,045.00` pass as typed (the form reads them);
/// `45.5000` loses the zeros past the cents.
pub fn rate(text: &str) -> String {
    drop_zero_decimals(text.trim(), 2)
}

/// Zeros after the `keep`-th decimal say nothing; spreadsheets add them.
fn drop_zero_decimals(text: &str, keep: usize) -> String {
    match text.split_once('.') {
        Some((whole, frac)) if frac.len() > keep && frac[keep..].chars().all(|c| c == '0') => {
            if keep == 0 {
                whole.to_string()
            } else {
                format!("{whole}.{}", &frac[..keep])
            }
        }
        _ => text.to_string(),
    }
}

/// `Lopez, Maria` or `Maria Lopez` into (first, last). Anything else is
/// ambiguous (`Maria de la Cruz`, `Núñez, Jr., José`) and refused rather
/// than guessed: a wrong split would rename a person.
pub fn full_name(text: &str) -> Result<(String, String), String> {
    let text = text.trim();
    let parts: Vec<&str> = text.split(',').map(str::trim).collect();
    let words: Vec<&str> = text.split_whitespace().collect();
    match (parts.as_slice(), words.len()) {
        ([last, first], _) if !last.is_empty() && !first.is_empty() => {
            Ok((first.to_string(), last.to_string()))
        }
        ([_], 2) => Ok((words[0].to_string(), words[1].to_string())),
        _ => Err(format!(
            "Wardbook cannot tell the first name from the last name in “{text}”; write it as “Last, First”, or use separate first and last name columns."
        )),
    }
}

/// Applies one mapped cell to the form; an untranslatable cell is a problem.
pub(super) fn apply(
    form: &mut StaffInput,
    termination: &mut Option<Option<String>>,
    field: StaffField,
    cell: &str,
    order: &Result<DateOrder, String>,
    problems: &mut Vec<(StaffField, String)>,
) {
    use StaffField::*;
    let mut fail = |m: String| problems.push((field, m));
    let date = |cell: &str, fail: &mut dyn FnMut(String)| {
        let read = match order {
            // Only slash dates depend on the order the column could not settle.
            Err(m) if cell.contains('/') => Err(m.clone()),
            Err(_) => dates::date(cell, DateOrder::MonthFirst),
            Ok(o) => dates::date(cell, *o),
        };
        read.unwrap_or_else(|m| {
            fail(m);
            String::new()
        })
    };
    match field {
        EmployeeNo => form.employee_no = cell.to_string(),
        FirstName => form.first_name = cell.to_string(),
        FullName if cell.is_empty() => fail("Full name is empty.".into()),
        FullName => match full_name(cell) {
            Ok((first, last)) => {
                form.first_name = first;
                form.last_name = last;
            }
            Err(m) => fail(m),
        },
        LastName => form.last_name = cell.to_string(),
        JobCode => form.job_code = cell.to_string(),
        JobTitle => form.job_title = cell.to_string(),
        Phone => form.phone = cell.to_string(),
        Email => form.email = cell.to_string(),
        Notes => form.notes = cell.to_string(),
        Fte => form.fte = fte(cell),
        HourlyRate => form.hourly_rate = rate(cell),
        HireDate => form.hire_date = date(cell, &mut fail),
        SeniorityDate => form.seniority_date = date(cell, &mut fail),
        // Read by the caller: through the role map, the status rules and the department filter.
        Role | Status | Department => {}
        EmploymentType if cell.is_empty() => form.employment_type = None,
        EmploymentType => match employment_type(cell) {
            Ok(t) => form.employment_type = Some(t),
            Err(m) => fail(m),
        },
        TerminationDate => {
            let text = date(cell, &mut fail);
            match input::optional_date(&text) {
                Ok(d) => *termination = Some(d.map(input::format_date)),
                Err(m) => fail(m),
            }
        }
    }
}

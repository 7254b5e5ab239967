//! Checking each row of an HR export against the roster and the staff rules.

use super::fields::REQUIRED_FOR_NEW;
use super::{cells, FieldChange, ImportAction, StaffField, StaffImportMapping};
use super::{StaffImportPreview, StaffImportRow};
use crate::csv_file::records;
use crate::error::AppResult;
use crate::input;
use crate::staff::store::{insert_row, staff_from_row, update_row, STAFF_COLUMNS};
use crate::staff::validate::{validate, ValidStaff};
use crate::staff::{Staff, StaffInput};
use rusqlite::{params, Connection};
use std::collections::HashMap;

/// What the import writes for one good row.
pub(super) struct Write {
    /// The person updated; none for a new one.
    id: Option<i64>,
    valid: ValidStaff,
    /// Set when a column holds the termination date (none = still employed).
    termination: Option<Option<String>>,
}

impl Write {
    pub fn apply(&self, conn: &Connection) -> AppResult<()> {
        let id = match self.id {
            Some(id) => {
                update_row(conn, id, &self.valid)?;
                id
            }
            None => insert_row(conn, &self.valid)?,
        };
        if let Some(termination) = &self.termination {
            conn.execute(
                "UPDATE staff SET termination_date = ?1 WHERE id = ?2",
                params![termination, id],
            )?;
        }
        Ok(())
    }
}

pub(super) struct Checked {
    pub preview: StaffImportPreview,
    pub writes: Vec<Write>,
}

fn roster(conn: &Connection) -> AppResult<HashMap<String, Staff>> {
    let mut stmt = conn.prepare(&format!("SELECT {STAFF_COLUMNS} FROM staff"))?;
    let staff = stmt
        .query_map([], staff_from_row)?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(staff
        .into_iter()
        .map(|s| (s.employee_no.to_lowercase(), s))
        .collect())
}

fn hundredths(h: i64) -> String {
    format!("{}.{:02}", h / 100, h % 100)
}

fn money(cents: i64) -> String {
    format!("${}.{:02}", cents / 100, cents % 100)
}

/// An existing person as the staff form would show them.
fn form_of(s: &Staff) -> StaffInput {
    StaffInput {
        first_name: s.first_name.clone(),
        last_name: s.last_name.clone(),
        employee_no: s.employee_no.clone(),
        role: Some(s.role),
        job_code: s.job_code.clone(),
        employment_type: Some(s.employment_type),
        fte: hundredths(s.fte_hundredths),
        hourly_rate: hundredths(s.hourly_rate_cents),
        hire_date: s.hire_date.clone(),
        seniority_date: s.seniority_date.clone().unwrap_or_default(),
        skill_ids: Vec::new(),
        phone: s.phone.clone(),
        email: s.email.clone(),
        notes: s.notes.clone(),
    }
}

/// Each field's value for people, as the preview shows before and after.
fn shown(valid: &ValidStaff, termination: Option<&str>) -> Vec<(StaffField, String)> {
    use StaffField::*;
    vec![
        (EmployeeNo, valid.employee_no.clone()),
        (FirstName, valid.first_name.clone()),
        (LastName, valid.last_name.clone()),
        (Role, valid.role.label().to_string()),
        (JobCode, valid.job_code.clone()),
        (EmploymentType, valid.employment_type.label().to_string()),
        (Fte, hundredths(valid.fte_hundredths)),
        (HourlyRate, money(valid.hourly_rate_cents)),
        (HireDate, input::format_date(valid.hire_date)),
        (
            SeniorityDate,
            valid
                .seniority_date
                .map(input::format_date)
                .unwrap_or_default(),
        ),
        (TerminationDate, termination.unwrap_or_default().to_string()),
        (Phone, valid.phone.clone()),
        (Email, valid.email.clone()),
        (Notes, valid.notes.clone()),
    ]
}

fn changes(before: &Staff, after: &ValidStaff, termination: Option<&str>) -> Vec<FieldChange> {
    // The stored record, through the same rules, so only real differences show.
    let Ok(was) = validate(&form_of(before), None) else {
        return Vec::new();
    };
    shown(&was, before.termination_date.as_deref())
        .into_iter()
        .zip(shown(after, termination))
        .filter(|((_, b), (_, a))| a != b)
        .map(|((field, before), (_, after))| FieldChange {
            field,
            label: field.label().to_string(),
            before,
            after,
        })
        .collect()
}

/// A form value as the manager would recognise it.
fn kept_value(form: &StaffInput, field: StaffField) -> String {
    use StaffField::*;
    match field {
        SeniorityDate => form.seniority_date.clone(),
        HireDate => form.hire_date.clone(),
        Fte => form.fte.clone(),
        HourlyRate => form.hourly_rate.clone(),
        Email => form.email.clone(),
        Phone => form.phone.clone(),
        JobCode => form.job_code.clone(),
        FirstName => form.first_name.clone(),
        LastName => form.last_name.clone(),
        Notes => String::new(),
        EmployeeNo => form.employee_no.clone(),
        Role => form.role.map(|r| r.code().to_string()).unwrap_or_default(),
        EmploymentType => form
            .employment_type
            .map(|t| t.label().to_string())
            .unwrap_or_default(),
        TerminationDate | FullName => String::new(),
    }
}

/// Applies one mapped cell to the form; an untranslatable cell is a problem.
fn apply_cell(
    form: &mut StaffInput,
    termination: &mut Option<Option<String>>,
    field: StaffField,
    cell: &str,
    problems: &mut Vec<(StaffField, String)>,
) {
    use StaffField::*;
    let mut fail = |m: String| problems.push((field, m));
    let date = |cell: &str, fail: &mut dyn FnMut(String)| match cells::date(cell) {
        Ok(d) => d,
        Err(m) => {
            fail(m);
            String::new()
        }
    };
    match field {
        EmployeeNo => form.employee_no = cell.to_string(),
        FirstName => form.first_name = cell.to_string(),
        FullName if cell.is_empty() => fail("Full name is empty.".into()),
        FullName => match cells::full_name(cell) {
            Ok((first, last)) => {
                form.first_name = first;
                form.last_name = last;
            }
            Err(m) => fail(m),
        },
        LastName => form.last_name = cell.to_string(),
        JobCode => form.job_code = cell.to_string(),
        Phone => form.phone = cell.to_string(),
        Email => form.email = cell.to_string(),
        Notes => form.notes = cell.to_string(),
        Fte => form.fte = cells::fte(cell),
        HourlyRate => form.hourly_rate = cells::rate(cell),
        HireDate => form.hire_date = date(cell, &mut fail),
        SeniorityDate => form.seniority_date = date(cell, &mut fail),
        Role if cell.is_empty() => form.role = None,
        Role => match cells::role(cell) {
            Ok(r) => form.role = Some(r),
            Err(m) => fail(m),
        },
        EmploymentType if cell.is_empty() => form.employment_type = None,
        EmploymentType => match cells::employment_type(cell) {
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

/// Every row checked; writes only for the good ones.
pub(super) fn check(
    conn: &Connection,
    text: &str,
    mapping: &StaffImportMapping,
) -> AppResult<Checked> {
    let people = roster(conn)?;
    let mapped: Vec<(usize, StaffField)> = mapping
        .columns
        .iter()
        .enumerate()
        .filter_map(|(i, f)| f.map(|f| (i, f)))
        .collect();
    let has = |f: StaffField| mapped.iter().any(|(_, m)| *m == f);
    let missing_for_new: Vec<StaffField> = REQUIRED_FOR_NEW
        .iter()
        .copied()
        .filter(|f| !has(*f))
        .filter(|f| {
            !(has(StaffField::FullName)
                && matches!(f, StaffField::FirstName | StaffField::LastName))
        })
        .collect();
    let mut seen: HashMap<String, i64> = HashMap::new();
    let mut rows = Vec::new();
    let mut writes = Vec::new();
    let skip = usize::from(mapping.has_header);
    for (line_number, record) in records(text).into_iter().skip(skip) {
        let mut row = StaffImportRow {
            line_number,
            employee_no: String::new(),
            name: String::new(),
            action: ImportAction::Error,
            staff_id: None,
            summary: String::new(),
            changes: Vec::new(),
            error: None,
        };
        let cells_of_row = match record {
            Ok(f) => f,
            Err(reason) => {
                row.error = Some(reason);
                rows.push(row);
                continue;
            }
        };
        let width = cells_of_row.len();
        let needed = mapped.last().map_or(0, |(i, _)| i + 1);
        if width < needed {
            row.error = Some(format!(
                "The row has {width} column{} where the chosen columns go up to column {needed} \
                 (a missing comma, or a quote not closed?).",
                if width == 1 { "" } else { "s" },
            ));
            rows.push(row);
            continue;
        }
        let mut problems: Vec<(StaffField, String)> = Vec::new();
        let cell = |i: usize| cells_of_row.get(i).map(String::as_str);
        let key_column = mapped.iter().find(|(_, f)| *f == StaffField::EmployeeNo);
        let employee_no = key_column
            .and_then(|(i, _)| cell(*i))
            .unwrap_or("")
            .to_string();
        row.employee_no = employee_no.clone();
        let existing = people.get(&employee_no.to_lowercase());
        let mut form = existing.map(form_of).unwrap_or_default();
        let mut termination: Option<Option<String>> = None;
        for (i, field) in &mapped {
            let value = cell(*i).unwrap_or("");
            apply_cell(&mut form, &mut termination, *field, value, &mut problems);
        }
        // A seniority date that was the hire date moves with a corrected hire
        // date when the file has none of its own: HR's correction is not
        // refused over a value nobody set apart (the preview shows both).
        if let Some(before) = existing {
            let tracked = before.seniority_date.as_deref() == Some(before.hire_date.as_str());
            if tracked && has(StaffField::HireDate) && !has(StaffField::SeniorityDate) {
                form.seniority_date = form.hire_date.clone();
            }
        }
        row.name = format!("{}, {}", form.last_name, form.first_name)
            .trim_matches([',', ' '])
            .to_string();
        let mut reasons: Vec<String> = Vec::new();
        if employee_no.is_empty() {
            reasons.push("The employee number is empty.".into());
        } else if let Some(first) = seen.get(&employee_no.to_lowercase()) {
            reasons.push(format!(
                "Employee number {employee_no} is also on line {first}; each person may appear once."
            ));
        } else {
            seen.insert(employee_no.to_lowercase(), line_number);
        }
        if existing.is_none() && !employee_no.is_empty() && !missing_for_new.is_empty() {
            let names: Vec<String> = missing_for_new
                .iter()
                .map(|f| f.label().to_lowercase())
                .collect();
            reasons.push(format!(
                "{employee_no} is not on the roster, and a new person needs a {} but no column holds {}.",
                names.join(", "),
                if names.len() == 1 { "it" } else { "them" }
            ));
        }
        let stored_termination = existing.and_then(|s| s.termination_date.clone());
        let new_termination = termination.clone().unwrap_or(stored_termination);
        let validated = validate(&form, new_termination.as_deref());
        // One reason per field: the translation's, else the form rule's.
        for (field, message) in &problems {
            reasons.push(format!("{}: {message}", field.label()));
        }
        if let Err(err) = &validated {
            for f in &err.fields {
                let field = StaffField::from_code(&f.field);
                // A name the full-name column could not give is already explained.
                let from_full_name = problems.iter().any(|(p, _)| *p == StaffField::FullName)
                    && matches!(field, Some(StaffField::FirstName | StaffField::LastName));
                if from_full_name
                    || field.is_some_and(|field| problems.iter().any(|(p, _)| *p == field))
                {
                    continue;
                }
                // A required field left empty reads better as such.
                let label = field.map_or(f.field.as_str(), |f| f.label());
                let empty = field.is_some_and(|field| {
                    mapped
                        .iter()
                        .any(|(i, m)| *m == field && cell(*i).is_some_and(str::is_empty))
                });
                let in_file = field.is_some_and(|field| mapped.iter().any(|(_, m)| *m == field));
                if empty && (f.message.starts_with("Enter ") || f.message.starts_with("Choose ")) {
                    reasons.push(format!("{label} is empty."));
                } else if !in_file && existing.is_some() {
                    // The value is Wardbook's own, kept because no column holds it.
                    let kept = field.map(|f| kept_value(&form, f)).unwrap_or_default();
                    reasons.push(format!(
                        "{label}: {} (Wardbook has {}; the file has no {} column.)",
                        f.message,
                        if kept.is_empty() {
                            "none".to_string()
                        } else {
                            kept
                        },
                        label.to_lowercase()
                    ));
                } else {
                    reasons.push(format!("{label}: {}", f.message));
                }
            }
        }
        match validated {
            Ok(valid) if reasons.is_empty() => {
                if let Some(before) = existing {
                    row.staff_id = Some(before.id);
                    row.changes = changes(before, &valid, new_termination.as_deref());
                    row.action = if row.changes.is_empty() {
                        ImportAction::Unchanged
                    } else {
                        ImportAction::Update
                    };
                } else {
                    row.action = ImportAction::Add;
                    row.summary = format!(
                        "{} · {} · FTE {} · hired {}{}",
                        valid.role.code(),
                        valid.employment_type.label(),
                        hundredths(valid.fte_hundredths),
                        input::format_date(valid.hire_date),
                        new_termination
                            .as_deref()
                            .map(|t| format!(" · terminated {t}"))
                            .unwrap_or_default()
                    );
                }
                if row.action != ImportAction::Unchanged {
                    writes.push(Write {
                        id: existing.map(|s| s.id),
                        valid,
                        termination,
                    });
                }
            }
            _ => row.error = Some(reasons.join(" ")),
        }
        rows.push(row);
    }
    let count = |a: ImportAction| rows.iter().filter(|r| r.action == a).count() as i64;
    let preview = StaffImportPreview {
        adds: count(ImportAction::Add),
        updates: count(ImportAction::Update),
        unchanged: count(ImportAction::Unchanged),
        errors: count(ImportAction::Error),
        rows,
    };
    Ok(Checked { preview, writes })
}

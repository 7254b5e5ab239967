//! Checking each row of an HR export against the roster and the staff rules.

use super::cells;
use super::dates::{self, ColumnOrder, DateOrder};
use super::employment::Rule;
use super::fields::REQUIRED_FOR_NEW;
use super::person::{changes, form_of, hundredths, kept_value, money, roster, Write};
use super::roles::{self, RoleMap};
use super::statuses::{self, HrStatus, StatusValue};
use super::{memory, scope};
use super::{ImportAction, StaffField, StaffImportMapping, StaffImportPreview, StaffImportRow};
use crate::csv_file::records;
use crate::error::{AppResult, Validator};
use crate::input;
use crate::staff::validate::validate;
use crate::staff::Staff;
use crate::staff::StaffInput;
use chrono::NaiveDate;
use rusqlite::Connection;
use std::collections::{HashMap, HashSet};

pub(super) struct Checked {
    pub preview: StaffImportPreview,
    pub writes: Vec<Write>,
    /// The file's first row (its header when it has one).
    pub headers: Vec<String>,
}

/// Applies one mapped cell to the form; an untranslatable cell is a problem.
fn apply_cell(
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
        // Read by the caller: through the role map, the status rules and the department filter.
        Role | Status | Department => {}
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
    let dept = crate::department::get(conn)?;
    let today = dept
        .as_ref()
        .map(crate::department::today)
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let role_map = RoleMap::new(&mapping.roles, memory::roles(conn)?);
    let all = records(text);
    let headers = all
        .first()
        .and_then(|(_, r)| r.as_ref().ok())
        .cloned()
        .unwrap_or_default();
    let data: Vec<_> = all
        .into_iter()
        .skip(usize::from(mapping.has_header))
        .collect();
    let mapped: Vec<(usize, StaffField)> = mapping
        .columns
        .iter()
        .enumerate()
        .filter_map(|(i, f)| f.map(|f| (i, f)))
        .collect();
    let column = |f: StaffField| mapped.iter().find(|(_, m)| *m == f).map(|(i, _)| *i);
    let has = |f: StaffField| column(f).is_some();
    let role_source = mapping.role_source();
    // A title its words cannot place may still have a job code that says it.
    let role_map = match (role_source, column(StaffField::JobCode)) {
        (Some(r), Some(j)) if r != j => role_map.with_codes(
            data.iter()
                .filter_map(|(_, rec)| rec.as_ref().ok())
                .map(|cells| {
                    let at = |i: usize| cells.get(i).map_or("", String::as_str);
                    (at(r), at(j))
                }),
        ),
        _ => role_map,
    };
    let rule = if has(StaffField::EmploymentType) {
        None
    } else {
        mapping.employment.check(&mut Validator::new())
    };
    // One rate for new people when the file has no pay column (checked with the mapping).
    let new_rate = mapping
        .new_rate
        .as_deref()
        .map(str::trim)
        .filter(|r| !r.is_empty() && !has(StaffField::HourlyRate))
        .map(cells::rate);
    let mut rate_question = false;
    let missing_for_new: Vec<StaffField> = REQUIRED_FOR_NEW
        .iter()
        .copied()
        .filter(|f| !has(*f))
        .filter(|f| {
            !(has(StaffField::FullName)
                && matches!(f, StaffField::FirstName | StaffField::LastName))
        })
        .filter(|f| !(*f == StaffField::Role && role_source.is_some()))
        .filter(|f| !(*f == StaffField::EmploymentType && rule.is_some()))
        .filter(|f| !(*f == StaffField::HourlyRate && new_rate.is_some()))
        .collect();
    // This department's rows only, when the file says whose each row is.
    let dept_column = column(StaffField::Department);
    let departments = dept_column.map_or_else(Vec::new, |c| {
        scope::departments(data.iter().filter_map(|(_, r)| {
            r.as_ref()
                .ok()
                .map(|cells| cells.get(c).map_or("", String::as_str))
        }))
    });
    let chosen_department = dept_column.and_then(|_| match &mapping.department {
        Some(d) if !d.trim().is_empty() => Some(d.trim().to_string()),
        _ => scope::guess_department(&departments, dept.as_ref().map_or("", |d| &d.name)),
    });
    // Each date column's order from all its values; the manager settles
    // the ones no value tells (the department's usual order until then).
    let asked_order = mapping.date_order.unwrap_or_else(|| {
        dates::default_order(dept.as_ref().map_or("America/Chicago", |d| &d.time_zone))
    });
    let mut date_question = None;
    let mut orders: HashMap<StaffField, Result<DateOrder, String>> = HashMap::new();
    for field in [
        StaffField::HireDate,
        StaffField::SeniorityDate,
        StaffField::TerminationDate,
    ] {
        let Some(c) = column(field) else { continue };
        let values = data
            .iter()
            .filter_map(|(_, r)| r.as_ref().ok().and_then(|cells| cells.get(c)))
            .map(String::as_str);
        let order = match dates::column_order(values) {
            ColumnOrder::Known(o) => Ok(o),
            ColumnOrder::Unknown(example) => {
                date_question.get_or_insert(example);
                Ok(asked_order)
            }
            ColumnOrder::Mixed(day, month) => Err(format!(
                "the column has day-first dates ({day}) and month-first dates ({month}), so none of its dates like this can be read safely; write the column in one order (or as YYYY-MM-DD)."
            )),
        };
        orders.insert(field, order);
    }
    let no_order = Ok(DateOrder::MonthFirst);
    // Excel drops an employee number's leading zeros (00045781 → 45781):
    // such a number still finds its person, and the preview says so.
    let by_digits: HashMap<String, Vec<&Staff>> =
        people.values().fold(HashMap::new(), |mut m, s| {
            if let Some(k) = digits_key(&s.employee_no) {
                m.entry(k).or_default().push(s);
            }
            m
        });
    let mut zero_matches: Vec<String> = Vec::new();
    let mut in_file: HashSet<i64> = HashSet::new();
    let mut seen: HashMap<String, i64> = HashMap::new();
    let mut rows = Vec::new();
    let mut writes = Vec::new();
    let mut role_cells: Vec<String> = Vec::new();
    let mut status_cells: Vec<String> = Vec::new();
    // Rows that reached the checks, and per field the rows whose cell could
    // not be read (with the first): a field every row fails is a wrong column.
    let mut judged = 0usize;
    let mut failures: HashMap<StaffField, (usize, i64, String)> = HashMap::new();
    for (line_number, record) in data {
        let mut row = StaffImportRow {
            line_number,
            employee_no: String::new(),
            name: String::new(),
            action: ImportAction::Error,
            staff_id: None,
            summary: String::new(),
            changes: Vec::new(),
            error: None,
            warning: None,
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
        let needed = mapped
            .iter()
            .map(|(i, _)| i + 1)
            .chain(role_source.map(|i| i + 1))
            .max()
            .unwrap_or(0);
        if width < needed {
            row.error = Some(format!(
                "The row has {width} column{} where the chosen columns go up to column {needed} \
                 (a missing comma, or a quote not closed?).",
                if width == 1 { "" } else { "s" },
            ));
            rows.push(row);
            continue;
        }
        let cell = |i: usize| cells_of_row.get(i).map_or("", String::as_str);
        let mut problems: Vec<(StaffField, String)> = Vec::new();
        let employee_no = column(StaffField::EmployeeNo).map_or("", cell).to_string();
        row.employee_no = employee_no.clone();
        let mut zeros_note = None;
        let existing = people.get(&employee_no.to_lowercase()).or_else(|| {
            let found = digits_key(&employee_no).and_then(|k| by_digits.get(&k))?;
            let [person] = found.as_slice() else {
                return None;
            };
            let how = if employee_no.len() < person.employee_no.len() {
                "leading zeros lost"
            } else {
                "leading zeros differ"
            };
            zeros_note = Some(format!(
                "matched {employee_no} to {} — {how}",
                person.employee_no
            ));
            Some(*person)
        });
        if let Some(p) = existing {
            in_file.insert(p.id);
        }
        let mut form = existing.map(form_of).unwrap_or_default();
        let mut termination: Option<Option<String>> = None;
        for (i, field) in &mapped {
            let order = orders.get(field).unwrap_or(&no_order);
            apply_cell(
                &mut form,
                &mut termination,
                *field,
                cell(*i),
                order,
                &mut problems,
            );
        }
        // The roster's number stays: the file's lost its zeros.
        if let (Some(note), Some(p)) = (&zeros_note, existing) {
            form.employee_no = p.employee_no.clone();
            zero_matches.push(note.clone());
        }
        row.name = format!("{}, {}", form.last_name, form.first_name)
            .trim_matches([',', ' '])
            .to_string();
        if let (Some(c), Some(ours)) = (dept_column, &chosen_department) {
            if !scope::same_department(cell(c), ours) {
                row.action = ImportAction::Skipped;
                row.summary = match cell(c) {
                    "" => "No department in the file; not this department's row.".to_string(),
                    other => format!("Department “{other}”, not {ours}."),
                };
                rows.push(row);
                continue;
            }
        }
        let status = column(StaffField::Status).and_then(|c| {
            let value = cell(c);
            let chosen = mapping
                .statuses
                .iter()
                .any(|s| s.value.trim().eq_ignore_ascii_case(value));
            let read = statuses::resolve(value, &mapping.statuses);
            if (chosen || read.is_none()) && !value.is_empty() {
                status_cells.push(value.to_string());
            }
            if read.is_none() && !value.is_empty() {
                problems.push((
                    StaffField::Status,
                    format!("“{value}” says nothing Wardbook can read about employment; choose what it means in the table of statuses below."),
                ));
            }
            read
        });
        if status == Some(HrStatus::Terminated) && existing.is_none() {
            row.action = ImportAction::Skipped;
            row.summary = format!(
                "{} in the file and not on the roster: not added.",
                column(StaffField::Status).map_or("", cell)
            );
            rows.push(row);
            continue;
        }
        if existing.is_none() && !has(StaffField::HourlyRate) {
            rate_question = true;
            if let Some(rate) = &new_rate {
                form.hourly_rate = rate.clone();
            }
        }
        if let Some(c) = role_source {
            let value = cell(c);
            match role_map.resolve(value) {
                _ if value.is_empty() => form.role = None,
                (Some(r), _) => form.role = Some(r),
                (None, _) => problems.push((
                    StaffField::Role,
                    format!("“{value}” has no Wardbook role yet; choose one in the table of job titles below."),
                )),
            }
            role_cells.push(value.to_string());
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
        // New people's type from the rule; a bad FTE is explained by the FTE's own reason.
        let mut type_from_fte = false;
        let mut type_waits_for_fte = false;
        if let (Some(rule), None) = (rule, existing) {
            match (rule, input::fte(&form.fte)) {
                (Rule::One(t), _) => form.employment_type = Some(t),
                (_, Ok(h)) => {
                    form.employment_type = Some(rule.type_for(h));
                    type_from_fte = true;
                }
                (_, Err(_)) => type_waits_for_fte = true,
            }
        }
        judged += 1;
        for (field, message) in &problems {
            let entry = failures
                .entry(*field)
                .or_insert((0, line_number, message.clone()));
            entry.0 += 1;
        }
        let mut reasons: Vec<String> = Vec::new();
        if employee_no.is_empty() {
            reasons.push("The employee number is empty.".into());
        } else {
            let key = digits_key(&employee_no).unwrap_or_else(|| employee_no.to_lowercase());
            if let Some(first) = seen.get(&key) {
                reasons.push(format!(
                    "Employee number {employee_no} is also on line {first}; each person may appear once."
                ));
            } else {
                seen.insert(key, line_number);
            }
        }
        if existing.is_none() && !employee_no.is_empty() && !missing_for_new.is_empty() {
            let names: Vec<String> = missing_for_new
                .iter()
                .map(|f| scope::with_article(f.label()))
                .collect();
            reasons.push(format!(
                "{employee_no} is not on the roster, and a new person needs {}, but no column holds {}.",
                scope::listed(&names),
                if names.len() == 1 { "it" } else { "them" }
            ));
            if missing_for_new.contains(&StaffField::HourlyRate) {
                reasons.push("Type one hourly rate for new people below the refused rows.".into());
            }
        }
        let stored_termination = existing.and_then(|s| s.termination_date.clone());
        let from_file = termination.clone().flatten();
        let mut notes: Vec<String> = zeros_note.into_iter().collect();
        match status {
            Some(HrStatus::Terminated) => {
                let date = from_file.or(stored_termination.clone()).unwrap_or_else(|| {
                    notes.push("the file gives no termination date, so today's is used".into());
                    input::format_date(today)
                });
                termination = Some(Some(date));
            }
            Some(s) => {
                // A past date beside an active status is an old one (a rehire);
                // a coming one is a last day already known — in the file, or
                // entered in Wardbook before HR has processed it.
                let to_come = |d: &String| input::date(d).is_ok_and(|d: NaiveDate| d > today);
                let coming = from_file
                    .filter(to_come)
                    .or(stored_termination.clone().filter(to_come));
                termination = Some(coming);
                if s == HrStatus::OnLeave {
                    notes.push("on leave, kept active".into());
                }
            }
            None => {}
        }
        let new_termination = termination.clone().unwrap_or(stored_termination);
        let validated = validate(&form, new_termination.as_deref());
        // One reason per field: the translation's, else the form rule's.
        for (field, message) in &problems {
            // "Full name is empty." names its field already.
            if message.ends_with(" is empty.") {
                reasons.push(message.clone());
            } else {
                reasons.push(format!("{}: {message}", field.label()));
            }
        }
        if let Err(err) = &validated {
            for f in &err.fields {
                let field = StaffField::from_code(&f.field);
                // A name the full-name column could not give is already explained.
                let from_full_name = problems.iter().any(|(p, _)| *p == StaffField::FullName)
                    && matches!(field, Some(StaffField::FirstName | StaffField::LastName));
                let waits = type_waits_for_fte && field == Some(StaffField::EmploymentType);
                // An empty number is said once, above.
                let no_number = employee_no.is_empty() && field == Some(StaffField::EmployeeNo);
                if from_full_name
                    || waits
                    || no_number
                    || field.is_some_and(|field| problems.iter().any(|(p, _)| *p == field))
                {
                    continue;
                }
                // A required field left empty reads better as such.
                let label = field.map_or(f.field.as_str(), |f| f.label());
                let source_of = |field: StaffField| {
                    column(field).or(role_source.filter(|_| field == StaffField::Role))
                };
                let empty = field
                    .and_then(source_of)
                    .is_some_and(|i| cell(i).is_empty());
                let in_file = field.and_then(source_of).is_some();
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
                    row.summary = capitalised(&notes.join("; "));
                } else {
                    row.action = ImportAction::Add;
                    let mut parts = vec![
                        valid.role.code().to_string(),
                        format!(
                            "{}{}",
                            valid.employment_type.label(),
                            if type_from_fte { " (from FTE)" } else { "" }
                        ),
                        format!("FTE {}", hundredths(valid.fte_hundredths)),
                        format!("hired {}", input::format_date(valid.hire_date)),
                    ];
                    if new_rate.is_some() && !has(StaffField::HourlyRate) {
                        parts.push(format!(
                            "{}/h for new people",
                            money(valid.hourly_rate_cents)
                        ));
                    }
                    if let Some(t) = &new_termination {
                        parts.push(format!("terminated {t}"));
                    }
                    parts.extend(notes);
                    row.summary = parts.join(" · ");
                    // Another number for the same person (a re-keyed export)
                    // would add them twice: the manager checks.
                    let twin = people.values().find(|s| {
                        s.first_name.eq_ignore_ascii_case(&valid.first_name)
                            && s.last_name.eq_ignore_ascii_case(&valid.last_name)
                            && input::date(&s.hire_date).ok() == Some(valid.hire_date)
                    });
                    row.warning = twin.map(|s| {
                        format!(
                            "{}, {} ({}) on the roster has the same name and hire date — the same person under another employee number? Correct the number in the file rather than add them twice.",
                            s.last_name, s.first_name, s.employee_no
                        )
                    });
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
    let count = |a: ImportAction| rows.iter().filter(|r| r.action == a).count() as i64;
    let preview = StaffImportPreview {
        adds: count(ImportAction::Add),
        updates: count(ImportAction::Update),
        unchanged: count(ImportAction::Unchanged),
        skipped: count(ImportAction::Skipped),
        errors: count(ImportAction::Error),
        rows,
        roles: roles::values(role_cells.iter().map(String::as_str), &role_map),
        departments,
        department: chosen_department,
        employment_note: rule.map(scope::employment_note),
        date_question,
        date_order: asked_order,
        notices,
        rate_question,
        statuses: status_values(&status_cells, &mapping.statuses),
    };
    Ok(Checked {
        preview,
        writes,
        headers,
    })
}

/// The distinct status values to show, with their rows, in file order.
fn status_values(cells: &[String], choices: &[statuses::StatusChoice]) -> Vec<StatusValue> {
    let mut out: Vec<StatusValue> = Vec::new();
    for c in cells {
        match out.iter_mut().find(|v| v.value.eq_ignore_ascii_case(c)) {
            Some(v) => v.rows += 1,
            None => out.push(StatusValue {
                value: c.clone(),
                rows: 1,
                status: choices
                    .iter()
                    .find(|s| s.value.trim().eq_ignore_ascii_case(c))
                    .map(|s| s.status),
            }),
        }
    }
    out
}

/// An all-digit employee number without its leading zeros, the key that
/// survives a spreadsheet.
fn digits_key(no: &str) -> Option<String> {
    let no = no.trim();
    (!no.is_empty() && no.chars().all(|c| c.is_ascii_digit()))
        .then(|| no.trim_start_matches('0').to_string())
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

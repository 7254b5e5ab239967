//! Checking each row of an HR export against the roster and the staff rules.

use super::cells;
use super::dates::DateOrder;
use super::employment::Rule;
use super::person::{changes, form_of, kept_value, Write};
use super::plan::Plan;
use super::roles;
use super::scope;
use super::statuses::{self, HrStatus};
use super::{ImportAction, StaffField, StaffImportMapping, StaffImportPreview, StaffImportRow};
use crate::error::AppResult;
use crate::input;
use crate::staff::validate::validate;
use crate::staff::Staff;
use crate::units::{Cents, Fte};
use chrono::NaiveDate;
use rusqlite::Connection;
use std::collections::{HashMap, HashSet};

pub(super) struct Checked {
    pub preview: StaffImportPreview,
    pub writes: Vec<Write>,
    /// The file's first row (its header when it has one).
    pub headers: Vec<String>,
}

/// Every row checked; writes only for the good ones.
pub(super) fn check(
    conn: &Connection,
    text: &str,
    mapping: &StaffImportMapping,
) -> AppResult<Checked> {
    let plan = Plan::new(conn, text, mapping)?;
    // Read here rather than through `skills`, which sits above `staff`.
    let skill_names: std::collections::HashMap<i64, String> = conn
        .prepare("SELECT id, name FROM skill")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    let column = |f: StaffField| plan.mapped.iter().find(|(_, m)| *m == f).map(|(i, _)| *i);
    let has = |f: StaffField| column(f).is_some();
    let mut rate_question = false;
    let no_order = Ok(DateOrder::MonthFirst);
    // Excel drops an employee number's leading zeros (00045781 → 45781):
    // such a number still finds its person, and the preview says so.
    let by_digits: HashMap<String, Vec<&Staff>> =
        plan.people.values().fold(HashMap::new(), |mut m, s| {
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
    for (line_number, record) in plan.data {
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
        let needed = plan
            .mapped
            .iter()
            .map(|(i, _)| i + 1)
            .chain(plan.role_source.map(|i| i + 1))
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
        let existing = plan.people.get(&employee_no.to_lowercase()).or_else(|| {
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
        for (i, field) in &plan.mapped {
            let order = plan.orders.get(field).unwrap_or(&no_order);
            cells::apply(
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
        if let (Some(c), Some(ours)) = (plan.dept_column, &plan.chosen_department) {
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
            let chosen = plan.status_choices
                .iter()
                .any(|s| s.value.trim().eq_ignore_ascii_case(value));
            let read = statuses::resolve(value, &plan.status_choices);
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
            if let Some(rate) = &plan.new_rate {
                form.hourly_rate = rate.clone();
            }
        }
        if let Some(c) = plan.role_source {
            let value = cell(c);
            match plan.role_map.resolve(value) {
                _ if value.is_empty() => form.role = None,
                (Some(r), _) => {
                    form.role = Some(r);
                    // New people start with their title's skills; people on
                    // the roster keep the ones the manager gave them.
                    if existing.is_none() {
                        form.skill_ids = plan.role_map
                            .skills(value)
                            .into_iter()
                            .filter(|id| skill_names.contains_key(id))
                            .collect();
                    }
                    // "RN - Charge Nurse, Med/Surg" is kept as the job title;
                    // a bare "RN" says no more than the role.
                    let bare = value.eq_ignore_ascii_case(r.code())
                        || value.eq_ignore_ascii_case(r.label());
                    if column(StaffField::JobTitle).is_none() && !bare {
                        form.job_title = value.to_string();
                    }
                }
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
        if let (Some(rule), None) = (plan.rule, existing) {
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
        if existing.is_none() && !employee_no.is_empty() && !plan.missing_for_new.is_empty() {
            let names: Vec<String> = plan
                .missing_for_new
                .iter()
                .map(|f| scope::with_article(f.label()))
                .collect();
            reasons.push(format!(
                "{employee_no} is not on the roster, and a new person needs {}, but no column holds {}.",
                scope::listed(&names),
                if names.len() == 1 { "it" } else { "them" }
            ));
            if plan.missing_for_new.contains(&StaffField::HourlyRate) {
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
                    input::format_date(plan.today)
                });
                termination = Some(Some(date));
            }
            Some(s) => {
                // A past date beside an active status is an old one (a rehire);
                // a coming one is a last day already known — in the file, or
                // entered in Wardbook before HR has processed it.
                let to_come = |d: &String| input::date(d).is_ok_and(|d: NaiveDate| d >= plan.today);
                let coming = from_file
                    .filter(to_come)
                    .or(stored_termination.clone().filter(to_come));
                termination = Some(coming);
                // On leave: kept active, marked on leave (the first day,
                // when Wardbook has one, stays); back from leave: unmarked.
                form.on_leave = s == HrStatus::OnLeave;
                if !form.on_leave {
                    form.leave_since.clear();
                }
                if s == HrStatus::OnLeave {
                    // A leave HR reports today began by today: without a first
                    // day the leave would reach back over shifts already
                    // worked. One Wardbook already holds, dated or not, stays.
                    let newly = existing.is_none_or(|p| !p.on_leave);
                    if newly && form.leave_since.trim().is_empty() {
                        form.leave_since = input::format_date(plan.today);
                        notes.push(
                            "on leave, kept active (from today: the file gives no first day)"
                                .into(),
                        );
                    } else {
                        notes.push("on leave, kept active".into());
                    }
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
                    column(field).or(plan.role_source.filter(|_| field == StaffField::Role))
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
                    // A new last day takes them off later shifts: the manager
                    // sees which before importing (the gaps it leaves).
                    if let Some(Some(last_day)) = &termination {
                        if before.termination_date.as_ref() != Some(last_day) {
                            if let Some(words) =
                                crate::staff::shifts_after(conn, before.id, last_day)?
                            {
                                notes.push(words);
                            }
                        }
                    }
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
                        format!("FTE {}", Fte(valid.fte_hundredths).text()),
                        format!("hired {}", input::format_date(valid.hire_date)),
                    ];
                    if plan.new_rate.is_some() && !has(StaffField::HourlyRate) {
                        parts.push(format!(
                            "{} for new people",
                            Cents(valid.hourly_rate_cents).rate()
                        ));
                    }
                    if !valid.skill_ids.is_empty() {
                        let names: Vec<&str> = valid
                            .skill_ids
                            .iter()
                            .filter_map(|id| skill_names.get(id).map(String::as_str))
                            .collect();
                        parts.push(format!("skills {}", names.join(", ")));
                    }
                    if let Some(t) = &new_termination {
                        parts.push(format!("terminated {t}"));
                    }
                    parts.extend(notes);
                    row.summary = parts.join(" · ");
                    // Another number for the same person (a re-keyed export)
                    // would add them twice: the manager checks.
                    let twin = plan.people.values().find(|s| {
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
    let notices = super::notices::notices(failures, judged, &zero_matches, &plan.people, &in_file);
    let count = |a: ImportAction| rows.iter().filter(|r| r.action == a).count() as i64;
    let preview = StaffImportPreview {
        adds: count(ImportAction::Add),
        updates: count(ImportAction::Update),
        unchanged: count(ImportAction::Unchanged),
        skipped: count(ImportAction::Skipped),
        errors: count(ImportAction::Error),
        rows,
        roles: roles::values(role_cells.iter().map(String::as_str), &plan.role_map),
        departments: plan.departments,
        department: plan.chosen_department,
        employment_note: plan.rule.map(scope::employment_note),
        date_question: plan.date_question,
        date_order: plan.asked_order,
        notices,
        rate_question,
        statuses: statuses::values(&status_cells, &mapping.statuses, &plan.remembered_statuses),
    };
    Ok(Checked {
        preview,
        writes,
        headers: plan.headers,
    })
}

/// An all-digit employee number without its leading zeros, the key that
/// survives a spreadsheet.
fn digits_key(no: &str) -> Option<String> {
    let no = no.trim();
    (!no.is_empty() && no.chars().all(|c| c.is_ascii_digit()))
        .then(|| no.trim_start_matches('0').to_string())
}

pub(super) fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

pub(super) fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

//! What an HR import settles once per file before checking its rows: the
//! roster, the columns chosen, how roles, statuses, employment types and
//! dates are read, and whose rows are this department's.

use super::cells;
use super::dates::{self, ColumnOrder, DateOrder};
use super::employment::Rule;
use super::fields::REQUIRED_FOR_NEW;
use super::person::roster;
use super::roles::{self, RoleMap};
use super::statuses;
use super::{memory, scope};
use super::{StaffField, StaffImportMapping, ValueCount};
use crate::csv_file::records;
use crate::error::{AppResult, Validator};
use crate::staff::Staff;
use chrono::NaiveDate;
use rusqlite::Connection;
use std::collections::HashMap;

/// A file's rows as read: each with its line number, its cells or why
/// they could not be read.
pub(super) type Records = Vec<(i64, crate::csv_file::Record)>;

pub(super) struct Plan {
    /// The roster by lower-cased employee number.
    pub people: HashMap<String, Staff>,
    pub today: NaiveDate,
    pub role_map: RoleMap,
    /// Status readings remembered from earlier imports and not chosen now.
    pub remembered_statuses: Vec<statuses::StatusChoice>,
    /// The readings chosen now, then the remembered ones.
    pub status_choices: Vec<statuses::StatusChoice>,
    pub headers: Vec<String>,
    /// The rows to check (the header left out).
    pub data: Records,
    /// The chosen columns: (index, field).
    pub mapped: Vec<(usize, StaffField)>,
    pub role_source: Option<usize>,
    /// New people's employment type when no column holds it.
    pub rule: Option<Rule>,
    /// One rate for new people when the file has no pay column.
    pub new_rate: Option<String>,
    /// What a new person needs that no column holds.
    pub missing_for_new: Vec<StaffField>,
    pub dept_column: Option<usize>,
    pub departments: Vec<ValueCount>,
    pub chosen_department: Option<String>,
    pub asked_order: DateOrder,
    /// A date no value of its column tells the order of, to ask about.
    pub date_question: Option<String>,
    /// Each date column's order, or why none can be read.
    pub orders: HashMap<StaffField, Result<DateOrder, String>>,
}

impl Plan {
    pub fn new(conn: &Connection, text: &str, mapping: &StaffImportMapping) -> AppResult<Plan> {
        let people = roster(conn)?;
        let dept = crate::department::get(conn)?;
        let today = dept
            .as_ref()
            .map(crate::department::today)
            .unwrap_or_else(|| chrono::Local::now().date_naive());
        let role_map = RoleMap::new(&mapping.roles, memory::roles(conn)?);
        // The manager's readings of status values in this import first, then
        // those remembered from earlier imports (of any layout).
        let remembered_statuses: Vec<statuses::StatusChoice> = memory::statuses(conn)?
            .into_iter()
            .filter(|r| {
                !mapping
                    .statuses
                    .iter()
                    .any(|c| roles::key(&c.value) == roles::key(&r.value))
            })
            .collect();
        let status_choices: Vec<statuses::StatusChoice> = mapping
            .statuses
            .iter()
            .chain(&remembered_statuses)
            .cloned()
            .collect();
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
            (Some(r), Some(j)) if r != j => {
                role_map.with_codes(data.iter().filter_map(|(_, rec)| rec.as_ref().ok()).map(
                    |cells| {
                        let at = |i: usize| cells.get(i).map_or("", String::as_str);
                        (at(r), at(j))
                    },
                ))
            }
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
        Ok(Plan {
            people,
            today,
            role_map,
            remembered_statuses,
            status_choices,
            headers,
            data,
            mapped,
            role_source,
            rule,
            new_rate,
            missing_for_new,
            dept_column,
            departments,
            chosen_department,
            asked_order,
            date_question,
            orders,
        })
    }
}

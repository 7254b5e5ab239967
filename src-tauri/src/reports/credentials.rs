//! Credential compliance as an inspector asks for it: everyone employed on
//! the day, each credential their role requires (and any other they hold),
//! its number, expiry and status on that day. A required credential not on
//! file is listed as missing, so nobody's gap hides behind an empty line.

use super::table::{Cell, Column, Orientation, Report, Row};
use crate::credentials::{self, CredentialLine, CredentialStatus};
use crate::error::AppResult;
use crate::input::format_date;
use crate::staff::Role;
use chrono::NaiveDate;
use rusqlite::{params, Connection};

fn status_cell(line: &CredentialLine) -> Cell {
    let days = line.days_left.unwrap_or_default();
    match line.status {
        CredentialStatus::Compliant => Cell::text("Compliant"),
        CredentialStatus::Expiring => Cell::text(match days {
            0 => "Expires today".to_string(),
            1 => "Expires in 1 day".to_string(),
            n => format!("Expires in {n} days"),
        }),
        CredentialStatus::Expired => Cell::alert(match -days {
            1 => "Expired 1 day ago".to_string(),
            n => format!("Expired {n} days ago"),
        }),
        CredentialStatus::Missing => Cell::alert("Missing"),
    }
}

struct Person {
    id: i64,
    name: String,
    employee_no: String,
    role: Role,
}

fn people(conn: &Connection, on: NaiveDate) -> AppResult<Vec<Person>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, last_name || ', ' || first_name, employee_no, role FROM staff
         WHERE hire_date <= ?1 AND (termination_date IS NULL OR termination_date >= ?1)
         ORDER BY last_name COLLATE NOCASE, first_name COLLATE NOCASE, id",
    )?;
    let rows = stmt.query_map(params![format_date(on)], |r| {
        Ok(Person {
            id: r.get(0)?,
            name: r.get(1)?,
            employee_no: r.get(2)?,
            role: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn report(conn: &Connection, as_of: NaiveDate, today: NaiveDate) -> AppResult<Report> {
    let types = credentials::list_types(conn)?;
    let held = credentials::held_by_staff(conn)?;
    let people = people(conn, as_of)?;
    let mut rows = Vec::new();
    let mut count = [0_usize; 4]; // expired, missing, expiring, compliant (required only)
    for p in &people {
        let mut lines = credentials::lines_for(
            p.role,
            &types,
            held.get(&p.id).map_or(&[][..], Vec::as_slice),
            as_of,
        );
        // Required ones first, each group in type-name order.
        lines.sort_by_key(|l| !l.required);
        let person = |rest: Vec<Cell>| {
            let mut cells: Vec<Cell> = vec![
                p.name.clone().into(),
                p.employee_no.clone().into(),
                p.role.code().into(),
            ];
            cells.extend(rest);
            Row::body(cells)
        };
        if lines.is_empty() {
            rows.push(person(vec![
                "None required".into(),
                Cell::default(),
                Cell::default(),
                Cell::default(),
                Cell::default(),
                Cell::default(),
            ]));
            continue;
        }
        for line in &lines {
            if line.required {
                count[line.status as usize] += 1;
            }
            let record = line.credential.as_ref();
            rows.push(person(vec![
                line.type_name.clone().into(),
                if line.required { "Yes" } else { "No" }.into(),
                record.map(|c| c.number.clone()).unwrap_or_default().into(),
                record
                    .and_then(|c| c.expires_on.clone())
                    .unwrap_or_else(|| {
                        if record.is_some() {
                            "No expiry".into()
                        } else {
                            String::new()
                        }
                    })
                    .into(),
                record
                    .and_then(|c| c.verified_on.clone())
                    .unwrap_or_default()
                    .into(),
                status_cell(line),
            ]));
        }
    }
    let [expired, missing, expiring, compliant] = count;
    let required = expired + missing + expiring + compliant;
    let summary = vec![
        format!(
            "{} people employed on {}; {required} required credentials: {} valid ({compliant} compliant, {expiring} expiring within {} days), {expired} expired, {missing} missing.",
            people.len(),
            format_date(as_of),
            compliant + expiring,
            credentials::EXPIRING_WITHIN_DAYS,
        ),
        if expired + missing == 0 {
            "Everyone holds every required credential.".to_string()
        } else {
            format!(
                "{} required credentials need action (marked).",
                expired + missing
            )
        },
    ];
    Ok(Report {
        title: "Credential compliance".into(),
        department: super::department_name(conn)?,
        generated_on: today,
        scope: format!("As of {}", format_date(as_of)),
        orientation: Orientation::Landscape,
        font_size: 8.0,
        summary,
        columns: vec![
            Column::left("Name", 2.6),
            Column::left("Employee no.", 1.3),
            Column::left("Role", 0.8),
            Column::left("Credential", 2.2).wrapping(),
            Column::left("Required", 0.9),
            Column::left("Number", 1.8),
            Column::left("Expires", 1.2),
            Column::left("Verified", 1.2),
            Column::left("Status", 1.7),
        ],
        rows,
        notes: vec![format!(
            "Status on the as-of day: a credential is valid through its expiry date; “expiring” means within {} days. Required: the credential type is required for the person's role (Settings › Credentials).",
            credentials::EXPIRING_WITHIN_DAYS
        )],
        bands: None,
        file_stem: format!("credentials-{}", format_date(as_of)),
    })
}

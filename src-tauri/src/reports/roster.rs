//! The staff roster: everyone employed on a day, by name, with what an
//! administrator or a float coordinator asks for — employee number, role,
//! employment type, FTE, hire date, skills and how to reach them. Pay rates
//! stay out: a roster gets pinned to walls.

use super::table::{Cell, Column, Orientation, Report, Row};
use crate::error::AppResult;
use crate::input::format_date;
use crate::staff::{EmploymentType, Role};
use crate::units::Fte;
use chrono::NaiveDate;
use rusqlite::{params, Connection};
use std::collections::{BTreeMap, HashMap};

struct Person {
    name: String,
    employee_no: String,
    role: Role,
    job_code: String,
    employment_type: EmploymentType,
    fte_hundredths: i64,
    hire_date: String,
    phone: String,
    email: String,
    skills: Vec<String>,
}

fn people(conn: &Connection, on: NaiveDate) -> AppResult<Vec<Person>> {
    let mut skills: HashMap<i64, Vec<String>> = HashMap::new();
    let mut stmt = conn.prepare_cached(
        "SELECT ss.staff_id, s.name FROM staff_skill ss JOIN skill s ON s.id = ss.skill_id
         ORDER BY s.name COLLATE NOCASE",
    )?;
    for row in stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))? {
        let (id, name) = row?;
        skills.entry(id).or_default().push(name);
    }
    let day = format_date(on);
    let mut stmt = conn.prepare_cached(
        "SELECT id, last_name || ', ' || first_name, employee_no, role, job_code,
             employment_type, fte_hundredths, hire_date, phone, email
         FROM staff
         WHERE hire_date <= ?1 AND (termination_date IS NULL OR termination_date >= ?1)
         ORDER BY last_name COLLATE NOCASE, first_name COLLATE NOCASE, id",
    )?;
    let rows = stmt.query_map(params![day], |r| {
        Ok(Person {
            skills: skills.remove(&r.get::<_, i64>(0)?).unwrap_or_default(),
            name: r.get(1)?,
            employee_no: r.get(2)?,
            role: r.get(3)?,
            job_code: r.get(4)?,
            employment_type: r.get(5)?,
            fte_hundredths: r.get(6)?,
            hire_date: r.get(7)?,
            phone: r.get(8)?,
            email: r.get(9)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn report(conn: &Connection, as_of: NaiveDate, today: NaiveDate) -> AppResult<Report> {
    let people = people(conn, as_of)?;
    // Agency staff have no FTE (an FTE on their record is not the
    // department's): "—" on their row and nothing in the total.
    let total_fte: i64 = people
        .iter()
        .filter(|p| p.employment_type != EmploymentType::Agency)
        .map(|p| p.fte_hundredths)
        .sum();
    let mut by_role: BTreeMap<Role, usize> = BTreeMap::new();
    for p in &people {
        *by_role.entry(p.role).or_default() += 1;
    }
    let roles: Vec<String> = by_role
        .iter()
        .map(|(role, n)| format!("{n} {}", role.code()))
        .collect();
    let summary = vec![
        format!(
            "{} {} employed on {}, {} FTE in all.",
            people.len(),
            if people.len() == 1 {
                "person"
            } else {
                "people"
            },
            format_date(as_of),
            Fte(total_fte).text()
        ),
        if roles.is_empty() {
            String::new()
        } else {
            format!("By role: {}.", roles.join(", "))
        },
    ];
    let columns = vec![
        Column::left("Name", 2.4),
        Column::left("Employee no.", 1.3),
        Column::left("Role", 0.6),
        Column::left("Job code", 0.9),
        Column::left("Employment", 1.2),
        Column::right("FTE", 0.6),
        Column::left("Hire date", 1.1),
        Column::left("Skills", 2.2).wrapping(),
        Column::left("Phone", 1.4),
        Column::left("Email", 3.2).wrapping(),
    ];
    let mut rows: Vec<Row> = people
        .into_iter()
        .map(|p| {
            Row::body(vec![
                p.name.into(),
                p.employee_no.into(),
                p.role.code().into(),
                p.job_code.into(),
                p.employment_type.label().into(),
                if p.employment_type == EmploymentType::Agency {
                    "—".into()
                } else {
                    Fte(p.fte_hundredths).text().into()
                },
                p.hire_date.into(),
                p.skills.join(", ").into(),
                p.phone.into(),
                p.email.into(),
            ])
        })
        .collect();
    let mut total = vec![Cell::text("Total"); 1];
    total.extend((1..10).map(|_| Cell::default()));
    total[5] = Fte(total_fte).text().into();
    rows.push(Row::total(total));
    Ok(Report {
        title: "Staff roster".into(),
        department: super::department_name(conn)?,
        generated_on: today,
        scope: format!("As of {}", format_date(as_of)),
        orientation: Orientation::Landscape,
        font_size: 7.5,
        summary,
        columns,
        rows,
        notes: vec!["Everyone hired on or before the day and not yet past their last day. FTE: 1.00 is 80 paid hours in 14 days.".into()],
        bands: None,
        file_stem: format!("roster-{}", format_date(as_of)),
    })
}

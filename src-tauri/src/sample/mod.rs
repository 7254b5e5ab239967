//! The sample department: a realistic 32-bed medical-surgical unit to explore
//! Wardbook with, and a fixture tests can rely on.
//!
//! Deterministic: for a given "today" it is the same every time. Dates are set
//! relative to today so that the mix of statuses (credentials expiring within
//! 30/60/90 days, expired, missing; evaluations overdue) is the same whenever it
//! is opened.

mod budget;
mod holidays;
mod names;
pub mod punches;
mod rota;
mod schedule;

use crate::department::{self, Department, OvertimeRule, UnitType};
use crate::error::{AppError, AppResult, ErrorCode};
use crate::input::format_date;
use crate::records::NewStaff;
use crate::staff::{EmploymentType, Role};
use chrono::{Days, Months, NaiveDate};
use rusqlite::{params, Connection, Transaction};

/// The one seeded generator, fixed forever, so the sample never changes.
use crate::solver::splitmix::SplitMix64 as Rng;

pub fn department() -> Department {
    Department {
        name: "4 West Medical-Surgical".into(),
        unit_type: UnitType::MedSurg,
        beds: 32,
        time_zone: "America/Chicago".into(),
        // The sample file's own start month is set relative to today (`create`).
        fiscal_year_start_month: 7,
        overtime_rule: OvertimeRule::Weekly40,
    }
}

/// One line of the roster plan: who, and how they are employed.
struct Plan {
    role: Role,
    kind: EmploymentType,
    fte: i64,
    rate_lo: i64,
    rate_hi: i64,
    count: usize,
}

const ROSTER: &[Plan] = &[
    Plan {
        role: Role::Manager,
        kind: EmploymentType::FullTime,
        fte: 100,
        rate_lo: 6400,
        rate_hi: 6400,
        count: 1,
    },
    Plan {
        role: Role::Rn,
        kind: EmploymentType::FullTime,
        fte: 90,
        rate_lo: 4200,
        rate_hi: 5800,
        count: 18,
    },
    Plan {
        role: Role::Rn,
        kind: EmploymentType::PartTime,
        fte: 60,
        rate_lo: 4200,
        rate_hi: 5400,
        count: 8,
    },
    Plan {
        role: Role::Rn,
        kind: EmploymentType::PerDiem,
        fte: 0,
        rate_lo: 5200,
        rate_hi: 5600,
        count: 3,
    },
    Plan {
        role: Role::Rn,
        kind: EmploymentType::Agency,
        fte: 90,
        rate_lo: 8500,
        rate_hi: 9500,
        count: 3,
    },
    Plan {
        role: Role::Lpn,
        kind: EmploymentType::FullTime,
        fte: 90,
        rate_lo: 2800,
        rate_hi: 3400,
        count: 5,
    },
    Plan {
        role: Role::Cna,
        kind: EmploymentType::FullTime,
        fte: 90,
        rate_lo: 1800,
        rate_hi: 2300,
        count: 9,
    },
    Plan {
        role: Role::Cna,
        kind: EmploymentType::PartTime,
        fte: 60,
        rate_lo: 1800,
        rate_hi: 2200,
        count: 2,
    },
    Plan {
        role: Role::Cna,
        kind: EmploymentType::PerDiem,
        fte: 0,
        rate_lo: 2100,
        rate_hi: 2100,
        count: 1,
    },
    Plan {
        role: Role::UnitClerk,
        kind: EmploymentType::FullTime,
        fte: 100,
        rate_lo: 1900,
        rate_hi: 2200,
        count: 4,
    },
    Plan {
        role: Role::Tech,
        kind: EmploymentType::FullTime,
        fte: 90,
        rate_lo: 2200,
        rate_hi: 2400,
        count: 1,
    },
];

/// Total people in the sample, two of them terminated.
pub const STAFF_COUNT: usize = 55;

/// Fills an empty file with the sample department as of `today`.
pub fn create(conn: &mut Connection, today: NaiveDate) -> AppResult<Department> {
    if department::get(conn)?.is_some() {
        return Err(AppError::new(
            ErrorCode::Conflict,
            "This file already holds a department.",
        ));
    }
    let tx = conn.transaction()?;
    // The fiscal year starts eight months back, so the sample budget always
    // shows eight closed months (see `budget`).
    let dept = Department {
        fiscal_year_start_month: budget::start_month(today),
        ..department()
    };
    department::insert(&tx, &dept)?;
    fill(&tx, today)?;
    schedule::fill(&tx, today)?;
    holidays::fill(&tx, today)?;
    budget::fill(&tx, today)?;
    tx.commit()?;
    punches::fill(conn, today)?;
    Ok(dept)
}

fn add_days(day: NaiveDate, days: i64) -> NaiveDate {
    if days >= 0 {
        day + Days::new(days as u64)
    } else {
        day - Days::new(days.unsigned_abs())
    }
}

fn fill(tx: &Transaction, today: NaiveDate) -> AppResult<()> {
    let mut rng = Rng::new(0x5741_5244_424F_4F4B); // "WARDBOOK"
    for name in ["Charge", "Preceptor", "Telemetry", "Wound care"] {
        tx.execute("INSERT INTO skill (name) VALUES (?1)", [name])?;
    }
    let skill = |name: &str| -> rusqlite::Result<i64> {
        tx.query_row("SELECT id FROM skill WHERE name = ?1", [name], |r| r.get(0))
    };
    let (charge, preceptor, telemetry, wound) = (
        skill("Charge")?,
        skill("Preceptor")?,
        skill("Telemetry")?,
        skill("Wound care")?,
    );

    // (name, required for, renewal months, block when expired)
    let types: [(&str, &[Role], i64, bool); 6] = [
        ("RN license", &[Role::Rn, Role::Manager], 24, true),
        ("LPN license", &[Role::Lpn], 24, true),
        ("CNA certification", &[Role::Cna], 24, true),
        (
            "BLS",
            &[Role::Rn, Role::Lpn, Role::Cna, Role::Manager],
            24,
            true,
        ),
        ("ACLS", &[Role::Rn], 24, false),
        ("Chemotherapy provider", &[], 24, false),
    ];
    let mut type_ids = Vec::new();
    for (name, roles, months, block) in types {
        tx.execute(
            "INSERT INTO credential_type (name, renewal_months, when_expired) VALUES (?1, ?2, ?3)",
            params![name, months, if block { "block" } else { "warn" }],
        )?;
        let id = tx.last_insert_rowid();
        for role in roles {
            tx.execute(
                "INSERT INTO credential_type_role (type_id, role) VALUES (?1, ?2)",
                params![id, role],
            )?;
        }
        type_ids.push((id, roles));
    }

    let mut person = 0usize;
    for plan in ROSTER {
        for _ in 0..plan.count {
            let (first, last) = names::name(person);
            let employee_no = if plan.kind == EmploymentType::Agency {
                format!("AG-{}", 2001 + person)
            } else {
                format!("E{}", 10_001 + person)
            };
            let hire = add_days(today, -rng.range(60, 365 * 22));
            let rate = if plan.rate_lo == plan.rate_hi {
                plan.rate_lo
            } else {
                rng.range(plan.rate_lo / 25, plan.rate_hi / 25) * 25
            };
            // Two people have left: one last month, one last year.
            let termination = match person {
                20 => Some(add_days(today, -24)),
                41 => Some(add_days(today, -300)),
                _ => None,
            }
            .map(|d| d.max(hire));
            let email = format!(
                "{}.{}@example-hospital.org",
                first.to_lowercase(),
                last.to_lowercase().replace([' ', '\''], "")
            );
            let id = NewStaff::new(first, last, &employee_no)
                .role(plan.role)
                .job_code(job_code(plan.role))
                .employment(plan.kind, plan.fte)
                .rate(rate)
                .hired(hire)
                .seniority(hire)
                .leaves(termination)
                .contact(&format!("(312) 555-{:04}", 100 + person), &email)
                .insert(tx)?;

            let senior_rn = plan.role == Role::Rn && plan.kind == EmploymentType::FullTime;
            let mut skills = Vec::new();
            // Charge nurses on both the day and the night team (see `rota::team_for`).
            if senior_rn && matches!(person, 1 | 4 | 5 | 7 | 8 | 10 | 12 | 13 | 16 | 17) {
                skills.push(charge);
            }
            if senior_rn && person % 4 == 2 {
                skills.push(preceptor);
            }
            if plan.role == Role::Rn && person.is_multiple_of(2) || plan.role == Role::Tech {
                skills.push(telemetry);
            }
            if matches!(plan.role, Role::Rn | Role::Lpn) && person % 5 == 3 {
                skills.push(wound);
            }
            for s in skills {
                tx.execute(
                    "INSERT INTO staff_skill (staff_id, skill_id) VALUES (?1, ?2)",
                    [id, s],
                )?;
            }

            for (slot, (type_id, roles)) in type_ids.iter().enumerate() {
                let required = roles.contains(&plan.role);
                let optional_chemo = slot == 5 && plan.role == Role::Rn && person.is_multiple_of(6);
                if !required && !optional_chemo {
                    continue;
                }
                let Some(expiry_days) = credential_expiry(person, slot, &mut rng) else {
                    continue;
                };
                let expires = add_days(today, expiry_days);
                let issued = expires - Months::new(24);
                let verified = issued.max(add_days(today, -400)).min(today);
                let number = format!(
                    "{}{:06}",
                    ["RN", "LPN", "CNA", "BLS", "ACLS", "CHE"][slot],
                    rng.range(100_000, 999_999)
                );
                tx.execute(
                    "INSERT INTO credential (staff_id, type_id, number, issued_on, expires_on, verified_on)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![id, type_id, number, format_date(issued), format_date(expires), format_date(verified)],
                )?;
            }

            add_trainings(tx, id, person, hire, today, plan.role, &mut rng)?;
            person += 1;
        }
    }
    debug_assert_eq!(person, STAFF_COUNT);
    Ok(())
}

fn job_code(role: Role) -> &'static str {
    match role {
        Role::Rn => "RN2",
        Role::Lpn => "LPN1",
        Role::Cna => "CNA1",
        Role::UnitClerk => "UC1",
        Role::Tech => "MT1",
        Role::Manager => "NM1",
        Role::Physician => "MD",
        Role::Other => "",
    }
}

/// Days from today to a credential's expiry, or None when it is missing.
/// A handful of people are chosen to show every status the roster can show.
fn credential_expiry(person: usize, slot: usize, rng: &mut Rng) -> Option<i64> {
    const LICENSE: usize = 0;
    const BLS: usize = 3;
    const ACLS: usize = 4;
    match (person, slot) {
        // Expired.
        (4, BLS) => Some(-12),
        (15, ACLS) => Some(-40),
        (44, BLS) => Some(-3),
        // Expiring within 30, 60 and 90 days.
        (2, BLS) | (33, LICENSE) => Some(9),
        (7, ACLS) | (38, BLS) => Some(26),
        (11, LICENSE) | (47, BLS) => Some(44),
        (23, ACLS) => Some(58),
        (27, BLS) | (36, LICENSE) => Some(75),
        (30, ACLS) => Some(88),
        // Required but missing.
        (9, ACLS) | (26, BLS) | (49, BLS) => None,
        _ => Some(rng.range(120, 700)),
    }
}

fn add_trainings(
    tx: &Transaction,
    id: i64,
    person: usize,
    hire: NaiveDate,
    today: NaiveDate,
    role: Role,
    rng: &mut Rng,
) -> AppResult<()> {
    let insert = |kind: &str,
                  name: &str,
                  due: NaiveDate,
                  completed: Option<NaiveDate>,
                  rating: Option<i64>|
     -> rusqlite::Result<usize> {
        tx.execute(
            "INSERT INTO training (staff_id, kind, name, due_on, completed_on, rating) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![id, kind, name, format_date(due), completed.map(format_date), rating],
        )
    };
    // The evaluation falls on the hire anniversary; last year's was completed
    // except for a few, which are now overdue by a few weeks (a manager would
    // have caught one overdue for most of a year).
    let mut anniversary = hire;
    while anniversary <= today {
        anniversary = anniversary + Months::new(12);
    }
    let last = anniversary - Months::new(12);
    if last > hire {
        let overdue = matches!(person, 5 | 18 | 39);
        let done = (!overdue).then(|| add_days(last, rng.range(-10, 5)).min(today));
        let due = if overdue {
            add_days(today, -(12 + (person % 5) as i64 * 9)).max(last)
        } else {
            last
        };
        insert(
            "evaluation",
            "Annual performance evaluation",
            due,
            done,
            done.map(|_| rng.range(3, 5)),
        )?;
    }
    insert(
        "evaluation",
        "Annual performance evaluation",
        anniversary,
        None,
        None,
    )?;

    // Annual competencies for clinical staff, due through the year.
    if matches!(role, Role::Rn | Role::Lpn | Role::Cna) {
        let due = add_days(today, rng.range(-20, 330));
        let done =
            (due < today && !person.is_multiple_of(4)).then(|| add_days(due, -rng.range(1, 14)));
        insert("competency", "Annual skills validation", due, done, None)?;
    }
    if role == Role::Rn {
        let due = add_days(today, rng.range(5, 200));
        insert("training", "Sepsis bundle update", due, None, None)?;
    }
    Ok(())
}

/// Helpers for tests elsewhere in the crate.
#[cfg(test)]
pub(crate) mod tests_support {
    use crate::schedule::store::periods::{self, PeriodStatus, SchedulePeriod};
    use chrono::NaiveDate;
    use rusqlite::Connection;

    /// The sample department as of `today` (a file in memory) and its
    /// draft period, as the schedule tests start from.
    pub fn sample_with_draft(today: NaiveDate) -> (Connection, SchedulePeriod) {
        let mut conn = crate::store::open_in_memory().unwrap();
        super::create(&mut conn, today).unwrap();
        let draft = periods::list(&conn)
            .unwrap()
            .into_iter()
            .find(|p| p.status == PeriodStatus::Draft)
            .expect("the sample has a draft period");
        (conn, draft)
    }

    /// A department with one RN; returns the RN's id.
    pub fn one_staff(conn: &Connection) -> i64 {
        crate::department::insert(conn, &super::department()).unwrap();
        crate::records::NewStaff::new("Ann", "Lee", "E1")
            .rate(5000)
            .hired(crate::input::date("2020-01-06").unwrap())
            .insert(conn)
            .unwrap()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::credentials::CredentialStatus;
    use crate::staff::{self, StaffQuery, StatusFilter};

    fn sample(today: NaiveDate) -> Connection {
        let mut conn = crate::store::open_in_memory().unwrap();
        create(&mut conn, today).unwrap();
        conn
    }

    #[test]
    fn sample_is_the_same_every_time() {
        let today = crate::input::date("2026-11-27").unwrap();
        let dump = |conn: &Connection| -> Vec<String> {
            let mut stmt = conn.prepare("SELECT employee_no || first_name || last_name || hourly_rate_cents || hire_date FROM staff ORDER BY id").unwrap();
            stmt.query_map([], |r| r.get(0))
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap()
        };
        assert_eq!(dump(&sample(today)), dump(&sample(today)));
    }

    #[test]
    fn sample_observes_the_us_holidays_of_its_periods_and_budget_year() {
        let today = crate::input::date("2026-12-07").unwrap();
        let conn = sample(today);
        let holidays = crate::schedule::store::rule_settings::holidays(&conn).unwrap();
        assert_eq!(holidays.len(), 24, "eight a year for 2025, 2026 and 2027");
        let named = |date: &str| {
            holidays
                .iter()
                .find(|h| h.date == date)
                .map(|h| h.name.as_str())
        };
        assert_eq!(named("2026-12-25"), Some("Christmas Day"));
        assert_eq!(named("2027-01-01"), Some("New Year's Day"));
        assert_eq!(named("2026-11-26"), Some("Thanksgiving Day"));
        // The published period holds today, the draft follows: Christmas and
        // New Year's fall in them, and the grid marks those days.
        let periods = crate::schedule::store::periods::list(&conn).unwrap();
        let view = crate::schedule::store::view(&conn, periods[1].id, today).unwrap();
        let marked: Vec<&str> = view
            .days
            .iter()
            .filter_map(|d| d.holiday.as_deref())
            .collect();
        assert!(
            !marked.is_empty(),
            "the draft period {} to {} shows no holiday",
            periods[1].start_date,
            periods[1].end_date
        );
    }

    #[test]
    fn sample_shows_every_credential_status() {
        let today = crate::input::date("2026-11-27").unwrap();
        let conn = sample(today);
        let all = StaffQuery {
            status: StatusFilter::All,
            ..Default::default()
        };
        let rows = staff::list(&conn, &all, today).unwrap();
        assert_eq!(rows.len(), STAFF_COUNT);
        assert_eq!(
            rows.iter().filter(|r| !r.active).count(),
            2,
            "two people have left"
        );
        let with = |s: CredentialStatus| rows.iter().filter(|r| r.credentials.status == s).count();
        assert!(
            with(CredentialStatus::Expired) >= 3,
            "expired credentials are shown"
        );
        assert!(
            with(CredentialStatus::Missing) >= 3,
            "missing required credentials are shown"
        );
        assert!(
            with(CredentialStatus::Expiring) >= 6,
            "expiring ones are shown"
        );
        assert!(
            with(CredentialStatus::Compliant) > 30,
            "most people are compliant"
        );
        assert!(
            rows.iter().any(|r| r.due.overdue > 0),
            "some evaluations are overdue"
        );
    }

    #[test]
    fn sample_refuses_a_file_that_has_a_department() {
        let today = crate::input::date("2026-11-27").unwrap();
        let mut conn = sample(today);
        assert_eq!(
            create(&mut conn, today).unwrap_err().code,
            ErrorCode::Conflict
        );
    }
}

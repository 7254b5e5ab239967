//! A person's record: `NewStaff::new("Ann", "Lee", "E7").fte(90).insert(conn)`.

use crate::input::format_date;
use crate::staff::{EmploymentType, Role};
use chrono::NaiveDate;
use rusqlite::{params, Connection};

/// A staff record to write; see the defaults on [`NewStaff::new`].
#[derive(Debug, Clone)]
pub struct NewStaff {
    pub id: Option<i64>,
    pub first_name: String,
    pub last_name: String,
    pub employee_no: String,
    pub role: Role,
    pub job_code: String,
    pub employment_type: EmploymentType,
    pub fte_hundredths: i64,
    pub hourly_rate_cents: i64,
    pub hire_date: NaiveDate,
    pub seniority_date: Option<NaiveDate>,
    pub termination_date: Option<NaiveDate>,
    pub phone: String,
    pub email: String,
}

impl NewStaff {
    /// A full-time RN at 0.90 FTE and $45.00/h, hired 2020-01-01, no
    /// seniority date, still employed, no contact details.
    pub fn new(first_name: &str, last_name: &str, employee_no: &str) -> NewStaff {
        NewStaff {
            id: None,
            first_name: first_name.into(),
            last_name: last_name.into(),
            employee_no: employee_no.into(),
            role: Role::Rn,
            job_code: String::new(),
            employment_type: EmploymentType::FullTime,
            fte_hundredths: 90,
            hourly_rate_cents: 4_500,
            hire_date: NaiveDate::from_ymd_opt(2020, 1, 1).unwrap(),
            seniority_date: None,
            termination_date: None,
            phone: String::new(),
            email: String::new(),
        }
    }

    pub fn id(mut self, id: i64) -> Self {
        self.id = Some(id);
        self
    }

    pub fn role(mut self, role: Role) -> Self {
        self.role = role;
        self
    }

    pub fn job_code(mut self, code: &str) -> Self {
        self.job_code = code.into();
        self
    }

    /// How they are employed and their FTE in hundredths.
    pub fn employment(mut self, kind: EmploymentType, fte_hundredths: i64) -> Self {
        self.employment_type = kind;
        self.fte_hundredths = fte_hundredths;
        self
    }

    pub fn fte(mut self, hundredths: i64) -> Self {
        self.fte_hundredths = hundredths;
        self
    }

    pub fn rate(mut self, cents: i64) -> Self {
        self.hourly_rate_cents = cents;
        self
    }

    pub fn hired(mut self, date: NaiveDate) -> Self {
        self.hire_date = date;
        self
    }

    pub fn seniority(mut self, date: NaiveDate) -> Self {
        self.seniority_date = Some(date);
        self
    }

    /// Their last day, if they have one.
    pub fn leaves(mut self, date: Option<NaiveDate>) -> Self {
        self.termination_date = date;
        self
    }

    pub fn contact(mut self, phone: &str, email: &str) -> Self {
        self.phone = phone.into();
        self.email = email.into();
        self
    }

    /// Writes the record; returns its id.
    pub fn insert(&self, conn: &Connection) -> rusqlite::Result<i64> {
        conn.prepare_cached(
            "INSERT INTO staff (id, first_name, last_name, employee_no, role, job_code,
                 employment_type, fte_hundredths, hourly_rate_cents, hire_date, seniority_date,
                 termination_date, phone, email)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
        )?
        .execute(params![
            self.id,
            self.first_name,
            self.last_name,
            self.employee_no,
            self.role,
            self.job_code,
            self.employment_type,
            self.fte_hundredths,
            self.hourly_rate_cents,
            format_date(self.hire_date),
            self.seniority_date.map(format_date),
            self.termination_date.map(format_date),
            self.phone,
            self.email,
        ])?;
        Ok(conn.last_insert_rowid())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_person_takes_the_defaults_and_what_the_test_names() {
        let conn = crate::store::open_in_memory().unwrap();
        let ann = NewStaff::new("Ann", "Lee", "E7")
            .id(7)
            .insert(&conn)
            .unwrap();
        assert_eq!(ann, 7, "the id the test names");
        let bo = NewStaff::new("Bo", "Ng", "E8")
            .role(Role::Cna)
            .employment(EmploymentType::PerDiem, 50)
            .rate(2_000)
            .leaves(Some(NaiveDate::from_ymd_opt(2026, 1, 31).unwrap()))
            .insert(&conn)
            .unwrap();
        let row = |id: i64| {
            conn.query_row(
                "SELECT role, employment_type, fte_hundredths, hourly_rate_cents, hire_date,
                        termination_date, job_code
                 FROM staff WHERE id = ?1",
                [id],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, i64>(2)?,
                        r.get::<_, i64>(3)?,
                        r.get::<_, String>(4)?,
                        r.get::<_, Option<String>>(5)?,
                        r.get::<_, String>(6)?,
                    ))
                },
            )
            .unwrap()
        };
        assert_eq!(
            row(ann),
            (
                "RN".into(),
                "full_time".into(),
                90,
                4_500,
                "2020-01-01".into(),
                None,
                "".into()
            ),
            "the defaults: a full-time RN at 0.90 and $45.00/h"
        );
        assert_eq!(
            row(bo),
            (
                "CNA".into(),
                "per_diem".into(),
                50,
                2_000,
                "2020-01-01".into(),
                Some("2026-01-31".into()),
                "".into()
            )
        );
    }

    #[test]
    fn the_file_still_refuses_what_no_form_would_write() {
        let conn = crate::store::open_in_memory().unwrap();
        let too_much = NewStaff::new("Ann", "Lee", "E7").fte(101).insert(&conn);
        assert!(
            too_much.is_err(),
            "the builder trusts its caller, the schema does not"
        );
        NewStaff::new("Ann", "Lee", "E7").insert(&conn).unwrap();
        assert!(
            NewStaff::new("Bo", "Ng", "e7").insert(&conn).is_err(),
            "employee numbers stay unique"
        );
    }
}

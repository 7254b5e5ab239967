//! A small department for the dashboard's tests: four RNs, a CNA and a
//! terminated RN; Day and Night 12-hour shifts needing RNs; a 4-week
//! published period from Sunday 22 November 2026. Today is Wednesday
//! 2 December 2026, in the default pay periods (from Sunday 4 January
//! 2026: 22 Nov – 5 Dec, then 6 – 19 Dec).

use crate::input::date;
use crate::records::{NewAssignment, NewStaff, NewTimeOff};
use crate::schedule::TimeOffStatus;
use crate::staff::Role;
use chrono::NaiveDate;
use rusqlite::{params, Connection};

pub const TODAY: &str = "2026-12-02";
pub const PERIOD_START: &str = "2026-11-22";
pub const PERIOD_END: &str = "2026-12-19";

pub fn day(s: &str) -> NaiveDate {
    date(s).unwrap()
}

pub struct Fixture {
    pub conn: Connection,
    pub day_shift: i64,
    pub night_shift: i64,
    pub period: i64,
    /// Ann, Bea, Cal, Dee.
    pub rns: [i64; 4],
    pub cna: i64,
    /// An RN whose last day has passed.
    pub gone: i64,
}

impl Fixture {
    /// The department with no assignment yet.
    pub fn new() -> Fixture {
        let conn = crate::store::open_in_memory().unwrap();
        crate::department::insert(&conn, &crate::sample::department()).unwrap();
        let shift = |code: &str, name: &str, start: &str, night: bool| -> i64 {
            conn.execute(
                "INSERT INTO shift_type (code, name, start, length_minutes, unpaid_break_minutes,
                     evening, night, differential_kind, differential_value)
                 VALUES (?1, ?2, ?3, 720, 30, 0, ?4, 'none', 0)",
                params![code, name, start, night],
            )
            .unwrap();
            conn.last_insert_rowid()
        };
        let day_shift = shift("D", "Day", "07:00", false);
        let night_shift = shift("N", "Night", "19:00", true);
        // Day: RNs minimum 2, target 3. Night: 1 RN. Every day of the week.
        for (position, shift_id, min, target) in [(0, day_shift, 2, 3), (1, night_shift, 1, 1)] {
            conn.execute(
                "INSERT INTO coverage_line (position, shift_type_id, role) VALUES (?1, ?2, 'RN')",
                params![position, shift_id],
            )
            .unwrap();
            let line = conn.last_insert_rowid();
            for weekday in 0..7 {
                conn.execute(
                    "INSERT INTO coverage_day (line_id, weekday, minimum, target) VALUES (?1, ?2, ?3, ?4)",
                    params![line, weekday, min, target],
                )
                .unwrap();
            }
        }
        let person = |first: &str, last: &str, role: Role, gone: Option<&str>| -> i64 {
            NewStaff::new(first, last, first)
                .role(role)
                .rate(5000)
                .hired(day("2020-01-06"))
                .leaves(gone.map(day))
                .insert(&conn)
                .unwrap()
        };
        let rns = [
            person("Ann", "Avery", Role::Rn, None),
            person("Bea", "Brown", Role::Rn, None),
            person("Cal", "Cole", Role::Rn, None),
            person("Dee", "Dunn", Role::Rn, None),
        ];
        let cna = person("Eli", "Eaton", Role::Cna, None);
        let gone = person("Fay", "Ford", Role::Rn, Some("2026-11-01"));
        conn.execute(
            "INSERT INTO schedule_period (start_date, end_date, weeks, status, published_at)
             VALUES (?1, ?2, 4, 'published', '2026-11-10T15:00:00Z')",
            params![PERIOD_START, PERIOD_END],
        )
        .unwrap();
        let period = conn.last_insert_rowid();
        Fixture {
            conn,
            day_shift,
            night_shift,
            period,
            rns,
            cna,
            gone,
        }
    }

    /// Every day of the period: Ann and Bea on days (the minimum of 2), Cal
    /// on nights.
    pub fn covered() -> Fixture {
        let fx = Fixture::new();
        for d in day(PERIOD_START)
            .iter_days()
            .take_while(|d| *d <= day(PERIOD_END))
        {
            let d = crate::input::format_date(d);
            fx.assign(fx.rns[0], &d, fx.day_shift);
            fx.assign(fx.rns[1], &d, fx.day_shift);
            fx.assign(fx.rns[2], &d, fx.night_shift);
        }
        fx
    }

    pub fn assign(&self, staff: i64, date: &str, shift: i64) {
        NewAssignment {
            staff_id: staff,
            date: day(date),
            period_id: self.period,
            shift_type_id: shift,
        }
        .insert(&self.conn)
        .unwrap();
    }

    pub fn unassign(&self, staff: i64, date: &str) {
        let n = self
            .conn
            .execute(
                "DELETE FROM assignment WHERE staff_id = ?1 AND date = ?2",
                params![staff, date],
            )
            .unwrap();
        assert_eq!(n, 1, "{staff} was not on {date}");
    }

    /// A credential type required for RNs (`required`) or for nobody.
    pub fn credential_type(&self, name: &str, required: bool) -> i64 {
        self.conn
            .execute(
                "INSERT INTO credential_type (name, renewal_months, when_expired) VALUES (?1, 24, 'block')",
                [name],
            )
            .unwrap();
        let id = self.conn.last_insert_rowid();
        if required {
            self.conn
                .execute(
                    "INSERT INTO credential_type_role (type_id, role) VALUES (?1, 'RN')",
                    [id],
                )
                .unwrap();
        }
        id
    }

    pub fn credential(&self, staff: i64, type_id: i64, expires_on: &str) {
        self.conn
            .execute(
                "INSERT INTO credential (staff_id, type_id, number, expires_on) VALUES (?1, ?2, 'X', ?3)",
                params![staff, type_id, expires_on],
            )
            .unwrap();
    }

    pub fn training(&self, staff: i64, kind: &str, name: &str, due: &str, done: Option<&str>) {
        self.conn
            .execute(
                "INSERT INTO training (staff_id, kind, name, due_on, completed_on) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![staff, kind, name, due, done],
            )
            .unwrap();
    }

    pub fn time_off(&self, staff: i64, from: &str, to: &str, status: &str) {
        NewTimeOff::new(staff, day(from), day(to))
            .status(TimeOffStatus::from_code(status).unwrap())
            .insert(&self.conn)
            .unwrap();
    }

    /// FY2027 (Jul 2026 – Jun 2027) with one line per (name, monthly
    /// budget, monthly actual for July to October), amounts in cents.
    pub fn budget(&self, lines: &[(&str, &str, i64, i64)]) -> i64 {
        self.conn
            .execute(
                "INSERT INTO fiscal_year (first_month) VALUES ('2026-07')",
                [],
            )
            .unwrap();
        let fy = self.conn.last_insert_rowid();
        for (position, (category, name, budget, actual)) in lines.iter().enumerate() {
            self.conn
                .execute(
                    "INSERT INTO budget_line (fiscal_year_id, position, category, name, annual_cents, spread)
                     VALUES (?1, ?2, ?3, ?4, ?5, 'even')",
                    params![fy, position as i64, category, name, budget * 12],
                )
                .unwrap();
            let line = self.conn.last_insert_rowid();
            for month in 0..12 {
                let actual = (month < 4).then_some(*actual);
                self.conn
                    .execute(
                        "INSERT INTO budget_month (line_id, month, budget_cents, actual_cents) VALUES (?1, ?2, ?3, ?4)",
                        params![line, month, budget, actual],
                    )
                    .unwrap();
            }
        }
        fy
    }
}

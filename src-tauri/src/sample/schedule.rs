//! The sample department's schedule: shift types, rules, coverage, the
//! published 6-week period before (worked: the time clock's punches cover
//! its last pay period), a published 6-week period holding today (covered
//! and legal but for a few short shifts) and a draft next period with a few gaps, a rest violation,
//! a time-off conflict and an expired-credential assignment; and time-off
//! requests pending, approved and denied. All relative to today.

use super::add_days;
use super::rota::{team_for, Member, Need, Rota, Team};
use crate::error::AppResult;
use crate::input::{date, format_date};
use crate::records::{NewAssignment, NewTimeOff};
use crate::schedule::{time, Rules, TimeOffKind, TimeOffStatus};
use crate::staff::{EmploymentType, Role};
use chrono::{Datelike, Duration, NaiveDate};
use rusqlite::{params, Transaction};
use std::collections::HashSet;

/// Needs per shift: weekdays and weekends (RN min/target, CNA, charge, UC).
const RN_WEEKDAY: (i64, i64) = (5, 6);
const RN_WEEKEND: (i64, i64) = (4, 5);
const CNA_DAY_WEEKDAY: (i64, i64) = (2, 3);
const CNA_DAY_WEEKEND: (i64, i64) = (1, 2);

/// A coverage line: shift, role or skill, (minimum, target) Monday to Sunday.
type Line = (i64, Option<Role>, Option<i64>, [(i64, i64); 7]);

pub fn fill(tx: &Transaction, today: NaiveDate) -> AppResult<()> {
    let shift = |code: &str,
                 name: &str,
                 start: &str,
                 minutes: i64,
                 evening: bool,
                 night: bool,
                 dk: &str,
                 dv: i64| {
        tx.execute(
            "INSERT INTO shift_type (code, name, start, length_minutes, unpaid_break_minutes, evening, night,
                 differential_kind, differential_value) VALUES (?1, ?2, ?3, ?4, 30, ?5, ?6, ?7, ?8)",
            params![code, name, start, minutes, evening, night, dk, dv],
        )
        .map(|_| tx.last_insert_rowid())
    };
    let day = shift("D", "Day", "07:00", 720, false, false, "none", 0)?;
    let night = shift("N", "Night", "19:00", 720, false, true, "percent", 1000)?;
    shift("E", "Evening", "15:00", 480, true, false, "per_hour", 200)?;
    let day8 = shift("D8", "Day 8 h", "07:00", 480, false, false, "none", 0)?;

    // Pay periods and work weeks from a Sunday two weeks before today's week.
    let sunday = today - Duration::days(i64::from(today.weekday().num_days_from_sunday()));
    let anchor = sunday - Duration::days(14);
    crate::schedule::store::rule_settings::write(
        tx,
        &Rules {
            pay_period_anchor: anchor,
            ..Rules::default()
        },
    )?;

    let charge: i64 = tx.query_row("SELECT id FROM skill WHERE name = 'Charge'", [], |r| {
        r.get(0)
    })?;
    let rn = |w: (i64, i64), e: (i64, i64)| -> [(i64, i64); 7] { [w, w, w, w, w, e, e] };
    let flat = |m: i64, t: i64| [(m, t); 7];
    let lines: [Line; 7] = [
        (day, Some(Role::Rn), None, rn(RN_WEEKDAY, RN_WEEKEND)),
        (
            day,
            Some(Role::Cna),
            None,
            rn(CNA_DAY_WEEKDAY, CNA_DAY_WEEKEND),
        ),
        (day, None, Some(charge), flat(1, 1)),
        (day, Some(Role::UnitClerk), None, flat(1, 1)),
        (night, Some(Role::Rn), None, rn(RN_WEEKDAY, RN_WEEKEND)),
        (night, Some(Role::Cna), None, flat(1, 1)),
        (night, None, Some(charge), flat(1, 1)),
    ];
    for (position, (shift_id, role, skill, days)) in lines.iter().enumerate() {
        tx.execute(
            "INSERT INTO coverage_line (position, shift_type_id, role, skill_id) VALUES (?1, ?2, ?3, ?4)",
            params![position as i64, shift_id, role, skill],
        )?;
        let line = tx.last_insert_rowid();
        for (weekday, (min, target)) in days.iter().enumerate() {
            tx.execute(
                "INSERT INTO coverage_day (line_id, weekday, minimum, target) VALUES (?1, ?2, ?3, ?4)",
                params![line, weekday as i64, min, target],
            )?;
        }
    }

    let members = members(tx, today)?;
    let id_of = |position: usize| members[position].id;
    // Approved before the rota is made, so it is respected.
    let mut off = HashSet::new();
    let mut time_off = |who: usize,
                        from: i64,
                        to: i64,
                        kind: TimeOffKind,
                        status: TimeOffStatus,
                        paid: bool,
                        note: &str|
     -> AppResult<()> {
        NewTimeOff::new(id_of(who), add_days(today, from), add_days(today, to))
            .kind(kind)
            .status(status)
            .paid(paid)
            .note(note)
            .insert(tx)?;
        if status == TimeOffStatus::Approved {
            for d in from..=to {
                off.insert((id_of(who), add_days(today, d)));
            }
        }
        Ok(())
    };
    use {TimeOffKind as K, TimeOffStatus as S};
    time_off(5, 2, 4, K::Pto, S::Approved, true, "Family visit")?;
    time_off(12, -5, -4, K::Sick, S::Approved, true, "")?;
    time_off(39, 7, 7, K::Other, S::Denied, false, "Concert")?;
    time_off(6, 38, 40, K::Pto, S::Requested, true, "Wedding")?;
    time_off(
        22,
        50,
        51,
        K::Education,
        S::Requested,
        true,
        "Wound care course",
    )?;

    let current = period(tx, anchor, "published", Some(anchor - Duration::days(10)))?;
    let next = period(tx, anchor + Duration::days(42), "draft", None)?;
    let shifts = Shifts { day, night, day8 };
    let mut rota = Rota::new(anchor, &members, &off);
    let mut cells = rota_days(&mut rota, &shifts, anchor, 84, |offset| {
        if offset < 42 {
            current
        } else {
            next
        }
    });
    let draft = |k: i64| anchor + Duration::days(42 + k);
    let role_of = |id: i64| members.iter().find(|m| m.id == id).map(|m| m.role);
    let mut remove_rn = |d: NaiveDate, shift_id: i64| {
        if let Some(i) = cells
            .iter()
            .rposition(|c| c.1 == d && c.2 == shift_id && role_of(c.0) == Some(Role::Rn))
        {
            cells.remove(i);
        }
    };
    // A sick call last-minute: two shifts of the current period run short.
    remove_rn(add_days(today, 3), day);
    remove_rn(add_days(today, 9), night);
    // The draft's flaws, for the manager to find: three gaps...
    remove_rn(draft(5), day);
    remove_rn(draft(12), day);
    remove_rn(draft(20), night);
    // ...a night nurse back on days the morning after a night (hours allow it)...
    let works = |cells: &[(i64, NaiveDate, i64, i64)], who: i64, from: NaiveDate, days: i64| {
        cells
            .iter()
            .filter(|c| c.0 == who && c.1 >= from && c.1 < from + Duration::days(days))
            .count()
    };
    if let Some(&(who, d, _, _)) = cells.iter().find(|c| {
        let next_day = c.1 + Duration::days(1);
        c.2 == night
            && c.1 >= draft(7)
            && works(&cells, c.0, next_day, 1) == 0
            && works(&cells, c.0, time::week_start(anchor, next_day), 7) < 3
            && works(&cells, c.0, time::pay_period_start(anchor, next_day), 14) < 6
    }) {
        cells.push((who, d + Duration::days(1), day, next));
    }
    // ...a nurse whose BLS has expired (it blocks scheduling)...
    let lapsed = id_of(4);
    cells.retain(|c| !(c.0 == lapsed && c.1 == draft(3)));
    cells.push((lapsed, draft(3), day, next));
    // ...and education approved after the draft was made, on a scheduled day.
    if let Some(&(who, d, _, _)) = cells.iter().find(|c| c.3 == next && c.0 == id_of(3)) {
        NewTimeOff::new(who, d, d)
            .kind(TimeOffKind::Education)
            .status(TimeOffStatus::Approved)
            .note("ACLS renewal class")
            .insert(tx)?;
    }
    // The period before, published and worked: the time clock's last two
    // closed pay periods fall in it and the current one (see `punches`).
    // Made after the others so their ids stay as they were.
    let earlier_start = anchor - Duration::days(42);
    let earlier = period(
        tx,
        earlier_start,
        "published",
        Some(earlier_start - Duration::days(10)),
    )?;
    let mut before = Rota::new(earlier_start, &members, &off);
    let mut past = rota_days(&mut before, &shifts, earlier_start, 42, |_| earlier);
    join_at(&mut past, &cells, anchor, night);
    for (staff_id, date, shift_type_id, period_id) in past.into_iter().chain(cells) {
        NewAssignment {
            staff_id,
            date,
            period_id,
            shift_type_id,
        }
        .insert(tx)?;
    }
    Ok(())
}

/// A cell of the rota: (person, day, shift type, period).
type Cell = (i64, NaiveDate, i64, i64);

struct Shifts {
    day: i64,
    night: i64,
    day8: i64,
}

/// `days` days of the rota from `from`, each up to its coverage minimum.
fn rota_days(
    rota: &mut Rota,
    shifts: &Shifts,
    from: NaiveDate,
    days: i64,
    period_of: impl Fn(i64) -> i64,
) -> Vec<Cell> {
    let mut cells = Vec::new();
    for offset in 0..days {
        let d = from + Duration::days(offset);
        let period_id = period_of(offset);
        let weekend = matches!(d.weekday(), chrono::Weekday::Sat | chrono::Weekday::Sun);
        let (rn_min, _) = if weekend { RN_WEEKEND } else { RN_WEEKDAY };
        let (cna_min, _) = if weekend {
            CNA_DAY_WEEKEND
        } else {
            CNA_DAY_WEEKDAY
        };
        let need = |cna: u32, uc: u32| Need {
            charge: 1,
            rn: rn_min as u32,
            cna,
            uc,
        };
        for id in rota.staff_shift(d, Team::Days, need(cna_min as u32, 1)) {
            cells.push((id, d, shifts.day, period_id));
        }
        for id in rota.staff_shift(d, Team::Nights, need(1, 0)) {
            cells.push((id, d, shifts.night, period_id));
        }
        if !weekend {
            for id in rota.weekday_staff(d) {
                cells.push((id, d, shifts.day8, period_id));
            }
        }
    }
    cells
}

/// Makes the earlier period's last days legal beside the rota that follows
/// from `start` (made on its own): nobody works more than 3 days in a row
/// across the seam, and nobody works a day within two days after a night.
fn join_at(past: &mut Vec<Cell>, next: &[Cell], start: NaiveDate, night: i64) {
    let works =
        |cells: &[Cell], who: i64, d: NaiveDate| cells.iter().any(|c| c.0 == who && c.1 == d);
    let day_after = |who: i64, d: NaiveDate| {
        next.iter()
            .any(|c| c.0 == who && c.2 != night && c.1 > d && c.1 <= d + Duration::days(2))
    };
    let people: HashSet<i64> = past.iter().map(|c| c.0).collect();
    for who in people {
        let ahead = (0..3)
            .take_while(|k| works(next, who, start + Duration::days(*k)))
            .count();
        let behind = (1..=3)
            .take_while(|k| works(past, who, start - Duration::days(*k)))
            .count();
        let last = start - Duration::days(1);
        past.retain(|c| {
            let too_long = c.0 == who && c.1 == last && ahead + behind > 3;
            let night_then_day = c.0 == who && c.2 == night && day_after(who, c.1);
            !(too_long || night_then_day)
        });
    }
}

fn period(
    tx: &Transaction,
    start: NaiveDate,
    status: &str,
    published: Option<NaiveDate>,
) -> AppResult<i64> {
    tx.execute(
        "INSERT INTO schedule_period (start_date, end_date, weeks, status, published_at) VALUES (?1, ?2, 6, ?3, ?4)",
        params![
            format_date(start),
            format_date(start + Duration::days(41)),
            status,
            published.map(|d| format!("{}T15:00:00Z", format_date(d)))
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

/// The roster as the rota sees it, in roster order.
fn members(tx: &Transaction, today: NaiveDate) -> AppResult<Vec<Member>> {
    let mut stmt = tx.prepare(
        "SELECT s.id, s.role, s.employment_type, s.fte_hundredths, s.hire_date, s.termination_date,
             EXISTS (SELECT 1 FROM staff_skill k JOIN skill ON skill.id = k.skill_id
                     WHERE k.staff_id = s.id AND skill.name = 'Charge'),
             (SELECT MIN(CASE WHEN c.id IS NULL THEN '0000-01-01' ELSE COALESCE(c.expires_on, '9999-12-31') END)
              FROM credential_type_role r
              JOIN credential_type t ON t.id = r.type_id
              LEFT JOIN credential c ON c.staff_id = s.id AND c.type_id = r.type_id
              WHERE r.role = s.role AND t.when_expired = 'block')
         FROM staff s ORDER BY s.id",
    )?;
    let rows = stmt.query_map([], |r| {
        let role: Role = r.get(1)?;
        let kind: EmploymentType = r.get(2)?;
        let hired: String = r.get(4)?;
        let until: Option<String> = r.get(5)?;
        let valid: Option<String> = r.get(7)?;
        Ok((
            r.get::<_, i64>(0)?,
            role,
            kind,
            r.get::<_, i64>(3)?,
            hired,
            until,
            r.get::<_, bool>(6)?,
            valid,
        ))
    })?;
    let mut members = Vec::new();
    for (position, row) in rows.enumerate() {
        let (id, role, kind, fte, hired, until, charge, valid) = row?;
        let far = add_days(today, 36_500);
        members.push(Member {
            id,
            role,
            fte,
            hourly: crate::schedule::period_hours::hourly(kind, fte),
            per_diem: kind == EmploymentType::PerDiem,
            charge,
            team: team_for(position, role),
            hired: date(&hired).unwrap_or(today),
            until: until.and_then(|u| date(&u).ok()),
            valid_through: match valid.as_deref() {
                None | Some("9999-12-31") => far,
                Some(v) => date(v).unwrap_or(NaiveDate::MIN),
            },
        });
    }
    Ok(members)
}

#[cfg(test)]
#[path = "schedule_tests.rs"]
mod tests;

//! Each punch to the scheduled shift it worked.
//!
//! A punch works a shift of the same person when it overlaps it, or when its
//! one punch (the other missed) falls within 4 hours of the shift's start
//! or end. Of several, the shift whose start is nearest the punch in (or
//! whose end is nearest the punch out). A shift may be worked by more than
//! one punch (out for a meal and back in); a punch that works no shift is
//! an unscheduled shift.

use super::Punch;
use crate::schedule::time::{self, Span};
use crate::schedule::{Assignment, ShiftType};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Tz;
use std::collections::HashMap;

/// How far from a shift a lone punch may be and still be its punch.
pub const WINDOW_MINUTES: i64 = 4 * 60;

/// A scheduled shift with its real times.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scheduled {
    pub staff_id: i64,
    pub date: NaiveDate,
    pub shift: ShiftType,
    pub span: Span,
}

impl Scheduled {
    pub fn paid_minutes(&self) -> i64 {
        time::paid_minutes(&self.span, &self.shift)
    }
}

/// The schedule's shifts as real instants (assignments to unknown shift
/// types are skipped: the schedule's own checks report those).
pub fn scheduled(tz: Tz, assignments: &[Assignment], shift_types: &[ShiftType]) -> Vec<Scheduled> {
    let types: HashMap<i64, &ShiftType> = shift_types.iter().map(|t| (t.id, t)).collect();
    let mut out: Vec<Scheduled> = assignments
        .iter()
        .filter_map(|a| {
            let shift = types.get(&a.shift_type_id)?;
            Some(Scheduled {
                staff_id: a.staff_id,
                date: a.date,
                shift: (*shift).clone(),
                span: time::span(tz, a.date, shift),
            })
        })
        .collect();
    out.sort_by_key(|s| (s.staff_id, s.span.start));
    out
}

/// Which shift each punch worked (`None`: no shift), by index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Matching {
    pub shift_of_punch: Vec<Option<usize>>,
}

impl Matching {
    /// The punches that worked shift `s`.
    pub fn punches_of(&self, s: usize) -> impl Iterator<Item = usize> + '_ {
        self.shift_of_punch
            .iter()
            .enumerate()
            .filter(move |(_, m)| **m == Some(s))
            .map(|(p, _)| p)
    }
}

fn distance(a: DateTime<Utc>, b: DateTime<Utc>) -> i64 {
    (a - b).num_minutes().abs()
}

/// How well punch `p` fits shift `s`: `None` when it does not, else the
/// minutes between the punch and the shift's own times (smaller is better).
fn fit(p: &Punch, s: &Scheduled) -> Option<i64> {
    if p.staff_id != s.staff_id {
        return None;
    }
    let window = Duration::minutes(WINDOW_MINUTES);
    let near = |t: DateTime<Utc>, mark: DateTime<Utc>| distance(t, mark) <= window.num_minutes();
    match (p.clock_in, p.clock_out) {
        (Some(i), Some(o)) => {
            let worked = Span { start: i, end: o };
            (worked.overlaps(&s.span) || near(i, s.span.start) || near(o, s.span.end))
                .then(|| distance(i, s.span.start).min(distance(o, s.span.end)))
        }
        (Some(i), None) => near(i, s.span.start).then(|| distance(i, s.span.start)),
        (None, Some(o)) => near(o, s.span.end).then(|| distance(o, s.span.end)),
        (None, None) => None,
    }
}

/// Shifts are looked up by person, so a pay period of 150 staff (about
/// 1,600 punches) compares each punch with a dozen shifts, not 1,600.
pub fn match_punches(punches: &[Punch], shifts: &[Scheduled]) -> Matching {
    let mut by_staff: HashMap<i64, Vec<usize>> = HashMap::new();
    for (i, s) in shifts.iter().enumerate() {
        by_staff.entry(s.staff_id).or_default().push(i);
    }
    let shift_of_punch = punches
        .iter()
        .map(|p| {
            by_staff
                .get(&p.staff_id)?
                .iter()
                .filter_map(|&i| fit(p, &shifts[i]).map(|d| (d, i)))
                .min()
                .map(|(_, i)| i)
        })
        .collect();
    Matching { shift_of_punch }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::time::instant;
    use chrono::{NaiveDateTime, NaiveTime};

    const CHICAGO: Tz = chrono_tz::America::Chicago;

    pub fn shift(id: i64, start: &str, minutes: i64) -> ShiftType {
        ShiftType {
            id,
            code: format!("S{id}"),
            name: format!("Shift {id}"),
            start: NaiveTime::parse_from_str(start, "%H:%M").unwrap(),
            length_minutes: minutes,
            unpaid_break_minutes: 0,
            evening: false,
            night: false,
            differential: crate::schedule::Differential::None,
        }
    }

    fn at(s: &str) -> Option<DateTime<Utc>> {
        Some(instant(
            CHICAGO,
            NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap(),
        ))
    }

    fn punch(i: Option<DateTime<Utc>>, o: Option<DateTime<Utc>>) -> Punch {
        Punch {
            staff_id: 1,
            workday: (i.or(o).unwrap()).with_timezone(&CHICAGO).date_naive(),
            clock_in: i,
            clock_out: o,
            meal_minutes: 0,
            pay_code: None,
            cost_centre: None,
            line: 0,
        }
    }

    #[test]
    fn punches_find_their_shift_and_strays_find_none() {
        let types = [shift(1, "07:00", 720), shift(2, "19:00", 720)];
        let day = |d: &str, t| Assignment {
            staff_id: 1,
            date: crate::input::date(d).unwrap(),
            shift_type_id: t,
            published_change: false,
        };
        let shifts = scheduled(
            CHICAGO,
            &[day("2026-06-01", 1), day("2026-06-01", 2)],
            &types,
        );
        let punches = [
            punch(at("2026-06-01 06:50"), at("2026-06-01 19:05")),
            punch(at("2026-06-01 18:55"), None),
            punch(None, at("2026-06-02 07:02")),
            punch(at("2026-06-03 07:00"), at("2026-06-03 19:00")),
            // Out 5 h early, in missing: too far from the end to be its punch.
            punch(None, at("2026-06-01 14:00")),
        ];
        let m = match_punches(&punches, &shifts);
        assert_eq!(
            m.shift_of_punch,
            vec![Some(0), Some(1), Some(1), None, None]
        );
        assert_eq!(m.punches_of(1).collect::<Vec<_>>(), vec![1, 2]);
    }
}

//! A simple, deterministic rota for the sample schedule: fills each day's
//! day and night shifts up to the coverage minimum with people who may
//! legally work them, fairest first.
//!
//! Legal here means what the default rules check: each person keeps to one
//! team (days or nights, so no day straight after a night and 12 h of rest
//! between shifts), at most 3 twelve-hour shifts in a row, in a work week
//! (34.5 paid hours, under 40) and 6 in a pay period (five and ten 8-hour
//! days), never on approved time off, and never once a required credential
//! that blocks has lapsed or before hire or after the last day. Staff with
//! an FTE work about their share of the hours, no more. Where nobody fits,
//! the shift is left short — the coverage rows then show the gap, as they
//! would for a real unit.

use crate::schedule::time;
use crate::staff::Role;
use crate::units::Fte;
use chrono::{Duration, NaiveDate};
use std::collections::{BTreeMap, HashSet};

/// The per diem hours a pay period may hold (the default rule): three
/// 12-hour shifts.
const PER_DIEM_PERIOD_MINUTES: i64 = crate::schedule::Rules::DEFAULT_PER_DIEM_PERIOD_MINUTES;

/// Which shift a person works.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Team {
    Days,
    Nights,
    /// Days or nights, whichever is short (nursing assistants).
    Either,
    /// Not on the 12-hour rota (LPNs, the tech: weekday 8-hour days).
    Weekdays,
    Off,
}

impl Team {
    /// Paid minutes of the team's shift: 12 hours or 8, less the unpaid
    /// half-hour break (see `schedule::fill`).
    fn paid_minutes(self) -> i64 {
        if self == Team::Weekdays {
            450
        } else {
            690
        }
    }
}

#[derive(Debug, Clone)]
pub struct Member {
    pub id: i64,
    pub role: Role,
    pub fte: i64,
    /// Per diem or agency: paid by the hour, called in only where nobody
    /// with an FTE can work.
    pub hourly: bool,
    /// Per diem: at most the department's per diem hours in a pay period.
    pub per_diem: bool,
    pub charge: bool,
    pub team: Team,
    pub hired: NaiveDate,
    /// The last day worked (the termination date), if any.
    pub until: Option<NaiveDate>,
    /// The last day every required credential that blocks scheduling is
    /// valid (one that only warns keeps nobody off the rota).
    pub valid_through: NaiveDate,
}

/// One shift's needs on a day: how many of whom.
#[derive(Debug, Clone, Copy)]
pub struct Need {
    pub charge: u32,
    pub rn: u32,
    pub cna: u32,
    pub uc: u32,
}

pub struct Rota<'a> {
    pub anchor: NaiveDate,
    pub members: &'a [Member],
    /// Approved time off.
    pub off: &'a HashSet<(i64, NaiveDate)>,
    worked: Vec<BTreeMap<NaiveDate, Team>>,
}

impl<'a> Rota<'a> {
    pub fn new(
        anchor: NaiveDate,
        members: &'a [Member],
        off: &'a HashSet<(i64, NaiveDate)>,
    ) -> Self {
        Rota {
            anchor,
            members,
            off,
            worked: vec![BTreeMap::new(); members.len()],
        }
    }

    fn available(&self, i: usize, date: NaiveDate, team: Team) -> bool {
        let m = &self.members[i];
        let worked = &self.worked[i];
        let count =
            |from: NaiveDate, days: i64| worked.range(from..from + Duration::days(days)).count();
        // As many shifts as fit in the 40-hour week: three 12-hour shifts
        // (34.5 paid hours) or five 8-hour days (37.5).
        let per_week = if team == Team::Weekdays { 5 } else { 3 };
        m.hired <= date
            && m.until.is_none_or(|u| date <= u)
            && date <= m.valid_through
            && !self.off.contains(&(m.id, date))
            && !worked.contains_key(&date)
            && !(1..=3).all(|k| worked.contains_key(&(date - Duration::days(k))))
            // A day shift needs a full calendar day off after a night.
            && !(team != Team::Nights
                && (1..=2).any(|k| worked.get(&(date - Duration::days(k))) == Some(&Team::Nights)))
            && count(time::week_start(self.anchor, date), 7) < per_week
            && count(time::pay_period_start(self.anchor, date), 14) < 2 * per_week
            && !(m.per_diem
                && (count(time::pay_period_start(self.anchor, date), 14) as i64 + 1)
                    * team.paid_minutes()
                    > PER_DIEM_PERIOD_MINUTES)
            && self.within_share(i, date, team)
    }

    /// Whether one more shift keeps a person with an FTE within their share
    /// of the hours from the rota's start to the end of `date`'s work week,
    /// to the nearest shift: a 0.6 FTE nurse works two 12-hour shifts most
    /// weeks, not three. Per diem and agency staff have no share; they take
    /// what is left.
    fn within_share(&self, i: usize, date: NaiveDate, team: Team) -> bool {
        let m = &self.members[i];
        if m.hourly {
            return true;
        }
        let paid = team.paid_minutes();
        let week_end = time::week_start(self.anchor, date) + Duration::days(7);
        let days = (week_end - self.anchor).num_days();
        let share = Fte(m.fte).period_target_minutes(days);
        (self.worked[i].len() as i64 + 1) * paid <= share + paid / 2
    }

    /// Adds up to `n` people meeting `wanted` from `team` on `date`; returns them.
    fn pick(
        &mut self,
        date: NaiveDate,
        team: Team,
        n: usize,
        wanted: impl Fn(&Member) -> bool,
    ) -> Vec<i64> {
        let mut pool: Vec<usize> = (0..self.members.len())
            .filter(|&i| {
                let own = self.members[i].team;
                (own == team || (own == Team::Either && matches!(team, Team::Days | Team::Nights)))
                    && wanted(&self.members[i])
            })
            .filter(|&i| self.available(i, date, team))
            .collect();
        let week = time::week_start(self.anchor, date);
        // Staff with an FTE before per diem and agency (as a manager builds
        // a draft), under their FTE share first, then the fewest shifts this
        // week and overall; the day rotates ties so nobody always wins them.
        let turn = (date - self.anchor).num_days() as usize;
        pool.sort_by_key(|&i| {
            let m = &self.members[i];
            let share = (m.fte * 40 / 100 / 12) as usize;
            let this_week = self.worked[i].range(week..week + Duration::days(7)).count();
            (
                m.hourly,
                this_week >= share,
                this_week,
                self.worked[i].len(),
                (i + turn) % self.members.len(),
            )
        });
        pool.truncate(n);
        for &i in &pool {
            self.worked[i].insert(date, team);
        }
        pool.into_iter().map(|i| self.members[i].id).collect()
    }

    /// Staffs one 12-hour shift; the people on it, charge first.
    pub fn staff_shift(&mut self, date: NaiveDate, team: Team, need: Need) -> Vec<i64> {
        let mut on = self.pick(date, team, need.charge as usize, |m| {
            m.role == Role::Rn && m.charge
        });
        // Charge nurses are kept for charge where others can do.
        let rns = (need.rn as usize).saturating_sub(on.len());
        on.extend(self.pick(date, team, rns, |m| m.role == Role::Rn && !m.charge));
        let rns = (need.rn as usize).saturating_sub(on.len());
        on.extend(self.pick(date, team, rns, |m| m.role == Role::Rn));
        on.extend(self.pick(date, team, need.cna as usize, |m| m.role == Role::Cna));
        on.extend(self.pick(date, team, need.uc as usize, |m| m.role == Role::UnitClerk));
        on
    }

    /// Everyone on the weekday team who may work `date`.
    pub fn weekday_staff(&mut self, date: NaiveDate) -> Vec<i64> {
        self.pick(date, Team::Weekdays, usize::MAX, |_| true)
    }
}

/// Teams: RNs alternate days and nights by position, so that charge
/// nurses fall on both; CNAs work either, where short; unit clerks work days; LPNs and the tech
/// weekdays; the manager is off the rota.
pub fn team_for(position: usize, role: Role) -> Team {
    match role {
        Role::Rn if position.is_multiple_of(2) => Team::Days,
        Role::Rn => Team::Nights,
        Role::Cna => Team::Either,
        Role::UnitClerk => Team::Days,
        Role::Lpn | Role::Tech => Team::Weekdays,
        _ => Team::Off,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rn(id: i64, fte: i64, hourly: bool) -> Member {
        let day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        Member {
            id,
            role: Role::Rn,
            fte,
            hourly,
            per_diem: hourly,
            charge: false,
            team: Team::Days,
            hired: day,
            until: None,
            valid_through: NaiveDate::MAX,
        }
    }

    #[test]
    fn a_per_diem_nurse_works_only_what_staff_with_an_fte_cannot() {
        // One RN a day, Sunday to Thursday: the 0.6 FTE nurse works their
        // share (24 h a week: two 11.5-hour shifts, a third would be 34.5)
        // before the per diem nurse gets a shift, and the per diem nurse
        // the 3 left.
        let members = [rn(1, 60, false), rn(2, 0, true)];
        let off = HashSet::new();
        let sunday = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
        let mut rota = Rota::new(sunday, &members, &off);
        let need = Need {
            charge: 0,
            rn: 1,
            cna: 0,
            uc: 0,
        };
        let mut shifts = [0, 0];
        for k in 0..5 {
            for id in rota.staff_shift(sunday + Duration::days(k), Team::Days, need) {
                shifts[(id - 1) as usize] += 1;
            }
        }
        assert_eq!(shifts, [2, 3], "part-time first, per diem the rest");
    }

    #[test]
    fn staff_with_an_fte_work_their_share_of_the_hours_and_no_more() {
        // Two RNs a day for six weeks: the 0.9 FTE nurse works three shifts
        // every week (a fourth breaks the 40-hour week), the 0.6 FTE nurse
        // within half a shift of 144 h (not three a week, 207 h), and the
        // per diem nurse the most the per diem limit allows (36 h a pay
        // period: three 11.5-hour shifts, a fourth would be 46 h), as
        // nobody else is there.
        let members = [rn(1, 90, false), rn(2, 60, false), rn(3, 0, true)];
        let off = HashSet::new();
        let sunday = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
        let mut rota = Rota::new(sunday, &members, &off);
        let need = Need {
            charge: 0,
            rn: 2,
            cna: 0,
            uc: 0,
        };
        let mut shifts = [0_i64, 0, 0];
        for k in 0..42 {
            for id in rota.staff_shift(sunday + Duration::days(k), Team::Days, need) {
                shifts[(id - 1) as usize] += 1;
            }
        }
        assert_eq!(shifts[0], 18, "three a week for the 0.9 FTE nurse");
        let part_time_minutes = shifts[1] * 690;
        assert!(
            (part_time_minutes - 144 * 60).abs() <= 345,
            "the 0.6 FTE nurse within half a shift of 144 h: {} shifts",
            shifts[1]
        );
        assert_eq!(shifts[2], 9, "three shifts in each of three pay periods");
    }
}

//! Labor productivity per month, and the projected labor cost of the
//! schedule against the labor budget lines.
//!
//! Formulas (DESIGN §2), every result an integer rounded half up once:
//! - HPPD = worked hours ÷ patient days, in hundredths:
//!   worked minutes × 100 ÷ (60 × patient days).
//! - FTE for a month: hours ÷ the hours one FTE is paid in that month,
//!   days in month × 2 080 ÷ 365 (so a 31-day month holds 176.66 h and the
//!   twelve months 2 080 h); in hundredths:
//!   minutes × 100 × 365 ÷ (60 × 2 080 × days in month).
//! - Overtime % = overtime hours ÷ worked hours; agency % = agency hours ÷
//!   worked hours; both in basis points.
//! - Hours at target = target HPPD × actual patient days (or budgeted when
//!   no actual is in).
//!
//! Sources: hours typed for the month (`targets`) come first, one measure at
//! a time; otherwise the time clock's (`clocked`) for the days it covers and
//! the schedule's (`labor`) for the rest. Paid = worked + non-productive
//! (approved paid time off).

use super::clocked::{self, ClockedMonth};
use super::figures::{self, BudgetSheet};
use super::labor::{self, ScheduledMonth};
use super::targets::{self, FteBudget, Targets, VolumeMonth};
use super::variance::{variance, Variance};
use super::{money, years, Category, FiscalYear};
use crate::error::AppResult;
use crate::staff::Role;
use crate::text_enum::text_enum;
use crate::units::Fte;
use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;
use std::collections::BTreeMap;
use ts_rs::TS;

pub use crate::units::FTE_HOURS_PER_YEAR;

pub fn hppd_hundredths(worked_minutes: i64, patient_days: i64) -> Option<i64> {
    (patient_days > 0)
        .then(|| money::div_round(worked_minutes as i128 * 100, 60 * patient_days as i128))
}

/// A month's FTE at 2,080 h a year (see `crate::units::Fte`).
pub fn fte_hundredths(minutes: i64, days_in_month: i64) -> i64 {
    Fte::from_month_minutes(minutes, days_in_month).0
}

text_enum! {
    /// Where a month's worked hours come from.
    pub enum HoursSource {
        Schedule = ("schedule", "From the schedule"),
        Clocked = ("clocked", "From the time clock"),
        Mixed = ("mixed", "From the time clock where punches are in, the schedule after"),
        Typed = ("typed", "Typed or imported"),
        Missing = ("missing", "No schedule and nothing typed"),
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ProductivityMonth {
    pub month: i64,
    pub label: String,
    pub days: i64,
    pub source: HoursSource,
    pub budgeted_patient_days: i64,
    pub actual_patient_days: Option<i64>,
    pub worked_minutes: i64,
    pub non_productive_minutes: i64,
    pub paid_minutes: i64,
    pub overtime_minutes: i64,
    pub agency_minutes: i64,
    pub hppd_hundredths: Option<i64>,
    pub target_hppd_hundredths: i64,
    /// Target HPPD × patient days (actual, or budgeted before actuals are in).
    pub target_minutes: i64,
    pub worked_fte_hundredths: i64,
    pub paid_fte_hundredths: i64,
    pub budgeted_fte_hundredths: i64,
    pub overtime_bp: Option<i64>,
    pub agency_bp: Option<i64>,
}

/// Budgeted FTEs for a role against the FTEs of the people on staff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PositionLine {
    pub role: Role,
    pub budgeted_fte_hundredths: i64,
    pub on_staff_fte_hundredths: i64,
    /// Budgeted − on staff: positive is open positions, negative is over.
    pub open_fte_hundredths: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ProductivityReport {
    pub year: FiscalYear,
    pub months: Vec<ProductivityMonth>,
    pub positions: Vec<PositionLine>,
}

/// A month's hours: the clock's on the days it covers, the schedule's on
/// the others (`scheduled` leaves the clock's days out).
pub fn month(
    volume: &VolumeMonth,
    scheduled: &ScheduledMonth,
    clocked: &ClockedMonth,
    days: i64,
    target_hppd: i64,
    budgeted_fte: i64,
) -> ProductivityMonth {
    let source = match (
        volume.worked_minutes.is_some(),
        clocked.days > 0,
        scheduled.scheduled_days > 0,
    ) {
        (true, _, _) => HoursSource::Typed,
        (false, true, true) => HoursSource::Mixed,
        (false, true, false) => HoursSource::Clocked,
        (false, false, true) => HoursSource::Schedule,
        (false, false, false) => HoursSource::Missing,
    };
    let worked = volume
        .worked_minutes
        .unwrap_or(scheduled.worked_minutes + clocked.worked_minutes);
    let paid = volume
        .paid_minutes
        .unwrap_or(worked + scheduled.non_productive_minutes + clocked.non_productive_minutes);
    let overtime = volume
        .overtime_minutes
        .unwrap_or(scheduled.overtime_minutes + clocked.overtime_minutes);
    let agency = volume
        .agency_minutes
        .unwrap_or(scheduled.agency_minutes + clocked.agency_minutes);
    let patient_days = volume
        .actual_patient_days
        .unwrap_or(volume.budgeted_patient_days);
    ProductivityMonth {
        month: volume.month,
        label: volume.label.clone(),
        days,
        source,
        budgeted_patient_days: volume.budgeted_patient_days,
        actual_patient_days: volume.actual_patient_days,
        worked_minutes: worked,
        non_productive_minutes: paid - worked,
        paid_minutes: paid,
        overtime_minutes: overtime,
        agency_minutes: agency,
        hppd_hundredths: volume
            .actual_patient_days
            .and_then(|pd| hppd_hundredths(worked, pd)),
        target_hppd_hundredths: target_hppd,
        target_minutes: money::div_round(target_hppd as i128 * 60 * patient_days as i128, 100),
        worked_fte_hundredths: fte_hundredths(worked, days),
        paid_fte_hundredths: fte_hundredths(paid, days),
        budgeted_fte_hundredths: budgeted_fte,
        overtime_bp: money::basis_points(overtime, worked),
        agency_bp: money::basis_points(agency, worked),
    }
}

/// Budgeted FTEs by role against `on_staff` (role → FTE hundredths).
pub fn positions(budget: &[FteBudget], on_staff: &BTreeMap<Role, i64>) -> Vec<PositionLine> {
    let mut roles: Vec<Role> = budget.iter().map(|f| f.role).collect();
    roles.extend(on_staff.keys().copied());
    roles.sort();
    roles.dedup();
    roles
        .into_iter()
        .map(|role| {
            let budgeted = budget
                .iter()
                .find(|f| f.role == role)
                .map_or(0, |f| f.fte_hundredths);
            let staffed = on_staff.get(&role).copied().unwrap_or(0);
            PositionLine {
                role,
                budgeted_fte_hundredths: budgeted,
                on_staff_fte_hundredths: staffed,
                open_fte_hundredths: budgeted - staffed,
            }
        })
        .collect()
}

/// FTEs of the people employed on `today`, by role; agency staff hold no
/// position and are left out.
pub fn on_staff(conn: &Connection, today: NaiveDate) -> AppResult<BTreeMap<Role, i64>> {
    let today = crate::input::format_date(today);
    let mut stmt = conn.prepare_cached(
        "SELECT role, SUM(fte_hundredths) FROM staff
         WHERE employment_type <> 'agency' AND hire_date <= ?1
           AND (termination_date IS NULL OR termination_date >= ?1)
         GROUP BY role",
    )?;
    let rows = stmt.query_map([today], |r| Ok((r.get::<_, Role>(0)?, r.get::<_, i64>(1)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn report(
    conn: &Connection,
    fiscal_year_id: i64,
    today: NaiveDate,
) -> AppResult<ProductivityReport> {
    let (year, _) = years::get(conn, fiscal_year_id)?;
    let Targets {
        year: fy,
        volumes,
        fte,
    } = targets::load(conn, fiscal_year_id)?;
    let clocked = clocked::by_month(conn, year)?;
    let scheduled = labor::by_month_outside(conn, year, &clocked.days)?;
    let budgeted_fte: i64 = fte.iter().map(|f| f.fte_hundredths).sum();
    let days = year.days();
    let months = volumes
        .iter()
        .enumerate()
        .map(|(i, v)| {
            month(
                v,
                &scheduled[i],
                &clocked.months[i],
                days[i],
                fy.target_hppd_hundredths,
                budgeted_fte,
            )
        })
        .collect();
    Ok(ProductivityReport {
        positions: positions(&fte, &on_staff(conn, today)?),
        year: fy,
        months,
    })
}

/// One month of scheduled labor cost against the labor lines' budget.
/// In each `Variance`, "actual" is the schedule's projected cost.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct LaborCostMonth {
    pub month: i64,
    pub label: String,
    pub days: i64,
    /// Days of the month inside a schedule period; the projection covers only those.
    pub scheduled_days: i64,
    /// Only some days are scheduled: each budget below is the scheduled
    /// days' share of the month's (a partial month is never "under budget"
    /// because the rest of it is not priced yet).
    pub partial: bool,
    /// The salary lines' actual of the month (typed or imported), to read
    /// beside the projection; none while the month has no actual.
    pub actual_salaries_cents: Option<i64>,
    pub salaries: Variance,
    pub overtime: Variance,
    pub agency: Variance,
    pub total: Variance,
}

/// The months a schedule period covers, with the projected cost split by
/// category against the budget of the productive-salary, overtime and
/// agency lines.
pub fn labor_cost(sheet: &BudgetSheet, scheduled: &[ScheduledMonth; 12]) -> Vec<LaborCostMonth> {
    let budget_of = |category: Category, m: usize| -> i64 {
        sheet
            .lines
            .iter()
            .filter(|l| l.line.category == category)
            .map(|l| l.months[m].budget_cents)
            .sum()
    };
    let actual_salaries = |m: usize| -> Option<i64> {
        let lines: Vec<_> = sheet
            .lines
            .iter()
            .filter(|l| l.line.category == Category::ProductiveSalaries && l.months[m].has_actual)
            .collect();
        (!lines.is_empty()).then(|| lines.iter().map(|l| l.months[m].actual_cents).sum())
    };
    sheet
        .year
        .months
        .iter()
        .filter(|info| scheduled[info.index as usize].scheduled_days > 0)
        .map(|info| {
            let m = info.index as usize;
            let s = &scheduled[m];
            let days = info.days.max(1);
            let sd = s.scheduled_days.min(days);
            // The scheduled days' share, rounded half up (budgets are >= 0).
            let share = |b: i64| (b * sd * 2 + days) / (days * 2);
            let (bs, bo, ba) = (
                share(budget_of(Category::ProductiveSalaries, m)),
                share(budget_of(Category::Overtime, m)),
                share(budget_of(Category::Agency, m)),
            );
            LaborCostMonth {
                month: info.index,
                label: info.label.clone(),
                days: info.days,
                scheduled_days: s.scheduled_days,
                partial: sd < days,
                actual_salaries_cents: actual_salaries(m),
                salaries: variance(bs, s.salaries_cents),
                overtime: variance(bo, s.overtime_cents),
                agency: variance(ba, s.agency_cents),
                total: variance(
                    bs + bo + ba,
                    s.salaries_cents + s.overtime_cents + s.agency_cents,
                ),
            }
        })
        .collect()
}

pub fn labor_cost_report(conn: &Connection, fiscal_year_id: i64) -> AppResult<Vec<LaborCostMonth>> {
    let sheet = figures::load(conn, fiscal_year_id)?;
    let (year, _) = years::get(conn, fiscal_year_id)?;
    Ok(labor_cost(&sheet, &labor::by_month(conn, year)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hppd_worked_example() {
        // 4 800 worked hours over 900 patient days: 4 800 ÷ 900 = 5.333… → 5.33.
        assert_eq!(hppd_hundredths(4_800 * 60, 900), Some(533));
        // 7 000 h ÷ 1 000 days = 7.00 exactly.
        assert_eq!(hppd_hundredths(7_000 * 60, 1_000), Some(700));
        // 1 h 30 over 9 days = 0.1666… → 0.17 (half up).
        assert_eq!(hppd_hundredths(90, 9), Some(17));
        assert_eq!(hppd_hundredths(600, 0), None, "no patient days, no HPPD");
    }

    #[test]
    fn fte_worked_example() {
        // A 31-day month holds 2 080 × 31 ÷ 365 = 176.66 h per FTE.
        // 4 800 h ÷ 176.66 h = 4 800 × 365 ÷ (2 080 × 31) = 1 752 000 ÷ 64 480
        // = 27.171… → 27.17 FTE.
        assert_eq!(fte_hundredths(4_800 * 60, 31), 2_717);
        // A 30-day month: 2 080 × 30 ÷ 365 = 170.96 h; 170.96 h is 1.00 FTE:
        // 10 258 min × 100 × 365 ÷ (60 × 2 080 × 30) = 374 417 000 ÷ 3 744 000
        // = 100.004… → 1.00.
        assert_eq!(fte_hundredths(10_258, 30), 100);
        // Twelve months of 2 080 ÷ 12 h each are not exactly 1.00 in every
        // month (months differ in length) but a 365-day year of 2 080 h is.
        assert_eq!(fte_hundredths(2_080 * 60, 365), 100);
    }

    #[test]
    fn a_month_from_the_schedule_and_typed_overrides() {
        // Schedule: 4 800 h worked, 240 h PTO, 384 h overtime, 480 h agency;
        // 900 actual patient days, target 5.10 HPPD, 31-day month.
        // HPPD 5.33; hours at target 5.10 × 900 = 4 590 h; paid 5 040 h;
        // overtime 384 ÷ 4 800 = 8.00 % (800 bp); agency 480 ÷ 4 800 = 10 %.
        let scheduled = ScheduledMonth {
            scheduled_days: 31,
            worked_minutes: 4_800 * 60,
            non_productive_minutes: 240 * 60,
            overtime_minutes: 384 * 60,
            agency_minutes: 480 * 60,
            ..Default::default()
        };
        let volume = VolumeMonth {
            month: 0,
            label: "Jul 2026".into(),
            budgeted_patient_days: 880,
            actual_patient_days: Some(900),
            ..Default::default()
        };
        let m = month(
            &volume,
            &scheduled,
            &ClockedMonth::default(),
            31,
            510,
            2_950,
        );
        assert_eq!(m.source, HoursSource::Schedule);
        assert_eq!(m.hppd_hundredths, Some(533));
        assert_eq!(m.target_minutes, 4_590 * 60);
        assert_eq!(m.paid_minutes, 5_040 * 60);
        assert_eq!(m.overtime_bp, Some(800));
        assert_eq!(m.agency_bp, Some(1_000));
        assert_eq!(m.worked_fte_hundredths, 2_717);
        // Typed worked hours replace the schedule's; overtime still comes
        // from the schedule: 384 ÷ 4 000 = 9.60 %.
        let typed = VolumeMonth {
            worked_minutes: Some(4_000 * 60),
            ..volume
        };
        let m = month(&typed, &scheduled, &ClockedMonth::default(), 31, 510, 2_950);
        assert_eq!(m.source, HoursSource::Typed);
        assert_eq!(m.worked_minutes, 4_000 * 60);
        assert_eq!(m.overtime_bp, Some(960));
        assert_eq!(m.paid_minutes, (4_000 + 240) * 60);
    }

    #[test]
    fn open_positions_are_budget_minus_staff() {
        // RN budget 22.40 FTE, on staff 20.70 → 1.70 open; CNA none budgeted
        // but 0.90 on staff → −0.90.
        let budget = [FteBudget {
            role: Role::Rn,
            fte_hundredths: 2_240,
        }];
        let staff = BTreeMap::from([(Role::Rn, 2_070), (Role::Cna, 90)]);
        let p = positions(&budget, &staff);
        let rn = p.iter().find(|l| l.role == Role::Rn).unwrap();
        assert_eq!(rn.open_fte_hundredths, 170);
        let cna = p.iter().find(|l| l.role == Role::Cna).unwrap();
        assert_eq!(cna.open_fte_hundredths, -90);
    }
}

//! The sample department's budget: the current fiscal year with eight
//! months of actuals that tell a familiar story — overtime and agency running
//! over because of open RN positions, supplies under after a vendor change,
//! the rest close to plan — with patient days, hours, a target HPPD and
//! budgeted FTEs.
//!
//! So that the story is the same whenever the sample is opened, the sample's
//! fiscal year starts eight months before the current month (`start_month`):
//! months 0–7 are closed and have actuals, month 8 is the current one (the
//! published schedule period falls in it), months 9–11 are ahead.

use super::Rng;
use crate::budget::calendar::{Year, YearMonth};
use crate::budget::{lines, spread, BudgetLine, Category, Spread};
use crate::error::AppResult;
use crate::input::format_date;
use crate::staff::Role;
use chrono::NaiveDate;
use rusqlite::{params, Transaction};

/// Closed months with actuals.
pub const MONTHS_WITH_ACTUALS: i64 = 8;

/// The first month of the sample's fiscal year, 1 to 12.
pub fn start_month(today: NaiveDate) -> i64 {
    YearMonth::of(today).plus(-MONTHS_WITH_ACTUALS).month as i64
}

/// (category, name, GL account, annual $, spread, actual ÷ budget in ‰ at
/// the first and the eighth month).
type Plan = (Category, &'static str, &'static str, i64, Spread, i64, i64);

const LINES: &[Plan] = &[
    (
        Category::ProductiveSalaries,
        "RN, LPN and CNA salaries",
        "6010",
        4_200_000,
        Spread::Days,
        985,
        970,
    ),
    (
        Category::Overtime,
        "Overtime",
        "6020",
        150_000,
        Spread::Days,
        1_180,
        1_460,
    ),
    (
        Category::Agency,
        "Agency nurses",
        "6030",
        240_000,
        Spread::Even,
        1_020,
        1_190,
    ),
    (
        Category::Benefits,
        "Benefits",
        "6100",
        1_050_000,
        Spread::Even,
        1_000,
        995,
    ),
    (
        Category::MedicalSupplies,
        "Medical supplies",
        "7010",
        360_000,
        Spread::Days,
        970,
        860,
    ),
    (
        Category::Pharmacy,
        "Floor stock pharmacy",
        "7020",
        96_000,
        Spread::Even,
        1_010,
        990,
    ),
    (
        Category::Equipment,
        "Minor equipment",
        "7300",
        48_000,
        Spread::Typed,
        750,
        750,
    ),
    (
        Category::EducationTravel,
        "Education and travel",
        "7500",
        18_000,
        Spread::Even,
        0,
        0,
    ),
    (
        Category::PurchasedServices,
        "Purchased services",
        "7600",
        60_000,
        Spread::Even,
        1_000,
        1_020,
    ),
];

/// Minor equipment is bought twice a year: month 3 and month 9. The months
/// add up to the line's $48,000 (a typed line's annual is their sum).
const EQUIPMENT_MONTHS: [i64; 12] = [
    1_500, 1_500, 1_500, 18_000, 1_500, 1_500, 1_500, 1_500, 1_500, 15_000, 1_500, 1_500,
];

pub fn fill(tx: &Transaction, today: NaiveDate) -> AppResult<()> {
    let mut rng = Rng::new(0x4255_4447_4554_2121); // "BUDGET!!"
    let year = Year {
        first: YearMonth::of(today).plus(-MONTHS_WITH_ACTUALS),
    };
    tx.execute(
        "INSERT INTO fiscal_year (first_month, target_hppd_hundredths) VALUES (?1, 760)",
        [year.first.code()],
    )?;
    let fy = tx.last_insert_rowid();
    for &(category, name, gl, dollars, how, from, to) in LINES {
        let annual = dollars * 100;
        let typed = EQUIPMENT_MONTHS.map(|d| d * 100);
        let months = spread::spread(annual, how, &year.days(), &typed);
        let template = BudgetLine {
            id: 0,
            fiscal_year_id: fy,
            category,
            name: name.into(),
            gl_account: gl.into(),
            annual_cents: annual,
            spread: how,
            monthly_cents: Vec::new(),
        };
        let line = lines::insert(tx, fy, &template, &months)?;
        for m in 0..MONTHS_WITH_ACTUALS {
            // The ratio moves from `from` to `to` over the eight months, ±1 %.
            let per_mille = from + (to - from) * m / (MONTHS_WITH_ACTUALS - 1) + rng.range(-10, 10);
            let mut actual = months[m as usize] * per_mille / 1_000;
            if category == Category::EducationTravel {
                continue; // logged as expenses below
            }
            // Finance's figure for the month holds the equipment logged then.
            if category == Category::Equipment && m == EQUIPMENT_BOUGHT {
                actual += EQUIPMENT.iter().map(|e| e.2).sum::<i64>();
            }
            tx.execute(
                "UPDATE budget_month SET actual_cents = ?3, explanation = ?4 WHERE line_id = ?1 AND month = ?2",
                params![line, m, actual, explanation(category, m)],
            )?;
        }
        if matches!(category, Category::EducationTravel | Category::Equipment) {
            expenses(tx, line, category, year, &mut rng)?;
        }
    }
    volumes(tx, fy, year, &mut rng)?;
    for (role, fte) in [
        (Role::Rn, 2_520),
        (Role::Lpn, 450),
        (Role::Cna, 1_080),
        (Role::UnitClerk, 400),
        (Role::Tech, 90),
        (Role::Manager, 100),
    ] {
        tx.execute(
            "INSERT INTO budget_fte (fiscal_year_id, role, fte_hundredths) VALUES (?1, ?2, ?3)",
            params![fy, role, fte],
        )?;
    }
    Ok(())
}

fn explanation(category: Category, month: i64) -> &'static str {
    match (category, month) {
        (Category::Overtime, 5) => "Three RN vacancies unfilled; high census in week 2 (31 of 32 beds). 290 h of incentive shifts.",
        (Category::Overtime, 6) => "Vacancies continue; two RNs on FMLA. Posting approved for 2.0 FTE.",
        (Category::Overtime, 7) => "Orientation of two new RNs (paired shifts); overtime should ease next month.",
        (Category::Agency, 7) => "Two agency RNs extended for 13 weeks to cover vacancies.",
        (Category::MedicalSupplies, 6) => "New wound-care vendor contract: about 9 % lower unit prices.",
        (Category::MedicalSupplies, 7) => "Par levels reduced after the supply-room review.",
        _ => "",
    }
}

/// The equipment the sample's manager logged, in the fourth month.
const EQUIPMENT: &[(&str, &str, i64)] = &[
    ("MedEquip Supply", "Bladder scanner probe", 64_500),
    ("Vitals Direct", "Two vital-signs monitors", 389_000),
];
const EQUIPMENT_BOUGHT: i64 = 3;

fn expenses(
    tx: &Transaction,
    line: i64,
    category: Category,
    year: Year,
    rng: &mut Rng,
) -> AppResult<()> {
    let items: &[(&str, &str, i64)] = match category {
        Category::EducationTravel => &[
            (
                "Academy of Med-Surg Nurses",
                "Annual conference registration (2 RNs)",
                118_000,
            ),
            ("Regional Simulation Center", "ACLS renewal class", 42_500),
            ("Hotel Lakeside", "Conference lodging", 96_800),
            ("BLS Partners", "BLS instructor renewal", 12_000),
            ("Nursing Journal Co.", "Unit subscription", 8_900),
        ],
        _ => EQUIPMENT,
    };
    for (i, &(vendor, description, cents)) in items.iter().enumerate() {
        let month = if category == Category::Equipment {
            EQUIPMENT_BOUGHT
        } else {
            (i as i64 * 2 + 1) % MONTHS_WITH_ACTUALS
        };
        let day = rng.range(1, 28) as u32;
        let date = NaiveDate::from_ymd_opt(year.month(month).year, year.month(month).month, day)
            .unwrap_or(year.month(month).first_day());
        tx.execute(
            "INSERT INTO expense (line_id, date, vendor, description, amount_cents) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![line, format_date(date), vendor, description, cents],
        )?;
    }
    Ok(())
}

/// 27 patients a day budgeted; actuals 97–106 % of that; hours from payroll
/// at about 7.9 worked hours per patient day, overtime 6–9 %, agency 4–7 %.
fn volumes(tx: &Transaction, fy: i64, year: Year, rng: &mut Rng) -> AppResult<()> {
    for m in 0..12 {
        let days = year.month(m).days();
        let budgeted = 27 * days;
        let closed = m < MONTHS_WITH_ACTUALS;
        let actual = closed.then(|| budgeted * rng.range(970, 1_060) / 1_000);
        let worked = actual.map(|pd| pd * rng.range(770, 810) * 60 / 100);
        let overtime = worked.map(|w| w * (600 + 40 * m) / 10_000);
        let agency = worked.map(|w| w * (400 + 40 * m) / 10_000);
        let paid = worked.map(|w| w * 112 / 100);
        tx.execute(
            "INSERT INTO budget_volume (fiscal_year_id, month, budgeted_patient_days, actual_patient_days,
                 worked_minutes, paid_minutes, overtime_minutes, agency_minutes)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![fy, m, budgeted, actual, worked, paid, overtime, agency],
        )?;
    }
    Ok(())
}

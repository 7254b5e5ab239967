//! The department's scheduling rules and holidays. Until the manager saves
//! the rules, `Rules::default()` applies (10 h rest, 5/3 in a row, 40 h a
//! week, 80 h a pay period); the overtime rule belongs to the department.

use super::parse::{self, DifferentialKind};
use crate::department::{self, OvertimeRule};
use crate::error::{AppError, AppResult, Validator};
use crate::input;
use crate::schedule::Rules;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Holiday {
    pub date: String,
    pub name: String,
}

/// The rules form as typed.
#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct RulesInput {
    pub min_rest_hours: String,
    pub max_consecutive_8h: String,
    pub max_consecutive_12h: String,
    pub weekly_hours_limit: String,
    pub period_hours_limit: String,
    /// Per diem staff's hours per pay period.
    pub per_diem_period_hours_limit: String,
    pub no_day_after_night: bool,
    /// Empty: no weekend rule.
    pub max_weekends_per_4_weeks: String,
    pub pay_period_anchor: String,
    pub weekend_differential_kind: Option<DifferentialKind>,
    pub weekend_differential_value: String,
    pub holiday_differential_kind: Option<DifferentialKind>,
    pub holiday_differential_value: String,
}

/// The rules as the form shows them, with what is edited elsewhere.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RulesForm {
    pub min_rest_hours: String,
    pub max_consecutive_8h: String,
    pub max_consecutive_12h: String,
    pub weekly_hours_limit: String,
    pub period_hours_limit: String,
    pub per_diem_period_hours_limit: String,
    pub no_day_after_night: bool,
    pub max_weekends_per_4_weeks: String,
    pub pay_period_anchor: String,
    pub weekend_differential_kind: DifferentialKind,
    pub weekend_differential_value: String,
    pub holiday_differential_kind: DifferentialKind,
    pub holiday_differential_value: String,
    /// Edited with the department.
    pub overtime_rule: OvertimeRule,
    pub holidays: Vec<Holiday>,
}

/// The rules in force, holidays and the department's overtime rule included.
pub fn load(conn: &Connection) -> AppResult<Rules> {
    let stored = conn
        .query_row(
            "SELECT min_rest_minutes, max_consecutive_8h, max_consecutive_12h,
                 weekly_hours_limit_minutes, period_hours_limit_minutes, no_day_after_night,
                 max_weekends_per_4_weeks, pay_period_anchor, weekend_differential_kind,
                 weekend_differential_value, holiday_differential_kind, holiday_differential_value,
                 per_diem_period_hours_limit_minutes
             FROM schedule_rules WHERE id = 1",
            [],
            |r| {
                let anchor: String = r.get(7)?;
                Ok(Rules {
                    min_rest_minutes: r.get(0)?,
                    max_consecutive_8h: r.get(1)?,
                    max_consecutive_12h: r.get(2)?,
                    weekly_hours_limit_minutes: r.get(3)?,
                    period_hours_limit_minutes: r.get(4)?,
                    per_diem_period_hours_limit_minutes: r.get(12)?,
                    no_day_after_night: r.get(5)?,
                    max_weekends_per_4_weeks: r.get(6)?,
                    pay_period_anchor: input::date(&anchor).unwrap_or_default(),
                    weekend_differential: parse::differential_from_columns(r.get(8)?, r.get(9)?),
                    holiday_differential: parse::differential_from_columns(r.get(10)?, r.get(11)?),
                    ..Rules::default()
                })
            },
        )
        .optional()?;
    let mut rules = stored.unwrap_or_default();
    if let Some(dept) = department::get(conn)? {
        rules.overtime_rule = dept.overtime_rule;
    }
    rules.holidays = holidays(conn)?
        .iter()
        .filter_map(|h| input::date(&h.date).ok())
        .collect();
    Ok(rules)
}

pub fn form(conn: &Connection) -> AppResult<RulesForm> {
    let rules = load(conn)?;
    let (weekend_kind, weekend_value) = parse::differential_fields(rules.weekend_differential);
    let (holiday_kind, holiday_value) = parse::differential_fields(rules.holiday_differential);
    Ok(RulesForm {
        min_rest_hours: parse::format_hours(rules.min_rest_minutes),
        max_consecutive_8h: rules.max_consecutive_8h.to_string(),
        max_consecutive_12h: rules.max_consecutive_12h.to_string(),
        weekly_hours_limit: parse::format_hours(rules.weekly_hours_limit_minutes),
        period_hours_limit: parse::format_hours(rules.period_hours_limit_minutes),
        per_diem_period_hours_limit: parse::format_hours(rules.per_diem_period_hours_limit_minutes),
        no_day_after_night: rules.no_day_after_night,
        max_weekends_per_4_weeks: rules
            .max_weekends_per_4_weeks
            .map_or_else(String::new, |n| n.to_string()),
        pay_period_anchor: input::format_date(rules.pay_period_anchor),
        weekend_differential_kind: weekend_kind,
        weekend_differential_value: weekend_value,
        holiday_differential_kind: holiday_kind,
        holiday_differential_value: holiday_value,
        overtime_rule: rules.overtime_rule,
        holidays: holidays(conn)?,
    })
}

/// Checks every field; the overtime rule and holidays are kept as they are.
pub fn validate(form: &RulesInput) -> AppResult<Rules> {
    let mut v = Validator::new();
    let rest = v.take(
        "min_rest_hours",
        parse::hours(&form.min_rest_hours, 0, 24, "minimum rest"),
    );
    let c8 = v.take(
        "max_consecutive_8h",
        input::whole_number(
            &form.max_consecutive_8h,
            1,
            14,
            "limit of 8-hour shifts in a row",
        ),
    );
    let c12 = v.take(
        "max_consecutive_12h",
        input::whole_number(
            &form.max_consecutive_12h,
            1,
            7,
            "limit of 12-hour shifts in a row",
        ),
    );
    let weekly = v.take(
        "weekly_hours_limit",
        parse::hours(&form.weekly_hours_limit, 1, 168, "weekly hours limit"),
    );
    let period = v.take(
        "period_hours_limit",
        parse::hours(&form.period_hours_limit, 1, 336, "pay-period hours limit"),
    );
    let per_diem = v.take(
        "per_diem_period_hours_limit",
        parse::hours(
            &form.per_diem_period_hours_limit,
            1,
            336,
            "per diem hours per pay period",
        ),
    );
    let weekends = v.take(
        "max_weekends_per_4_weeks",
        if form.max_weekends_per_4_weeks.trim().is_empty() {
            Ok(None)
        } else {
            input::whole_number(&form.max_weekends_per_4_weeks, 0, 4, "weekends per 4 weeks")
                .map(Some)
        },
    );
    let anchor = v.take("pay_period_anchor", input::date(&form.pay_period_anchor));
    let weekend = v.take(
        "weekend_differential_value",
        parse::differential(
            form.weekend_differential_kind,
            &form.weekend_differential_value,
        ),
    );
    let holiday = v.take(
        "holiday_differential_value",
        parse::differential(
            form.holiday_differential_kind,
            &form.holiday_differential_value,
        ),
    );
    v.finish()?;
    Ok(Rules {
        min_rest_minutes: rest.unwrap_or_default(),
        max_consecutive_8h: c8.unwrap_or_default() as u32,
        max_consecutive_12h: c12.unwrap_or_default() as u32,
        weekly_hours_limit_minutes: weekly.unwrap_or_default(),
        period_hours_limit_minutes: period.unwrap_or_default(),
        per_diem_period_hours_limit_minutes: per_diem.unwrap_or_default(),
        no_day_after_night: form.no_day_after_night,
        max_weekends_per_4_weeks: weekends.flatten().map(|n| n as u32),
        pay_period_anchor: anchor.unwrap_or_default(),
        weekend_differential: weekend.unwrap_or_default(),
        holiday_differential: holiday.unwrap_or_default(),
        ..Rules::default()
    })
}

pub fn save(conn: &Connection, form: &RulesInput) -> AppResult<RulesForm> {
    let rules = validate(form)?;
    write(conn, &rules)?;
    self::form(conn)
}

/// Stores the rules (not the holidays or the overtime rule).
pub(crate) fn write(conn: &Connection, rules: &Rules) -> AppResult<()> {
    let (wk, wv) = parse::differential_columns(rules.weekend_differential);
    let (hk, hv) = parse::differential_columns(rules.holiday_differential);
    conn.execute(
        "INSERT OR REPLACE INTO schedule_rules (id, min_rest_minutes, max_consecutive_8h,
             max_consecutive_12h, weekly_hours_limit_minutes, period_hours_limit_minutes,
             no_day_after_night, max_weekends_per_4_weeks, pay_period_anchor,
             weekend_differential_kind, weekend_differential_value,
             holiday_differential_kind, holiday_differential_value,
             per_diem_period_hours_limit_minutes)
         VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        params![
            rules.min_rest_minutes,
            rules.max_consecutive_8h,
            rules.max_consecutive_12h,
            rules.weekly_hours_limit_minutes,
            rules.period_hours_limit_minutes,
            rules.no_day_after_night,
            rules.max_weekends_per_4_weeks,
            input::format_date(rules.pay_period_anchor),
            wk,
            wv,
            hk,
            hv,
            rules.per_diem_period_hours_limit_minutes
        ],
    )?;
    Ok(())
}

pub fn holidays(conn: &Connection) -> AppResult<Vec<Holiday>> {
    let mut stmt = conn.prepare_cached("SELECT date, name FROM holiday ORDER BY date")?;
    let list = stmt
        .query_map([], |r| {
            Ok(Holiday {
                date: r.get(0)?,
                name: r.get(1)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(list)
}

/// Adds a holiday, or renames the one on that date.
pub fn holiday_save(conn: &Connection, date: &str, name: &str) -> AppResult<Vec<Holiday>> {
    let mut v = Validator::new();
    let date = v.take("date", input::date(date));
    let name = v.take("name", input::required_text(name, 60, "holiday name"));
    v.finish()?;
    conn.execute(
        "INSERT OR REPLACE INTO holiday (date, name) VALUES (?1, ?2)",
        params![date.map(input::format_date), name],
    )?;
    holidays(conn)
}

pub fn holiday_delete(conn: &Connection, date: &str) -> AppResult<Vec<Holiday>> {
    if conn.execute("DELETE FROM holiday WHERE date = ?1", [date.trim()])? == 0 {
        return Err(AppError::not_found("That holiday"));
    }
    holidays(conn)
}

//! The department: the one unit whose record this file keeps.

use crate::error::{AppError, AppResult, ErrorCode, Validator};
use crate::input;
use crate::text_enum::text_enum;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

text_enum! {
    /// Unit types, following the care areas of California Title 22 §70217.
    pub enum UnitType {
        MedSurg = ("med_surg", "Medical-surgical"),
        Telemetry = ("telemetry", "Telemetry"),
        StepDown = ("step_down", "Step-down"),
        Icu = ("icu", "Intensive care"),
        Pediatrics = ("pediatrics", "Pediatrics"),
        Emergency = ("emergency", "Emergency department"),
        LaborDelivery = ("labor_delivery", "Labor and delivery"),
        Postpartum = ("postpartum", "Postpartum"),
        OperatingRoom = ("operating_room", "Operating room"),
        Pacu = ("pacu", "Post-anesthesia care"),
        Clinic = ("clinic", "Clinic / practice"),
        Laboratory = ("laboratory", "Laboratory"),
        Other = ("other", "Other"),
    }
}

text_enum! {
    /// How overtime is counted (29 CFR 778.601).
    pub enum OvertimeRule {
        Weekly40 = ("weekly_40", "Over 40 hours in the work week"),
        EightEighty = ("eight_eighty", "8 and 80: over 8 hours a day or 80 in 14 days"),
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Department {
    pub name: String,
    pub unit_type: UnitType,
    pub beds: i64,
    pub time_zone: String,
    pub fiscal_year_start_month: i64,
    pub overtime_rule: OvertimeRule,
}

/// The department form as typed.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct DepartmentInput {
    pub name: String,
    pub unit_type: UnitType,
    pub beds: String,
    pub time_zone: String,
    pub fiscal_year_start_month: String,
    pub overtime_rule: OvertimeRule,
}

impl DepartmentInput {
    pub fn validate(&self) -> AppResult<Department> {
        let mut v = Validator::new();
        let name = v.take(
            "name",
            input::required_text(&self.name, 120, "department name"),
        );
        let beds = v.take(
            "beds",
            input::whole_number(&self.beds, 0, 2000, "number of beds"),
        );
        let tz = self.time_zone.trim();
        v.check(
            tz.parse::<chrono_tz::Tz>().is_ok(),
            "time_zone",
            if tz.is_empty() {
                "Choose a time zone.".to_string()
            } else {
                format!("“{tz}” is not a known time zone; choose one from the list.")
            },
        );
        let month = v.take(
            "fiscal_year_start_month",
            input::whole_number(
                &self.fiscal_year_start_month,
                1,
                12,
                "first month of the fiscal year",
            ),
        );
        v.finish()?;
        Ok(Department {
            name: name.unwrap_or_default(),
            unit_type: self.unit_type,
            beds: beds.unwrap_or_default(),
            time_zone: tz.to_string(),
            fiscal_year_start_month: month.unwrap_or(1),
            overtime_rule: self.overtime_rule,
        })
    }
}

pub fn get(conn: &Connection) -> AppResult<Option<Department>> {
    Ok(conn
        .query_row(
            "SELECT name, unit_type, beds, time_zone, fiscal_year_start_month, overtime_rule
             FROM department WHERE id = 1",
            [],
            |row| {
                Ok(Department {
                    name: row.get(0)?,
                    unit_type: row.get(1)?,
                    beds: row.get(2)?,
                    time_zone: row.get(3)?,
                    fiscal_year_start_month: row.get(4)?,
                    overtime_rule: row.get(5)?,
                })
            },
        )
        .optional()?)
}

pub fn require(conn: &Connection) -> AppResult<Department> {
    get(conn)?.ok_or_else(|| {
        AppError::new(
            ErrorCode::NotFound,
            "No department has been set up in this file yet.",
        )
    })
}

pub fn create(conn: &Connection, input: &DepartmentInput) -> AppResult<Department> {
    let dept = input.validate()?;
    if get(conn)?.is_some() {
        return Err(AppError::new(
            ErrorCode::Conflict,
            "This file already holds a department.",
        ));
    }
    insert(conn, &dept)?;
    Ok(dept)
}

pub(crate) fn insert(conn: &Connection, dept: &Department) -> AppResult<()> {
    conn.execute(
        "INSERT INTO department (id, name, unit_type, beds, time_zone, fiscal_year_start_month, overtime_rule, created_at)
         VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            dept.name,
            dept.unit_type,
            dept.beds,
            dept.time_zone,
            dept.fiscal_year_start_month,
            dept.overtime_rule,
            chrono::Utc::now().to_rfc3339()
        ],
    )?;
    Ok(())
}

pub fn update(conn: &Connection, input: &DepartmentInput) -> AppResult<Department> {
    let dept = input.validate()?;
    let changed = conn.execute(
        "UPDATE department SET name = ?1, unit_type = ?2, beds = ?3, time_zone = ?4,
             fiscal_year_start_month = ?5, overtime_rule = ?6 WHERE id = 1",
        params![
            dept.name,
            dept.unit_type,
            dept.beds,
            dept.time_zone,
            dept.fiscal_year_start_month,
            dept.overtime_rule
        ],
    )?;
    if changed == 0 {
        return Err(AppError::new(
            ErrorCode::NotFound,
            "No department has been set up in this file yet.",
        ));
    }
    Ok(dept)
}

/// Today's date where the department is, which decides what has expired.
pub fn today(dept: &Department) -> chrono::NaiveDate {
    let now = chrono::Utc::now();
    match dept.time_zone.parse::<chrono_tz::Tz>() {
        Ok(tz) => now.with_timezone(&tz).date_naive(),
        Err(_) => chrono::Local::now().date_naive(),
    }
}

/// The department's wall-clock time at `utc` — the one clock Wardbook shows
/// and names backups by, so a backup made at 07:00 on the ward reads 07:00
/// whatever the computer's own clock is set to. With no (valid) zone, the
/// computer's.
pub fn wall_clock(utc: chrono::DateTime<chrono::Utc>, zone: Option<&str>) -> chrono::NaiveDateTime {
    match zone.and_then(|z| z.parse::<chrono_tz::Tz>().ok()) {
        Some(tz) => utc.with_timezone(&tz).naive_local(),
        None => utc.with_timezone(&chrono::Local).naive_local(),
    }
}

/// The department's time zone as the file holds it; `None` when it holds no
/// department (or cannot be read yet: locked, or from before the schema).
pub fn stored_zone(conn: &Connection) -> Option<String> {
    conn.query_row("SELECT time_zone FROM department WHERE id = 1", [], |r| {
        r.get(0)
    })
    .ok()
}

/// The computer's own time zone, offered as the default for a new department.
pub fn system_time_zone() -> String {
    iana_time_zone::get_timezone()
        .ok()
        .map(|tz| canonical_zone(&tz))
        .filter(|tz| tz.parse::<chrono_tz::Tz>().is_ok())
        .unwrap_or_else(|| "America/New_York".to_string())
}

/// Aliases of UTC ("Etc/UTC", "Zulu"…) are offered as plain "UTC".
fn canonical_zone(name: &str) -> String {
    match name {
        "Etc/UTC" | "Etc/UCT" | "Etc/Universal" | "Etc/Zulu" | "UCT" | "Universal" | "Zulu"
        | "Etc/GMT" | "GMT" => "UTC".into(),
        other => other.to_string(),
    }
}

/// Every time zone a department can choose, by IANA name.
pub fn time_zones() -> Vec<String> {
    let mut zones: Vec<String> = chrono_tz::TZ_VARIANTS
        .iter()
        .map(|tz| tz.name().to_string())
        .filter(|name| name.contains('/') && !name.starts_with("Etc/"))
        .collect();
    zones.push("UTC".into());
    zones.sort();
    zones
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> DepartmentInput {
        DepartmentInput {
            name: "4 West".into(),
            unit_type: UnitType::MedSurg,
            beds: "32".into(),
            time_zone: "America/Chicago".into(),
            fiscal_year_start_month: "7".into(),
            overtime_rule: OvertimeRule::Weekly40,
        }
    }

    #[test]
    fn create_then_get_returns_the_department() {
        let conn = crate::store::open_in_memory().unwrap();
        assert_eq!(get(&conn).unwrap(), None, "a new file has no department");
        let created = create(&conn, &input()).unwrap();
        assert_eq!(get(&conn).unwrap(), Some(created));
    }

    #[test]
    fn a_second_department_is_refused() {
        let conn = crate::store::open_in_memory().unwrap();
        create(&conn, &input()).unwrap();
        assert_eq!(
            create(&conn, &input()).unwrap_err().code,
            ErrorCode::Conflict
        );
    }

    #[test]
    fn every_field_is_validated_at_once() {
        let bad = DepartmentInput {
            name: " ".into(),
            beds: "-1".into(),
            time_zone: "Mars/Olympus".into(),
            fiscal_year_start_month: "13".into(),
            ..input()
        };
        let err = bad.validate().unwrap_err();
        assert_eq!(err.message_for("name"), Some("Enter the department name."));
        assert_eq!(
            err.message_for("beds"),
            Some("The number of beds must be between 0 and 2000.")
        );
        assert!(err
            .message_for("time_zone")
            .unwrap()
            .contains("not a known time zone"));
        assert!(err
            .message_for("fiscal_year_start_month")
            .unwrap()
            .contains("between 1 and 12"));
    }

    #[test]
    fn time_zone_list_holds_real_zones_only() {
        let zones = time_zones();
        assert!(zones.contains(&"America/Los_Angeles".to_string()));
        assert!(
            zones.contains(&system_time_zone()),
            "the computer's zone is always offered"
        );
        assert_eq!(canonical_zone("Etc/UTC"), "UTC");
        assert!(zones.iter().all(|z| z.parse::<chrono_tz::Tz>().is_ok()));
    }
}

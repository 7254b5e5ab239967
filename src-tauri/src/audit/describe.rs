//! Turns a logged row (JSON before / after) into readable field changes:
//! "Hourly rate: $45.00 → $47.50" rather than `hourly_rate_cents: 4500`.

use super::HistoryChange;
use crate::budget::{Category, Spread};
use crate::credentials::ExpiredAction;
use crate::error::AppResult;
use crate::schedule::{TimeOffKind, TimeOffStatus};
use crate::staff::{EmploymentType, Role};
use crate::trainings::TrainingKind;
use crate::units::Cents;
use rusqlite::{Connection, OptionalExtension};
use serde_json::{Map, Value};

/// Columns that say nothing a reader needs (the record is already named).
const HIDDEN: &[&str] = &["id"];

/// Columns holding 0/1.
const FLAGS: &[&str] = &["paid", "evening", "night", "no_day_after_night", "on_leave"];

/// `hourly_rate_cents` → "Hourly rate".
pub(crate) fn humanize(column: &str) -> String {
    let known = match column {
        "fte_hundredths" => Some("FTE"),
        "employee_no" => Some("Employee number"),
        "staff_id" => Some("Person"),
        "type_id" => Some("Credential type"),
        "shift_type_id" => Some("Shift"),
        "skill_id" => Some("Skill"),
        "line_id" => Some("Budget line"),
        "period_id" => Some("Schedule period"),
        "fiscal_year_id" => Some("Fiscal year"),
        "gl_account" => Some("GL account"),
        "target_hppd_hundredths" => Some("Target HPPD"),
        "month" => Some("Month of the fiscal year"),
        _ => None,
    };
    if let Some(k) = known {
        return k.to_string();
    }
    let base = ["_cents", "_hundredths", "_minutes", "_id"]
        .iter()
        .find_map(|s| column.strip_suffix(s))
        .unwrap_or(column);
    let words = base.replace('_', " ");
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().collect::<String>() + chars.as_str(),
        None => String::new(),
    }
}

fn duration(minutes: i64) -> String {
    match (minutes / 60, minutes % 60) {
        (h, 0) => format!("{h} h"),
        (0, m) => format!("{m} min"),
        (h, m) => format!("{h} h {m} min"),
    }
}

/// A person's name as it was at history entry `entry`: the name their
/// record had after its newest change up to then (the history keeps it, so
/// a renamed person's older entries keep the name of their time).
fn person_then(conn: &Connection, id: i64, entry: i64) -> AppResult<Option<String>> {
    Ok(conn
        .prepare_cached(
            "SELECT label FROM audit_log WHERE table_name = 'staff' AND record_key = ?1
               AND id <= ?2 AND label <> '' ORDER BY id DESC LIMIT 1",
        )?
        .query_row(rusqlite::params![id.to_string(), entry], |r| r.get(0))
        .optional()?)
}

/// Looks up the name of a record an id points at (a person's as it was at
/// history entry `entry`, when given; otherwise the current one); falls
/// back to "#id" when it has since been removed.
fn name_of(
    conn: &Connection,
    column: &str,
    id: i64,
    entry: Option<i64>,
) -> AppResult<Option<String>> {
    if let (true, Some(entry)) = (column == "staff_id", entry) {
        if let Some(name) = person_then(conn, id, entry)? {
            return Ok(Some(name));
        }
    }
    let sql = match column {
        "staff_id" => "SELECT last_name || ', ' || first_name FROM staff WHERE id = ?1",
        "type_id" => "SELECT name FROM credential_type WHERE id = ?1",
        "shift_type_id" => "SELECT code || ' ' || name FROM shift_type WHERE id = ?1",
        "skill_id" => "SELECT name FROM skill WHERE id = ?1",
        "line_id" => "SELECT name FROM budget_line WHERE id = ?1",
        "period_id" => "SELECT 'From ' || start_date FROM schedule_period WHERE id = ?1",
        "fiscal_year_id" => "SELECT 'From ' || first_month FROM fiscal_year WHERE id = ?1",
        _ => return Ok(None),
    };
    let found: Option<String> = conn
        .prepare_cached(sql)?
        .query_row([id], |r| r.get(0))
        .optional()?;
    Ok(Some(found.unwrap_or_else(|| format!("#{id} (removed)"))))
}

fn value(
    conn: &Connection,
    column: &str,
    v: &Value,
    entry: Option<i64>,
) -> AppResult<Option<String>> {
    Ok(match v {
        Value::Null => None,
        Value::String(s) if s.is_empty() => None,
        Value::String(s) => Some(match column {
            // Punch instants are stored in UTC: shown on the department's clock.
            "clock_in" | "clock_out" => local_instant(conn, s)?,
            "role" => Role::from_code(s).map_or(s.clone(), |r| r.label().to_string()),
            "employment_type" => {
                EmploymentType::from_code(s).map_or(s.clone(), |e| e.label().to_string())
            }
            "category" => Category::from_code(s).map_or(s.clone(), |c| c.label().to_string()),
            "spread" => Spread::from_code(s).map_or(s.clone(), |c| c.label().to_string()),
            "when_expired" => {
                ExpiredAction::from_code(s).map_or(s.clone(), |c| c.label().to_string())
            }
            // Trainings and time off both have a kind; their codes differ.
            "kind" => TrainingKind::from_code(s)
                .map(|k| k.label())
                .or_else(|| TimeOffKind::from_code(s).map(|k| k.label()))
                .map_or(s.clone(), str::to_string),
            "status" => TimeOffStatus::from_code(s).map_or(s.clone(), |c| c.label().to_string()),
            _ => s.clone(),
        }),
        Value::Number(n) => match n.as_i64() {
            Some(i) if column.ends_with("_cents") => Some(Cents(i).dollars()),
            Some(i) if column.ends_with("_hundredths") => {
                Some(format!("{}.{:02}", i / 100, (i % 100).abs()))
            }
            Some(i) if column.ends_with("_minutes") => Some(duration(i)),
            Some(i) if FLAGS.contains(&column) => Some(if i != 0 { "Yes" } else { "No" }.into()),
            Some(i) if column == "month" => Some((i + 1).to_string()),
            Some(i) => Some(name_of(conn, column, i, entry)?.unwrap_or_else(|| i.to_string())),
            None => Some(n.to_string()),
        },
        other => Some(other.to_string()),
    })
}

/// "2026-01-12T15:02:00Z" → "2026-01-12 07:02" in the department's zone;
/// anything else as it is.
fn local_instant(conn: &Connection, utc: &str) -> AppResult<String> {
    let Ok(at) = chrono::DateTime::parse_from_rfc3339(utc) else {
        return Ok(utc.to_string());
    };
    let zone = super::list::zone(conn)?;
    Ok(at.with_timezone(&zone).format("%Y-%m-%d %H:%M").to_string())
}

fn object(json: Option<&str>) -> Map<String, Value> {
    match json.and_then(|j| serde_json::from_str::<Value>(j).ok()) {
        Some(Value::Object(map)) => map,
        _ => Map::new(),
    }
}

/// The table's columns in their declared order (the JSON keys come sorted).
fn column_order(conn: &Connection, table: &str) -> AppResult<Vec<String>> {
    let mut stmt = conn.prepare_cached("SELECT name FROM pragma_table_info(?1) ORDER BY cid")?;
    let names = stmt
        .query_map([table], |r| r.get(0))?
        .collect::<Result<Vec<String>, _>>()?;
    Ok(names)
}

/// The fields that differ between `before` and `after` (all set fields for
/// an insert or a delete), in the table's column order.
/// At history entry `entry` (when given), a person a field points at is
/// named as they were named then.
pub fn changes_at(
    conn: &Connection,
    table: &str,
    before: Option<&str>,
    after: Option<&str>,
    entry: Option<i64>,
) -> AppResult<Vec<HistoryChange>> {
    let (old, new) = (object(before), object(after));
    let mut columns: Vec<&String> = new.keys().collect();
    for k in old.keys() {
        if !new.contains_key(k) {
            columns.push(k);
        }
    }
    let order = column_order(conn, table)?;
    // A column since dropped from the table goes last.
    columns.sort_by_key(|c| order.iter().position(|o| o == *c).unwrap_or(usize::MAX));
    let mut out = Vec::new();
    for column in columns {
        if HIDDEN.contains(&column.as_str()) {
            continue;
        }
        let (o, n) = (old.get(column), new.get(column));
        if o == n {
            continue;
        }
        let b = o
            .map(|v| value(conn, column, v, entry))
            .transpose()?
            .flatten();
        let a = n
            .map(|v| value(conn, column, v, entry))
            .transpose()?
            .flatten();
        if b.is_none() && a.is_none() {
            continue;
        }
        out.push(HistoryChange {
            field: humanize(column),
            before: b,
            after: a,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_names_read_as_words() {
        assert_eq!(humanize("hourly_rate_cents"), "Hourly rate");
        assert_eq!(humanize("fte_hundredths"), "FTE");
        assert_eq!(humanize("expires_on"), "Expires on");
    }

    #[test]
    fn values_read_in_their_units() {
        assert_eq!(Cents(12_345_678).dollars(), "$123,456.78");
        assert_eq!(Cents(-5).dollars(), "-$0.05");
        assert_eq!(duration(90), "1 h 30 min");
    }

    #[test]
    fn punch_times_read_on_the_departments_clock_not_utc() {
        let conn = crate::store::open_in_memory().unwrap();
        conn.execute_batch(
            "INSERT INTO department VALUES (1, 'Ward 4', 'med_surg', 30, 'America/Chicago', 7, 'weekly_40', '2026-01-01');",
        )
        .unwrap();
        let c = changes_at(
            &conn,
            "punch",
            Some(r#"{"clock_in":"2026-01-12T13:02:00Z"}"#),
            Some(r#"{"clock_in":"2026-01-12T12:55:00Z"}"#),
            None,
        )
        .unwrap();
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].field, "Clock in");
        assert_eq!(
            c[0].before.as_deref(),
            Some("2026-01-12 07:02"),
            "UTC−6 in January"
        );
        assert_eq!(c[0].after.as_deref(), Some("2026-01-12 06:55"));
    }

    #[test]
    fn an_insert_lists_every_field_it_set() {
        let conn = crate::store::open_in_memory().unwrap();
        let c = changes_at(
            &conn,
            "staff",
            None,
            Some(r#"{"last_name":"Lee","fte_hundredths":90,"notes":""}"#),
            None,
        )
        .unwrap();
        assert_eq!(
            c.len(),
            2,
            "both set fields are listed, the empty one is not: {c:?}"
        );
        assert_eq!(
            c[0].field, "Last name",
            "in the table's order, not the JSON's: {c:?}"
        );
        assert!(c
            .iter()
            .any(|f| f.field == "FTE" && f.after.as_deref() == Some("0.90")));
    }
}

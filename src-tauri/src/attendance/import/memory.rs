//! The mapping a time clock's export was last imported with, by its header
//! (the same report gives the same header every time), so a manager maps
//! the columns once.

use super::PunchMapping;
use crate::error::{AppError, AppResult, ErrorCode};
use rusqlite::{params, Connection, OptionalExtension};

/// The signature of an export's layout: its header words in order.
pub fn source(headers: &[String]) -> String {
    headers
        .iter()
        .map(|h| {
            h.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("|")
}

/// Remembers `mapping` for files with these headers (after a successful import).
pub fn remember(conn: &Connection, headers: &[String], mapping: &PunchMapping) -> AppResult<()> {
    let json = serde_json::to_string(mapping).map_err(|e| {
        AppError::new(
            ErrorCode::Internal,
            format!("The mapping could not be saved ({e})."),
        )
    })?;
    conn.execute(
        "INSERT INTO punch_import_mapping (source, mapping) VALUES (?1, ?2)
         ON CONFLICT (source) DO UPDATE SET mapping = excluded.mapping",
        params![source(headers), json],
    )?;
    Ok(())
}

/// The mapping last used for these headers, if it still fits them.
pub fn recall(conn: &Connection, headers: &[String]) -> AppResult<Option<PunchMapping>> {
    let json: Option<String> = conn
        .query_row(
            "SELECT mapping FROM punch_import_mapping WHERE source = ?1",
            [source(headers)],
            |r| r.get(0),
        )
        .optional()?;
    // A mapping that no longer reads (an older shape) is simply not offered.
    Ok(json
        .and_then(|j| serde_json::from_str::<PunchMapping>(&j).ok())
        .filter(|m| m.has_header && m.columns.len() == headers.len()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attendance::import::PunchField::*;
    use crate::staff::import::DateOrder;

    fn words(h: &[&str]) -> Vec<String> {
        h.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_mapping_is_recalled_for_the_same_layout_only() {
        let conn = crate::store::open_in_memory().unwrap();
        let headers = words(&["Badge #", "Worked On", "Start", "Stop"]);
        let mapping = PunchMapping {
            has_header: true,
            columns: vec![Some(EmployeeNo), Some(Date), Some(TimeIn), Some(TimeOut)],
            date_order: DateOrder::DayFirst,
        };
        assert_eq!(recall(&conn, &headers).unwrap(), None);
        remember(&conn, &headers, &mapping).unwrap();
        // Case, spaces and punctuation of the header do not matter.
        let same = words(&["BADGE", "worked on", "start", "stop"]);
        assert_eq!(recall(&conn, &same).unwrap(), Some(mapping.clone()));
        assert_eq!(
            recall(&conn, &words(&["Badge", "Worked On", "Start"])).unwrap(),
            None
        );
        let mut changed = mapping.clone();
        changed.date_order = DateOrder::MonthFirst;
        remember(&conn, &headers, &changed).unwrap();
        assert_eq!(
            recall(&conn, &headers).unwrap(),
            Some(changed),
            "the last one wins"
        );
    }
}

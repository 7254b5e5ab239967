//! What a change of many records at once (a department-file import) did,
//! written into the history as the forms' edits would be: one entry per
//! record added, changed (its fields before → after) or removed.
//!
//! The records are read before the change into a temporary table ([`before`])
//! and compared with what is there after it ([`write`]), by the same key,
//! label and field set as the triggers (`triggers`) use, so the entries read
//! like any other. Records that did not change leave no entry.

use super::triggers::{audited_tables, TableSql};
use crate::error::AppResult;
use rusqlite::Connection;

const BEFORE: &str = "temp.wardbook_before";
const AFTER: &str = "temp.wardbook_after";

fn read_into(conn: &Connection, target: &str) -> AppResult<()> {
    conn.execute_batch(&format!(
        "DROP TABLE IF EXISTS {target};
         CREATE TABLE {target} (table_name TEXT, k TEXT, j TEXT, label TEXT, staff_id INTEGER);"
    ))?;
    for table in audited_tables(conn)? {
        let t = TableSql::new(conn, &table)?;
        conn.execute(
            &format!(
                "INSERT INTO {target} SELECT ?1, {}, {}, {}, {} FROM main.\"{}\" AS r",
                t.key("r"),
                t.json("r"),
                t.label("r"),
                t.staff("r"),
                table.replace('"', "\"\"")
            ),
            [&table],
        )?;
    }
    Ok(())
}

/// Reads every audited record as it is now, before the change.
pub fn before(conn: &Connection) -> AppResult<()> {
    read_into(conn, BEFORE)
}

/// Writes one history entry per record the change added, changed or
/// removed since [`before`], and returns how many.
pub fn write(conn: &Connection) -> AppResult<i64> {
    read_into(conn, AFTER)?;
    let log =
        "INSERT INTO audit_log (table_name, record_key, action, staff_id, label, before, after)";
    let added_or_changed = conn.execute(
        &format!(
            "{log}
             SELECT a.table_name, a.k, CASE WHEN b.k IS NULL THEN 'insert' ELSE 'update' END,
                    a.staff_id, COALESCE(a.label, ''), b.j, a.j
             FROM {AFTER} AS a LEFT JOIN {BEFORE} AS b ON b.table_name = a.table_name AND b.k = a.k
             WHERE b.j IS NOT a.j
             ORDER BY a.table_name, a.rowid"
        ),
        [],
    )?;
    let removed = conn.execute(
        &format!(
            "{log}
             SELECT b.table_name, b.k, 'delete', b.staff_id, COALESCE(b.label, ''), b.j, NULL
             FROM {BEFORE} AS b LEFT JOIN {AFTER} AS a ON a.table_name = b.table_name AND a.k = b.k
             WHERE a.k IS NULL
             ORDER BY b.table_name, b.rowid"
        ),
        [],
    )?;
    conn.execute_batch(&format!("DROP TABLE {BEFORE}; DROP TABLE {AFTER};"))?;
    Ok((added_or_changed + removed) as i64)
}

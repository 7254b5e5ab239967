//! The audit triggers, generated from the live schema.
//!
//! Every table is audited unless it is listed in [`NOT_AUDITED`] with a
//! reason. The triggers are written from `PRAGMA table_info`, so a table or a
//! column that a later migration adds is covered the moment that migration
//! runs (`store::migrations` calls [`sync`] after its steps) — nobody has to
//! remember to write triggers for it. Triggers run inside the statement that
//! fires them, so a change and its history row commit or roll back together.

use crate::error::AppResult;
use rusqlite::Connection;

/// Tables left out of the history, and why.
pub const NOT_AUDITED: &[(&str, &str)] = &[
    ("audit_log", "the history itself"),
    ("audit_seal", "the history's own seals, guarded by `chain`"),
    (
        "audit_chain_key",
        "the key of the seals, guarded by `chain`",
    ),
    (
        "audit_baseline",
        "the history's description of records it has no entry for, sealed by `rows`",
    ),
    (
        "audit_pending",
        "scratch space of the triggers, empty between statements",
    ),
    (
        "schedule_change",
        "a marker derived from the assignment changes, which are audited",
    ),
    (
        "coverage_line",
        "the coverage plan is saved whole (delete and re-insert), so row history would be noise",
    ),
    (
        "coverage_day",
        "part of the coverage plan, see coverage_line",
    ),
    (
        "staff_import_mapping",
        "the staff import's remembered column choices, not a record of the department",
    ),
    (
        "punch_import_mapping",
        "the punch import's remembered column choices, not a record of the department",
    ),
    (
        "staff_import_role",
        "the staff import's remembered roles of job titles; the staff it sets are audited",
    ),
    (
        "staff_import_status",
        "the staff import's remembered readings of status values; the staff it sets are audited",
    ),
];

/// The trigger names all start with this; the two guards of `audit_log` do not.
const PREFIX: &str = "audit_trg_";

const PERSON: &str = "(SELECT last_name || ', ' || first_name FROM staff WHERE id = {r}.staff_id)";
const LINE_MONTH: &str = "(SELECT bl.name || ' — ' || strftime('%Y-%m', fy.first_month || '-01', '+' || {r}.month || ' months')
        FROM budget_line bl JOIN fiscal_year fy ON fy.id = bl.fiscal_year_id WHERE bl.id = {r}.line_id)";
const YEAR_MONTH: &str = "(SELECT 'Patient days and hours — ' || strftime('%Y-%m', first_month || '-01', '+' || {r}.month || ' months')
        FROM fiscal_year WHERE id = {r}.fiscal_year_id)";

/// A readable name for a row, as SQL over the row `{r}` (NEW or OLD).
/// Tables not listed get their `name` column, if they have one.
fn label_sql(table: &str) -> Option<String> {
    let person = PERSON;
    Some(match table {
        "staff" => "{r}.last_name || ', ' || {r}.first_name".to_string(),
        "staff_skill" => {
            format!("{person} || ' — ' || (SELECT name FROM skill WHERE id = {{r}}.skill_id)")
        }
        "credential" => format!(
            "{person} || ' — ' || (SELECT name FROM credential_type WHERE id = {{r}}.type_id)"
        ),
        "credential_type_role" => {
            "(SELECT name FROM credential_type WHERE id = {r}.type_id) || ' — ' || {r}.role".into()
        }
        "training" => format!("{person} || ' — ' || {{r}}.name"),
        "assignment" | "assignment_lock" | "call_out" | "staff_request" | "shift_swap" => {
            format!("{person} || ' — ' || {{r}}.date")
        }
        "punch" | "exception_approval" => format!("{person} || ' — ' || {{r}}.workday"),
        "attendance_settings" => "'Attendance settings'".into(),
        "pay_period_approval" => "'Pay period from ' || {r}.start_date".into(),
        "time_off" => format!("{person} || ' — ' || {{r}}.from_date || ' to ' || {{r}}.to_date"),
        "time_off_shift" => "(SELECT s.last_name || ', ' || s.first_name FROM time_off t
            JOIN staff s ON s.id = t.staff_id WHERE t.id = {r}.time_off_id) || ' — ' || {r}.date"
            .into(),
        "schedule_period" => "'Period from ' || {r}.start_date".into(),
        "shift_type" => "{r}.code || ' ' || {r}.name".into(),
        "schedule_rules" => "'Schedule rules'".into(),
        "holiday" => "{r}.name || ' (' || {r}.date || ')'".into(),
        "fiscal_year" => "'Fiscal year from ' || {r}.first_month".into(),
        "budget_month" => LINE_MONTH.into(),
        "expense" => {
            "(SELECT name FROM budget_line WHERE id = {r}.line_id) || ' — ' || {r}.vendor || ' ' || {r}.date"
                .into()
        }
        "budget_volume" => YEAR_MONTH.into(),
        "budget_fte" => "'Budgeted FTE — ' || {r}.role".into(),
        "budget_account_map" => "'Finance account ' || {r}.account".into(),
        "budget_cost_centre" => "'Cost centre ' || {r}.code".into(),
        _ => return None,
    })
}

struct Column {
    name: String,
    /// Position in the primary key, 1-based; 0 when not part of it.
    pk: i64,
}

fn columns(conn: &Connection, table: &str) -> AppResult<Vec<Column>> {
    let mut stmt = conn.prepare(&format!("PRAGMA table_info(\"{table}\")"))?;
    let cols = stmt
        .query_map([], |r| {
            Ok(Column {
                name: r.get(1)?,
                pk: r.get(5)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(cols)
}

/// The tables that get triggers: every user table not in [`NOT_AUDITED`].
pub fn audited_tables(conn: &Connection) -> AppResult<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )?;
    let names = stmt
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(names
        .into_iter()
        .filter(|n| !NOT_AUDITED.iter().any(|(t, _)| t == n))
        .collect())
}

fn quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

/// The SQL pieces of one table, each over a row alias given at use.
pub(crate) struct TableSql {
    table: String,
    columns: Vec<String>,
    key_columns: Vec<String>,
    label: String,
    staff: String,
}

impl TableSql {
    pub(crate) fn new(conn: &Connection, table: &str) -> AppResult<Self> {
        let cols = columns(conn, table)?;
        let mut key: Vec<&Column> = cols.iter().filter(|c| c.pk > 0).collect();
        key.sort_by_key(|c| c.pk);
        let names: Vec<String> = cols.iter().map(|c| c.name.clone()).collect();
        let has = |n: &str| names.iter().any(|c| c == n);
        let label = label_sql(table).unwrap_or_else(|| {
            if has("name") {
                "{r}.name".into()
            } else {
                "''".into()
            }
        });
        let staff = if table == "staff" {
            "{r}.id".to_string()
        } else if has("staff_id") {
            "{r}.staff_id".to_string()
        } else {
            "NULL".to_string()
        };
        Ok(TableSql {
            table: table.to_string(),
            key_columns: if key.is_empty() {
                vec!["rowid".into()]
            } else {
                key.iter().map(|c| c.name.clone()).collect()
            },
            columns: names,
            label: format!("COALESCE({label}, '')"),
            staff,
        })
    }

    pub(crate) fn key(&self, r: &str) -> String {
        self.key_columns
            .iter()
            .map(|c| format!("CAST({r}.\"{c}\" AS TEXT)"))
            .collect::<Vec<_>>()
            .join(" || '/' || ")
    }

    pub(crate) fn json(&self, r: &str) -> String {
        let pairs: Vec<String> = self
            .columns
            .iter()
            .map(|c| format!("{}, {r}.\"{c}\"", quote(c)))
            .collect();
        format!("json_object({})", pairs.join(", "))
    }

    pub(crate) fn label(&self, r: &str) -> String {
        self.label.replace("{r}", r)
    }

    pub(crate) fn staff(&self, r: &str) -> String {
        self.staff.replace("{r}", r)
    }

    fn changed(&self) -> String {
        self.columns
            .iter()
            .map(|c| format!("OLD.\"{c}\" IS NOT NEW.\"{c}\""))
            .collect::<Vec<_>>()
            .join(" OR ")
    }

    /// (name, CREATE TRIGGER statement) for the four triggers of the table.
    fn triggers(&self) -> Vec<(String, String)> {
        let t = &self.table;
        let qt = quote(t);
        let name = |what: &str| format!("{PREFIX}{t}_{what}");
        let log = "INSERT INTO audit_log (table_name, record_key, action, staff_id, label, before, after)";
        let same_key = self
            .key_columns
            .iter()
            .map(|c| format!("o.\"{c}\" = NEW.\"{c}\""))
            .collect::<Vec<_>>()
            .join(" AND ");
        // INSERT OR REPLACE deletes the old row without firing delete
        // triggers: keep it here so the insert can log what it replaced.
        let replace = format!(
            "CREATE TRIGGER \"{n}\" BEFORE INSERT ON \"{t}\" BEGIN\n\
             DELETE FROM audit_pending;\n\
             INSERT INTO audit_pending (table_name, record_key, before)\n\
             SELECT {qt}, {nk}, {oj} FROM \"{t}\" AS o WHERE {same_key};\n\
             END",
            n = name("replace"),
            nk = self.key("NEW"),
            oj = self.json("o"),
        );
        let insert = format!(
            "CREATE TRIGGER \"{n}\" AFTER INSERT ON \"{t}\" BEGIN\n\
             {log}\n\
             SELECT {qt}, n.k, CASE WHEN p.before IS NULL THEN 'insert' ELSE 'update' END, {st}, {lb}, p.before, n.a\n\
             FROM (SELECT {nk} AS k, {nj} AS a) AS n\n\
             LEFT JOIN audit_pending AS p ON p.table_name = {qt} AND p.record_key = n.k\n\
             WHERE p.before IS NULL OR p.before IS NOT n.a;\n\
             DELETE FROM audit_pending WHERE table_name = {qt} AND record_key = {nk};\n\
             END",
            n = name("insert"),
            st = self.staff("NEW"),
            lb = self.label("NEW"),
            nk = self.key("NEW"),
            nj = self.json("NEW"),
        );
        let update = format!(
            "CREATE TRIGGER \"{n}\" AFTER UPDATE ON \"{t}\" WHEN {changed} BEGIN\n\
             {log}\n\
             VALUES ({qt}, {nk}, 'update', {st}, {lb}, {oj}, {nj});\n\
             END",
            n = name("update"),
            changed = self.changed(),
            nk = self.key("NEW"),
            st = self.staff("NEW"),
            lb = self.label("NEW"),
            oj = self.json("OLD"),
            nj = self.json("NEW"),
        );
        let delete = format!(
            "CREATE TRIGGER \"{n}\" AFTER DELETE ON \"{t}\" BEGIN\n\
             {log}\n\
             VALUES ({qt}, {ok}, 'delete', {st}, {lb}, {oj}, NULL);\n\
             END",
            n = name("delete"),
            ok = self.key("OLD"),
            st = self.staff("OLD"),
            lb = self.label("OLD"),
            oj = self.json("OLD"),
        );
        vec![
            (name("replace"), replace),
            (name("insert"), insert),
            (name("update"), update),
            (name("delete"), delete),
        ]
    }
}

/// The triggers the schema should have, by name.
pub fn wanted(conn: &Connection) -> AppResult<Vec<(String, String)>> {
    let mut all = Vec::new();
    for table in audited_tables(conn)? {
        all.extend(TableSql::new(conn, &table)?.triggers());
    }
    Ok(all)
}

/// Brings the audit triggers in line with the schema, inside the caller's
/// transaction. Writes nothing when they already match, so opening a file
/// whose schema is current does not touch it.
pub fn sync(conn: &Connection) -> AppResult<()> {
    if !has_audit_log(conn)? {
        return Ok(());
    }
    let mut wanted = wanted(conn)?;
    wanted.sort();
    let mut stmt = conn.prepare(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND substr(name, 1, length(?1)) = ?1
         ORDER BY name",
    )?;
    let mut existing = stmt
        .query_map([PREFIX], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    existing.sort();
    if existing == wanted {
        return Ok(());
    }
    for (name, _) in &existing {
        conn.execute_batch(&format!("DROP TRIGGER \"{name}\";"))?;
    }
    for (_, sql) in &wanted {
        conn.execute_batch(sql)?;
    }
    Ok(())
}

fn has_audit_log(conn: &Connection) -> AppResult<bool> {
    Ok(conn
        .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'")?
        .exists([])?)
}

//! The department file's text: a header that says what it is, then every
//! table with its columns and rows, one row per line.

use crate::error::{AppError, AppResult, ErrorCode};
use base64::Engine as _;
use rusqlite::types::{Value as SqlValue, ValueRef};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};

pub const FORMAT: &str = "wardbook-department";
/// The layout of the document itself (not the schema of its tables).
pub const FORMAT_VERSION: i64 = 1;

const ABOUT: &str = "A Wardbook department file: every table of one department's record. \
Import it in Wardbook (the welcome screen, or Settings). A checksum shows whether it was changed after it was exported: Wardbook then says so before importing it, and every change it makes is written into the history.";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Table {
    pub name: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Value>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub schema_version: i64,
    pub app_version: String,
    pub exported_at: String,
    pub department: String,
    pub tables: Vec<Table>,
    /// The name (`audit::chain::key_id`) of the key that sealed the file's
    /// history, for a reader of the file: which department's history it is.
    /// The key itself is in the history's tables (see `history`).
    pub history_key: Option<String>,
    /// The contents no longer match the checksum written at export: the file
    /// was edited (or damaged) since. Read all the same; every value is still
    /// held to the forms' rules, and the import says so.
    pub edited_after_export: bool,
}

impl AsRef<str> for Table {
    fn as_ref(&self) -> &str {
        &self.name
    }
}

/// A stored value as JSON, keeping its SQLite type.
pub fn to_json(v: ValueRef) -> Value {
    match v {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => Value::from(i),
        ValueRef::Real(f) if f.is_finite() => Value::from(f),
        ValueRef::Real(f) => serde_json::json!({ "real": if f > 0.0 { "inf" } else { "-inf" } }),
        ValueRef::Text(t) => Value::from(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(b) => {
            serde_json::json!({ "base64": base64::engine::general_purpose::STANDARD.encode(b) })
        }
    }
}

/// A JSON value back as what SQLite stores, or why it cannot be one.
pub fn from_json(v: &Value) -> Result<SqlValue, String> {
    Ok(match v {
        Value::Null => SqlValue::Null,
        Value::Number(n) => match (n.as_i64(), n.as_f64()) {
            (Some(i), _) if !n.is_f64() => SqlValue::Integer(i),
            (_, Some(f)) if n.is_f64() => SqlValue::Real(f),
            _ => return Err(format!("the number {n} is out of range")),
        },
        Value::String(s) => SqlValue::Text(s.clone()),
        Value::Object(o) if o.len() == 1 => match o.iter().next() {
            Some((k, Value::String(s))) if k == "base64" => SqlValue::Blob(
                base64::engine::general_purpose::STANDARD
                    .decode(s)
                    .map_err(|e| format!("a blob is not valid base64 ({e})"))?,
            ),
            Some((k, Value::String(s))) if k == "real" && (s == "inf" || s == "-inf") => {
                SqlValue::Real(if s == "inf" {
                    f64::INFINITY
                } else {
                    f64::NEG_INFINITY
                })
            }
            _ => return Err(format!("{v} is not a value Wardbook writes")),
        },
        other => return Err(format!("{other} is not a value Wardbook writes")),
    })
}

fn checksum(tables: &[Table]) -> String {
    // Compact JSON of the parsed tables: the same bytes before writing and
    // after reading (serde_json prints numbers and strings canonically).
    let bytes = serde_json::to_vec(tables).unwrap_or_default();
    let digest = Sha256::digest(&bytes);
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    format!("sha256:{hex}")
}

fn json(v: impl Serialize) -> String {
    serde_json::to_string(&v).unwrap_or_else(|_| "null".into())
}

/// The document as text: the header first, one table row per line.
pub fn write(doc: &Document) -> String {
    let mut out = String::new();
    out.push_str("{\n");
    out.push_str(&format!("  \"format\": {},\n", json(FORMAT)));
    out.push_str(&format!("  \"format_version\": {FORMAT_VERSION},\n"));
    out.push_str(&format!("  \"about\": {},\n", json(ABOUT)));
    out.push_str(&format!("  \"schema_version\": {},\n", doc.schema_version));
    out.push_str(&format!("  \"app_version\": {},\n", json(&doc.app_version)));
    out.push_str(&format!("  \"exported_at\": {},\n", json(&doc.exported_at)));
    out.push_str(&format!("  \"department\": {},\n", json(&doc.department)));
    if let Some(id) = &doc.history_key {
        out.push_str(&format!("  \"history_key\": {},\n", json(id)));
    }
    out.push_str(&format!(
        "  \"checksum\": {},\n",
        json(checksum(&doc.tables))
    ));
    out.push_str("  \"tables\": [");
    for (i, t) in doc.tables.iter().enumerate() {
        out.push_str(if i == 0 { "\n" } else { ",\n" });
        out.push_str(&format!(
            "    {{\n      \"name\": {},\n      \"columns\": {},\n      \"rows\": [",
            json(&t.name),
            json(&t.columns)
        ));
        for (j, row) in t.rows.iter().enumerate() {
            out.push_str(if j == 0 { "\n        " } else { ",\n        " });
            out.push_str(&json(row));
        }
        out.push_str(if t.rows.is_empty() {
            "]\n    }"
        } else {
            "\n      ]\n    }"
        });
    }
    out.push_str("\n  ]\n}\n");
    out
}

fn refuse(message: impl Into<String>) -> AppError {
    AppError::new(ErrorCode::Validation, message)
}

fn not_ours(why: &str) -> AppError {
    refuse(format!(
        "This is not a Wardbook department file ({why}). Nothing was imported."
    ))
}

/// Reads a department file, refusing anything that is not one, is damaged,
/// or comes from a newer Wardbook.
pub fn parse(bytes: &[u8]) -> AppResult<Document> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let value: Value = serde_json::from_slice(bytes).map_err(|e| {
        if e.is_eof()
            && bytes.iter().any(|b| !b.is_ascii_whitespace())
            && bytes.trim_ascii_start().starts_with(b"{")
        {
            refuse(format!(
                "The file ends early (line {}): it was cut off while being copied or saved. \
                 Export it again from the original. Nothing was imported.",
                e.line()
            ))
        } else {
            not_ours("it is not JSON text")
        }
    })?;
    let field = |name: &str| value.get(name);
    if field("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(not_ours("it does not say it is one"));
    }
    let int = |name: &str| field(name).and_then(Value::as_i64);
    let text = |name: &str| {
        field(name)
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string()
    };
    let format_version =
        int("format_version").ok_or_else(|| not_ours("it has no format version"))?;
    let app_version = text("app_version");
    if format_version > FORMAT_VERSION {
        return Err(refuse(format!(
            "This department file was written by a newer Wardbook ({app_version}) in a layout this \
             one does not know; update Wardbook to import it. Nothing was imported."
        )));
    }
    let schema_version = int("schema_version")
        .filter(|v| *v >= 1)
        .ok_or_else(|| not_ours("it does not say which version of Wardbook wrote it"))?;
    let latest = crate::store::LATEST_VERSION;
    if schema_version > latest {
        return Err(refuse(format!(
            "This department file was written by a newer Wardbook ({app_version}) that keeps more \
             than this one knows (its records are of version {schema_version}; this one reads up to \
             {latest}). Update Wardbook to import it. Nothing was imported."
        )));
    }
    let tables: Vec<Table> = field("tables")
        .cloned()
        .map(serde_json::from_value)
        .transpose()
        .map_err(|e| {
            eprintln!("wardbook: a department file's tables cannot be read: {e}");
            not_ours("its records are not laid out as Wardbook writes them")
        })?
        .ok_or_else(|| not_ours("it holds no records"))?;
    // Anyone can recompute a checksum, so it proves nothing against a
    // forger; it tells an honest edit (or damage) after export, which the
    // import then names rather than refuses (the values still meet the
    // forms' rules, and each change goes into the history).
    let edited_after_export =
        field("checksum").and_then(Value::as_str) != Some(checksum(&tables).as_str());
    Ok(Document {
        schema_version,
        app_version,
        exported_at: text("exported_at"),
        department: text("department"),
        tables,
        history_key: field("history_key")
            .and_then(Value::as_str)
            .map(str::to_string),
        edited_after_export,
    })
}

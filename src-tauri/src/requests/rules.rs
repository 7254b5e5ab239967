//! The department's rule on requests: how many strong (or must) requests a
//! person may make per schedule period. Four by default: about one a week
//! of a four-week period, enough for the days that matter without turning
//! every wish into one the Fill must weigh above the rest.

use crate::error::{AppResult, Validator};
use crate::input;
use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub const DEFAULT_STRONG_PER_PERIOD: i64 = 4;
pub const MAX_STRONG_PER_PERIOD: i64 = 31;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RequestRules {
    /// Strong and must requests a person may make per schedule period.
    pub strong_per_period: i64,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct RequestRulesInput {
    /// As typed.
    pub strong_per_period: String,
}

pub fn load(conn: &Connection) -> AppResult<RequestRules> {
    let saved: Option<i64> = conn
        .query_row(
            "SELECT strong_per_period FROM staff_request_rules WHERE id = 1",
            [],
            |r| r.get(0),
        )
        .optional()?;
    Ok(RequestRules {
        strong_per_period: saved.unwrap_or(DEFAULT_STRONG_PER_PERIOD),
    })
}

pub fn save(conn: &Connection, form: &RequestRulesInput) -> AppResult<RequestRules> {
    let mut v = Validator::new();
    let cap = v.take(
        "strong_per_period",
        input::whole_number(
            &form.strong_per_period,
            0,
            MAX_STRONG_PER_PERIOD,
            "number of strong requests per period",
        ),
    );
    v.finish()?;
    conn.execute(
        "INSERT INTO staff_request_rules (id, strong_per_period) VALUES (1, ?1)
         ON CONFLICT (id) DO UPDATE SET strong_per_period = excluded.strong_per_period",
        [cap.unwrap_or(DEFAULT_STRONG_PER_PERIOD)],
    )?;
    load(conn)
}

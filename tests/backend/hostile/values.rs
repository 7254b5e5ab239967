//! Hostile values and a small seeded random source (no dependency: the run
//! must be reproducible from the seed it prints).

use serde_json::{json, Value};

/// The one seeded generator (SplitMix64): good enough to pick test inputs.
pub use wardbook::solver::splitmix::SplitMix64 as Rng;

/// Text a manager would never type, and some they would (so that some
/// inputs pass validation and reach deeper code).
const STRINGS: &[&str] = &[
    "",
    " ",
    "x",
    "'; DROP TABLE staff; --",
    "1 OR 1=1",
    "\" OR \"\"=\"",
    "Robert'); DELETE FROM audit_log; --",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "{@html x}",
    "%s%s%s%n",
    "\u{0}",
    "\u{202e}evil",
    "😀👩‍⚕️",
    "Ω≈ç√∫",
    "2026-02-30",
    "2026-13-01",
    "0000-00-00",
    "-0001-01-01",
    "9999-12-31",
    "2026-03-10",
    "2025-07",
    "24:61",
    "07:00",
    "-1",
    "0",
    "1",
    "0.9",
    "45.00",
    "-45.00",
    "1e309",
    "NaN",
    "99999999999999999999999",
    "RN",
    "D",
    "pto",
    "America/Chicago",
    "Not/AZone",
    "a,b,c\n1,2,3\n",
    "\"unterminated,csv\n",
];

const INTS: &[i64] = &[
    0,
    1,
    2,
    3,
    4,
    5,
    6,
    11,
    12,
    -1,
    -5,
    999_999_999,
    i32::MAX as i64,
    i64::MAX,
    i64::MIN,
];

pub fn string(rng: &mut Rng) -> Value {
    match rng.below(10) {
        // A huge string: names, notes and CSV text must be refused or handled, not choke.
        0 => Value::String("W".repeat(100_000 + rng.below(100_000))),
        1 => Value::String(format!("{}{}", rng.pick(STRINGS), rng.pick(STRINGS))),
        _ => Value::String(rng.pick(STRINGS).to_string()),
    }
}

pub fn int(rng: &mut Rng) -> Value {
    match rng.below(8) {
        0 => json!(u64::MAX),
        1 => json!(1.5e308),
        2 => json!(-0.5),
        _ => json!(*rng.pick(INTS)),
    }
}

/// Any JSON value at all, nested a little.
pub fn any(rng: &mut Rng, depth: u32) -> Value {
    match rng.below(if depth > 2 { 5 } else { 7 }) {
        0 => Value::Null,
        1 => Value::Bool(rng.chance(50)),
        2 => int(rng),
        3 | 4 => string(rng),
        5 => Value::Array((0..rng.below(4)).map(|_| any(rng, depth + 1)).collect()),
        _ => {
            let mut map = serde_json::Map::new();
            for _ in 0..rng.below(4) {
                map.insert(rng.pick(STRINGS).to_string(), any(rng, depth + 1));
            }
            Value::Object(map)
        }
    }
}

/// A value of the same JSON type as `like` (so argument parsing accepts it
/// and the command's own checks are what is tested), or now and then any
/// value at all (so argument parsing is tested too).
pub fn mutate(rng: &mut Rng, like: &Value, vocabulary: &[String]) -> Value {
    if rng.chance(15) {
        return any(rng, 0);
    }
    match like {
        Value::String(_) => string(rng),
        Value::Number(_) => int(rng),
        Value::Bool(_) => Value::Bool(rng.chance(50)),
        Value::Null => any(rng, 0),
        Value::Array(items) => {
            let n = rng.below(4);
            let model = items.first().cloned().unwrap_or_else(|| any(rng, 1));
            Value::Array((0..n).map(|_| mutate(rng, &model, vocabulary)).collect())
        }
        Value::Object(map) => {
            let mut out = serde_json::Map::new();
            for (k, v) in map {
                if rng.chance(5) {
                    continue; // a missing field
                }
                out.insert(
                    k.clone(),
                    if rng.chance(60) {
                        mutate(rng, v, vocabulary)
                    } else {
                        v.clone()
                    },
                );
            }
            if rng.chance(20) && !vocabulary.is_empty() {
                // A field some other command takes (an optional id, say).
                out.insert(rng.pick(vocabulary).clone(), any(rng, 1));
            }
            Value::Object(out)
        }
    }
}

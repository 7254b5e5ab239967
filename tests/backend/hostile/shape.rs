//! Learns each command's argument shape from the IPC layer's own refusals.
//!
//! Nothing here lists a command's arguments by hand: a command added later is
//! fuzzed with the right argument names and JSON types the first time this
//! test runs. Tauri says "command C missing required key K"; serde says
//! "missing field `f`", "invalid type: …, expected a string", "unknown
//! variant `x`, expected one of `a`, `b`". Each answer fixes one thing, until
//! the command accepts its arguments (and then answers from its own checks).

use serde_json::{json, Map, Value};

/// What the call learnt: the arguments, and whether they got past parsing.
pub struct Shape {
    pub args: Value,
    pub parsed: bool,
}

/// The refusal of argument parsing, as (argument, detail), if it is one.
pub fn arg_refusal(err: &Value) -> Option<(String, String)> {
    let text = err.as_str()?;
    // A `Channel` argument is parsed by Tauri itself, before the command runs,
    // and its refusal does not name the argument: count it as a parse refusal.
    if let Some(detail) = text.strip_prefix("invalid channel value ") {
        return Some((String::new(), detail.to_string()));
    }
    let rest = text.strip_prefix("invalid args `")?;
    let (key, rest) = rest.split_once('`')?;
    let (_, detail) = rest.split_once(": ")?;
    Some((key.to_string(), detail.to_string()))
}

fn between_backticks(text: &str) -> Option<&str> {
    let start = text.find('`')? + 1;
    let len = text[start..].find('`')?;
    Some(&text[start..start + len])
}

/// A value of the type serde said it expected.
fn expected_value(detail: &str) -> Value {
    if detail.contains("__CHANNEL__:ID") {
        return json!("__CHANNEL__:1");
    }
    let expect = detail.rsplit("expected ").next().unwrap_or("");
    if detail.contains("unknown variant") || expect.starts_with("one of") || expect.starts_with('`')
    {
        return json!(between_backticks(expect).unwrap_or(""));
    }
    let has = |w: &str| expect.contains(w);
    if has("i64") || has("i32") || has("u32") || has("u64") || has("usize") || has("integer") {
        json!(1)
    } else if has("f64") || has("f32") || has("float") {
        json!(1.0)
    } else if has("bool") {
        json!(false)
    } else if has("sequence") || has("array") || has("Vec") || has("tuple") {
        json!([])
    } else if has("struct") || has("map") {
        json!({})
    } else if has("string") || has("char") {
        json!("")
    } else {
        Value::Null
    }
}

fn set(args: &mut Value, path: &[String], value: Value) {
    let mut here = args;
    for (i, key) in path.iter().enumerate() {
        if !here.is_object() {
            *here = Value::Object(Map::new());
        }
        let map = here.as_object_mut().expect("made an object");
        if i + 1 == path.len() {
            map.insert(key.clone(), value);
            return;
        }
        here = map.entry(key.clone()).or_insert_with(|| json!({}));
    }
}

pub fn learn(call: &mut dyn FnMut(&Value) -> Result<Value, Value>) -> Shape {
    let mut args = json!({});
    // The value that parsing is most likely complaining about: the one set last.
    let mut last: Vec<String> = Vec::new();
    for _ in 0..80 {
        let err = match call(&args) {
            Ok(_) => return Shape { args, parsed: true },
            Err(e) => e,
        };
        let Some((key, detail)) = arg_refusal(&err) else {
            return Shape { args, parsed: true };
        };
        if detail.contains("missing required key") {
            last = vec![key];
            set(&mut args, &last, json!(""));
        } else if let Some(rest) = detail.split("missing field `").nth(1) {
            let field = rest.split('`').next().unwrap_or("").to_string();
            last = vec![key, field];
            set(&mut args, &last, json!(""));
        } else {
            // A refusal without a name (a Channel's) is about the value set last.
            let path = if last.first() == Some(&key) || (key.is_empty() && !last.is_empty()) {
                last.clone()
            } else {
                vec![key]
            };
            let value = expected_value(&detail);
            if args.pointer(&pointer(&path)) == Some(&value) {
                break; // learning nothing more
            }
            set(&mut args, &path, value);
        }
    }
    Shape {
        args,
        parsed: false,
    }
}

fn pointer(path: &[String]) -> String {
    path.iter().map(|p| format!("/{p}")).collect()
}

#[test]
fn refusals_are_read() {
    let e = json!("invalid args `input` for command `staff_create`: missing field `first_name`");
    assert_eq!(
        arg_refusal(&e),
        Some(("input".into(), "missing field `first_name`".into()))
    );
    assert_eq!(
        expected_value("invalid type: string \"\", expected i64"),
        json!(1)
    );
    assert_eq!(
        expected_value("unknown variant ``, expected one of `RN`, `LPN`"),
        json!("RN")
    );
}

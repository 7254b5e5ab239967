//! What the window knows and asks before its own code has loaded (the
//! page takes the answers over in `ui/src/lib/early.ts`, hence the name).
//!
//! The backend writes a script into the page that runs before any of the
//! page's scripts. It names the section to open (`--open`) and asks the
//! backend at once for the app status and that section's data. Those answers
//! take about as long as the page's code takes to load (some 20 ms), so they
//! travel while it loads instead of after; the page takes them over once
//! (`ui/src/lib/early.ts`).

use crate::staff::StaffQuery;
use tauri::Runtime;

/// `section` is one of `cli::SECTIONS`; none opens the Dashboard.
pub fn plugin<R: Runtime>(section: Option<&str>) -> tauri::plugin::TauriPlugin<R> {
    tauri::plugin::Builder::new("wardbook-start")
        .js_init_script(script(section.unwrap_or("dashboard")))
        .build()
}

/// The script: `__WARDBOOK_OPEN__`, and `__WARDBOOK_EARLY__` holding each
/// early question's command, arguments and answer (a promise). A failed
/// answer is left for the page to report: the no-op `catch` only keeps it
/// from counting as unhandled until the page takes it.
fn script(section: &str) -> String {
    let section_json = serde_json::to_string(section).expect("a string serialises");
    let first = match section {
        "staff" => {
            let args = serde_json::json!({ "query": StaffQuery::default() });
            format!("ask('staff_list', {args});")
        }
        "dashboard" => "ask('dashboard', {});".to_string(),
        _ => String::new(),
    };
    format!(
        r#"Object.defineProperty(window, '__WARDBOOK_OPEN__', {{ value: {section_json} }});
(function () {{
  var ipc = window.__TAURI_INTERNALS__;
  if (window !== window.top || !ipc || typeof ipc.invoke !== 'function') return;
  var early = [];
  function ask(cmd, args) {{
    var answer = ipc.invoke(cmd, args);
    answer.catch(function () {{}});
    early.push({{ cmd: cmd, args: args, answer: answer }});
  }}
  ask('app_status', {{}});
  {first}
  window.__WARDBOOK_EARLY__ = early;
}})();"#
    )
}

#[cfg(test)]
mod tests {
    use super::script;

    #[test]
    fn the_staff_section_asks_for_the_default_roster_with_the_status() {
        let s = script("staff");
        assert!(s.contains(r#"value: "staff""#));
        assert!(s.contains("ask('app_status', {});"));
        // The roster as it first opens: active staff by name (the page checks
        // the question is its own before taking the answer).
        let start = s.find("ask('staff_list', ").expect("asks for the roster") + 18;
        let end = start + s[start..].find(");").unwrap();
        let args: serde_json::Value = serde_json::from_str(&s[start..end]).unwrap();
        assert_eq!(
            args,
            serde_json::json!({ "query": { "search": "", "role": null, "employment_type": null,
                "status": "active", "sort": "name", "descending": false } })
        );
        assert!(!s.contains("ask('dashboard'"));
    }

    #[test]
    fn the_dashboard_asks_for_its_figures_and_other_sections_only_for_the_status() {
        let d = script("dashboard");
        assert!(d.contains("ask('dashboard', {});") && !d.contains("staff_list"));
        let b = script("budget");
        assert!(b.contains("ask('app_status', {});"));
        assert!(!b.contains("ask('dashboard'") && !b.contains("ask('staff_list'"));
    }

    #[test]
    fn the_section_name_is_written_as_a_json_string() {
        // Only `cli::SECTIONS` reach here, but a quote must never end the string.
        assert!(script(r#"x"; alert(1); ""#).contains(r#"value: "x\"; alert(1); \"""#));
    }
}

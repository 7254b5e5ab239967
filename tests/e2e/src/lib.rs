//! End-to-end test harness: starts `tauri-driver` (which starts WebKitWebDriver,
//! which starts the app), opens a WebDriver session on the real Wardbook window
//! and offers the few actions a test needs: find, click, type, read, wait,
//! screenshot.
//!
//! Configuration comes from the environment (`cargo xtask test` sets it):
//! - `WARDBOOK_APP`: absolute path of the built app (required: a test fails without it);
//! - `TAURI_DRIVER`: the tauri-driver binary (default: on PATH, then ~/.cargo/bin);
//! - `WEBKIT_WEBDRIVER`: the native driver (default: `WebKitWebDriver` on PATH);
//! - `DISPLAY`: an X display (xtask starts Xvfb when there is none).
//!
//! Nothing here skips: a missing app, driver or display is a test failure.

pub mod keys;
pub mod process;
pub mod webdriver;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

pub use process::Driver;
pub use webdriver::{By, Element, Session, WdError, WdResult};

/// How long a wait polls before the test fails. A wait ends as soon as what
/// it waits for is there, so this only bounds a failure; 10 s was too short for
/// the debug build on a busy 2-core machine (exporting the sample department
/// and the Fill's first progress report each took over 10 s there).
pub const WAIT: Duration = Duration::from_secs(30);
const POLL: Duration = Duration::from_millis(100);

/// The app under test, from `WARDBOOK_APP`.
pub fn app_path() -> PathBuf {
    let path = std::env::var_os("WARDBOOK_APP").filter(|p| !p.is_empty()).unwrap_or_else(|| {
        panic!("WARDBOOK_APP is not set: build the app (cargo build -p wardbook) and set it to the binary's absolute path, or run `cargo xtask test`")
    });
    let path = PathBuf::from(path);
    assert!(
        path.is_absolute(),
        "WARDBOOK_APP must be an absolute path, got {}",
        path.display()
    );
    assert!(
        path.is_file(),
        "WARDBOOK_APP={} does not exist",
        path.display()
    );
    path
}

/// Where screenshots go: `<workspace>/target/e2e-screenshots/`.
pub fn screenshot_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target"));
    let dir = target.join("e2e-screenshots");
    std::fs::create_dir_all(&dir).expect("create target/e2e-screenshots");
    dir
}

/// A fresh, empty data folder for one test (removed when dropped).
pub fn data_dir() -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix("wardbook-e2e-")
        .tempdir()
        .expect("create a temporary data folder")
}

/// The running app with a WebDriver session on its window.
pub struct App {
    session: Option<Session>,
    driver: Driver,
    data_dir: PathBuf,
}

impl App {
    /// Starts the app on `data_dir` (passed as `--data-dir`), with `extra_args`.
    pub fn launch(data_dir: &Path, extra_args: &[&str]) -> App {
        let app = app_path();
        assert!(
            std::env::var_os("DISPLAY").is_some_and(|d| !d.is_empty()),
            "DISPLAY is not set: start Xvfb (cargo xtask test does) before the end-to-end tests"
        );
        let driver = Driver::start();
        let mut args = vec!["--data-dir".to_string(), data_dir.display().to_string()];
        args.extend(extra_args.iter().map(|a| a.to_string()));
        let capabilities = json!({
            "capabilities": {
                "alwaysMatch": {
                    "tauri:options": { "application": app.display().to_string(), "args": args }
                }
            }
        });
        let session = Session::new(&driver.url(), capabilities).unwrap_or_else(|e| {
            panic!(
                "could not start a WebDriver session on {}: {e}\n{}",
                app.display(),
                driver.log_tail()
            )
        });
        App {
            session: Some(session),
            driver,
            data_dir: data_dir.to_path_buf(),
        }
    }

    pub fn session(&self) -> &Session {
        self.session.as_ref().expect("the session has ended")
    }

    /// Ends the session; the driver closes the window and the app exits. Waits
    /// until no process of the app on this data folder is left.
    pub fn quit(mut self) {
        if let Some(session) = self.session.take() {
            session
                .delete()
                .unwrap_or_else(|e| panic!("ending the session failed: {e}"));
        }
        let needle = self.data_dir.display().to_string();
        let deadline = Instant::now() + WAIT;
        while process::processes_with_arg(&needle).next().is_some() {
            assert!(
                Instant::now() < deadline,
                "the app on {needle} is still running {WAIT:?} after the session ended"
            );
            std::thread::sleep(POLL);
        }
    }

    // ---- finding -------------------------------------------------------

    pub fn try_find(&self, by: By) -> Option<Element> {
        match self.session().find(by) {
            Ok(el) => Some(el),
            Err(e) if e.is_no_such_element() => None,
            Err(e) => panic!("finding {by}: {e}"),
        }
    }

    /// Waits (up to 10 s) for an element matching the CSS selector.
    pub fn find(&self, css: &str) -> Element {
        self.wait_for(By::Css(css))
    }

    pub fn wait_for(&self, by: By) -> Element {
        self.wait_until(&format!("{by} to appear"), || self.try_find(by))
    }

    pub fn find_all(&self, css: &str) -> Vec<Element> {
        self.session()
            .find_all(By::Css(css))
            .unwrap_or_else(|e| panic!("finding all of css `{css}`: {e}"))
    }

    pub fn find_all_in(&self, parent: &Element, css: &str) -> Vec<Element> {
        self.session()
            .find_all_in(parent, By::Css(css))
            .unwrap_or_else(|e| panic!("finding all of css `{css}` in an element: {e}"))
    }

    pub fn find_in(&self, parent: &Element, css: &str) -> Element {
        self.session()
            .find_in(parent, By::Css(css))
            .unwrap_or_else(|e| panic!("finding css `{css}` in an element: {e}"))
    }

    /// A button by its exact visible text (whitespace-normalised).
    pub fn button(&self, text: &str) -> Element {
        self.wait_for(By::XPath(&format!(
            "//button[normalize-space()={}]",
            xpath_literal(text)
        )))
    }

    /// Polls `check` until it returns Some, or fails the test after 10 s.
    pub fn wait_until<T>(&self, what: &str, mut check: impl FnMut() -> Option<T>) -> T {
        let deadline = Instant::now() + WAIT;
        loop {
            if let Some(value) = check() {
                return value;
            }
            if Instant::now() >= deadline {
                let shot = self.screenshot_best_effort("timeout");
                panic!(
                    "timed out after {WAIT:?} waiting for {what}{shot}\n{}",
                    self.driver.log_tail()
                );
            }
            std::thread::sleep(POLL);
        }
    }

    /// Waits until the element's text equals `expected`; returns the text.
    pub fn wait_for_text(&self, css: &str, expected: &str) -> String {
        let mut last = String::new();
        let found = self.wait_until_or_none(|| {
            let el = self.try_find(By::Css(css))?;
            last = self.session().text(&el).ok()?.trim().to_string();
            (last == expected).then(|| last.clone())
        });
        found.unwrap_or_else(|| {
            let shot = self.screenshot_best_effort("timeout");
            panic!("css `{css}`: expected text {expected:?}, seen {last:?} (after {WAIT:?}){shot}")
        })
    }

    fn wait_until_or_none<T>(&self, mut check: impl FnMut() -> Option<T>) -> Option<T> {
        let deadline = Instant::now() + WAIT;
        loop {
            if let Some(value) = check() {
                return Some(value);
            }
            if Instant::now() >= deadline {
                return None;
            }
            std::thread::sleep(POLL);
        }
    }

    // ---- acting --------------------------------------------------------

    pub fn click(&self, el: &Element) {
        self.session()
            .click(el)
            .unwrap_or_else(|e| panic!("click: {e}"));
    }

    pub fn click_button(&self, text: &str) {
        let el = self.button(text);
        self.session()
            .click(&el)
            .unwrap_or_else(|e| panic!("clicking button {text:?}: {e}"));
    }

    /// Clears the field and types `text` into it, as a person would —
    /// who first scrolls it into the middle of its scrolling area (a field
    /// half under a dialog's fixed header is not one WebKit will type into).
    pub fn type_into(&self, css: &str, text: &str) {
        let el = self.find(css);
        self.execute(
            "arguments[0].scrollIntoView({block: 'center'});",
            vec![el.to_arg()],
        );
        let s = self.session();
        s.clear(&el)
            .unwrap_or_else(|e| panic!("clearing css `{css}`: {e}"));
        s.send_keys(&el, text)
            .unwrap_or_else(|e| panic!("typing into css `{css}`: {e}"));
    }

    /// Sends keys to an element (it takes the focus first), as a person
    /// typing on it would; see [`keys`] for arrows and the like.
    pub fn press(&self, el: &Element, keys: &str) {
        self.session()
            .send_keys(el, keys)
            .unwrap_or_else(|e| panic!("pressing keys on an element: {e}"));
    }

    /// Chooses the option with `value` in a `<select>` by clicking it, and
    /// checks that the select took it.
    pub fn select(&self, css: &str, value: &str) {
        // Found afresh, select and option both: the page may re-render the
        // select (its options reloaded) between two lookups.
        let option = self.find(&format!("{css} option[value={}]", css_string(value)));
        self.click(&option);
        let seen = self.value(&self.find(css));
        assert_eq!(
            seen, value,
            "css `{css}`: choosing option {value:?} left the select at {seen:?}"
        );
    }

    /// A form control's current value (the `value` property).
    pub fn value(&self, el: &Element) -> String {
        match self
            .session()
            .property(el, "value")
            .unwrap_or_else(|e| panic!("reading a value: {e}"))
        {
            Value::String(s) => s,
            Value::Null => String::new(),
            other => other.to_string(),
        }
    }

    // ---- reading -------------------------------------------------------

    pub fn text(&self, el: &Element) -> String {
        self.session()
            .text(el)
            .unwrap_or_else(|e| panic!("reading text: {e}"))
            .trim()
            .to_string()
    }

    pub fn text_of(&self, css: &str) -> String {
        let el = self.find(css);
        self.text(&el)
    }

    /// The element's rendered text (`innerText`, trimmed), for elements that
    /// WebKitWebDriver wrongly takes for hidden. Its displayedness atom
    /// (WebKit's ElementDisplayed.js, `elementOverflowsContainer`, marked
    /// FIXME there) counts any element styled `overflow: hidden` whose
    /// children are only text as hidden by overflow, so Get Element Text
    /// returns "" for it even on screen — e.g. the schedule grid's cells,
    /// which clip their text. `innerText` still follows CSS (nothing
    /// `display: none` or `visibility: hidden` is read).
    pub fn shown_text(&self, el: &Element) -> String {
        match self.execute("return arguments[0].innerText;", vec![el.to_arg()]) {
            Value::String(s) => s.trim().to_string(),
            other => panic!("innerText is not a string: {other}"),
        }
    }

    /// The text of the roster row that holds `employee_no`, its lines
    /// joined (the name cell has the job title, and a leaving date, on lines
    /// of their own); waits for the staff table first.
    pub fn roster_row(&self, employee_no: &str) -> Option<String> {
        self.find("#staff-table");
        self.find_all("#staff-table tbody tr")
            .iter()
            .map(|tr| self.shown_text(tr).replace('\n', " "))
            .find(|text| text.contains(employee_no))
    }

    /// Waits until the page stops growing: Settings' sections load one by
    /// one, and a button scrolled into view must not move before the click
    /// lands.
    pub fn settle(&self) {
        let height = || {
            self.execute(
                "return document.querySelector('main, .page')?.scrollHeight ?? 0;",
                vec![],
            )
        };
        let mut last = height();
        self.wait_until("the page to stop changing", || {
            std::thread::sleep(std::time::Duration::from_millis(300));
            let now = height();
            let same = now == last;
            last = now;
            same.then_some(())
        });
    }

    /// Waits until the element's rendered text, its whitespace collapsed, is
    /// `expected` (a table row or a multi-line cell read as one sentence).
    pub fn wait_for_words(&self, css: &str, expected: &str) {
        self.wait_until(&format!("css `{css}` to read {expected:?}"), || {
            let el = self.try_find(By::Css(css))?;
            let seen = self
                .shown_text(&el)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            (seen == expected).then_some(())
        });
    }

    /// Waits until the element's rendered text (see [`App::shown_text`])
    /// equals `expected`; returns the text.
    pub fn wait_for_shown_text(&self, css: &str, expected: &str) -> String {
        let mut last = String::new();
        let found = self.wait_until_or_none(|| {
            let el = self.try_find(By::Css(css))?;
            last = self.shown_text(&el);
            (last == expected).then(|| last.clone())
        });
        found.unwrap_or_else(|| {
            let shot = self.screenshot_best_effort("timeout");
            panic!("css `{css}`: expected rendered text {expected:?}, seen {last:?} (after {WAIT:?}){shot}")
        })
    }

    pub fn attribute(&self, el: &Element, name: &str) -> Option<String> {
        self.session()
            .attribute(el, name)
            .unwrap_or_else(|e| panic!("reading attribute {name}: {e}"))
    }

    pub fn title(&self) -> String {
        self.session()
            .title()
            .unwrap_or_else(|e| panic!("reading the title: {e}"))
    }

    pub fn execute(&self, script: &str, args: Vec<Value>) -> Value {
        self.session()
            .execute(script, args)
            .unwrap_or_else(|e| panic!("running a script: {e}"))
    }

    // ---- screenshots ---------------------------------------------------

    /// Waits until the page has painted its latest changes (two animation frames).
    pub fn wait_for_paint(&self) {
        let script = "const done = arguments[arguments.length - 1];\
                      requestAnimationFrame(() => requestAnimationFrame(() => done(true)));";
        self.session()
            .execute_async(script, vec![])
            .unwrap_or_else(|e| panic!("waiting for a paint: {e}"));
    }

    /// Saves a PNG of the window to target/e2e-screenshots/<name> and returns its path.
    pub fn screenshot(&self, name: &str) -> PathBuf {
        self.wait_for_paint();
        let png = self
            .session()
            .screenshot()
            .unwrap_or_else(|e| panic!("taking a screenshot: {e}"));
        assert!(png.starts_with(b"\x89PNG"), "the screenshot is not a PNG");
        let path = screenshot_dir().join(name);
        std::fs::write(&path, png).unwrap_or_else(|e| panic!("writing {}: {e}", path.display()));
        path
    }

    fn screenshot_best_effort(&self, label: &str) -> String {
        match self
            .session
            .as_ref()
            .and_then(|s| failure_screenshot(s, label))
        {
            Some(path) => format!("\n(screenshot: {})", path.display()),
            None => String::new(),
        }
    }
}

impl Drop for App {
    /// Ends the session (a screenshot first if the test is failing); the
    /// driver's own Drop then ends whatever is left of the app.
    fn drop(&mut self) {
        if let Some(session) = self.session.take() {
            if std::thread::panicking() {
                if let Some(path) = failure_screenshot(&session, "failure") {
                    eprintln!("screenshot of the failure: {}", path.display());
                }
            }
            let _ = session.delete();
        }
    }
}

/// Saves a screenshot named after the current test, if the window can still give one.
fn failure_screenshot(session: &Session, label: &str) -> Option<PathBuf> {
    let test = std::thread::current()
        .name()
        .unwrap_or("test")
        .replace("::", "-");
    let png = session.screenshot().ok()?;
    let path = screenshot_dir().join(format!("{test}-{label}.png"));
    std::fs::write(&path, png).ok()?;
    Some(path)
}

/// An XPath string literal for any text.
fn xpath_literal(s: &str) -> String {
    if !s.contains('\'') {
        format!("'{s}'")
    } else if !s.contains('"') {
        format!("\"{s}\"")
    } else {
        let parts: Vec<String> = s.split('\'').map(|p| format!("'{p}'")).collect();
        format!("concat({})", parts.join(", \"'\", "))
    }
}

/// A CSS string literal.
fn css_string(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// A CSV file as Windows exports write it: a UTF-8 byte order mark and
/// CRLF line ends, the last line ended too.
pub fn windows_csv<S: AsRef<str>>(rows: &[S]) -> Vec<u8> {
    let lines: Vec<&str> = rows.iter().map(AsRef::as_ref).collect();
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(lines.join("\r\n").into_bytes());
    bytes.extend(b"\r\n");
    bytes
}

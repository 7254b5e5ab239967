//! A small W3C WebDriver client: just the endpoints the end-to-end tests use.

use std::fmt;
use std::time::Duration;

use base64::Engine;
use serde_json::{json, Value};

/// The key under which W3C WebDriver returns an element reference.
const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

/// A WebDriver error: the HTTP status, the W3C error code and its message.
#[derive(Debug, Clone)]
pub struct WdError {
    pub status: u16,
    pub error: String,
    pub message: String,
}

impl WdError {
    fn transport(message: String) -> WdError {
        WdError {
            status: 0,
            error: "transport".into(),
            message,
        }
    }

    /// True when the error says that no element matched.
    pub fn is_no_such_element(&self) -> bool {
        self.error == "no such element"
    }
}

impl fmt::Display for WdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "WebDriver error {} ({}): {}",
            self.error, self.status, self.message
        )
    }
}

impl std::error::Error for WdError {}

pub type WdResult<T> = Result<T, WdError>;

/// An element found in the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Element(pub String);

impl Element {
    fn from_value(value: &Value) -> WdResult<Element> {
        value
            .get(ELEMENT_KEY)
            .and_then(Value::as_str)
            .map(|id| Element(id.to_string()))
            .ok_or_else(|| WdError::transport(format!("not an element reference: {value}")))
    }

    /// The element as a script argument.
    pub fn to_arg(&self) -> Value {
        json!({ ELEMENT_KEY: self.0 })
    }
}

/// How to find elements.
#[derive(Debug, Clone, Copy)]
pub enum By<'a> {
    Css(&'a str),
    XPath(&'a str),
}

impl By<'_> {
    fn to_json(self) -> Value {
        match self {
            By::Css(s) => json!({"using": "css selector", "value": s}),
            By::XPath(s) => json!({"using": "xpath", "value": s}),
        }
    }
}

impl fmt::Display for By<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            By::Css(s) => write!(f, "css `{s}`"),
            By::XPath(s) => write!(f, "xpath `{s}`"),
        }
    }
}

/// A WebDriver session on a server (here: tauri-driver).
pub struct Session {
    agent: ureq::Agent,
    base: String,
    id: String,
}

impl Session {
    /// Starts a session with the given capabilities (`{"capabilities": …}` body).
    pub fn new(server: &str, capabilities: Value) -> WdResult<Session> {
        let agent = agent(Duration::from_secs(60));
        let base = server.trim_end_matches('/').to_string();
        let value = request(
            &agent,
            "POST",
            &format!("{base}/session"),
            Some(&capabilities),
        )?;
        let id = value
            .get("sessionId")
            .and_then(Value::as_str)
            .ok_or_else(|| WdError::transport(format!("no sessionId in {value}")))?
            .to_string();
        Ok(Session { agent, base, id })
    }

    pub fn id(&self) -> &str {
        &self.id
    }

    fn url(&self, path: &str) -> String {
        format!("{}/session/{}{}", self.base, self.id, path)
    }

    fn get(&self, path: &str) -> WdResult<Value> {
        request(&self.agent, "GET", &self.url(path), None)
    }

    fn post(&self, path: &str, body: Value) -> WdResult<Value> {
        request(&self.agent, "POST", &self.url(path), Some(&body))
    }

    /// Ends the session: the driver closes the app.
    pub fn delete(&self) -> WdResult<()> {
        request(&self.agent, "DELETE", &self.url(""), None).map(|_| ())
    }

    pub fn title(&self) -> WdResult<String> {
        Ok(self.get("/title")?.as_str().unwrap_or_default().to_string())
    }

    pub fn find(&self, by: By) -> WdResult<Element> {
        Element::from_value(&self.post("/element", by.to_json())?)
    }

    pub fn find_all(&self, by: By) -> WdResult<Vec<Element>> {
        let value = self.post("/elements", by.to_json())?;
        value
            .as_array()
            .ok_or_else(|| WdError::transport(format!("not a list of elements: {value}")))?
            .iter()
            .map(Element::from_value)
            .collect()
    }

    pub fn find_all_in(&self, parent: &Element, by: By) -> WdResult<Vec<Element>> {
        let value = self.post(&format!("/element/{}/elements", parent.0), by.to_json())?;
        value
            .as_array()
            .ok_or_else(|| WdError::transport(format!("not a list of elements: {value}")))?
            .iter()
            .map(Element::from_value)
            .collect()
    }

    pub fn find_in(&self, parent: &Element, by: By) -> WdResult<Element> {
        Element::from_value(&self.post(&format!("/element/{}/element", parent.0), by.to_json())?)
    }

    pub fn click(&self, el: &Element) -> WdResult<()> {
        self.post(&format!("/element/{}/click", el.0), json!({}))
            .map(|_| ())
    }

    pub fn clear(&self, el: &Element) -> WdResult<()> {
        self.post(&format!("/element/{}/clear", el.0), json!({}))
            .map(|_| ())
    }

    pub fn send_keys(&self, el: &Element, text: &str) -> WdResult<()> {
        self.post(&format!("/element/{}/value", el.0), json!({ "text": text }))
            .map(|_| ())
    }

    /// The element's rendered text.
    pub fn text(&self, el: &Element) -> WdResult<String> {
        Ok(self
            .get(&format!("/element/{}/text", el.0))?
            .as_str()
            .unwrap_or_default()
            .to_string())
    }

    pub fn attribute(&self, el: &Element, name: &str) -> WdResult<Option<String>> {
        Ok(self
            .get(&format!("/element/{}/attribute/{name}", el.0))?
            .as_str()
            .map(String::from))
    }

    pub fn property(&self, el: &Element, name: &str) -> WdResult<Value> {
        self.get(&format!("/element/{}/property/{name}", el.0))
    }

    pub fn is_displayed(&self, el: &Element) -> WdResult<bool> {
        Ok(self
            .get(&format!("/element/{}/displayed", el.0))?
            .as_bool()
            .unwrap_or(false))
    }

    /// Runs a synchronous script in the page; `args` are passed as `arguments`.
    pub fn execute(&self, script: &str, args: Vec<Value>) -> WdResult<Value> {
        self.post("/execute/sync", json!({ "script": script, "args": args }))
    }

    /// Runs an asynchronous script: it ends by calling `arguments[arguments.length - 1](result)`.
    pub fn execute_async(&self, script: &str, args: Vec<Value>) -> WdResult<Value> {
        self.post("/execute/async", json!({ "script": script, "args": args }))
    }

    /// A PNG screenshot of the window.
    ///
    /// WebKitWebDriver takes it after the page's next paint. Wardbook draws
    /// without GPU compositing (src-tauri/src/rendering.rs), and then a page
    /// that has stopped changing never paints again and the screenshot waits
    /// forever; so a 1-pixel, all but transparent mark in a corner repaints
    /// itself until the screenshot is taken.
    pub fn screenshot(&self) -> WdResult<Vec<u8>> {
        self.execute(
            "const mark = document.createElement('div');
             mark.id = 'e2e-repaint';
             Object.assign(mark.style, { position: 'fixed', right: '0', bottom: '0',
               width: '1px', height: '1px', pointerEvents: 'none', zIndex: '2147483647' });
             document.body.append(mark);
             let on = false;
             window.__e2eRepaint = setInterval(() => {
               on = !on;
               mark.style.background = on ? 'rgba(0,0,0,0.01)' : 'rgba(0,0,0,0.02)';
             }, 16);",
            vec![],
        )?;
        let value = self.get("/screenshot");
        let _ = self.execute(
            "clearInterval(window.__e2eRepaint); document.getElementById('e2e-repaint')?.remove();",
            vec![],
        );
        let value = value?;
        let encoded = value
            .as_str()
            .ok_or_else(|| WdError::transport("screenshot is not a string".into()))?;
        base64::engine::general_purpose::STANDARD
            .decode(encoded.trim())
            .map_err(|e| WdError::transport(format!("screenshot is not base64: {e}")))
    }
}

fn agent(timeout: Duration) -> ureq::Agent {
    ureq::Agent::new_with_config(
        ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(timeout))
            .build(),
    )
}

/// Sends one WebDriver request and returns its `value`, or the W3C error.
fn request(agent: &ureq::Agent, method: &str, url: &str, body: Option<&Value>) -> WdResult<Value> {
    let result = match (method, body) {
        ("GET", _) => agent.get(url).call(),
        ("DELETE", _) => agent.delete(url).call(),
        (_, body) => agent
            .post(url)
            .content_type("application/json; charset=utf-8")
            .send(body.cloned().unwrap_or_else(|| json!({})).to_string()),
    };
    let mut response = result.map_err(|e| WdError::transport(format!("{method} {url}: {e}")))?;
    let status = response.status().as_u16();
    let text = response
        .body_mut()
        .with_config()
        .limit(256 * 1024 * 1024)
        .read_to_string()
        .map_err(|e| WdError::transport(format!("{method} {url}: reading the answer: {e}")))?;
    let json: Value = if text.trim().is_empty() {
        Value::Null
    } else {
        serde_json::from_str(&text).map_err(|e| {
            WdError::transport(format!("{method} {url}: answer is not JSON ({e}): {text}"))
        })?
    };
    let value = json.get("value").cloned().unwrap_or(Value::Null);
    if (200..300).contains(&status) {
        return Ok(value);
    }
    Err(WdError {
        status,
        error: value
            .get("error")
            .and_then(Value::as_str)
            .unwrap_or("unknown error")
            .to_string(),
        message: value
            .get("message")
            .and_then(Value::as_str)
            .map(String::from)
            .unwrap_or(text),
    })
}

//! WebDriver key codes (W3C WebDriver §17.4.2) for `send_keys`: a person's
//! keys as the characters WebDriver reads as them.

pub const NULL: &str = "\u{E000}";
pub const ENTER: &str = "\u{E007}";
pub const ESCAPE: &str = "\u{E00C}";
pub const HOME: &str = "\u{E011}";
pub const END: &str = "\u{E010}";
pub const ARROW_LEFT: &str = "\u{E012}";
pub const ARROW_UP: &str = "\u{E013}";
pub const ARROW_RIGHT: &str = "\u{E014}";
pub const ARROW_DOWN: &str = "\u{E015}";
pub const DELETE: &str = "\u{E017}";

/// `key` pressed `n` times.
pub fn repeat(key: &str, n: usize) -> String {
    key.repeat(n)
}

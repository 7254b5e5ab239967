//! Money in integer cents: shares of an hourly rate rounded once, and the
//! three ways an amount is written — "$1,234.56" for the manager,
//! "1,234.56" in a printed table's money column, "1234.56" in a CSV file
//! or a form's field.

/// `numerator / denominator` rounded half away from zero (half up for the
/// non-negative amounts of pay), saturating at the ends of `i64`;
/// `denominator > 0`.
pub fn div_round(numerator: i128, denominator: i128) -> i64 {
    debug_assert!(denominator > 0);
    let half = denominator / 2;
    let q = if numerator >= 0 {
        (numerator + half) / denominator
    } else {
        -((-numerator + half) / denominator)
    };
    q.clamp(i64::MIN as i128, i64::MAX as i128) as i64
}

/// An amount of money in cents; negative for a credit or a variance.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Cents(pub i64);

impl Cents {
    /// Pay at this hourly rate for `minutes`, to the cent.
    pub fn for_minutes(self, minutes: i64) -> Cents {
        self.scaled(minutes as i128, 60)
    }

    /// `self × numerator / denominator` to the cent (a premium of half the
    /// rate is `scaled(1, 2)`); `denominator > 0`.
    pub fn scaled(self, numerator: i128, denominator: i128) -> Cents {
        Cents(div_round(self.0 as i128 * numerator, denominator))
    }

    /// The hourly rate that `self` paid for `minutes` works out at; zero
    /// for no minutes.
    pub fn per_hour(self, minutes: i64) -> Cents {
        if minutes <= 0 {
            return Cents(0);
        }
        Cents(div_round(self.0 as i128 * 60, minutes as i128))
    }

    /// "$1,234.56", "-$48.50": how the manager reads an amount.
    pub fn dollars(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        format!("{sign}${}", grouped(self.0.unsigned_abs()))
    }

    /// "$48.50/h": an hourly rate.
    pub fn rate(self) -> String {
        format!("{}/h", self.dollars())
    }

    /// "1,234.56", "-1,000.05": a printed table's money column, where the
    /// heading says the currency.
    pub fn grouped(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        format!("{sign}{}", grouped(self.0.unsigned_abs()))
    }

    /// "1234.56", "-12.34": as a CSV file or a form's field holds it.
    pub fn plain(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        format!("{sign}{}.{:02}", abs / 100, abs % 100)
    }
}

/// "1,234.56" from a number of cents.
fn grouped(abs: u64) -> String {
    let whole = (abs / 100).to_string();
    let mut out = String::new();
    for (i, ch) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    format!("{out}.{:02}", abs % 100)
}

#[cfg(test)]
#[path = "cents_tests.rs"]
mod tests;

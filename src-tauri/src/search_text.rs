//! Searching for people by what a manager types: "lucia" finds Lucía,
//! "muller" finds Müller, "nguyen" finds Nguyễn. Text is folded — decomposed
//! (Unicode NFKD), accents dropped, lower-cased — on both sides before it is
//! compared, so no search depends on how a name was keyed in.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// `text` without accents, in lower case, for comparing.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.nfkd().filter(|c| !is_combining_mark(*c)) {
        // Letters that carry their mark inside them do not decompose.
        match c {
            'ß' | 'ẞ' => out.push_str("ss"),
            'æ' | 'Æ' => out.push_str("ae"),
            'œ' | 'Œ' => out.push_str("oe"),
            'ø' | 'Ø' => out.push('o'),
            'đ' | 'Đ' | 'ð' | 'Ð' => out.push('d'),
            'ł' | 'Ł' => out.push('l'),
            'ı' => out.push('i'),
            'þ' | 'Þ' => out.push_str("th"),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// A search as typed, folded once: empty matches everything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Needle(String);

impl Needle {
    pub fn new(typed: &str) -> Self {
        Needle(fold(typed.trim()))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn found_in(&self, haystack: &str) -> bool {
        self.0.is_empty() || fold(haystack).contains(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_and_case_do_not_matter_either_way() {
        for (typed, name) in [
            ("lucia", "Lucía Fernández"),
            ("muller", "Jonas Müller"),
            ("nguyen", "Nguyễn Thị Lan"),
            ("NGUYEN", "nguyễn"),
            ("Lucía", "LUCIA"),
            ("françois", "Francois"),
            ("zoe", "Zoë"),
            ("dang", "Đặng Văn"),
            ("strasse", "Straße"),
            ("soren", "Søren"),
            ("lukasz", "Łukasz"),
        ] {
            assert!(
                Needle::new(typed).found_in(name),
                "{typed:?} finds {name:?}"
            );
        }
    }

    #[test]
    fn a_fold_still_tells_different_letters_apart() {
        assert!(!Needle::new("lucas").found_in("Lucía"));
        assert!(
            !Needle::new("nguyen ").found_in("Nguy"),
            "trimmed, then whole"
        );
        assert!(Needle::new("  ").found_in("anyone"), "blank matches all");
        assert!(Needle::new("  ").is_empty());
        // A name typed decomposed (e + combining acute) and precomposed (é) are one.
        assert_eq!(fold("Rene\u{301}e"), fold("Renée"));
        assert_eq!(fold("Renée"), "renee");
        // Compatibility forms: full-width letters and ligatures fold too.
        assert_eq!(fold("ＡＢＣ ﬁ"), "abc fi");
    }
}

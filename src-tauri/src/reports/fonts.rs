//! The two faces the PDF reports use, bundled so a report looks the same on
//! every machine and nothing is fetched: DejaVu Sans Condensed, regular and
//! bold (Bitstream Vera licence, `src-tauri/fonts/LICENSE-DejaVu.txt`). The
//! condensed cut fits a six-week grid on a landscape page and still reads at
//! 7 pt. krilla embeds only the glyphs a report uses.
//!
//! Widths are measured here (krilla draws but does not measure) from the
//! font's advance widths, without kerning: close enough to right-align
//! numbers and to wrap or shorten text inside a column.

use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};
use std::sync::OnceLock;

const REGULAR: &[u8] = include_bytes!("../../fonts/DejaVuSansCondensed.ttf");
const BOLD: &[u8] = include_bytes!("../../fonts/DejaVuSansCondensed-Bold.ttf");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Face {
    Regular,
    Bold,
}

/// Advance widths in em for the first 0x250 code points (Latin, with
/// accents), the rest looked up on demand.
struct Metrics {
    data: &'static [u8],
    table: Vec<f32>,
}

const TABLE_SIZE: u32 = 0x250;

impl Metrics {
    fn new(data: &'static [u8]) -> Self {
        let mut m = Metrics {
            data,
            table: Vec::new(),
        };
        m.table = (0..TABLE_SIZE)
            .map(|c| char::from_u32(c).map_or(0.0, |c| m.lookup(c)))
            .collect();
        m
    }

    fn lookup(&self, c: char) -> f32 {
        let Ok(font) = FontRef::new(self.data) else {
            return 0.5;
        };
        let upem = f32::from(font.head().map_or(2048, |h| h.units_per_em()));
        let glyph = font.charmap().map(c).unwrap_or_default();
        font.glyph_metrics(Size::unscaled(), LocationRef::default())
            .advance_width(glyph)
            .map_or(0.5, |w| w / upem)
    }

    fn em(&self, c: char) -> f32 {
        self.table
            .get(c as usize)
            .copied()
            .unwrap_or_else(|| self.lookup(c))
    }
}

use skrifa::raw::TableProvider;

fn metrics(face: Face) -> &'static Metrics {
    static REG: OnceLock<Metrics> = OnceLock::new();
    static BLD: OnceLock<Metrics> = OnceLock::new();
    match face {
        Face::Regular => REG.get_or_init(|| Metrics::new(REGULAR)),
        Face::Bold => BLD.get_or_init(|| Metrics::new(BOLD)),
    }
}

/// The width of `text` in points at `size`.
pub fn width(face: Face, size: f32, text: &str) -> f32 {
    let m = metrics(face);
    text.chars().map(|c| m.em(c)).sum::<f32>() * size
}

/// The krilla fonts of one document.
#[derive(Clone)]
pub struct Fonts {
    pub regular: krilla::text::Font,
    pub bold: krilla::text::Font,
}

impl Fonts {
    pub fn load() -> Self {
        // The bundled files are known-good TrueType; failing here is a build defect.
        let load = |data: &'static [u8]| {
            krilla::text::Font::new(data.into(), 0).expect("the bundled font is valid TrueType")
        };
        Fonts {
            regular: load(REGULAR),
            bold: load(BOLD),
        }
    }

    pub fn get(&self, face: Face) -> krilla::text::Font {
        match face {
            Face::Regular => self.regular.clone(),
            Face::Bold => self.bold.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wider_text_measures_wider_and_bold_is_wider() {
        let narrow = width(Face::Regular, 10.0, "iii");
        let wide = width(Face::Regular, 10.0, "WWW");
        assert!(
            wide > 2.0 * narrow,
            "W is far wider than i: {wide} vs {narrow}"
        );
        assert!(
            width(Face::Bold, 10.0, "Nurse") > width(Face::Regular, 10.0, "Nurse"),
            "bold is wider than regular"
        );
        // DejaVu Sans Condensed digits are 0.572 em: ten at 10 pt ≈ 57 pt.
        let digits = width(Face::Regular, 10.0, "0123456789");
        assert!((50.0..65.0).contains(&digits), "digits measured {digits}");
        assert!(
            width(Face::Regular, 10.0, "Łódź") > 0.0,
            "accents outside Latin-1 measure too"
        );
    }
}

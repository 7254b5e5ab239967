//! Where everything of a report goes on paper, before anything is drawn:
//! column widths, each cell's lines (wrapped or shortened to fit), and which
//! rows fall on which page. Planning first is what lets every page say
//! "Page n of m" and repeat the table's header.
//!
//! Units are PDF points (1/72 in), y growing downward from the top edge.

use super::fonts::{self, Face};
use super::table::{Orientation, Report, RowKind};
use super::Paper;
use std::ops::Range;

/// US Letter, the paper of a US hospital's printers.
pub const LETTER: (f32, f32) = (612.0, 792.0);
/// ISO A4 (210 × 297 mm), everywhere else.
pub const A4: (f32, f32) = (595.28, 841.89);
pub const MARGIN: f32 = 36.0;
/// The page header (department, title, date, scope) ends here.
pub const HEADER_BOTTOM: f32 = 84.0;
/// The table stops this far above the page's bottom edge; the footer sits below.
pub const FOOTER_SPACE: f32 = 40.0;
pub const SUMMARY_SIZE: f32 = 9.0;
pub const CELL_PAD_X: f32 = 3.0;
pub const CELL_PAD_Y: f32 = 2.5;

pub fn page_size(orientation: Orientation, paper: Paper) -> (f32, f32) {
    let (w, h) = match paper {
        Paper::Letter => LETTER,
        Paper::A4 => A4,
    };
    match orientation {
        Orientation::Portrait => (w, h),
        Orientation::Landscape => (h, w),
    }
}

pub fn line_height(size: f32) -> f32 {
    size * 1.22
}

/// The plan of one page.
#[derive(Debug, Clone, PartialEq)]
pub struct PagePlan {
    pub rows: Range<usize>,
    /// The first page carries the summary lines.
    pub summary: bool,
    /// The last page carries the notes.
    pub notes: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub width: f32,
    pub height: f32,
    /// Left edge and width of each column.
    pub columns: Vec<(f32, f32)>,
    pub header_lines: Vec<Vec<String>>,
    pub header_height: f32,
    /// Per row, per cell, its lines.
    pub cells: Vec<Vec<Vec<String>>>,
    pub row_heights: Vec<f32>,
    pub summary_height: f32,
    pub notes_lines: Vec<String>,
    pub notes_height: f32,
    pub pages: Vec<PagePlan>,
}

/// `text` shortened with "…" to fit `max` points.
pub fn fit(face: Face, size: f32, text: &str, max: f32) -> String {
    if fonts::width(face, size, text) <= max {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        out.push(c);
        if fonts::width(face, size, &out) + fonts::width(face, size, "…") > max {
            out.pop();
            break;
        }
    }
    format!("{}…", out.trim_end())
}

/// A header line in lines of at most `max` points: broken at spaces, and a
/// word too wide alone shortened with "…" rather than split.
fn header_lines_of(text: &str, size: f32, max: f32) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if fonts::width(Face::Bold, size, &format!("{line} {word}")) <= max => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(fit(Face::Bold, size, word, max)),
        }
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

/// `text` broken into lines of at most `max` points, at spaces where it can
/// and inside a word only when the word alone is too long. Line breaks in
/// the text are kept.
pub fn wrap(face: Face, size: f32, text: &str, max: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            let candidate = if line.is_empty() {
                word.to_string()
            } else {
                format!("{line} {word}")
            };
            if fonts::width(face, size, &candidate) <= max {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            // The word alone: split it where it overflows.
            for c in word.chars() {
                line.push(c);
                if fonts::width(face, size, &line) > max && line.chars().count() > 1 {
                    line.pop();
                    lines.push(std::mem::take(&mut line));
                    line.push(c);
                }
            }
        }
        lines.push(line);
    }
    lines
}

/// The parts a report prints as: itself, or one part per band of a wide
/// grid, each with its band's label after the scope. The summary goes with
/// the first part and the notes with the last.
pub fn parts(report: &Report) -> Vec<Report> {
    let Some(bands) = &report.bands else {
        return vec![report.clone()];
    };
    let n = report.columns.len();
    let right = n.saturating_sub(bands.fixed_right);
    let last = bands.bands.len().saturating_sub(1);
    bands
        .bands
        .iter()
        .enumerate()
        .map(|(k, (range, label))| {
            let keep: Vec<usize> = (0..bands.fixed_left)
                .chain(range.start + bands.fixed_left..range.end + bands.fixed_left)
                .chain(right..n)
                .collect();
            let pick = |all_cells: &[super::table::Cell]| -> Vec<super::table::Cell> {
                keep.iter()
                    .map(|&i| all_cells.get(i).cloned().unwrap_or_default())
                    .collect()
            };
            Report {
                scope: format!("{} · {label}", report.scope),
                summary: if k == 0 {
                    report.summary.clone()
                } else {
                    Vec::new()
                },
                notes: if k == last {
                    report.notes.clone()
                } else {
                    Vec::new()
                },
                columns: keep.iter().map(|&i| report.columns[i].clone()).collect(),
                rows: report
                    .rows
                    .iter()
                    .map(|r| super::table::Row {
                        cells: pick(&r.cells),
                        kind: r.kind,
                    })
                    .collect(),
                bands: None,
                ..report.clone()
            }
        })
        .collect()
}

/// The plan on US Letter.
pub fn plan(report: &Report) -> Plan {
    plan_on(report, Paper::Letter)
}

pub fn plan_on(report: &Report, paper: Paper) -> Plan {
    let (width, height) = page_size(report.orientation, paper);
    let size = report.font_size;
    let lh = line_height(size);
    let usable = width - 2.0 * MARGIN;
    let total_weight: f32 = report
        .columns
        .iter()
        .map(|c| c.weight)
        .sum::<f32>()
        .max(1e-3);
    let mut x = MARGIN;
    let columns: Vec<(f32, f32)> = report
        .columns
        .iter()
        .map(|c| {
            let w = usable * c.weight / total_weight;
            let at = (x, w);
            x += w;
            at
        })
        .collect();
    let inner = |i: usize| (columns[i].1 - 2.0 * CELL_PAD_X).max(1.0);

    let header_lines: Vec<Vec<String>> = report
        .columns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            // Wrapped at spaces ("Employee no." over two lines), shortened
            // only where one word alone is wider than the column.
            c.header
                .split('\n')
                .flat_map(|l| header_lines_of(l, size, inner(i)))
                .collect()
        })
        .collect();
    let header_rows = header_lines.iter().map(Vec::len).max().unwrap_or(1);
    let header_height = header_rows as f32 * lh + 2.0 * CELL_PAD_Y;

    let cells: Vec<Vec<Vec<String>>> = report
        .rows
        .iter()
        .map(|row| {
            let face = match row.kind {
                RowKind::Total => Face::Bold,
                RowKind::Body => Face::Regular,
            };
            row.cells
                .iter()
                .enumerate()
                .take(columns.len())
                .map(|(i, cell)| {
                    let face = if cell.alert { Face::Bold } else { face };
                    if report.columns[i].wrap {
                        wrap(face, size, &cell.text, inner(i))
                    } else {
                        vec![fit(face, size, &cell.text, inner(i))]
                    }
                })
                .collect()
        })
        .collect();
    let row_heights: Vec<f32> = cells
        .iter()
        .map(|c| c.iter().map(Vec::len).max().unwrap_or(1).max(1) as f32 * lh + 2.0 * CELL_PAD_Y)
        .collect();

    let summary_height = if report.summary.is_empty() {
        0.0
    } else {
        report.summary.len() as f32 * line_height(SUMMARY_SIZE) + 6.0
    };
    let notes_lines: Vec<String> = report
        .notes
        .iter()
        .flat_map(|n| wrap(Face::Regular, SUMMARY_SIZE - 1.0, n, usable))
        .collect();
    let notes_height = if notes_lines.is_empty() {
        0.0
    } else {
        notes_lines.len() as f32 * line_height(SUMMARY_SIZE - 1.0) + 10.0
    };

    let bottom = height - FOOTER_SPACE;
    let mut pages = Vec::new();
    let mut start = 0;
    let mut y = HEADER_BOTTOM + summary_height + header_height;
    for (i, h) in row_heights.iter().enumerate() {
        // A page holds at least one row, however tall, so planning always ends.
        if y + h > bottom && i > start {
            pages.push(PagePlan {
                rows: start..i,
                summary: pages.is_empty(),
                notes: false,
            });
            start = i;
            y = HEADER_BOTTOM + header_height;
        }
        y += h;
    }
    if report.rows.is_empty() {
        y += lh + 2.0 * CELL_PAD_Y; // the "nothing to list" line
    }
    let last_has_room = y + notes_height <= bottom;
    pages.push(PagePlan {
        rows: start..report.rows.len(),
        summary: pages.is_empty(),
        notes: last_has_room,
    });
    if !last_has_room {
        let end = report.rows.len();
        pages.push(PagePlan {
            rows: end..end,
            summary: false,
            notes: true,
        });
    }
    Plan {
        width,
        height,
        columns,
        header_lines,
        header_height,
        cells,
        row_heights,
        summary_height,
        notes_lines,
        notes_height,
        pages,
    }
}

#[cfg(test)]
mod tests {
    use super::super::table::{Cell, Column, Row};
    use super::*;

    fn report(rows: usize, notes: usize) -> Report {
        Report {
            title: "Staff roster".into(),
            department: "4 West".into(),
            generated_on: chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
            scope: "As of 2026-11-27".into(),
            orientation: Orientation::Portrait,
            font_size: 8.0,
            summary: vec!["150 people".into()],
            columns: vec![Column::left("Name", 3.0), Column::right("FTE", 1.0)],
            rows: (0..rows)
                .map(|i| Row::body(vec![format!("Person {i}").into(), "0.90".into()]))
                .collect(),
            notes: (0..notes).map(|i| format!("Note {i}")).collect(),
            bands: None,
            file_stem: "roster".into(),
        }
    }

    #[test]
    fn rows_flow_onto_pages_in_order_without_loss() {
        let p = plan(&report(150, 1));
        assert!(p.pages.len() >= 2, "150 rows at 8 pt need more than a page");
        let mut next = 0;
        for page in &p.pages {
            assert_eq!(
                page.rows.start, next,
                "pages continue where the last stopped"
            );
            next = page.rows.end;
        }
        assert_eq!(next, 150, "every row is on a page");
        assert!(
            p.pages[0].summary && !p.pages[1].summary,
            "summary on page 1 only"
        );
        assert!(p.pages.last().unwrap().notes, "notes on the last page");
    }

    #[test]
    fn notes_that_do_not_fit_get_a_page_of_their_own() {
        // Find a row count that fills the first page exactly, then add notes.
        let full = plan(&report(1, 0)).row_heights[0];
        let room = LETTER.1
            - FOOTER_SPACE
            - HEADER_BOTTOM
            - plan(&report(1, 0)).summary_height
            - plan(&report(1, 0)).header_height;
        let rows = (room / full).floor() as usize;
        let p = plan(&report(rows, 5));
        assert_eq!(p.pages.len(), 2, "a full page of rows, then the notes");
        assert_eq!(p.pages[1].rows, rows..rows);
        assert!(p.pages[1].notes && !p.pages[0].notes);
    }

    #[test]
    fn a4_pages_are_a4_either_way_round_and_hold_more_rows_upright() {
        let letter = plan_on(&report(400, 0), Paper::Letter);
        let a4 = plan_on(&report(400, 0), Paper::A4);
        assert_eq!((letter.width, letter.height), (612.0, 792.0));
        assert_eq!((a4.width, a4.height), (595.28, 841.89), "210 × 297 mm");
        assert!(
            a4.pages[0].rows.len() > letter.pages[0].rows.len(),
            "A4 is taller than Letter, so a page holds more rows"
        );
        let mut wide = report(1, 0);
        wide.orientation = Orientation::Landscape;
        let p = plan_on(&wide, Paper::A4);
        assert_eq!((p.width, p.height), (841.89, 595.28), "landscape A4");
    }

    #[test]
    fn an_empty_report_is_one_page() {
        let p = plan(&report(0, 1));
        assert_eq!(p.pages.len(), 1);
        assert_eq!(p.pages[0].rows, 0..0);
    }

    #[test]
    fn a_wide_grid_prints_in_bands_with_its_fixed_columns_on_each() {
        let mut r = report(2, 1);
        // Name, 6 days, Total: the days in two bands of 3.
        r.columns = std::iter::once(Column::left("Name", 3.0))
            .chain((1..=6).map(|d| Column::left(format!("D{d}"), 1.0)))
            .chain(std::iter::once(Column::right("Total", 1.0)))
            .collect();
        r.rows = vec![Row::body(
            ["Lopez", "a", "b", "c", "d", "e", "f", "36"]
                .map(Cell::text)
                .to_vec(),
        )];
        r.bands = Some(super::super::table::Bands {
            fixed_left: 1,
            fixed_right: 1,
            bands: vec![(0..3, "Days 1–3".into()), (3..6, "Days 4–6".into())],
        });
        let parts = parts(&r);
        assert_eq!(parts.len(), 2);
        let texts = |p: &Report| {
            p.rows[0]
                .cells
                .iter()
                .map(|c| c.text.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(texts(&parts[0]), ["Lopez", "a", "b", "c", "36"]);
        assert_eq!(texts(&parts[1]), ["Lopez", "d", "e", "f", "36"]);
        assert_eq!(parts[1].columns[1].header, "D4");
        assert_eq!(parts[0].scope, "As of 2026-11-27 · Days 1–3");
        assert!(
            !parts[0].summary.is_empty() && parts[1].summary.is_empty(),
            "summary once, first"
        );
        assert!(
            parts[0].notes.is_empty() && !parts[1].notes.is_empty(),
            "notes once, last"
        );
        assert_eq!(
            super::parts(&report(2, 1)).len(),
            1,
            "a report without bands is one part"
        );
    }

    #[test]
    fn wrapping_breaks_at_spaces_and_keeps_every_word() {
        let text = "Two agency nurses covered the November sick calls on nights";
        let lines = wrap(Face::Regular, 8.0, text, 80.0);
        assert!(lines.len() > 1);
        for l in &lines {
            assert!(fonts::width(Face::Regular, 8.0, l) <= 80.0, "{l:?} fits");
        }
        assert_eq!(lines.join(" "), text, "nothing lost");
        let long = wrap(
            Face::Regular,
            8.0,
            "Supercalifragilisticexpialidocious",
            30.0,
        );
        assert!(long.len() > 1 && long.concat() == "Supercalifragilisticexpialidocious");
    }

    #[test]
    fn a_header_wraps_at_spaces_and_shortens_only_a_word_too_wide() {
        let two = header_lines_of(
            "Employee no.",
            8.5,
            fonts::width(Face::Bold, 8.5, "Employee") + 1.0,
        );
        assert_eq!(two, ["Employee", "no."]);
        let one = header_lines_of("Employee no.", 8.5, 200.0);
        assert_eq!(one, ["Employee no."]);
        let cut = header_lines_of("Scheduled", 8.5, fonts::width(Face::Bold, 8.5, "Sched"));
        assert_eq!(cut.len(), 1);
        assert!(cut[0].ends_with('…'), "{cut:?}");
        assert_eq!(header_lines_of("", 8.5, 50.0), [""]);
    }

    #[test]
    fn fitting_shortens_with_an_ellipsis_only_when_needed() {
        assert_eq!(fit(Face::Regular, 8.0, "Lopez", 100.0), "Lopez");
        let short = fit(
            Face::Regular,
            8.0,
            "Montgomery-Castellanos, Alexandra",
            60.0,
        );
        assert!(short.ends_with('…') && fonts::width(Face::Regular, 8.0, &short) <= 60.0);
    }
}

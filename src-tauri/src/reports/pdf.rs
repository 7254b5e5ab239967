//! A report as a real, paginated PDF (krilla): on every page the department,
//! the report's name, the day it was made and what it covers, the table's
//! header again, and "Page n of m" at the foot. Text is real text in an
//! embedded, subset font, so it can be searched, copied and read aloud.

use super::fonts::{self, Face, Fonts};
use super::layout::{self, Plan, CELL_PAD_X, CELL_PAD_Y, HEADER_BOTTOM, MARGIN, SUMMARY_SIZE};
use super::table::{Align, Report, RowKind};
use crate::error::{AppError, AppResult, ErrorCode};
use crate::input::format_date;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::text::TextDirection;
use krilla::Document;

const INK: (u8, u8, u8) = (20, 24, 31);
const MUTED: (u8, u8, u8) = (90, 98, 110);
const RULE: (u8, u8, u8) = (150, 158, 170);
const HEADER_FILL: (u8, u8, u8) = (226, 231, 238);
const STRIPE: (u8, u8, u8) = (245, 247, 250);
const SHADE: (u8, u8, u8) = (234, 236, 240);
const ALERT_FILL: (u8, u8, u8) = (252, 222, 222);
const ALERT_INK: (u8, u8, u8) = (150, 20, 20);

fn color((r, g, b): (u8, u8, u8)) -> rgb::Color {
    rgb::Color::new(r, g, b)
}

struct Pen<'a, 'b> {
    surface: &'a mut Surface<'b>,
    fonts: &'a Fonts,
}

impl Pen<'_, '_> {
    fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, fill: (u8, u8, u8)) {
        let mut pb = PathBuilder::new();
        let Some(r) = Rect::from_xywh(x, y, w, h) else {
            return;
        };
        pb.push_rect(r);
        if let Some(path) = pb.finish() {
            self.surface.set_stroke(None);
            self.surface.set_fill(Some(Fill {
                paint: color(fill).into(),
                ..Fill::default()
            }));
            self.surface.draw_path(&path);
        }
    }

    fn hline(&mut self, x1: f32, x2: f32, y: f32, width: f32) {
        let mut pb = PathBuilder::new();
        pb.move_to(x1, y);
        pb.line_to(x2, y);
        if let Some(path) = pb.finish() {
            self.surface.set_fill(None);
            self.surface.set_stroke(Some(Stroke {
                paint: color(RULE).into(),
                width,
                ..Stroke::default()
            }));
            self.surface.draw_path(&path);
            self.surface.set_stroke(None);
        }
    }

    fn text(
        &mut self,
        face: Face,
        size: f32,
        x: f32,
        baseline: f32,
        text: &str,
        ink: (u8, u8, u8),
    ) {
        if text.is_empty() {
            return;
        }
        self.surface.set_stroke(None);
        self.surface.set_fill(Some(Fill {
            paint: color(ink).into(),
            ..Fill::default()
        }));
        self.surface.draw_text(
            Point::from_xy(x, baseline),
            self.fonts.get(face),
            size,
            text,
            false,
            TextDirection::Auto,
        );
    }

    /// `text` placed in a column of `width` from `x` by its alignment.
    #[allow(clippy::too_many_arguments)]
    fn aligned(
        &mut self,
        face: Face,
        size: f32,
        align: Align,
        (x, width): (f32, f32),
        baseline: f32,
        text: &str,
        ink: (u8, u8, u8),
    ) {
        let w = fonts::width(face, size, text);
        let left = match align {
            Align::Left => x + CELL_PAD_X,
            Align::Right => x + width - CELL_PAD_X - w,
            Align::Center => x + (width - w) / 2.0,
        };
        self.text(face, size, left, baseline, text, ink);
    }
}

/// The baseline of a cell's first line, from the top of its row.
fn first_baseline(top: f32, size: f32) -> f32 {
    top + CELL_PAD_Y + size * 0.93
}

pub fn render(whole: &Report, paper: super::Paper) -> AppResult<Vec<u8>> {
    let parts = layout::parts(whole);
    let plans: Vec<Plan> = parts.iter().map(|p| layout::plan_on(p, paper)).collect();
    let total = plans.iter().map(|p| p.pages.len()).sum();
    let fonts = Fonts::load();
    let mut doc = Document::new();
    doc.set_metadata(
        Metadata::new()
            .title(format!("{} — {}", whole.title, whole.department))
            .creator("Wardbook".into()),
    );
    let mut number = 0;
    for (report, plan) in parts.iter().zip(&plans) {
        for page_plan in &plan.pages {
            number += 1;
            draw_page(&mut doc, &fonts, report, plan, page_plan, (number, total))?;
        }
    }
    doc.finish().map_err(|e| {
        AppError::new(
            ErrorCode::Internal,
            format!("The PDF could not be made ({e:?})."),
        )
    })
}

fn draw_page(
    doc: &mut Document,
    fonts: &Fonts,
    report: &Report,
    plan: &Plan,
    page_plan: &layout::PagePlan,
    (number, total): (usize, usize),
) -> AppResult<()> {
    {
        let settings = PageSettings::from_wh(plan.width, plan.height).ok_or_else(|| {
            AppError::new(
                ErrorCode::Internal,
                "The page size is not valid.".to_string(),
            )
        })?;
        let mut page = doc.start_page_with(settings);
        let mut surface = page.surface();
        let mut pen = Pen {
            surface: &mut surface,
            fonts,
        };
        page_header(&mut pen, report, plan);
        let mut y = HEADER_BOTTOM;
        if page_plan.summary {
            let lh = layout::line_height(SUMMARY_SIZE);
            for line in &report.summary {
                pen.text(
                    Face::Regular,
                    SUMMARY_SIZE,
                    MARGIN,
                    y + SUMMARY_SIZE,
                    line,
                    INK,
                );
                y += lh;
            }
            y += 6.0;
        }
        if !page_plan.rows.is_empty() || report.rows.is_empty() {
            y = table_header(&mut pen, report, plan, y);
            if report.rows.is_empty() {
                pen.text(
                    Face::Regular,
                    report.font_size,
                    MARGIN + CELL_PAD_X,
                    first_baseline(y, report.font_size),
                    "Nothing to list.",
                    MUTED,
                );
                y += layout::line_height(report.font_size) + 2.0 * CELL_PAD_Y;
            }
            for i in page_plan.rows.clone() {
                y = table_row(&mut pen, report, plan, i, y);
            }
        }
        if page_plan.notes && !plan.notes_lines.is_empty() {
            let size = SUMMARY_SIZE - 1.0;
            y += 10.0;
            for line in &plan.notes_lines {
                pen.text(Face::Regular, size, MARGIN, y + size, line, MUTED);
                y += layout::line_height(size);
            }
        }
        footer(&mut pen, report, plan, number, total);
        surface.finish();
        page.finish();
    }
    Ok(())
}

fn page_header(pen: &mut Pen, report: &Report, plan: &Plan) {
    let right = plan.width - MARGIN;
    let made = format!("Made {}", format_date(report.generated_on));
    pen.text(
        Face::Bold,
        10.0,
        MARGIN,
        MARGIN + 8.0,
        &report.department,
        MUTED,
    );
    let w = fonts::width(Face::Regular, 9.0, &made);
    pen.text(Face::Regular, 9.0, right - w, MARGIN + 8.0, &made, MUTED);
    pen.text(Face::Bold, 15.0, MARGIN, MARGIN + 27.0, &report.title, INK);
    let w = fonts::width(Face::Regular, 10.0, &report.scope);
    pen.text(
        Face::Regular,
        10.0,
        right - w,
        MARGIN + 27.0,
        &report.scope,
        INK,
    );
    pen.hline(MARGIN, right, MARGIN + 36.0, 0.8);
}

fn table_header(pen: &mut Pen, report: &Report, plan: &Plan, top: f32) -> f32 {
    let size = report.font_size;
    let left = MARGIN;
    let right = plan.width - MARGIN;
    pen.rect(left, top, right - left, plan.header_height, HEADER_FILL);
    for (i, lines) in plan.header_lines.iter().enumerate() {
        let align = report.columns[i].align;
        for (k, line) in lines.iter().enumerate() {
            let baseline = first_baseline(top, size) + k as f32 * layout::line_height(size);
            pen.aligned(
                Face::Bold,
                size,
                align,
                plan.columns[i],
                baseline,
                line,
                INK,
            );
        }
    }
    pen.hline(left, right, top + plan.header_height, 0.6);
    top + plan.header_height
}

fn table_row(pen: &mut Pen, report: &Report, plan: &Plan, i: usize, top: f32) -> f32 {
    let row = &report.rows[i];
    let size = report.font_size;
    let h = plan.row_heights[i];
    let left = MARGIN;
    let right = plan.width - MARGIN;
    if row.kind == RowKind::Body && i % 2 == 1 {
        pen.rect(left, top, right - left, h, STRIPE);
    }
    for (c, column) in report.columns.iter().enumerate() {
        let (x, w) = plan.columns[c];
        let alert = row.cells.get(c).is_some_and(|cell| cell.alert);
        if alert {
            pen.rect(x, top, w, h, ALERT_FILL);
        } else if column.shaded && row.kind == RowKind::Body {
            pen.rect(x, top, w, h, SHADE);
        }
    }
    if row.kind == RowKind::Total {
        pen.hline(left, right, top, 0.8);
    }
    for (c, lines) in plan.cells[i].iter().enumerate() {
        let alert = row.cells[c].alert;
        let face = if alert || row.kind == RowKind::Total {
            Face::Bold
        } else {
            Face::Regular
        };
        let ink = if alert { ALERT_INK } else { INK };
        for (k, line) in lines.iter().enumerate() {
            let baseline = first_baseline(top, size) + k as f32 * layout::line_height(size);
            let align = report.columns[c].align;
            pen.aligned(face, size, align, plan.columns[c], baseline, line, ink);
        }
    }
    pen.hline(left, right, top + h, 0.2);
    top + h
}

fn footer(pen: &mut Pen, report: &Report, plan: &Plan, n: usize, total: usize) {
    let baseline = plan.height - 22.0;
    let left = format!("Wardbook · {} · {}", report.department, report.title);
    pen.text(Face::Regular, 8.0, MARGIN, baseline, &left, MUTED);
    let page = format!("Page {n} of {total}");
    let w = fonts::width(Face::Regular, 8.0, &page);
    pen.text(
        Face::Regular,
        8.0,
        plan.width - MARGIN - w,
        baseline,
        &page,
        MUTED,
    );
}

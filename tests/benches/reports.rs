//! Report latency: the PDF of a 6-week schedule for 150 staff (load, rules,
//! layout, fonts subset and embedded, written to bytes) — target under 1 s —
//! and, for scale, its CSV and the 150-person roster PDF.

use wardbook::reports::{self, ReportFormat, ReportKind, ReportRequest};
use wardbook::schedule::store::periods;
use wardbook_tests::timing::measure;
use wardbook_tests::{big_unit, day, DataDir};

const ROUNDS: usize = 10;

fn main() {
    let today = day("2026-11-27");
    let dir = DataDir::new();
    let mut conn = dir.open();
    wardbook::sample::create(&mut conn, today).unwrap();
    let draft = periods::list(&conn).unwrap()[1].clone();
    assert_eq!(draft.weeks, 6, "the sample's draft period is 6 weeks");
    big_unit::grow_to_150(&mut conn, &draft);
    let request = ReportRequest {
        period_id: Some(draft.id),
        ..Default::default()
    };
    let make = |kind, format, request: &ReportRequest| {
        reports::make(&conn, kind, format, request, today).unwrap()
    };
    let pages = {
        let pdf = make(ReportKind::Schedule, ReportFormat::Pdf, &request);
        (pdf.bytes.len(), count_pages(&pdf.bytes))
    };
    let schedule_pdf = measure(ROUNDS, |_| {
        make(ReportKind::Schedule, ReportFormat::Pdf, &request);
    });
    let schedule_csv = measure(ROUNDS, |_| {
        make(ReportKind::Schedule, ReportFormat::Csv, &request);
    });
    let roster_pdf = measure(ROUNDS, |_| {
        make(
            ReportKind::Roster,
            ReportFormat::Pdf,
            &ReportRequest::default(),
        );
    });

    println!("\nReport latency, {ROUNDS} rounds each (ms)");
    println!(
        "{:<52} {:>8} {:>8} {:>8} {:>10}",
        "report", "p50", "p95", "max", "target p95"
    );
    let row = |name: &str, (p50, p95, max): (f64, f64, f64), target: &str| {
        println!("{name:<52} {p50:>8.1} {p95:>8.1} {max:>8.1} {target:>10}");
    };
    row(
        &format!(
            "schedule PDF, 150 staff, 6 weeks ({} pages, {} kB)",
            pages.1,
            pages.0 / 1024
        ),
        schedule_pdf,
        "< 1000",
    );
    row("schedule CSV, 150 staff, 6 weeks", schedule_csv, "-");
    row("roster PDF, 150 staff", roster_pdf, "-");
}

/// Pages of a PDF written by krilla: one `/Type /Page` object each.
fn count_pages(bytes: &[u8]) -> usize {
    let needle = b"/Type /Page";
    bytes
        .windows(needle.len() + 1)
        .filter(|w| &w[..needle.len()] == needle && w[needle.len()] != b's')
        .count()
}

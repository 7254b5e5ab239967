//! A report as CSV: one header row, then one record per table row (totals
//! included, labelled in their first cell). Summary lines and notes are for
//! readers of the PDF; a spreadsheet gets the data alone. RFC 4180 quoting
//! by the `csv` crate. It starts with a UTF-8 byte-order mark: without one,
//! Excel reads the file in the computer's code page and garbles accented
//! names (Lucía, Müller, Nguyễn).

use super::table::Report;
use crate::error::{AppError, AppResult, ErrorCode};

pub fn render(report: &Report) -> AppResult<Vec<u8>> {
    let fail = |e: &dyn std::fmt::Display| {
        AppError::new(
            ErrorCode::Internal,
            format!("The CSV could not be written ({e})."),
        )
    };
    let mut out = csv::Writer::from_writer(crate::csv_file::BOM.as_bytes().to_vec());
    let header: Vec<String> = report
        .columns
        .iter()
        .map(|c| {
            c.csv_header
                .clone()
                .unwrap_or_else(|| c.header.replace('\n', " "))
        })
        .collect();
    out.write_record(&header).map_err(|e| fail(&e))?;
    for row in &report.rows {
        out.write_record(row.cells.iter().map(|c| c.csv_text()))
            .map_err(|e| fail(&e))?;
    }
    out.into_inner().map_err(|e| fail(&e))
}

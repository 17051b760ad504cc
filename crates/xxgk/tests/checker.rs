//! One call does what `xxgk check` does for a file: read it (model files with
//! the positions of their keys, PDF files through an extractor), check it with
//! last year's report, and position every place in the file it is in.

use std::sync::Arc;

use xxgk::import::{ImportError, PdfError, PdfExtractor};
use xxgk::model::schema::TableId;
use xxgk::model::{BodyKind, Cell, CellKey, Report, SourcePos};
use xxgk::rules::WhichReport;
use xxgk::{Checked, Checker, Envelope, Error, ReportFile};

/// Results can be sent to and shared with other threads (a batch checks files
/// on several).
#[test]
fn results_are_send_and_sync() {
    fn both<T: Send + Sync>() {}
    both::<Checked>();
    both::<ReportFile>();
    both::<Checker>();
    both::<Envelope>();
    both::<Error>();
}

/// A report of `year` whose table 二 says 现行有效件数 `stock`, as a TOML model file.
fn model(year: i32, stock: i64) -> Vec<u8> {
    let mut report = Report::blank("某某县某某局", year, BodyKind::Department).unwrap();
    let row = "第二十条第（一）项/行政规范性文件";
    for (column, value) in [
        ("本年制发件数", 0),
        ("本年废止件数", 0),
        ("现行有效件数", stock),
    ] {
        let key = CellKey::new(TableId::Proactive, row, column);
        *report.cell_mut(&key).unwrap() = Cell::int(value);
    }
    toml::to_string(&report).unwrap().into_bytes()
}

/// The line `pos` names in `file`'s text.
fn line_at(file: &ReportFile, pos: Option<SourcePos>) -> &str {
    let Some(SourcePos::Text { line, .. }) = pos else {
        panic!("not a line: {pos:?}");
    };
    file.source_text()
        .unwrap()
        .lines()
        .nth(line as usize - 1)
        .unwrap()
}

#[test]
fn places_are_positioned_in_this_years_and_last_years_model_files() {
    let checked = Checker::new()
        .check_with_previous(&model(2025, 40), "2025.toml", &model(2024, 31), "2024.toml")
        .unwrap();
    let d = checked
        .findings
        .diagnostics
        .iter()
        .find(|d| d.name == "document-stock-mismatch")
        .expect("the stock does not follow from last year's");
    assert!(line_at(&checked.current, d.location.source).contains("现行有效件数"));
    let last = d
        .related
        .iter()
        .find(|r| r.location.document == WhichReport::Previous)
        .unwrap();
    let previous = checked.previous.as_deref().unwrap();
    assert!(line_at(previous, last.location.source).contains("现行有效件数"));
    let envelope = checked.envelope();
    assert_eq!(
        envelope.previous.as_ref().map(|p| p.file.as_str()),
        Some("2024.toml")
    );
    assert_eq!(envelope.input, "toml");
}

#[test]
fn last_years_file_is_read_once_and_shared() {
    let one = Checker::new();
    let previous = Arc::new(one.read_previous(&model(2024, 31), "2024.toml").unwrap());
    for stock in [31, 40] {
        let current = one.read(&model(2025, stock), "2025.toml").unwrap();
        let checked = one.check_read(Arc::new(current), Some(previous.clone()));
        let mismatch = checked.findings.by_code("X003").count();
        assert_eq!(mismatch, usize::from(stock != 31), "{stock}");
    }
    let err = one.read_previous(b"", "empty.txt").unwrap_err();
    assert!(matches!(err, Error::Previous(_)), "{err:?}");
}

/// Gives a fixed text for any PDF.
#[derive(Debug)]
struct Fixed(&'static str);

impl PdfExtractor for Fixed {
    fn extract(&self, _pdf: &[u8]) -> Result<String, PdfError> {
        Ok(self.0.to_owned())
    }
}

const PDF: &[u8] = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n";

#[test]
fn a_pdf_is_read_through_the_extractor_given_with_its_pages() {
    let text = "某某县人民政府2025年政府信息公开工作年度报告\n\u{c}一、总体情况\n全年主动公开信息120条。\n";
    let checked = Checker::new()
        .pdf_extractor(Fixed(text))
        .check(PDF, "报告.pdf")
        .unwrap();
    assert_eq!(checked.envelope().input, "pdf");
    let out = checked.text(false);
    assert!(out.contains("从 PDF 导入"), "{out}");
    assert!(out.contains("报告.pdf:2:2（PDF 第 2 页）"), "{out}");

    let err = Checker::new().no_pdf().check(PDF, "报告.pdf").unwrap_err();
    assert_eq!(err, Error::Import(ImportError::Pdf(PdfError::NoExtractor)));
}

#[test]
fn overrides_are_for_published_reports_not_model_files() {
    let err = Checker::new()
        .year(2024)
        .check(&model(2025, 1), "a.toml")
        .unwrap_err();
    assert_eq!(err, Error::OverridesForModelFile);
    let text =
        "某某县某某局2025年政府信息公开工作年度报告\n一、总体情况\n全年主动公开信息120条。\n";
    let checked = Checker::new()
        .year(2024)
        .agency("另一局")
        .check(text.as_bytes(), "a.txt")
        .unwrap();
    assert_eq!(checked.current.report.meta.year, 2024);
    assert_eq!(checked.current.report.meta.agency, "另一局");
}

/// A CSV of cells holds the tables only: its missing sections are not findings.
#[test]
fn a_csv_of_cells_is_checked_for_its_tables_only() {
    let csv = "table,row,column,value,unit\n四,行政复议,结果维持,3,\n四,行政复议,总计,2,\n";
    let checked = Checker::new()
        .year(2025)
        .agency("某某县某某局")
        .check(csv.as_bytes(), "a.csv")
        .unwrap();
    assert_eq!(checked.current.input_name(), "csv");
    assert_eq!(checked.findings.by_code("S001").count(), 0);
    assert!(
        checked.findings.by_code("T401").count() > 0,
        "{:#?}",
        checked.findings
    );
}

//! Real reports (`$XXGK_CORPUS`): the cell values of each report (its expected CSV,
//! values as printed) render in every format, and their HTML and Word tables read
//! back to the same cells. Where a report's page was copied as text by a browser,
//! our text tables 三 and 四 are line for line what the browser gave.

mod support;

use support::corpus;

use std::path::{Path, PathBuf};

use support::{assert_cells_match, html_tables, read_back, word_spans, word_tables};
use xxgk_model::long::{apply_records, parse_long_csv};
use xxgk_model::schema::TableId;
use xxgk_model::{BodyKind, FormatVersion, Report, Sections};
use xxgk_render::{
    HtmlOptions, TextOptions, docx_document_xml, to_docx, to_html, to_markdown, to_text,
};

/// The report holding the cells of an expected CSV (tables only).
fn report_from_csv(path: &Path) -> Report {
    let records = parse_long_csv(&std::fs::read_to_string(path).unwrap()).unwrap();
    let v2021 = records.iter().any(|r| r.key.column == "本年制发件数");
    let mut report = Report::blank("", if v2021 { 2023 } else { 2020 }, BodyKind::Other).unwrap();
    report.meta.format = if v2021 {
        FormatVersion::V2021
    } else {
        FormatVersion::V2019
    };
    report.meta.title = None;
    report.sections = Sections::default();
    apply_records(&mut report, &records).unwrap();
    report
}

fn expected_csvs() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus().join("expected"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "csv"))
        .collect();
    files.sort();
    assert!(files.len() >= 9, "expected CSVs in the corpus");
    files
}

#[test]
#[ignore = "needs the corpus: set XXGK_CORPUS"]
fn corpus_cells_render_and_read_back() {
    for path in expected_csvs() {
        let what = path.file_stem().unwrap().to_string_lossy().into_owned();
        let report = report_from_csv(&path);
        assert!(!to_text(&report, &TextOptions::default()).is_empty());
        assert!(!to_markdown(&report).is_empty());
        let order = [TableId::Proactive, TableId::Applications, TableId::Reviews];
        let html = html_tables(&to_html(&report, &HtmlOptions::default()));
        let read: Vec<_> = order
            .iter()
            .zip(&html)
            .flat_map(|(id, t)| read_back(*id, t))
            .collect();
        assert_cells_match(&report, &read, &format!("{what} (HTML)"));
        let xml = docx_document_xml(&report);
        let word = word_tables(&xml);
        let read: Vec<_> = order
            .iter()
            .zip(&word)
            .flat_map(|(id, t)| read_back(*id, &word_spans(t)))
            .collect();
        assert_cells_match(&report, &read, &format!("{what} (Word)"));
        assert!(to_docx(&report).unwrap().starts_with(b"PK"));
    }
}

/// The lines our text output prints for one table of a report.
fn table_lines(report: &Report, id: TableId) -> Vec<String> {
    let mut only = report.clone();
    only.sections = Sections::default();
    let mut section = report.sections.table_section(id).unwrap().clone();
    section.heading = None;
    *only.sections.table_slot(id) = Some(section);
    let text = to_text(&only, &TextOptions::default());
    // The first line is the title.
    text.lines().skip(1).map(str::to_owned).collect()
}

#[test]
#[ignore = "needs the corpus: set XXGK_CORPUS"]
fn text_tables_are_what_a_browser_copies() {
    let mut checked = 0;
    for path in expected_csvs() {
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let Ok(page) = std::fs::read_to_string(corpus().join(format!("{stem}.txt"))) else {
            continue;
        };
        let lines: Vec<&str> = page.lines().collect();
        let report = report_from_csv(&path);
        // Pages copied with the table 三 header in the browser's shape.
        let header = format!(
            "{}\t申请人情况",
            report
                .sections
                .applications
                .as_ref()
                .unwrap()
                .note
                .as_deref()
                .unwrap_or(xxgk_model::schema::applications::NOTE)
        );
        if !lines.contains(&header.as_str()) {
            continue;
        }
        for id in [TableId::Applications, TableId::Reviews] {
            let ours = table_lines(&report, id);
            let start = lines
                .iter()
                .position(|l| *l == ours[0])
                .unwrap_or_else(|| panic!("{stem}: the page has no line {:?}", ours[0]));
            let theirs = &lines[start..(start + ours.len()).min(lines.len())];
            assert_eq!(theirs, ours.as_slice(), "{stem}: table {id:?}");
        }
        checked += 1;
    }
    assert!(checked >= 4, "only {checked} pages in browser shape");
}

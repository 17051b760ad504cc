//! The tables of the HTML and Word output read back as grids: their merged cells are
//! those of the layout, the Word tables are those of the HTML, and every cell of the
//! report is found again under its row and column labels (`support::tables::check`;
//! `laws.rs` runs it on generated reports). With the corpus: the Word tables of a
//! blank 2021 report have the official template's grid, cell for cell.

mod support;

use support::corpus;

use std::path::PathBuf;

use support::tables::check;
use support::{docx_part, word_spans, word_tables};
use xxgk_model::{BodyKind, Report};
use xxgk_render::{HtmlOptions, docx_document_xml, to_html};

fn example(name: &str) -> Report {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/examples")
        .join(name);
    toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn examples_read_back_from_html_and_word() {
    check(&example("qinghe-gov-2025.toml"), "qinghe-gov-2025", true);
    check(
        &example("qinghe-water-2020.toml"),
        "qinghe-water-2020",
        true,
    );
}

#[test]
fn blank_reports_read_back_from_html_and_word() {
    for year in [2020, 2025] {
        check(
            &Report::blank("某某局", year, BodyKind::Department).unwrap(),
            &format!("blank {year}"),
            true,
        );
    }
}

#[test]
fn official_spans_in_the_html() {
    let html = to_html(&example("qinghe-gov-2025.toml"), &HtmlOptions::default());
    for needle in [
        r#"<th class="xxgk-note" rowspan="3" colspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</th><th scope="colgroup" colspan="7">申请人情况</th>"#,
        r#"<th scope="col" rowspan="2">自然人</th><th scope="colgroup" colspan="5">法人或其他组织</th><th scope="col" rowspan="2">总计</th>"#,
        r#"<th class="xxgk-label" scope="row" rowspan="22">三、本年度办理结果</th>"#,
        r#"<th class="xxgk-label" scope="row" rowspan="8">（三）不予公开</th>"#,
        r#"<th class="xxgk-label" scope="row" rowspan="3">（六）其他处理</th>"#,
        r#"<th class="xxgk-caption" scope="colgroup" colspan="4">第二十条第（一）项</th>"#,
        r#"<th scope="colgroup" colspan="5">行政复议</th><th scope="colgroup" colspan="10">行政诉讼</th>"#,
    ] {
        assert!(html.contains(needle), "missing {needle}");
    }
    let html = to_html(&example("qinghe-water-2020.toml"), &HtmlOptions::default());
    assert!(
        html.contains(r#"<th class="xxgk-label" scope="row" rowspan="20">三、本年度办理结果</th>"#)
    );
    assert!(html.contains(r#"<th class="xxgk-label" scope="row" colspan="2">（六）其他处理</th>"#));
}

/// Text without any white space (ASCII, ideographic, line breaks).
fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The official template's three tables, against the Word tables of a blank 2021
/// report: the same grid columns, rows, cells, grid spans, vertical merges and labels.
/// Text is compared without white space: the template's empty cells hold ideographic
/// spaces, and it writes `商业企业` and `科研机构` as two paragraphs each (`商业` /
/// `企业`) to force a line break that Word gives our cells by wrapping.
#[test]
#[ignore = "needs the corpus: set XXGK_CORPUS"]
fn word_tables_have_the_official_template_shape() {
    let template = std::fs::read(corpus().join("../spec/template-2021.docx")).unwrap();
    let theirs = word_tables(&docx_part(&template, "word/document.xml"));
    let ours = word_tables(&docx_document_xml(
        &Report::blank("某某局", 2025, BodyKind::Government).unwrap(),
    ));
    assert_eq!(theirs.len(), 3, "the template has three tables");
    assert_eq!(ours.len(), 3);
    for (t, (a, b)) in theirs.iter().zip(&ours).enumerate() {
        assert_eq!(a.grid, b.grid, "table {t}: grid columns");
        assert_eq!(a.rows.len(), b.rows.len(), "table {t}: rows");
        for (r, (ra, rb)) in a.rows.iter().zip(&b.rows).enumerate() {
            let shape = |row: &[support::WordCell]| {
                row.iter()
                    .map(|c| (c.grid_span, c.merge, squeeze(&c.text)))
                    .collect::<Vec<_>>()
            };
            assert_eq!(shape(ra), shape(rb), "table {t} row {r}");
        }
        let trimmed = |w: &support::WordTable| {
            let mut spans = word_spans(w);
            for cell in spans.iter_mut().flatten() {
                cell.text = squeeze(&cell.text);
            }
            spans
        };
        assert_eq!(trimmed(a), trimmed(b), "table {t}: merged cells");
    }
}

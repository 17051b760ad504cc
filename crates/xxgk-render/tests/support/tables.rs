//! Tables read back from the HTML and Word output, against the layout and the report.

use xxgk_model::Report;
use xxgk_model::schema::TableId;
use xxgk_render::layout::table_grid;
use xxgk_render::{HtmlOptions, docx_document_xml, to_docx, to_html};

use super::{
    Spanned, assert_cells_match, docx_part, expand, html_tables, read_back, word_spans, word_tables,
};

/// The tables a report prints, in printed order, with their layouts as spans.
pub fn layout_spans(report: &Report) -> Vec<(TableId, Vec<Vec<Spanned>>)> {
    let mut order = report.published_order();
    for id in xxgk_model::SectionId::ALL {
        if !order.contains(&id) {
            order.push(id);
        }
    }
    let mut seen = Vec::new();
    order
        .into_iter()
        .filter(|id| {
            let new = !seen.contains(id);
            seen.push(*id);
            new
        })
        .filter_map(|id| {
            let t = id.table()?;
            let section = report.sections.table_section(t)?;
            let grid = table_grid(t, section.table.as_ref()?, section.note.as_deref())?;
            let rows = grid
                .rows()
                .iter()
                .map(|row| {
                    row.iter()
                        .map(|c| Spanned {
                            text: c.text.clone(),
                            row_span: c.row_span,
                            col_span: c.col_span,
                        })
                        .collect()
                })
                .collect();
            Some((t, rows))
        })
        .collect()
}

/// Everything this file checks for one report. `package`: also build the Word
/// package and compare its `document.xml` (skipped in the property tests, where
/// compressing the package in an unoptimised build would take most of the time).
pub fn check(report: &Report, what: &str, package: bool) {
    let layouts = layout_spans(report);
    for fragment in [false, true] {
        let html = to_html(report, &HtmlOptions::default().fragment(fragment));
        let tables = html_tables(&html);
        assert_eq!(tables.len(), layouts.len(), "{what}: HTML tables");
        let mut read = Vec::new();
        for ((id, layout), table) in layouts.iter().zip(&tables) {
            assert_eq!(table, layout, "{what}: HTML table {id:?}");
            expand(table);
            read.extend(read_back(*id, table));
        }
        assert_cells_match(report, &read, &format!("{what} (HTML)"));
    }
    let xml = docx_document_xml(report);
    if package {
        let bytes = to_docx(report).unwrap();
        assert_eq!(docx_part(&bytes, "word/document.xml"), xml);
    }
    let word = word_tables(&xml);
    assert_eq!(word.len(), layouts.len(), "{what}: Word tables");
    let mut read = Vec::new();
    for ((id, layout), table) in layouts.iter().zip(&word) {
        let spans = word_spans(table);
        assert_eq!(&spans, layout, "{what}: Word table {id:?}");
        read.extend(read_back(*id, &spans));
    }
    assert_cells_match(report, &read, &format!("{what} (Word)"));
}

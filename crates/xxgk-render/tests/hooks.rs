//! The HTML output's hooks (`HtmlOptions::hooks`): every data cell says which model
//! cell it shows, every section and paragraph where it is; without the option the
//! page carries none of them.

use xxgk_model::{
    Block, BodyKind, FormatVersion, Pointer, Report, SectionId, TextPart, official_keys,
};
use xxgk_render::{HtmlOptions, to_html};

fn filled(year: i32) -> Report {
    let mut report = Report::blank("某某县水利局", year, BodyKind::Department).unwrap();
    if let Some(Some(overview)) = report.sections.text_slot(SectionId::Overview) {
        overview
            .body
            .push(Block::Paragraph("全年主动公开信息120条。".to_owned()));
        overview.body.push(Block::Paragraph("第二段。".to_owned()));
    }
    report
}

#[test]
fn every_official_cell_is_marked_once_with_its_key_and_pointer() {
    for (year, version) in [(2020, FormatVersion::V2019), (2025, FormatVersion::V2021)] {
        let html = to_html(&filled(year), &HtmlOptions::default().hooks(true));
        for key in official_keys(version) {
            let cell = format!(
                "data-cell=\"{}\" data-pointer=\"{}\"",
                key.to_line().replace('"', "&quot;"),
                Pointer::cell(key).as_str()
            );
            assert_eq!(html.matches(&cell).count(), 1, "{year}: {cell}");
        }
        assert_eq!(
            html.matches("data-cell=").count(),
            official_keys(version).len(),
            "{year}: only data cells are keyed"
        );
    }
}

#[test]
fn sections_and_paragraphs_say_where_they_are() {
    let html = to_html(&filled(2025), &HtmlOptions::default().hooks(true));
    assert!(html.contains(
        "<section class=\"xxgk-overview\" id=\"xxgk-overview\" data-pointer=\"/sections/overview\">"
    ));
    let second = Pointer::paragraph(TextPart::Body(SectionId::Overview), 1);
    assert!(html.contains(&format!(
        "<p data-pointer=\"{}\">第二段。</p>",
        second.as_str()
    )));
    assert!(html.contains("<h2 data-pointer=\"/sections/overview/heading\">"));
    assert!(html.contains("data-pointer=\"/sections/applications/table\""));
}

#[test]
fn without_the_option_the_page_has_no_hooks() {
    let html = to_html(&filled(2025), &HtmlOptions::default());
    assert!(!html.contains("data-pointer"));
    assert!(!html.contains("data-cell"));
    assert!(!html.contains(" id=\""));
}

//! Forms agencies publish that the other fixtures do not show: each test reads a
//! hand-made report (or a fixture changed the way a publishing tool changes it)
//! and checks what the importer must keep.

mod fixture_support;

use fixture_support::fixture;
use xxgk_import::{ImportOptions, Imported, import};
use xxgk_model::Block;

fn read(name: &str, text: &str) -> Imported {
    let options = ImportOptions {
        file_name: Some(name.to_owned()),
        ..ImportOptions::default()
    };
    import(text.as_bytes(), &options).unwrap()
}

fn fixture_text(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(path).unwrap()
}

/// Text extracted from a PDF wraps its lines, so lines without a sentence end
/// are joined; the signature under the last section (the body's name, then the
/// date, each a short line of its own) is not one sentence and stays the closing.
#[test]
fn a_signature_under_wrapped_pdf_text_is_the_closing() {
    let base = fixture("pdf-wrapped-2024.txt");
    assert!(base.report.closing.is_empty());
    let mut text = fixture_text("pdf-wrapped-2024.txt");
    text.push_str("\n                                  某某县人民政府办公室\n                                   2025 年 1 月 20 日\n");
    let i = read("pdf-wrapped-signed.txt", &text);
    let closing: Vec<&str> = i.report.closing.iter().map(Block::text).collect();
    assert_eq!(closing, ["某某县人民政府办公室", "2025 年 1 月 20 日"]);
    assert_eq!(
        i.report.meta.published,
        chrono::NaiveDate::from_ymd_opt(2025, 1, 20)
    );
    // The last section keeps its own text only.
    let other = i.report.sections.other.as_ref().unwrap();
    let texts: Vec<String> = other.body.iter().map(|b| b.text().to_owned()).collect();
    assert_eq!(texts, ["全年未收取信息处理费。"]);
}

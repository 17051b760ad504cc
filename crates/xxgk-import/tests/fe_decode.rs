//! Decoding files as they are saved: UTF-16 text from Windows, a GBK page, and the
//! corpus files (ignored without `XXGK_CORPUS`).

mod fe_support;

use fe_support::fixture;
use xxgk_import::{InputKind, LineIndex, decode, sniff};

#[test]
fn utf16_text_with_crlf() {
    let bytes = fixture("utf16le-report.txt");
    assert_eq!(sniff(&bytes), InputKind::Text);
    let d = decode(&bytes);
    assert_eq!(d.encoding, "UTF-16LE");
    assert_eq!(d.text, "一、总体情况\n本年度收到申请\t3\t件\n表三\n");
    assert!(d.notes.is_empty());
}

#[test]
fn gbk_page_is_sniffed_and_decoded_with_its_line_numbers() {
    let bytes = fixture("gbk-report.html");
    assert_eq!(sniff(&bytes), InputKind::Html);
    let d = decode(&bytes);
    assert_eq!(d.encoding, "GBK");
    // CRLF in the file: the same number of lines after decoding.
    let crlf = bytes.windows(2).filter(|w| w == b"\r\n").count();
    assert_eq!(LineIndex::new(&d.text).line_count(), crlf + 1);
    assert!(
        LineIndex::new(&d.text)
            .line_text(18)
            .unwrap()
            .contains("青石县农业农村局2025年")
    );
}

#[test]
#[ignore = "needs the corpus: set XXGK_CORPUS"]
fn corpus_files_decode_cleanly_and_sniff_as_what_they_are() {
    let mut n = 0;
    for entry in std::fs::read_dir(fe_support::corpus()).unwrap() {
        let path = entry.unwrap().path();
        let Some(ext) = path.extension().and_then(|e| e.to_str()) else {
            continue;
        };
        let expected = match ext {
            "txt" => InputKind::Text,
            "html" => InputKind::Html,
            "docx" => InputKind::Docx,
            _ => continue,
        };
        let bytes = std::fs::read(&path).unwrap();
        assert_eq!(sniff(&bytes), expected, "{}", path.display());
        if expected != InputKind::Docx {
            let d = decode(&bytes);
            assert_eq!(d.encoding, "UTF-8", "{}", path.display());
            assert!(d.notes.is_empty(), "{}: {:?}", path.display(), d.notes);
        }
        n += 1;
    }
    assert!(n >= 12, "only {n} corpus files");
}

/// Without an extractor (the default options), a PDF is refused with its own
/// error, which says how to read it instead.
#[test]
fn a_pdf_file_is_refused_with_the_way_to_text() {
    let err = xxgk_import::import(
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
        &xxgk_import::ImportOptions::default(),
    )
    .unwrap_err();
    assert_eq!(
        err,
        xxgk_import::ImportError::Pdf(xxgk_import::PdfError::NoExtractor)
    );
    let message = err.to_string();
    assert!(message.contains("PDF"), "{message}");
    assert!(message.contains("pdftotext -layout"), "{message}");
}

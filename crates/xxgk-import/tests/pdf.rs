//! PDF files as an input kind: read through the text an extractor gives, refused
//! without one, with typed errors for a scan and a failed extraction; and the
//! default extractor's limits, with stand-in programs for `pdftotext`.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use xxgk_import::{
    ImportError, ImportOptions, InputKind, PdfError, PdfExtractor, Pdftotext, import,
    import_with_document,
};
use xxgk_model::SourcePos;

const PDF: &[u8] = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n";

const TEXT: &str =
    "某某县水利局2025年政府信息公开工作年度报告\n\u{c}一、总体情况\n全年主动公开信息120条。\n";

/// An extractor that gives a fixed answer and counts its calls.
#[derive(Debug)]
struct Fixed {
    answer: Result<String, PdfError>,
    calls: AtomicUsize,
}

impl Fixed {
    fn new(answer: Result<&str, PdfError>) -> Fixed {
        Fixed {
            answer: answer.map(str::to_owned),
            calls: AtomicUsize::new(0),
        }
    }
}

impl PdfExtractor for Fixed {
    fn extract(&self, pdf: &[u8]) -> Result<String, PdfError> {
        assert_eq!(pdf, PDF);
        self.calls.fetch_add(1, Ordering::SeqCst);
        self.answer.clone()
    }
}

#[test]
fn a_pdf_is_read_through_its_extracted_text() {
    let extractor = Arc::new(Fixed::new(Ok(TEXT)));
    // The name says nothing of the text's form: a `.toml` PDF is still a PDF.
    let options = ImportOptions::default()
        .file_name("报告.toml")
        .shared_pdf_extractor(extractor.clone());
    let (imported, doc) = import_with_document(PDF, &options).unwrap();
    assert_eq!(extractor.calls.load(Ordering::SeqCst), 1);
    assert_eq!(imported.kind, InputKind::Pdf);
    assert_eq!(imported.kind.as_str(), "pdf");
    assert_eq!(imported.report.meta.agency, "某某县水利局");
    assert_eq!(imported.source_text.as_deref(), Some(TEXT));
    assert!(doc.is_some());
    // Positions are lines of the text (the form feed starts page 2).
    let heading = imported.source.get(&xxgk_model::Pointer::heading(
        xxgk_model::SectionId::Overview,
    ));
    assert!(
        matches!(heading, Some(SourcePos::Text { line: 2, .. })),
        "{heading:?}"
    );
}

#[test]
fn a_scan_and_a_failed_extraction_are_typed_errors() {
    let scan = ImportOptions::default().pdf_extractor(Fixed::new(Ok(" \n\u{c}\n")));
    assert_eq!(
        import(PDF, &scan).unwrap_err(),
        ImportError::Pdf(PdfError::Scanned)
    );
    let broken = PdfError::Broken {
        reason: "退出码 1".into(),
    };
    let failing = ImportOptions::default().pdf_extractor(Fixed::new(Err(broken.clone())));
    assert_eq!(import(PDF, &failing).unwrap_err(), ImportError::Pdf(broken));
    // Refusing PDFs again.
    let refused = failing.no_pdf_extractor();
    assert!(refused.extractor().is_none());
    assert_eq!(
        import(PDF, &refused).unwrap_err(),
        ImportError::Pdf(PdfError::NoExtractor)
    );
    // Other files never reach the extractor.
    let extractor = Arc::new(Fixed::new(Ok(TEXT)));
    let options = ImportOptions::default().shared_pdf_extractor(extractor.clone());
    import(TEXT.as_bytes(), &options).unwrap();
    assert_eq!(extractor.calls.load(Ordering::SeqCst), 0);
}

/// A stand-in for `pdftotext`: a shell script in a directory of its own.
fn program(name: &str, script: &str) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let dir = std::env::temp_dir().join(format!("xxgk-import-pdf-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("pdftotext");
    std::fs::write(&path, format!("#!/bin/sh\n{script}\n")).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path
}

/// The PDF goes to the program's standard input, after `--`: no path it could
/// take for an option.
#[test]
fn pdftotext_reads_the_pdf_from_standard_input() {
    let args = std::env::temp_dir().join(format!("xxgk-import-pdf-{}-args", std::process::id()));
    let echo = program(
        "echo",
        &format!("printf '%s\\n' \"$@\" > '{}'\ncat", args.display()),
    );
    let text = Pdftotext::new().program(&echo).extract(PDF).unwrap();
    // Its output is taken as UTF-8 (the bytes that are not, replaced).
    assert_eq!(text, String::from_utf8_lossy(PDF));
    assert_eq!(
        std::fs::read_to_string(&args).unwrap(),
        "-layout\n-enc\nUTF-8\n--\n-\n-\n"
    );
    let _ = std::fs::remove_file(args);
}

#[test]
fn pdftotext_is_stopped_at_its_limits() {
    let hang = program("hang", "exec sleep 600");
    let start = Instant::now();
    let err = Pdftotext::new()
        .program(&hang)
        .timeout(Duration::from_secs(1))
        .extract(PDF)
        .unwrap_err();
    assert_eq!(
        err,
        PdfError::Timeout {
            limit: Duration::from_secs(1)
        }
    );
    // Stopped, not waited for to the end.
    assert!(start.elapsed() < Duration::from_secs(60));

    let flood = program("flood", "exec yes 一、总体情况");
    let err = Pdftotext::new()
        .program(&flood)
        .max_text_bytes(1 << 20)
        .extract(PDF)
        .unwrap_err();
    assert_eq!(err, PdfError::TooLarge { limit: 1 << 20 });

    let fail = program("fail", "echo 'Syntax Error: broken' >&2\nexit 1");
    let err = Pdftotext::new().program(&fail).extract(PDF).unwrap_err();
    assert_eq!(
        err,
        PdfError::Broken {
            reason: "退出码 1；pdftotext 的输出：Syntax Error: broken".into()
        }
    );

    let missing = Pdftotext::new().program("/nonexistent/pdftotext");
    assert!(matches!(
        missing.extract(PDF),
        Err(PdfError::NotInstalled { .. })
    ));
}

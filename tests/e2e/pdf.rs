//! PDF files: read through the text `pdftotext -layout` (poppler-utils) extracts,
//! when it is installed; otherwise, and for a PDF it cannot read, a clear error.
//! And standard output closed early by its reader is not a panic.

use std::process::Stdio;

use assert_cmd::Command;
use xxgk_model::long::parse_csv;

use crate::{corpus, root};

fn xxgk() -> Command {
    let mut cmd = crate::xxgk();
    cmd.current_dir(root());
    cmd
}

/// The published PDFs of the corpus export the cells their expected CSVs hold.
#[test]
#[ignore = "needs the corpus (set XXGK_CORPUS) and pdftotext (poppler-utils)"]
fn published_pdfs_read_cell_for_cell() {
    let dir = corpus();
    for stem in ["hongze-2023", "hongze-2024", "huaian-gov-2024"] {
        let pdf = dir.join("pdf").join(format!("{stem}.pdf"));
        let out = xxgk()
            .args(["export", "--csv"])
            .arg(&pdf)
            .assert()
            .success();
        let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
        let got = parse_csv(text.trim_start_matches('\u{feff}')).unwrap();
        let expected =
            std::fs::read_to_string(dir.join("expected").join(format!("{stem}.csv"))).unwrap();
        assert_eq!(got, parse_csv(&expected).unwrap(), "{stem}");
        // The check says how the file was read, and points at lines of the text.
        let out = xxgk()
            .args(["check", "--format", "json"])
            .arg(&pdf)
            .assert();
        let json: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
        assert_eq!(json["input"], "pdf", "{stem}");
        // The text output names the page of each place.
        let out = xxgk().arg("check").arg(&pdf).assert();
        let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
        assert!(
            text.contains(".pdf:") && text.contains("（PDF 第 "),
            "{text}"
        );
    }
}

/// A file that starts as a PDF but is not one: exit code 2 and a message that
/// names the file and says what to do, whether pdftotext is installed or not.
#[test]
fn a_broken_pdf_is_a_clear_error() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("年报.pdf");
    std::fs::write(&path, b"%PDF-1.4\nnot a PDF body\n").unwrap();
    let out = xxgk().arg("check").arg(&path).assert().code(2);
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(err.contains("年报.pdf 是 PDF 文件"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

/// `xxgk … | head` closes the pipe before xxgk has written everything: the
/// command ends without a panic and with its own exit code.
#[test]
fn a_closed_standard_output_is_not_a_panic() {
    for args in [
        &["rules", "--markdown"][..],
        &["check", "examples/qinghe-gov-2025.toml"],
        &["render", "examples/qinghe-gov-2025.toml", "--to", "md"],
    ] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_xxgk"))
            .current_dir(root())
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Close the reading end at once.
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert_eq!(out.status.code(), Some(0), "{args:?}: {err}");
    }
}

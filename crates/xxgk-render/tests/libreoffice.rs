//! `LibreOffice` reads the Word files: the examples convert to PDF without error, and
//! `LibreOffice`'s own reading of their tables — saved back as Word — has the merged
//! cells, rows and grid our file has, which `structure.rs` compares with the official
//! template (so `LibreOffice` sees the template's shape).
//!
//! Ignored by default: it runs `soffice` (Debian's `libreoffice-writer-nogui`) and
//! `pdfinfo` (`poppler-utils`), which `.ci/run` installs before it runs the ignored
//! tests. Without them the test fails, naming what is missing.

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

use support::{Spanned, docx_part, word_spans, word_tables};
use xxgk_model::Report;

fn example(name: &str) -> Report {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/examples")
        .join(name);
    toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Runs a command, failing the test with its output when it cannot start or fails.
fn run(cmd: &mut Command, what: &str) -> String {
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("{what}: cannot run {:?}: {e}", cmd.get_program()));
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "{what} failed: {text}");
    text
}

/// Converts `file` with `LibreOffice` into `dir`, with a profile of its own (so that
/// it neither touches nor waits for another `LibreOffice`), and returns the new file.
fn convert(file: &Path, filter: &str, extension: &str, dir: &Path, profile: &Path) -> PathBuf {
    let what = format!("soffice --convert-to {filter} {}", file.display());
    let log = run(
        Command::new("soffice")
            .arg("--headless")
            .arg("--norestore")
            .arg(format!(
                "-env:UserInstallation=file://{}",
                profile.display()
            ))
            .args(["--convert-to", filter, "--outdir"])
            .arg(dir)
            .arg(file),
        &what,
    );
    // `LibreOffice` exits with 0 when it cannot load a file, and says so.
    assert!(!log.contains("Error"), "{what}: {log}");
    let out = dir.join(file.with_extension(extension).file_name().unwrap());
    assert!(out.is_file(), "{what} wrote no {}: {log}", out.display());
    out
}

/// A Word package's tables as merged cells, text without white space (`LibreOffice`
/// may split or join runs and paragraphs).
fn tables(docx: &[u8]) -> Vec<(usize, Vec<Vec<Spanned>>)> {
    word_tables(&docx_part(docx, "word/document.xml"))
        .iter()
        .map(|t| {
            let mut spans = word_spans(t);
            for cell in spans.iter_mut().flatten() {
                cell.text.retain(|c| !c.is_whitespace());
            }
            (t.grid, spans)
        })
        .collect()
}

#[test]
#[ignore = "needs LibreOffice and poppler-utils: .ci/run installs libreoffice-writer-nogui"]
fn examples_convert_to_pdf_and_keep_their_tables_in_libreoffice() {
    let tmp = tempfile::tempdir().unwrap();
    let profile = tmp.path().join("profile");
    for name in ["qinghe-gov-2025", "qinghe-water-2020"] {
        let dir = tmp.path().join(name);
        std::fs::create_dir_all(dir.join("pdf")).unwrap();
        std::fs::create_dir_all(dir.join("docx")).unwrap();
        let ours = xxgk_render::to_docx(&example(&format!("{name}.toml"))).unwrap();
        let file = dir.join(format!("{name}.docx"));
        std::fs::write(&file, &ours).unwrap();

        let pdf = convert(&file, "pdf", "pdf", &dir.join("pdf"), &profile);
        let bytes = std::fs::read(&pdf).unwrap();
        assert!(bytes.starts_with(b"%PDF-"), "{name}: not a PDF");
        let info = run(Command::new("pdfinfo").arg(&pdf), "pdfinfo");
        let pages: usize = info
            .lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .and_then(|n| n.trim().parse().ok())
            .unwrap_or_else(|| panic!("{name}: pdfinfo gives no page count: {info}"));
        assert!(pages >= 1, "{name}: a PDF without pages");

        let resaved = convert(
            &file,
            "docx:MS Word 2007 XML",
            "docx",
            &dir.join("docx"),
            &profile,
        );
        let theirs = tables(&std::fs::read(&resaved).unwrap());
        let ours = tables(&ours);
        // The 2019 example lacks section 四 and prints two tables.
        assert_eq!(theirs.len(), ours.len(), "{name}: LibreOffice's tables");
        for (t, (a, b)) in ours.iter().zip(&theirs).enumerate() {
            assert_eq!(a.0, b.0, "{name} table {t}: grid columns");
            assert_eq!(a.1, b.1, "{name} table {t}: merged cells and labels");
        }
    }
}

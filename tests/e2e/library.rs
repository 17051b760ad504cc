//! The library gives what the command gives: the example program of the `xxgk`
//! crate (`crates/xxgk/examples/check_json.rs`), which checks files through the
//! library alone, prints exactly what `xxgk check FILE --format json` prints, for
//! a TOML model file, an HTML page and (with the corpus) PDF files.

use std::path::Path;

use crate::{corpus, fixture, root, xxgk};

#[path = "../../crates/xxgk/examples/check_json.rs"]
#[allow(dead_code, reason = "the example's `main` is not run here")]
mod example;

/// Compares the example's output with the command's for a file.
fn same_as_the_command(path: &Path) {
    let from_library = example::check_json(path).unwrap();
    let out = xxgk()
        .args(["check", "--format", "json"])
        .arg(path)
        .output()
        .unwrap();
    // Exit 1 when the report has errors: the output is the same either way.
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let from_command = String::from_utf8(out.stdout).unwrap();
    assert!(
        from_command.starts_with("{\n  \"version\": 1"),
        "{from_command}"
    );
    assert_eq!(from_library, from_command, "{}", path.display());
}

#[test]
fn the_example_prints_what_check_prints_for_a_model_file_and_a_page() {
    for path in [
        root().join("examples/qinghe-gov-2025.toml"),
        root().join("examples/qinghe-water-2020.toml"),
        fixture("fe/layout-table.html"),
        fixture("fe/gbk-report.html"),
        fixture("clean-2025.txt"),
    ] {
        same_as_the_command(&path);
    }
}

#[test]
#[ignore = "needs the corpus (set XXGK_CORPUS) and pdftotext (poppler-utils)"]
fn the_example_prints_what_check_prints_for_pdf_files() {
    let dir = corpus().join("pdf");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "pdf") {
            same_as_the_command(&path);
            n += 1;
        }
    }
    assert!(n >= 3, "only {n} PDF files in {}", dir.display());
}

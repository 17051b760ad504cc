//! Every report of the corpus imports, and its cells equal the expected CSV cell
//! for cell. Mismatches are listed one per line (key, expected, got).

use std::path::{Path, PathBuf};

use xxgk_import::NoteCode;
use xxgk_import::{ImportOptions, Imported, import};
use xxgk_model::long::{LongRecord, long_records, parse_long_csv};

fn corpus() -> PathBuf {
    let dir = PathBuf::from(std::env::var_os("XXGK_CORPUS").expect("set XXGK_CORPUS"));
    if dir.is_relative() {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../..")
            .join(dir)
    } else {
        dir
    }
}

fn import_file(path: &Path) -> Imported {
    let bytes = std::fs::read(path).unwrap();
    let mut options = ImportOptions::default();
    options.file_name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    import(&bytes, &options).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn line(r: &LongRecord) -> String {
    format!("{} = {:?} {:?}", r.key, r.value, r.unit)
}

/// The differences between the expected records and the imported ones.
fn mismatches(expected: &[LongRecord], got: &[LongRecord]) -> Vec<String> {
    let mut out = Vec::new();
    for e in expected {
        match got.iter().find(|g| g.key == e.key) {
            None => out.push(format!("missing   {}", line(e))),
            Some(g) if g.value != e.value || g.unit != e.unit => {
                out.push(format!(
                    "differs   {}  got {:?} {:?}",
                    line(e),
                    g.value,
                    g.unit
                ));
            }
            Some(_) => {}
        }
    }
    for g in got {
        if !expected.iter().any(|e| e.key == g.key) {
            out.push(format!("unexpected {}", line(g)));
        }
    }
    let order_ok =
        expected.len() == got.len() && expected.iter().zip(got).all(|(e, g)| e.key == g.key);
    if out.is_empty() && !order_ok {
        out.push("same cells in a different order".into());
    }
    out
}

fn check(stem: &str, ext: &str) -> Imported {
    let dir = corpus();
    let path = dir.join(format!("{stem}.{ext}"));
    let imported = import_file(&path);
    let text = std::fs::read_to_string(dir.join("expected").join(format!("{stem}.csv"))).unwrap();
    let expected = parse_long_csv(&text).unwrap();
    let got = long_records(&imported.report);
    let diff = mismatches(&expected, &got);
    assert!(
        diff.is_empty(),
        "{}: {} cells differ:\n{}\nnotes:\n{}",
        path.display(),
        diff.len(),
        diff.join("\n"),
        imported
            .notes
            .iter()
            .map(|n| format!("{} {:?} {}", n.code, n.pos, n.message))
            .collect::<Vec<_>>()
            .join("\n")
    );
    imported
}

macro_rules! corpus_case {
    ($name:ident, $stem:literal, $ext:literal) => {
        #[test]
        #[ignore = "needs the corpus: set XXGK_CORPUS"]
        fn $name() {
            check($stem, $ext);
        }
    };
}

corpus_case!(bengbu_2020_txt, "bengbu-2020", "txt");
corpus_case!(hongze_2023_txt, "hongze-2023", "txt");
corpus_case!(hongze_2024_txt, "hongze-2024", "txt");
corpus_case!(huaian_gov_2024_txt, "huaian-gov-2024", "txt");
corpus_case!(pingtan_2023_txt, "pingtan-2023", "txt");
corpus_case!(pingtan_2024_txt, "pingtan-2024", "txt");
corpus_case!(shanghai_office_2019_txt, "shanghai-office-2019", "txt");
corpus_case!(shuyang_fgj_2023_txt, "shuyang-fgj-2023", "txt");
corpus_case!(pingtan_2019_html, "pingtan-2019", "html");
corpus_case!(shuyang_fgj_2023_html, "shuyang-fgj-2023", "html");
corpus_case!(pingtan_2019_docx, "pingtan-2019", "docx");
corpus_case!(shuyang_fgj_2023_docx, "shuyang-fgj-2023", "docx");

/// The corpus PDFs through `pdftotext -layout` (poppler-utils): text laid out
/// with spaces, labels broken over lines, vertical labels one character a line.
#[test]
#[ignore = "needs the corpus: set XXGK_CORPUS"]
fn pdf_layout_text_imports_cell_for_cell() {
    let dir = corpus();
    for stem in ["huaian-gov-2024", "hongze-2023", "hongze-2024"] {
        let out = pdftotext(stem, &["-layout"]);
        let imported = import(&out, &ImportOptions::default()).unwrap();
        let text =
            std::fs::read_to_string(dir.join("expected").join(format!("{stem}.csv"))).unwrap();
        let expected = parse_long_csv(&text).unwrap();
        let diff = mismatches(&expected, &long_records(&imported.report));
        assert!(
            diff.is_empty(),
            "{stem} (pdftotext -layout): {}",
            diff.join("\n")
        );
    }
}

/// The text of a corpus PDF through `pdftotext` with `args` (poppler-utils).
fn pdftotext(stem: &str, args: &[&str]) -> Vec<u8> {
    let pdf = corpus().join("pdf").join(format!("{stem}.pdf"));
    let out = std::process::Command::new("pdftotext")
        .args(args)
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext not found: install poppler-utils (apt-get install poppler-utils)");
    assert!(
        out.status.success(),
        "pdftotext failed on {}",
        pdf.display()
    );
    out.stdout
}

/// The corpus PDFs through `pdftotext` without `-layout`: one cell a line, labels
/// wrapped and some printed away from their numbers. Every cell read equals the
/// expected one; every table with cells not read says so in a note; table 二 reads
/// whole in all three, table 三 in huaian-gov-2024 (whose displaced labels leave
/// one row each). hongze's table 三 comes column by column in this reading order
/// and table 四's numbers are mixed into its header in all three: not read, noted.
#[test]
#[ignore = "needs the corpus: set XXGK_CORPUS"]
fn pdf_raw_text_reads_what_its_order_allows_and_notes_the_rest() {
    for (stem, whole) in [
        ("huaian-gov-2024", &["二", "三"][..]),
        ("hongze-2023", &["二"][..]),
        ("hongze-2024", &["二"][..]),
    ] {
        let imported = import(&pdftotext(stem, &[]), &ImportOptions::default()).unwrap();
        let text =
            std::fs::read_to_string(corpus().join("expected").join(format!("{stem}.csv"))).unwrap();
        let expected = parse_long_csv(&text).unwrap();
        let got = long_records(&imported.report);
        let notes: Vec<String> = imported
            .notes
            .iter()
            .map(|n| format!("{} {}", n.code, n.message))
            .collect();
        let mut unread: Vec<&str> = Vec::new();
        for e in &expected {
            let g = got.iter().find(|g| g.key == e.key);
            let value = g.map_or("", |g| g.value.as_str());
            let table = e.key.table.numeral();
            if value.is_empty() && !e.value.is_empty() {
                assert!(!whole.contains(&table), "{stem}: {} not read", e.key);
                unread.push(table);
                continue;
            }
            assert_eq!(
                g.map(|g| (&g.value, &g.unit)),
                Some((&e.value, &e.unit)),
                "{stem}: {}\n{}",
                e.key,
                notes.join("\n")
            );
        }
        assert!(got.iter().all(|g| expected.iter().any(|e| e.key == g.key)));
        for table in unread {
            assert!(
                imported
                    .notes
                    .iter()
                    .any(|n| n.code == NoteCode::ValuesUnplaced
                        && n.message.starts_with(&format!("表{table}"))),
                "{stem}: cells of table {table} not read without a note\n{}",
                notes.join("\n")
            );
        }
    }
}

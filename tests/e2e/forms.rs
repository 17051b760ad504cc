//! The generated forms of every corpus report (`scripts/corpus-variants.sh
//! --make-only DIR`, then `XXGK_FORMS=DIR`): pages printed to PDF at three widths
//! and fonts and read back with `pdftotext -layout`, browser copies, one-line
//! text, cells run together, `LibreOffice` and pandoc conversions. Every cell of
//! each form's export is the expected one or not read (with a note naming its
//! table); none is wrong; and `check` reports no section or table missing
//! (S001, S002) that the report prints. The count of unread cells per form is
//! printed (docs/import.md holds the table).

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde_json::Value;
use xxgk_model::long::parse_csv;

use crate::{corpus, root, xxgk};

/// The directory of generated forms: `XXGK_FORMS`, or else forms made here by
/// `scripts/corpus-variants.sh --make-only` in a temporary directory (about two
/// minutes; Chromium, poppler-utils, `LibreOffice`, pandoc and the fonts its header
/// names must be installed, as `.ci/run` does).
fn forms() -> (PathBuf, Option<tempfile::TempDir>) {
    if let Some(dir) = std::env::var_os("XXGK_FORMS") {
        let dir = PathBuf::from(dir);
        return (
            if dir.is_relative() {
                root().join(dir)
            } else {
                dir
            },
            None,
        );
    }
    let tmp = tempfile::tempdir().unwrap();
    let status = std::process::Command::new("bash")
        .arg(root().join("scripts/corpus-variants.sh"))
        .arg("--make-only")
        .arg(tmp.path())
        .env("XXGK_CORPUS", corpus())
        .status()
        .unwrap();
    assert!(status.success(), "scripts/corpus-variants.sh failed");
    (tmp.path().to_owned(), Some(tmp))
}

/// A cell's key (table, row, column) and its value and unit.
type Record = ((String, String, String), (String, String));

/// The records of a long CSV (its header line left out).
fn records(text: &str) -> Vec<Record> {
    parse_csv(text)
        .unwrap()
        .into_iter()
        .skip(1)
        .filter(|r| r.len() >= 5)
        .map(|r| {
            (
                (r[0].clone(), r[1].clone(), r[2].clone()),
                (r[3].clone(), r[4].clone()),
            )
        })
        .collect()
}

/// The model's section key of a table numeral (`三` → `applications`).
fn section_of(table: &str) -> &'static str {
    match table {
        "二" => "proactive",
        "三" => "applications",
        _ => "reviews",
    }
}

/// The S001/S002 findings of a file, as `code pointer`.
fn missing(path: &std::path::Path) -> Vec<String> {
    let out = xxgk()
        .args(["check", "--format", "json"])
        .arg(path)
        .output()
        .unwrap();
    let json: Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| matches!(d["code"].as_str(), Some("S001" | "S002")))
        .map(|d| format!("{} {}", d["code"], d["location"]["pointer"]))
        .collect()
}

#[test]
#[expect(
    clippy::print_stdout,
    reason = "the table of forms is the test's report"
)]
#[ignore = "needs the corpus (XXGK_CORPUS) and the generated forms (XXGK_FORMS, or made here by scripts/corpus-variants.sh with Chromium and poppler-utils)"]
fn generated_forms_read_exactly_or_not_at_all() {
    let (dir, _made) = forms();
    let expected_dir = corpus().join("expected");
    // What the report as published draws: the sections it really lacks.
    let mut published: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for name in crate::CORPUS {
        published
            .entry(crate::stem(name).to_owned())
            .or_insert_with(|| missing(&corpus().join(name)));
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            matches!(
                p.extension().and_then(|e| e.to_str()),
                Some("txt" | "md" | "docx")
            )
        })
        .collect();
    files.sort();
    assert!(
        files.len() >= 60,
        "only {} forms in {}",
        files.len(),
        dir.display()
    );
    let mut failures = Vec::new();
    let mut totals = (0, 0, 0, 0);
    println!(
        "{:<48} {:>6} {:>6} {:>6}",
        "form", "exact", "unread", "wrong"
    );
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let stem = name.split('.').next().unwrap().to_owned();
        let Ok(expected) = std::fs::read_to_string(expected_dir.join(format!("{stem}.csv"))) else {
            continue;
        };
        let expected = records(&expected);
        let (exact, unread, wrong) = compare(path, &name, &expected, &mut failures);
        let allowed = published.get(&stem).cloned().unwrap_or_default();
        for m in missing(path) {
            if !allowed.contains(&m) {
                failures.push(format!("{name}: {m}, although the report has it"));
            }
        }
        println!("{name:<48} {exact:>6} {unread:>6} {wrong:>6}");
        totals = (
            totals.0 + 1,
            totals.1 + exact,
            totals.2 + unread,
            totals.3 + wrong,
        );
    }
    println!(
        "{} forms: {} cells exact, {} unread, {} wrong",
        totals.0, totals.1, totals.2, totals.3
    );
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Compares a form's export with the expected cells: the counts of cells exact,
/// unread and wrong (a failure for each wrong cell, and for each unread one whose
/// table no S011 finding names).
fn compare(
    path: &std::path::Path,
    name: &str,
    expected: &[Record],
    failures: &mut Vec<String>,
) -> (usize, usize, usize) {
    let out = xxgk().args(["export", "--csv"]).arg(path).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let got = records(&text);
    let got: BTreeMap<_, _> = got.iter().map(|r| (r.0.clone(), r)).collect();
    let json = {
        let out = xxgk()
            .args(["check", "--format", "json"])
            .arg(path)
            .output()
            .unwrap();
        serde_json::from_slice::<Value>(&out.stdout).unwrap()
    };
    let noted: Vec<String> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "S011")
        .map(|d| d["location"]["pointer"].as_str().unwrap_or("").to_owned())
        .collect();
    let (mut exact, mut unread, mut wrong) = (0, 0, 0);
    for e in expected {
        match got.get(&e.0) {
            Some(g) if g.1 == e.1 => exact += 1,
            Some(g) if !g.1.0.is_empty() => {
                wrong += 1;
                failures.push(format!(
                    "{name}: {:?} read {:?}, expected {:?}",
                    e.0, g.1, e.1
                ));
            }
            _ => {
                unread += 1;
                let table = format!("/sections/{}/table", section_of(&e.0.0));
                if !noted.contains(&table) {
                    failures.push(format!(
                        "{name}: {:?} not read and no note says table {table} is unread",
                        e.0
                    ));
                }
            }
        }
    }
    let keys: Vec<_> = expected.iter().map(|e| &e.0).collect();
    for k in got.keys().filter(|k| !keys.contains(k)) {
        wrong += 1;
        failures.push(format!("{name}: {k:?} read but not in the report"));
    }
    (exact, unread, wrong)
}

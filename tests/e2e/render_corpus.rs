//! Every real report of the corpus, imported with `xxgk import` and rendered with
//! `xxgk render` to text, HTML and Word, reads back (`xxgk export --csv`) to the
//! cells of the original, cell for cell and in order, and to its expected CSV.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use xxgk_model::long::parse_csv;

use crate::{corpus, xxgk};

/// The reports of the corpus in the forms `xxgk import` reads: every `.txt`,
/// `.html` and `.docx` under the folder, sorted.
fn corpus_reports(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                todo.push(path);
            } else if path
                .extension()
                .is_some_and(|e| e == "txt" || e == "html" || e == "docx")
            {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// The cells `xxgk export --csv` gives for a file, as CSV rows after the header.
fn exported(path: &Path) -> Vec<Vec<String>> {
    let out = xxgk().args(["export", "--csv"]).arg(path).output().unwrap();
    assert!(
        out.status.success(),
        "xxgk export {}: {}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    let rows = parse_csv(&String::from_utf8(out.stdout).unwrap()).unwrap();
    rows[1..].to_vec()
}

/// The differences between two lists of cells (`table,row,column,value,unit`): rows
/// that differ in place, and cells only one side has. Empty when they are equal.
fn differences(want: &[Vec<String>], got: &[Vec<String>]) -> Vec<String> {
    if want == got {
        return Vec::new();
    }
    let by_key = |rows: &[Vec<String>]| -> BTreeMap<String, String> {
        rows.iter()
            .map(|r| (r[..3].join(" × "), r[3..].join(" ")))
            .collect()
    };
    let (w, g) = (by_key(want), by_key(got));
    let mut out: Vec<String> = Vec::new();
    for (key, value) in &w {
        match g.get(key) {
            None => out.push(format!("{key}: {value:?} is missing")),
            Some(v) if v != value => out.push(format!("{key}: {value:?} read back as {v:?}")),
            Some(_) => {}
        }
    }
    out.extend(
        g.keys()
            .filter(|k| !w.contains_key(*k))
            .map(|k| format!("{k}: not in the original, read back as {:?}", g[k])),
    );
    if out.is_empty() {
        out.push("the same cells in another order".into());
    }
    out
}

#[test]
#[ignore = "needs the corpus: set XXGK_CORPUS"]
fn every_corpus_report_renders_to_text_html_and_word_that_read_back_to_its_cells() {
    let dir = corpus();
    let reports = corpus_reports(&dir);
    assert!(!reports.is_empty(), "no reports in {}", dir.display());
    let tmp = tempfile::tempdir().unwrap();
    let mut failures: Vec<String> = Vec::new();
    for (i, report) in reports.iter().enumerate() {
        let name = report.strip_prefix(&dir).unwrap().display().to_string();
        let stem = report.file_stem().unwrap().to_string_lossy().into_owned();
        let expected_path = dir.join("expected").join(format!("{stem}.csv"));
        let expected = std::fs::read_to_string(&expected_path)
            .unwrap_or_else(|e| panic!("{name}: no {}: {e}", expected_path.display()));
        let expected = parse_csv(&expected).unwrap()[1..].to_vec();

        let model = tmp.path().join(format!("{i}.toml"));
        xxgk()
            .arg("import")
            .arg(report)
            .arg("-o")
            .arg(&model)
            .assert()
            .success();
        let original = exported(report);
        for d in differences(&expected, &original) {
            failures.push(format!(
                "{name} (as imported) against expected/{stem}.csv: {d}"
            ));
        }
        for format in ["txt", "html", "docx"] {
            let rendered = tmp.path().join(format!("{i}.{format}"));
            xxgk()
                .arg("render")
                .arg(&model)
                .args(["--to", format, "-o"])
                .arg(&rendered)
                .assert()
                .success();
            let again = exported(&rendered);
            for d in differences(&original, &again) {
                failures.push(format!("{name} rendered to {format}: {d}"));
            }
            for d in differences(&expected, &again) {
                failures.push(format!(
                    "{name} rendered to {format}, against expected/{stem}.csv: {d}"
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} differences over {} reports:\n{}",
        failures.len(),
        reports.len(),
        failures[..failures.len().min(40)].join("\n")
    );
}

/// The comparison the corpus test relies on names each kind of difference.
#[test]
fn differences_name_changed_missing_and_added_cells() {
    let row = |r: &str, v: &str| -> Vec<String> {
        ["三", r, "总计", v, ""]
            .iter()
            .map(|s| (*s).to_owned())
            .collect()
    };
    let want = vec![row("a", "1"), row("b", "2")];
    assert!(differences(&want, &want).is_empty());
    let got = vec![row("a", "3"), row("c", "2")];
    let d = differences(&want, &got);
    assert_eq!(d.len(), 3, "{d:?}");
    assert!(d[0].contains("read back as"), "{d:?}");
    assert!(d[1].contains("missing"), "{d:?}");
    assert!(d[2].contains("not in the original"), "{d:?}");
    let swapped = vec![row("b", "2"), row("a", "1")];
    assert_eq!(
        differences(&want, &swapped),
        ["the same cells in another order"]
    );
}

//! The in-process cost of one report of a batch: what `xxgk check DIR
//! --report out.xlsx` does for each file once its bytes are read — read it
//! ([`Checker::read`]), check it ([`Checker::check_read`]), and keep what the
//! outputs need (the overview line, the findings, the cells in the long format,
//! the report's share of the sums). Over the fictional fixtures of the importer
//! (a text report, the same as a web page), and, when `XXGK_CORPUS` names the
//! corpus, over each of its text, HTML and Word reports. docs/performance.md
//! gives the figures and the whole-run measurements.

use std::hint::black_box;
use std::path::PathBuf;
use std::sync::Arc;

use criterion::{Criterion, criterion_main};
use xxgk::{Checker, Totals};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The files to measure: (name, bytes).
fn files() -> Vec<(String, Vec<u8>)> {
    let fixtures = root().join("crates/xxgk-import/tests/fixtures");
    let mut out: Vec<(String, Vec<u8>)> = ["clean-2025.txt", "space-aligned-2019.txt"]
        .iter()
        .map(|n| {
            (
                (*n).to_owned(),
                std::fs::read(fixtures.join(n)).expect("fixture"),
            )
        })
        .collect();
    if let Some(dir) = std::env::var_os("XXGK_CORPUS").map(PathBuf::from) {
        let dir = if dir.is_relative() {
            root().join(dir)
        } else {
            dir
        };
        for name in [
            "huaian-gov-2024.txt",
            "shanghai-office-2019.txt",
            "pingtan-2019.html",
            "shuyang-fgj-2023.html",
            "pingtan-2019.docx",
            "shuyang-fgj-2023.docx",
        ] {
            out.push((
                name.to_owned(),
                std::fs::read(dir.join(name)).expect("corpus report"),
            ));
        }
    }
    out
}

/// What a batch does for one file.
fn one(checker: &Checker, bytes: &[u8], name: &str) -> usize {
    let file = checker.read(bytes, name).expect("a report");
    let done = checker.check_read(Arc::new(file), None);
    let overview = checker.overview(&done);
    let findings = done.findings.diagnostics.clone();
    let cells = xxgk::model::long::long_records(&done.current.report);
    let mut totals = Totals::new();
    totals.add(&done.current.report);
    black_box((overview, findings, totals));
    cells.len()
}

fn per_report(c: &mut Criterion) {
    let checker = Checker::new().no_pdf();
    let mut group = c.benchmark_group("per_report");
    for (name, bytes) in files() {
        group.bench_function(&name, |b| {
            b.iter(|| one(&checker, black_box(&bytes), &name));
        });
    }
    group.finish();
}

// The macro defines an undocumented public function.
#[allow(missing_docs)]
mod group {
    criterion::criterion_group!(benches, super::per_report);
}

criterion_main!(group::benches);

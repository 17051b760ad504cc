//! Speed of the text front end and of the interpreter (issue 16):
//!
//! - `text_import`: `import` of each text report (bytes → report with notes) —
//!   the importer's fixtures, and the corpus's text reports when `XXGK_CORPUS`
//!   names the corpus;
//! - `interpret`: the interpreter alone (`from_document` on a document read
//!   beforehand), for the same reports and the corpus's web pages and Word files:
//!   the fixed cost every front end pays;
//! - `large_text`: `import` of a report whose narrative is repeated to 1 MB and
//!   10 MB (`support/large_text.rs`), in bytes per second.
//!
//! docs/performance.md gives the figures and the commands.

#![allow(missing_docs)] // a benchmark

mod support;

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use xxgk_import::{ImportOptions, from_document, import, import_with_document};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(root().join("tests/fixtures").join(name)).expect("fixture")
}

/// The corpus directory, when `XXGK_CORPUS` names it.
fn corpus() -> Option<PathBuf> {
    let dir = PathBuf::from(std::env::var_os("XXGK_CORPUS")?);
    Some(if dir.is_relative() {
        root().join("../..").join(dir)
    } else {
        dir
    })
}

/// (name, bytes) of the reports: the fixtures, then the corpus's reports whose
/// name ends with one of `exts`.
fn reports(exts: &[&str]) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = ["clean-2025.txt", "pdf-wrapped-2024.txt"]
        .iter()
        .map(|n| ((*n).to_owned(), fixture(n)))
        .collect();
    if let Some(dir) = corpus() {
        let mut names: Vec<String> = std::fs::read_dir(&dir)
            .expect("corpus directory")
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|n| exts.iter().any(|e| n.ends_with(e)))
            .collect();
        names.sort();
        for name in names {
            let bytes = std::fs::read(dir.join(&name)).expect("corpus report");
            out.push((name, bytes));
        }
    }
    out
}

fn options(name: &str) -> ImportOptions {
    ImportOptions::default().file_name(name)
}

fn text_import(c: &mut Criterion) {
    let mut group = c.benchmark_group("text_import");
    for (name, bytes) in reports(&[".txt"]) {
        let options = options(&name);
        group.bench_function(&name, |b| {
            b.iter(|| import(black_box(&bytes), &options).expect("a report"));
        });
    }
    group.finish();
}

fn interpret(c: &mut Criterion) {
    let mut group = c.benchmark_group("interpret");
    for (name, bytes) in reports(&[".txt", ".html", ".docx"]) {
        let options = options(&name);
        let (_, doc) = import_with_document(&bytes, &options).expect("a report");
        let doc = doc.expect("a document");
        group.bench_function(&name, |b| {
            b.iter(|| from_document(black_box(&doc), &options).expect("a report"));
        });
    }
    group.finish();
}

fn large_text(c: &mut Criterion) {
    let base = String::from_utf8(fixture("pdf-wrapped-2024.txt")).expect("UTF-8");
    let mut group = c.benchmark_group("large_text");
    group.sample_size(10);
    for mb in [1, 10] {
        let text = support::large_text::large_text(&base, mb << 20);
        let options = ImportOptions::default()
            .file_name("large.txt")
            .max_text_bytes(text.len());
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(format!("{mb}MB"), |b| {
            b.iter(|| import(black_box(text.as_bytes()), &options).expect("a report"));
        });
    }
    group.finish();
}

criterion_group!(benches, text_import, interpret, large_text);
criterion_main!(benches);

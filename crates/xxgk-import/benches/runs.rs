//! Speed of reading cells run together (`interp/runs.rs`, issue 13): the worst
//! table, whose every row of table 三 is a run of 42 ones that no cut satisfies
//! (the search spends the table's whole budget of `MAX_STEPS` partial cuts and
//! leaves the other rows unread), and the run-together fixture, whose rows
//! admit one cut each, some only by table 三's identities across rows.
//! docs/import.md gives the figures.

#![allow(missing_docs)] // a benchmark

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, criterion_group, criterion_main};
use xxgk_import::{ImportOptions, import};

fn fixture(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read_to_string(path).unwrap()
}

/// The run-together fixture with every run of table 三 replaced by 42 ones.
fn worst() -> String {
    let text = fixture("rough/runs-one-split-2025.txt");
    let mut out = String::new();
    let mut in_three = false;
    for line in text.lines() {
        if line.starts_with("三、收到和处理") {
            in_three = true;
        } else if line.starts_with("四、政府信息公开行政复议") {
            in_three = false;
        }
        match line.rsplit_once(' ') {
            Some((label, run))
                if in_three && run.len() >= 7 && run.bytes().all(|b| b.is_ascii_digit()) =>
            {
                out.push_str(label);
                out.push(' ');
                out.push_str(&"1".repeat(42));
            }
            _ => out.push_str(line),
        }
        out.push('\n');
    }
    out
}

fn runs(c: &mut Criterion) {
    let options = ImportOptions::default();
    let worst = worst();
    let typical = fixture("rough/runs-one-split-2025.txt");
    let mut group = c.benchmark_group("runs");
    group.sample_size(10);
    group.bench_function("worst table 三: 25 rows of 42 ones", |b| {
        b.iter(|| import(black_box(worst.as_bytes()), &options).unwrap());
    });
    group.bench_function("runs-one-split fixture", |b| {
        b.iter(|| import(black_box(typical.as_bytes()), &options).unwrap());
    });
    group.finish();
}

criterion_group!(benches, runs);
criterion_main!(benches);

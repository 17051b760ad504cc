//! How long checking takes: the two bundled examples, a blank template (every
//! cell blank, so every identity is evaluated and found open), a report with a
//! long narrative (the prose checks must stay near-linear in its length), when
//! `XXGK_CORPUS` is set, each text report of the corpus as imported, and reports
//! with 1 000 and 10 000 local rows in table 二 and as many extra columns in one
//! of its rows, whose times must grow ten times, not a hundred (docs/limits.md).

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, criterion_main};
use xxgk_model::schema::TableId;
use xxgk_model::{Block, BodyKind, Cell, Report};

fn example(name: &str) -> Report {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/examples")
        .join(name);
    let text = std::fs::read_to_string(&path).expect("example");
    toml::from_str(&text).expect("example parses")
}

/// The example government report with its section 一 repeated `n` times over,
/// figures and all.
fn long_narrative(n: usize) -> Report {
    let mut report = example("qinghe-gov-2025.toml");
    if let Some(overview) = report.sections.overview.as_mut() {
        let body: Vec<Block> = overview.body.clone();
        overview.body = body.iter().cycle().take(body.len() * n).cloned().collect();
    }
    report
}

/// The corpus's text reports, imported, when `XXGK_CORPUS` names the corpus.
fn corpus() -> Vec<(String, Report)> {
    let Some(dir) = std::env::var_os("XXGK_CORPUS").map(PathBuf::from) else {
        return Vec::new();
    };
    let dir = if dir.is_relative() {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../..")
            .join(dir)
    } else {
        dir
    };
    let mut out = Vec::new();
    for stem in ["huaian-gov-2024", "shanghai-office-2019", "pingtan-2023"] {
        let bytes = std::fs::read(dir.join(format!("{stem}.txt"))).expect("corpus report");
        let options = xxgk_import::ImportOptions::default().file_name(format!("{stem}.txt"));
        let imported = xxgk_import::import(&bytes, &options).expect("corpus report imports");
        out.push((stem.to_owned(), imported.report));
    }
    out
}

/// A blank 2025 report with `n` local rows added to table 二 (`wide`: `n` extra
/// columns in one row instead).
fn with_added(n: usize, wide: bool) -> Report {
    let mut report = Report::blank("某某县某某局", 2025, BodyKind::Department).unwrap();
    let table = report.table_mut(TableId::Proactive).expect("table 二");
    for i in 0..n {
        if wide {
            table.set(
                "第二十条第（一）项/规章",
                format!("本地列{i}"),
                Cell::int(1),
            );
        } else {
            let row = format!("第二十条第（一）项/本地文件类别{i}");
            for column in ["本年制发件数", "本年废止件数", "现行有效件数"] {
                table.set(row.clone(), column, Cell::int(1));
            }
        }
    }
    report
}

fn scaling(c: &mut Criterion) {
    let mut group = c.benchmark_group("check added");
    group.sample_size(10);
    for n in [1_000, 10_000] {
        for (what, wide) in [("rows", false), ("columns", true)] {
            let report = with_added(n, wide);
            group.bench_function(format!("{n} {what}"), |b| {
                b.iter(|| xxgk_rules::check(black_box(&report)));
            });
        }
    }
    group.finish();
}

fn bench(c: &mut Criterion) {
    let mut reports = vec![
        (
            "qinghe-water-2020".to_owned(),
            example("qinghe-water-2020.toml"),
        ),
        (
            "qinghe-gov-2025".to_owned(),
            example("qinghe-gov-2025.toml"),
        ),
        (
            "blank-2025".to_owned(),
            Report::blank("某某县某某局", 2025, BodyKind::Government).unwrap(),
        ),
        ("narrative-x10".to_owned(), long_narrative(10)),
        ("narrative-x100".to_owned(), long_narrative(100)),
    ];
    reports.extend(corpus());
    for (name, report) in &reports {
        c.bench_function(&format!("check {name}"), |b| {
            b.iter(|| xxgk_rules::check(black_box(report)));
        });
    }
}

// The macro defines an undocumented public function.
#[allow(missing_docs)]
mod group {
    criterion::criterion_group!(benches, super::bench, super::scaling);
}

criterion_main!(group::benches);

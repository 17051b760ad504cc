//! How long checking takes: the two bundled examples, a blank template (every
//! cell blank, so every identity is evaluated and found open), and reports with
//! 1 000 and 10 000 local rows in table 二 and as many extra columns in one of
//! its rows, whose times must grow ten times, not a hundred (docs/limits.md).

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, criterion_main};
use xxgk_model::schema::TableId;
use xxgk_model::{BodyKind, Cell, Report};

fn example(name: &str) -> Report {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples")
        .join(name);
    let text = std::fs::read_to_string(&path).expect("example");
    toml::from_str(&text).expect("example parses")
}

/// A blank 2025 report with `n` local rows added to table 二 (`wide`: `n` extra
/// columns in one row instead).
fn with_added(n: usize, wide: bool) -> Report {
    let mut report = Report::blank("某某县某某局", 2025, BodyKind::Department);
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
    for (name, report) in [
        ("qinghe-water-2020", example("qinghe-water-2020.toml")),
        ("qinghe-gov-2025", example("qinghe-gov-2025.toml")),
        (
            "blank-2025",
            Report::blank("某某县某某局", 2025, BodyKind::Government),
        ),
    ] {
        c.bench_function(&format!("check {name}"), |b| {
            b.iter(|| xxgk_rules::check(black_box(&report)));
        });
    }
}

// The macro defines an undocumented public function.
#[allow(missing_docs)]
mod group {
    criterion::criterion_group!(benches, super::bench, super::scaling);
}

criterion_main!(group::benches);

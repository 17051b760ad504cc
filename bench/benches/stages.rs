//! Every stage on its own, over the corpus reports (when `XXGK_CORPUS` names the
//! corpus), the importer's fictional fixtures and the bundled examples, and over
//! generated reports from 10 KB up to `XXGK_BENCH_MAX_BYTES` (default 10 MB; 50 MB
//! for the scaling curve of docs/performance.md). Each group has its floor beside
//! it, measured in the same run: counting the input's lines (what `wc -l` does)
//! for the stages that read bytes or text.
//!
//! ```sh
//! XXGK_CORPUS=../shared/corpus cargo bench -p xxgk-bench --bench stages
//! XXGK_CORPUS=../shared/corpus cargo bench -p xxgk-bench --bench stages -- 'report/import'
//! XXGK_BENCH_MAX_BYTES=50000000 cargo bench -p xxgk-bench --bench stages -- large
//! ```

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_main};
use xxgk_bench::generate::{self, Form};
use xxgk_bench::stage::{Prepared, Stage, measured, prepare};
use xxgk_model::{BodyKind, FormatVersion, Report};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The report files to measure: the importer's fixtures of both versions, then
/// every text, HTML and Word report of the corpus.
fn files() -> Vec<(String, Vec<u8>)> {
    let fixtures = root().join("crates/xxgk-import/tests/fixtures");
    let mut out: Vec<(String, Vec<u8>)> = ["clean-2025.txt", "space-aligned-2019.txt"]
        .iter()
        .map(|n| read(&fixtures.join(n)))
        .collect();
    if let Some(dir) = std::env::var_os("XXGK_CORPUS").map(PathBuf::from) {
        let dir = if dir.is_relative() {
            root().join(dir)
        } else {
            dir
        };
        let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)
            .expect("XXGK_CORPUS is a folder")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.extension()
                    .is_some_and(|e| e == "txt" || e == "html" || e == "docx")
            })
            .collect();
        names.sort();
        out.extend(names.iter().map(|p| read(p)));
    }
    out
}

fn read(path: &Path) -> (String, Vec<u8>) {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    (name, std::fs::read(path).expect("a report file"))
}

/// The floor: the input's lines counted, as `wc -l` counts them (the plain loop,
/// which the compiler vectorises: a dependency for a floor would be odd).
#[allow(clippy::naive_bytecount)]
fn lines(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b == b'\n').count()
}

/// Each stage over each report file, with the floor first.
fn per_report(c: &mut Criterion) {
    let files = files();
    let mut group = c.benchmark_group("report");
    group
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    for (name, bytes) in &files {
        group.bench_with_input(BenchmarkId::new("floor-lines", name), bytes, |b, bytes| {
            b.iter(|| lines(black_box(bytes)));
        });
    }
    for stage in Stage::ALL {
        for (name, bytes) in &files {
            // A stage that does not apply (decoding a Word file as text) is left out.
            let Ok(input) = prepare(stage, name, bytes) else {
                continue;
            };
            if measured(stage, &input, name).is_err() {
                continue;
            }
            group.bench_with_input(BenchmarkId::new(stage.name(), name), &input, |b, input| {
                b.iter(|| measured(stage, black_box(input), name).expect("the stage runs"));
            });
        }
    }
    group.finish();
}

/// The rules over the bundled clean example and over a blank report.
fn check(c: &mut Criterion) {
    let mut group = c.benchmark_group("check");
    let inputs = [
        ("clean-2021", generate::example(FormatVersion::V2021)),
        ("clean-2019", generate::example(FormatVersion::V2019)),
        (
            "blank-2021",
            Report::blank("某县某局", 2025, BodyKind::Department).expect("a blank report"),
        ),
    ];
    for (name, report) in inputs {
        let input = Prepared::Report(Box::new(report));
        group.bench_with_input(BenchmarkId::from_parameter(name), &input, |b, input| {
            b.iter(|| measured(Stage::Check, black_box(input), name).expect("check runs"));
        });
    }
    group.finish();
}

/// The sizes of the generated reports: 10 KB, 100 KB, 1 MB, 10 MB, 50 MB, up to
/// `XXGK_BENCH_MAX_BYTES`.
fn sizes(form: Form) -> Vec<usize> {
    let max: usize = std::env::var("XXGK_BENCH_MAX_BYTES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000_000);
    // A Word file's document part is several times its compressed size and the
    // importer stops at 64 MiB of it: Word files up to 10 MB.
    let max = if form == Form::Docx {
        max.min(10_000_000)
    } else {
        max
    };
    [10_000, 100_000, 1_000_000, 10_000_000, 50_000_000]
        .into_iter()
        .filter(|&s| s <= max)
        .collect()
}

/// Importing generated reports of growing size, in bytes per second, beside the
/// floor of counting their lines.
fn large(c: &mut Criterion) {
    for version in [FormatVersion::V2021, FormatVersion::V2019] {
        for form in Form::ALL {
            let group_name = format!("large/{}-{}", form.extension(), version.as_str());
            let mut group = c.benchmark_group(group_name);
            group
                .sample_size(10)
                .warm_up_time(Duration::from_millis(500))
                .measurement_time(Duration::from_secs(3));
            let name = format!("generated.{}", form.extension());
            for size in sizes(form) {
                let bytes = generate::bytes(version, form, size).expect("a generated report");
                group.throughput(Throughput::Bytes(bytes.len() as u64));
                group.bench_with_input(
                    BenchmarkId::new("floor-lines", size),
                    &bytes,
                    |b, bytes| b.iter(|| lines(black_box(bytes))),
                );
                let input = prepare(Stage::Import, &name, &bytes).expect("prepared");
                group.bench_with_input(BenchmarkId::new("import", size), &input, |b, input| {
                    b.iter(|| measured(Stage::Import, black_box(input), &name).expect("imports"));
                });
            }
            group.finish();
        }
    }
}

// The macro defines an undocumented public function.
#[allow(missing_docs)]
mod group {
    criterion::criterion_group!(benches, super::per_report, super::check, super::large);
}

criterion_main!(group::benches);

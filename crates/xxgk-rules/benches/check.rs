//! How long checking takes: the two bundled examples, and a blank template (every
//! cell blank, so every identity is evaluated and found open).

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, criterion_main};
use xxgk_model::{BodyKind, Report};

fn example(name: &str) -> Report {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples")
        .join(name);
    let text = std::fs::read_to_string(&path).expect("example");
    toml::from_str(&text).expect("example parses")
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
    criterion::criterion_group!(benches, super::bench);
}

criterion_main!(group::benches);

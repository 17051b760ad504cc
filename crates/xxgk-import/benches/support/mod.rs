//! What the benchmarks share with the examples that measure whole runs.

pub(crate) mod large_text;

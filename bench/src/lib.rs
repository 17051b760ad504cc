//! What xxgk's stages cost, measured the same way every time (not published).
//!
//! - [`generate`]: reports of any size (10 KB … 50 MB and more) in both format
//!   versions, written as text, an HTML page or a Word file.
//! - [`stage`]: each stage (decode, a front end, the interpreter, the rules, each
//!   renderer) runnable on its own over input prepared beforehand.
//! - `benches/stages.rs`: the criterion suite over the corpus reports and the
//!   generated ones, each beside a floor measured in the same run.
//! - the binaries `xxgk-stage` and `xxgk-generate` with `scripts/callgrind.sh` and `scripts/scaling.sh`: instruction counts per stage,
//!   stable from run to run, which CI prints.
//!
//! docs/performance.md gives the figures and the commands.

pub mod generate;
pub mod stage;

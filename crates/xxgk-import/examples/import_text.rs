//! Measures one run of the importer on a file, for whole-process figures
//! (`/usr/bin/time -v` peak memory, `valgrind --tool=callgrind` instruction
//! counts; docs/performance.md gives the commands):
//!
//! - `import_text import FILE [N]`: imports the file `N` times (once by
//!   default; the text read whole: the text limit is raised to the file's size)
//!   and prints the time of one import, the rate, the cells and the notes;
//! - `import_text interp FILE N`: reads the file's document once, then runs the
//!   interpreter alone `N` times;
//! - `import_text large REPORT SIZE OUT`: writes `REPORT` with its narrative
//!   repeated to `SIZE` bytes (`benches/support/large_text.rs`) to `OUT`.

#![allow(missing_docs, clippy::print_stdout, clippy::cast_precision_loss)] // a measuring tool prints its figures (rates need not be exact)

#[path = "../benches/support/large_text.rs"]
mod large_text;

use std::time::Instant;

use xxgk_import::{ImportOptions, from_document, import, import_with_document};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |i: usize| args.get(i).map_or("", String::as_str);
    match arg(0) {
        "import" => {
            let bytes = std::fs::read(arg(1)).expect("the file");
            let options = ImportOptions::default()
                .file_name(arg(1))
                .max_text_bytes(bytes.len());
            let n: u32 = arg(2).parse().unwrap_or(1);
            let start = Instant::now();
            let mut imported = import(&bytes, &options).expect("a report");
            for _ in 1..n {
                imported = import(&bytes, &options).expect("a report");
            }
            let secs = start.elapsed().as_secs_f64() / f64::from(n);
            println!(
                "{} bytes in {:.1} ms: {:.1} MB/s; {} cells, {} notes",
                bytes.len(),
                secs * 1e3,
                bytes.len() as f64 / secs / 1e6,
                imported.report.cells().count(),
                imported.notes.len()
            );
        }
        "interp" => {
            let bytes = std::fs::read(arg(1)).expect("the file");
            let options = ImportOptions::default().file_name(arg(1));
            let (_, doc) = import_with_document(&bytes, &options).expect("a report");
            let doc = doc.expect("a document");
            let n: u32 = arg(2).parse().unwrap_or(1);
            let start = Instant::now();
            for _ in 0..n {
                std::hint::black_box(from_document(&doc, &options).expect("a report"));
            }
            println!(
                "interpreter: {:.1} µs a run",
                start.elapsed().as_secs_f64() * 1e6 / f64::from(n)
            );
        }
        "large" => {
            let report = std::fs::read_to_string(arg(1)).expect("the report");
            let size: usize = arg(2).parse().expect("a size in bytes");
            std::fs::write(arg(3), large_text::large_text(&report, size)).expect("written");
        }
        _ => println!("usage: import_text import FILE [N] | interp FILE N | large REPORT SIZE OUT"),
    }
}

//! Any text as an HTML page through the HTML front end and the interpreter.
//! Seeded with the corpus's pages and the hostile shapes of docs/limits.md
//! (merged cells over the whole grid, nesting past the depth limits).
#![no_main]

use libfuzzer_sys::fuzz_target;
use xxgk_import::{ImportOptions, from_document, read_html};

fuzz_target!(|text: &str| {
    let _ = from_document(&read_html(text), &ImportOptions::default());
});

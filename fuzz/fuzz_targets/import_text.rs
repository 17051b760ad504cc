//! Any text through the text front end and the interpreter, and as an HTML page.
#![no_main]

use libfuzzer_sys::fuzz_target;
use xxgk_import::{ImportOptions, from_document, read_html, read_text};

fuzz_target!(|text: &str| {
    let options = ImportOptions::default();
    let _ = from_document(&read_text(text), &options);
    let _ = from_document(&read_html(text), &options);
});

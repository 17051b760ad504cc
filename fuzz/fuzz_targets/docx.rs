//! Any bytes as a Word file: the reader may refuse, never panic; what it reads
//! goes through the interpreter. Seeded with Word files of the corpus and the
//! hostile shapes of docs/limits.md (spans over hundreds of rows and columns,
//! deep nesting with namespace declarations).
#![no_main]

use libfuzzer_sys::fuzz_target;
use xxgk_import::{ImportOptions, from_document, read_docx};

fuzz_target!(|data: &[u8]| {
    if let Ok(doc) = read_docx(data) {
        let _ = from_document(&doc, &ImportOptions::default());
    }
});

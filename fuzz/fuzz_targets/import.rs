//! Any bytes, as any file the importer reads: it may refuse, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use xxgk_import::{ImportOptions, import};

fuzz_target!(|data: &[u8]| {
    let _ = import(data, &ImportOptions::default());
});

//! House rules of the source tree, checked over every crate's source: no
//! dependency cycles between sibling modules (a module and the modules it uses
//! can be read in one order, leaves first), and no import-note code written as a
//! string outside its enum.

mod lexer;
mod modules;

use std::path::{Path, PathBuf};

use modules::Crate;
use xxgk_import::NoteCode;

use crate::root;

/// The crates of the workspace and their root files.
const CRATES: &[(&str, &str)] = &[
    ("xxgk-model", "crates/xxgk-model/src/lib.rs"),
    ("xxgk-rules", "crates/xxgk-rules/src/lib.rs"),
    ("xxgk-import", "crates/xxgk-import/src/lib.rs"),
    ("xxgk-render", "crates/xxgk-render/src/lib.rs"),
    ("xxgk", "crates/xxgk/src/lib.rs"),
    ("xxgk-cli", "crates/xxgk-cli/src/main.rs"),
];

/// Cycles known and not yet broken, each with the work that will break it. The
/// test fails when one of them is gone, so that this list stays current.
const KNOWN: &[(&str, &str)] = &[];

/// (`XXGK_SHOW_CYCLES=1 cargo test -p xxgk-cli --test e2e house -- --nocapture`
/// prints every cycle with the paths that make it, known ones included.)
#[test]
#[allow(
    clippy::print_stdout,
    reason = "the cycles shown on request, for whoever breaks them"
)]
fn no_module_cycles_but_the_known_ones() {
    let mut unknown = Vec::new();
    let mut seen = Vec::new();
    for (name, file) in CRATES {
        for (cycle, why) in Crate::read(&root().join(file)).cycles() {
            let cycle = format!("{name} {cycle}");
            if std::env::var_os("XXGK_SHOW_CYCLES").is_some() {
                println!("{cycle}\n    {}", why.join("\n    "));
            }
            if KNOWN.iter().any(|(k, _)| *k == cycle) {
                seen.push(cycle);
            } else {
                unknown.push(format!("{cycle}\n    {}", why.join("\n    ")));
            }
        }
    }
    assert!(
        unknown.is_empty(),
        "modules that use each other:\n{}",
        unknown.join("\n")
    );
    let gone: Vec<&str> = KNOWN
        .iter()
        .map(|(k, _)| *k)
        .filter(|k| !seen.iter().any(|s| s == k))
        .collect();
    assert!(
        gone.is_empty(),
        "known cycles no longer there (remove them from KNOWN): {gone:#?}"
    );
}

/// The file that spells the note codes.
const NOTE_CODES: &str = "crates/xxgk-import/src/note_code.rs";

/// Every Rust file of the workspace (crates, tests, fuzz targets).
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if path.is_dir() && name != "target" && !name.starts_with('.') {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Whether `text` holds `word` with no letter, digit or `-` on either side.
fn holds(text: &str, word: &str) -> bool {
    let joins = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '-');
    text.match_indices(word).any(|(i, _)| {
        !joins(text[..i].chars().next_back()) && !joins(text[i + word.len()..].chars().next())
    })
}

/// Note codes travel as `NoteCode`: no string literal anywhere spells one (tests
/// that look for a code in the command's output format it from the enum).
#[test]
fn no_note_code_is_spelt_outside_its_enum() {
    let mut files = Vec::new();
    for dir in ["crates", "tests", "fuzz"] {
        rust_files(&root().join(dir), &mut files);
    }
    assert!(files.len() > 100, "{}", files.len());
    let mut found = Vec::new();
    for file in files.iter().filter(|f| !f.ends_with(NOTE_CODES)) {
        let src = std::fs::read_to_string(file).unwrap();
        for (literal, line) in lexer::lex(&src).strings {
            for code in NoteCode::ALL {
                if holds(&literal, code.as_str()) {
                    found.push(format!("{}:{line}: {code}", file.display()));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "note codes spelt as strings:\n{}",
        found.join("\n")
    );
}

#[test]
fn a_code_is_found_as_a_word_only() {
    assert!(holds("说明[two-words] x", "two-words"));
    assert!(holds("two-words", "two-words"));
    assert!(!holds("a-two-words", "two-words"));
    assert!(!holds("two-words2", "two-words"));
    let code = NoteCode::PageFooter;
    let src = format!("let x = \"说明[{code}]\";");
    let strings = lexer::lex(&src).strings;
    assert!(holds(&strings[0].0, code.as_str()));
}

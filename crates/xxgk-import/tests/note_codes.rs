//! The table of import-note codes in `docs/import.md` is the one [`NoteCode`]
//! generates.

use std::path::PathBuf;

use xxgk_import::{NoteClass, NoteCode};

const START: &str = "<!-- generated: NoteCode::markdown";
const END: &str = "<!-- end of generated table -->";

#[test]
fn docs_import_md_lists_every_code() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/import.md");
    let on_disk = std::fs::read_to_string(&path).unwrap();
    let start = on_disk.find(START).expect("the start marker");
    let body = start + on_disk[start..].find('\n').unwrap() + 1;
    let end = on_disk.find(END).expect("the end marker");
    let generated = format!(
        "{}{}{}",
        &on_disk[..body],
        NoteCode::markdown(),
        &on_disk[end..]
    );
    if std::env::var_os("XXGK_BLESS").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let on_disk = std::fs::read_to_string(&path).unwrap();
    assert!(
        on_disk == generated,
        "docs/import.md's table of note codes is stale: regenerate it with \
         `XXGK_BLESS=1 cargo test -p xxgk-import --test note_codes`"
    );
    for code in NoteCode::ALL {
        let row = format!("| `{code}` | {} |", code.class());
        assert!(on_disk.contains(&row), "{row}");
    }
}

/// The classes that decide what `xxgk check` shows by default.
#[test]
fn tolerances_of_form_and_substance_are_the_certain_ones() {
    let of = |class: NoteClass| -> Vec<&str> {
        NoteCode::ALL
            .iter()
            .filter(|c| c.class() == class)
            .map(|c| c.as_str())
            .collect()
    };
    assert_eq!(
        of(NoteClass::Form),
        [
            NoteCode::EncodingGuessed.as_str(),
            NoteCode::EncodingMismatch.as_str(),
            NoteCode::PageFooter.as_str(),
            NoteCode::TextBeforeTitle.as_str(),
            NoteCode::LabelVariant.as_str(),
            NoteCode::UnitWrapped.as_str(),
        ]
    );
    assert_eq!(of(NoteClass::Substance).len(), 5);
    assert!(NoteCode::ValuesUnplaced.leaves_table_unread());
    assert!(!NoteCode::CellUnreadable.leaves_table_unread());
}

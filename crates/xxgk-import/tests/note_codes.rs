//! What the import-note codes say of themselves.

use xxgk_import::{NoteClass, NoteCode};

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

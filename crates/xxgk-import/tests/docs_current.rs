//! The table of import-note codes in the repository's `docs/import.md` is the one
//! [`NoteCode`] generates. A test of the repository, not of the crate: the package
//! leaves it out (`exclude` in Cargo.toml), as it leaves out the repository's docs.

use std::path::PathBuf;

use xxgk_import::NoteCode;

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
         `XXGK_BLESS=1 cargo test -p xxgk-import --test docs_current`"
    );
    for code in NoteCode::ALL {
        let row = format!("| `{code}` | {} |", code.class());
        assert!(on_disk.contains(&row), "{row}");
    }
}

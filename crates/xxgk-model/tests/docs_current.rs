//! The repository's `docs/cells.md` is the table the model generates. A test of the
//! repository, not of the crate: the package leaves it out (`exclude` in Cargo.toml),
//! as it leaves out the repository's docs.

use std::path::PathBuf;

use xxgk_model::{FormatVersion, official_keys};

const VERSIONS: [(FormatVersion, usize); 2] =
    [(FormatVersion::V2019, 198), (FormatVersion::V2021, 200)];

/// `docs/cells.md` is the list the model holds (regenerate with `XXGK_BLESS=1`).
#[test]
fn docs_cells_md_is_current() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/cells.md");
    let generated = xxgk_model::cells_markdown();
    if std::env::var_os("XXGK_BLESS").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        on_disk == generated,
        "docs/cells.md is stale: regenerate it with `XXGK_BLESS=1 cargo test -p xxgk-model --test docs_current`"
    );
    for (version, n) in VERSIONS {
        assert!(generated.contains(&format!("({}): {n} cells", version.spec().document)));
        for key in official_keys(version) {
            assert!(
                generated.contains(&format!("| `{}` | `{}` |", key.row, key.column)),
                "{key}"
            );
        }
    }
}

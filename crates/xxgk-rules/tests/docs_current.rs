//! The repository's `docs/rules.md` is the one generated from the registry. A test
//! of the repository, not of the crate: the package leaves it out (`exclude` in
//! Cargo.toml), as it leaves out the repository's docs.

use std::path::PathBuf;

use xxgk_rules::docs::markdown;
use xxgk_rules::registry::rules;

#[test]
fn docs_rules_md_is_current() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/rules.md");
    let generated = markdown();
    if std::env::var_os("XXGK_BLESS").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        on_disk == generated,
        "docs/rules.md is stale: regenerate it with `XXGK_BLESS=1 cargo test -p xxgk-rules --test docs_current` \
         or `cargo run -q -p xxgk-cli -- rules --markdown > docs/rules.md`"
    );
    for rule in rules() {
        assert!(generated.contains(&format!("## {} {}", rule.code, rule.name)));
    }
}

//! The bundled examples draw exactly the findings their defects call for.

use std::path::PathBuf;

use xxgk_model::Report;

fn example(name: &str) -> Report {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap();
    toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn water_2020_draws_its_structural_defects() {
    let findings = xxgk_rules::check(&example("qinghe-water-2020.toml"));
    insta::assert_json_snapshot!(findings);
}

#[test]
fn government_2025_is_clean() {
    let findings = xxgk_rules::check(&example("qinghe-gov-2025.toml"));
    insta::assert_json_snapshot!(findings);
}

//! The bundled examples draw exactly the findings their defects call for.

use std::path::PathBuf;

use xxgk_model::Report;

fn example(name: &str) -> Report {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/examples")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap();
    toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn water_2020_draws_the_defects_it_was_written_with() {
    let findings = xxgk_rules::check(&example("qinghe-water-2020.toml"));
    let codes: Vec<&str> = findings
        .diagnostics
        .iter()
        .map(|d| d.code.as_str())
        .collect();
    // Section 一: 未收到申请 beside 1 new application, 480 whose parts make 530, the
    // heading; section 三: the heading; section 四: missing.
    assert_eq!(codes, ["N001", "N002", "S003", "S003", "S001"]);
    insta::assert_json_snapshot!(findings);
}

#[test]
fn government_2025_is_clean() {
    let findings = xxgk_rules::check(&example("qinghe-gov-2025.toml"));
    assert!(findings.is_empty(), "{findings:#?}");
}

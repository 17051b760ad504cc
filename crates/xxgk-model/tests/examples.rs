//! The bundled examples load, keep their content through JSON, and their JSON form
//! is reviewed through insta snapshots.

use std::path::PathBuf;

use xxgk_model::{FormatVersion, Report, official_keys};

fn example(name: &str) -> Report {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/examples")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap();
    toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn example_2019_format_snapshot() {
    let report = example("qinghe-water-2020.toml");
    assert_eq!(report.meta.format, FormatVersion::V2019);
    // The defect the example exists for: section 四 is absent, not zero-filled.
    assert!(report.sections.reviews.is_none());
    insta::assert_json_snapshot!(report);
}

#[test]
fn example_2021_format_snapshot() {
    let report = example("qinghe-gov-2025.toml");
    assert_eq!(report.meta.format, FormatVersion::V2021);
    for key in official_keys(FormatVersion::V2021) {
        assert!(
            report.cell(key).and_then(|c| c.number()).is_some(),
            "{key} is not a number"
        );
    }
    insta::assert_json_snapshot!(report);
}

#[test]
fn examples_survive_json() {
    for name in ["qinghe-water-2020.toml", "qinghe-gov-2025.toml"] {
        let report = example(name);
        let back: Report = serde_json::from_str(&serde_json::to_string(&report).unwrap()).unwrap();
        assert_eq!(back, report, "{name}");
    }
}

#[test]
fn json_schema_describes_the_serialised_form() {
    let schema = serde_json::to_value(xxgk_model::json_schema()).unwrap();
    let props = &schema["properties"];
    for field in ["meta", "sections", "preamble", "closing", "order"] {
        assert!(
            props.get(field).is_some(),
            "schema lacks {field}: {schema:#}"
        );
    }
    let text = schema.to_string();
    assert!(text.contains("\"Cell\""), "cells have their own definition");
    assert!(text.contains("万元"), "money units are listed");
}

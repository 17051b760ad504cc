//! Law: serialising a report to JSON or TOML and reading it back is the identity,
//! for arbitrary reports of both versions (blanks, placeholders, added rows and
//! columns, absent sections, rows and cells).

use proptest::prelude::*;
use xxgk_model::{Report, strategy};

fn config() -> ProptestConfig {
    // 256 cases by default; CI raises the count through PROPTEST_CASES.
    ProptestConfig::default()
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn json_round_trip_is_identity(report in strategy::report()) {
        let json = serde_json::to_string(&report).unwrap();
        let back: Report = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(&back, &report);
        // Serialising again gives the same text: the form is canonical.
        prop_assert_eq!(serde_json::to_string(&back).unwrap(), json);
    }

    #[test]
    fn toml_round_trip_is_identity(report in strategy::report()) {
        let text = toml::to_string(&report).unwrap();
        let back: Report = toml::from_str(&text).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(&back, &report);
        prop_assert_eq!(toml::to_string(&back).unwrap(), text);
    }

    #[test]
    fn json_and_toml_agree(report in strategy::report()) {
        let via_toml: Report = toml::from_str(&toml::to_string(&report).unwrap()).unwrap();
        let via_json: Report = serde_json::from_str(&serde_json::to_string(&report).unwrap()).unwrap();
        prop_assert_eq!(via_toml, via_json);
    }
}

#[test]
fn decimal_scale_and_units_survive() {
    let mut report = Report::blank("某某局", 2020, xxgk_model::BodyKind::Department).unwrap();
    let key = xxgk_model::CellKey::new(
        xxgk_model::schema::TableId::Proactive,
        "第二十条第（九）项/政府集中采购",
        "采购总金额",
    );
    *report.cell_mut(&key).unwrap() = "34.50 万元".parse().unwrap();
    let text = toml::to_string(&report).unwrap();
    assert!(text.contains("\"采购总金额\" = \"34.50万元\""), "{text}");
    let back: Report = toml::from_str(&text).unwrap();
    assert_eq!(back.cell(&key).unwrap().to_text(), "34.50万元");
}

#[test]
fn floats_are_refused_with_a_hint() {
    let json = r#"{"meta":{"agency":"a","year":2021,"kind":"other","format":"2021"},
        "sections":{"proactive":{"table":{"r":{"c":1.5}}}}}"#;
    let err = serde_json::from_str::<Report>(json)
        .unwrap_err()
        .to_string();
    assert!(err.contains("小数 1.5 没有加引号"), "{err}");
    assert!(err.contains("写成带引号的文字，如 \"1.5\""), "{err}");
}

#[test]
fn unknown_fields_are_refused() {
    let json =
        r#"{"meta":{"agency":"a","year":2021,"kind":"other","format":"2021","colour":"red"}}"#;
    assert!(serde_json::from_str::<Report>(json).is_err());
}

#[test]
fn toml_native_dates_are_read() {
    let text = "[meta]\nagency = \"某某局\"\nyear = 2021\nkind = \"department\"\nformat = \"2021\"\n\
                published = 2022-01-20\n[meta.period]\nstart = 2021-01-01\nend = \"2021-12-31\"\n";
    let report: Report = toml::from_str(text).unwrap();
    assert_eq!(report.meta.published.unwrap().to_string(), "2022-01-20");
    assert_eq!(report.meta.period.unwrap().start.to_string(), "2021-01-01");
    let bad = text.replace("2022-01-20", "\"2022-13-40\"");
    let err = toml::from_str::<Report>(&bad).unwrap_err().to_string();
    assert!(err.contains("不是日期"), "{err}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

    /// Two reports drawn together fit a test thread's default stack (the value trees
    /// of the strategies live on the heap).
    #[test]
    fn two_reports_fit_on_a_test_threads_stack(
        pair in (strategy::report(), proptest::option::of(strategy::report()))
    ) {
        prop_assert!(pair.1.as_ref().is_none_or(|r| r.meta.year >= 2019));
    }
}

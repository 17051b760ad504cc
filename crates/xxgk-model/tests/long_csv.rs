//! The long-format CSV of the model matches the expected files of the corpus: each
//! expected CSV, read into a report, is written back line for line.

use std::path::PathBuf;

use xxgk_model::long::{apply_records, parse_long_csv, to_csv};
use xxgk_model::{BodyKind, FormatVersion, Report};

fn corpus() -> PathBuf {
    let dir = PathBuf::from(std::env::var_os("XXGK_CORPUS").expect("set XXGK_CORPUS"));
    if dir.is_relative() {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../..")
            .join(dir)
    } else {
        dir
    }
}

#[test]
#[ignore = "needs the corpus: set XXGK_CORPUS"]
fn expected_csvs_round_trip_through_the_model() {
    let dir = corpus().join("expected");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let records = parse_long_csv(&text).unwrap();
        // The format version is the one whose key list the file starts with.
        let version = if records.iter().any(|r| r.key.column == "本年制发件数") {
            FormatVersion::V2021
        } else {
            FormatVersion::V2019
        };
        let mut report = Report::blank(
            "",
            if version == FormatVersion::V2021 {
                2023
            } else {
                2020
            },
            BodyKind::Other,
        )
        .unwrap();
        report.sections = xxgk_model::Sections::default();
        apply_records(&mut report, &records).unwrap();
        assert_eq!(to_csv(&report), text, "{}", path.display());
        n += 1;
    }
    assert!(n >= 9, "expected at least 9 CSV files in {}", dir.display());
}

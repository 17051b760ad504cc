//! Every official cell has a key, every key resolves for its version and maps back
//! to itself, and the key lists of `../shared/spec` are exactly the model's.

use std::path::PathBuf;

use xxgk_model::schema::TableId;
use xxgk_model::{BodyKind, CellKey, FormatVersion, Report, official_keys};

const VERSIONS: [(FormatVersion, i32, usize); 2] = [
    (FormatVersion::V2019, 2020, 198),
    (FormatVersion::V2021, 2025, 200),
];

#[test]
fn key_counts_match_the_official_formats() {
    for (version, _, n) in VERSIONS {
        assert_eq!(official_keys(version).len(), n, "{version}");
        assert_eq!(version.spec().cell_count(), n, "{version}");
    }
    let t3 = |v: FormatVersion| v.spec().table(TableId::Applications).rows.len();
    assert_eq!(t3(FormatVersion::V2021), 25);
    assert_eq!(t3(FormatVersion::V2019), 23);
}

#[test]
fn every_key_resolves_in_a_blank_report_and_maps_back() {
    for (version, year, n) in VERSIONS {
        let report = Report::blank("某某局", year, BodyKind::Department).unwrap();
        assert_eq!(report.meta.format, version);
        for key in official_keys(version) {
            assert!(report.cell(key).is_some(), "{key} does not resolve");
            assert!(key.is_official(version));
            assert_eq!(key.json_pointer().cell_key().as_ref(), Some(key));
            assert_eq!(
                &CellKey::from_json_pointer(key.json_pointer().as_str()).unwrap(),
                key
            );
            assert_eq!(&CellKey::parse(&key.to_line()).unwrap(), key);
        }
        // cell → key: the report's cells, in order, are exactly the official keys.
        let keys: Vec<CellKey> = report.cells().map(|(k, _)| k).collect();
        assert_eq!(keys, official_keys(version), "{version}");
        assert_eq!(keys.len(), n);
        assert_eq!(report.extra_cells().count(), 0);
    }
}

#[test]
fn keys_of_one_version_are_not_all_official_in_the_other() {
    let only_2019 = CellKey::new(
        TableId::Proactive,
        "第二十条第（九）项/政府集中采购",
        "采购总金额",
    );
    assert!(only_2019.is_official(FormatVersion::V2019));
    assert!(!only_2019.is_official(FormatVersion::V2021));
    let single_other = CellKey::new(
        TableId::Applications,
        "三、本年度办理结果/（六）其他处理",
        "总计",
    );
    assert!(single_other.is_official(FormatVersion::V2019));
    assert!(!single_other.is_official(FormatVersion::V2021));
}

#[test]
fn added_rows_and_columns_are_extra_cells() {
    let mut report = Report::blank("某某局", 2023, BodyKind::Government).unwrap();
    let t3 = report.table_mut(TableId::Applications).unwrap();
    t3.set(
        "三、本年度办理结果/（六）其他处理",
        "自然人",
        xxgk_model::Cell::int(0),
    );
    t3.set(
        "一、本年新收政府信息公开申请数量",
        "法人或其他组织",
        xxgk_model::Cell::int(2),
    );
    let extra: Vec<String> = report.extra_cells().map(|(k, _)| k.to_line()).collect();
    assert_eq!(
        extra,
        [
            "三,一、本年新收政府信息公开申请数量,法人或其他组织",
            "三,三、本年度办理结果/（六）其他处理,自然人",
        ]
    );
}

fn spec_dir() -> PathBuf {
    let corpus = std::env::var_os("XXGK_CORPUS").expect("set XXGK_CORPUS to ../shared/corpus");
    let mut dir = PathBuf::from(corpus);
    if dir.is_relative() {
        // Relative paths are relative to the workspace root, where CI runs.
        dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../..")
            .join(dir);
    }
    dir.join("../spec")
}

#[test]
#[ignore = "needs ../shared/spec beside the corpus: set XXGK_CORPUS"]
fn key_lists_of_the_spec_are_exactly_the_models() {
    for (version, _, _) in VERSIONS {
        let path = spec_dir().join(format!("cells-{version}.csv"));
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let keys: Vec<CellKey> = text
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| CellKey::parse(l).unwrap_or_else(|e| panic!("{l}: {e}")))
            .collect();
        assert_eq!(keys, official_keys(version), "{}", path.display());
    }
}

/// Every official row and column label of both versions has its constant in
/// `schema`, and every constant is an official label of some version.
#[test]
fn every_official_label_has_a_constant() {
    use xxgk_model::schema::{applications as a, proactive as p, reviews as r};
    let rows = [
        p::RULES,
        p::NORMATIVE_DOCUMENTS,
        p::NORMATIVE_DOCUMENTS_2019,
        p::LICENSING,
        p::OTHER_SERVICES_2019,
        p::PENALTIES,
        p::COERCION,
        p::FEES,
        p::CENTRAL_PROCUREMENT_2019,
        a::NEW,
        a::CARRIED_IN,
        a::GRANTED,
        a::PARTLY_GRANTED,
        a::STATE_SECRET,
        a::BARRED_BY_LAW,
        a::SECURITY_AND_STABILITY,
        a::THIRD_PARTY,
        a::INTERNAL_AFFAIRS,
        a::PROCESS_INFORMATION,
        a::ENFORCEMENT_FILES,
        a::INQUIRY_MATTERS,
        a::NOT_HELD,
        a::WOULD_NEED_MAKING,
        a::STILL_UNCLEAR,
        a::PETITIONS,
        a::REPEATED,
        a::PUBLICATIONS,
        a::MASS_REPEATED,
        a::CONFIRMATION,
        a::NOT_CORRECTED,
        a::FEE_UNPAID,
        a::OTHER_REASONS,
        a::OTHER_HANDLING,
        a::RESULTS_TOTAL,
        a::CARRIED_OUT,
        r::ADMINISTRATIVE_REVIEW,
        r::DIRECT_SUIT,
        r::SUIT_AFTER_REVIEW,
    ];
    let columns = [
        p::ISSUED,
        p::REPEALED,
        p::IN_FORCE,
        p::DECISIONS,
        p::FEE_AMOUNT,
        p::MADE_2019,
        p::PUBLISHED_2019,
        p::PUBLISHED_TOTAL_2019,
        p::ITEMS_LAST_YEAR_2019,
        p::ITEMS_CHANGE_2019,
        p::DECISIONS_2019,
        p::PROCUREMENT_ITEMS_2019,
        p::PROCUREMENT_AMOUNT_2019,
        a::NATURAL_PERSON,
        a::BUSINESS,
        a::RESEARCH,
        a::PUBLIC_INTEREST,
        a::LEGAL_SERVICES,
        a::OTHER_ORGANISATIONS,
        a::TOTAL_COLUMN,
        r::UPHELD,
        r::CORRECTED,
        r::OTHER_RESULT,
        r::PENDING,
        r::TOTAL_COLUMN,
    ];
    let keys: Vec<&CellKey> = VERSIONS
        .iter()
        .flat_map(|(v, _, _)| official_keys(*v))
        .collect();
    for key in &keys {
        assert!(rows.contains(&key.row.as_str()), "row {}", key.row);
        assert!(
            columns.contains(&key.column.as_str()),
            "column {}",
            key.column
        );
    }
    for row in rows {
        assert!(keys.iter().any(|k| k.row == row), "{row}");
    }
    for column in columns {
        assert!(keys.iter().any(|k| k.column == column), "{column}");
    }
}

/// Every official cell is found from its labels as typed with half-width
/// brackets and `、` for `.`, and from its leaf labels where they name one row.
#[test]
fn every_official_cell_is_found_as_typed() {
    let typed = |label: &str| -> String {
        label
            .chars()
            .map(|c| match c {
                '（' => '(',
                '）' => ')',
                '，' => ',',
                '.' => '、',
                c => c,
            })
            .collect()
    };
    for (version, _, _) in VERSIONS {
        for key in official_keys(version) {
            let found = CellKey::find(version, key.table, &typed(&key.row), &typed(&key.column));
            assert_eq!(found.as_ref(), Ok(key), "{key}");
            let exact = CellKey::find(version, key.table, &key.row, &key.column);
            assert_eq!(exact.as_ref(), Ok(key), "{key}");
        }
    }
}

#[test]
fn result_rows_are_the_rows_the_results_total_sums() {
    use xxgk_model::schema::applications::{
        GRANTED, NOT_CORRECTED, OTHER_HANDLING, RESULTS_TOTAL, result_rows,
    };
    for (version, _, _) in VERSIONS {
        let rows: Vec<&str> = result_rows(version).collect();
        assert_eq!(rows.first(), Some(&GRANTED), "{version}");
        assert!(!rows.contains(&RESULTS_TOTAL), "{version}");
        assert!(
            rows.iter().all(|r| r.starts_with("三、本年度办理结果/")),
            "{version}"
        );
    }
    // （六）其他处理 is one row in 2019 and a group of three in 2021.
    assert!(result_rows(FormatVersion::V2019).any(|r| r == OTHER_HANDLING));
    assert!(result_rows(FormatVersion::V2021).any(|r| r == NOT_CORRECTED));
    assert!(!result_rows(FormatVersion::V2019).any(|r| r == NOT_CORRECTED));
}

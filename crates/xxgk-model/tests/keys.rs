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
        let report = Report::blank("某某局", year, BodyKind::Department);
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
    let mut report = Report::blank("某某局", 2023, BodyKind::Government);
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
        "docs/cells.md is stale: regenerate it with `XXGK_BLESS=1 cargo test -p xxgk-model --test keys`"
    );
    for (version, _, n) in VERSIONS {
        assert!(generated.contains(&format!("({}): {n} cells", version.spec().document)));
        for key in official_keys(version) {
            assert!(
                generated.contains(&format!("| `{}` | `{}` |", key.row, key.column)),
                "{key}"
            );
        }
    }
}

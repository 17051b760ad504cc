//! `xxgk init` writes blank reports that load back into the model with every official
//! cell of the right version, and never replaces or half-writes a file.

use std::fs;
use std::path::Path;

use xxgk_model::{FormatVersion, Report, SectionId, official_keys};

use crate::xxgk;

fn load(path: &Path) -> Report {
    let text = fs::read_to_string(path).unwrap();
    if path.extension().is_some_and(|e| e == "json") {
        serde_json::from_str(&text).unwrap()
    } else {
        toml::from_str(&text).unwrap()
    }
}

#[test]
fn init_writes_every_official_cell_for_both_versions() {
    for (year, version, cells) in [
        (2020, FormatVersion::V2019, 198),
        (2025, FormatVersion::V2021, 200),
    ] {
        let dir = tempfile::tempdir().unwrap();
        xxgk()
            .current_dir(dir.path())
            .args([
                "init",
                "--year",
                &year.to_string(),
                "--agency",
                "某某局",
                "--kind",
                "department",
            ])
            .assert()
            .success()
            .stdout("")
            .stderr(predicates::str::contains(format!("{cells} 个表格单元格")));
        let path = dir.path().join(format!("某某局-{year}.toml"));
        let report = load(&path);
        assert_eq!(report.meta.format, version);
        assert_eq!(report.meta.year, year);
        let keys = official_keys(version);
        assert_eq!(keys.len(), cells);
        for key in keys {
            assert!(
                report.cell(key).is_some_and(xxgk_model::Cell::is_blank),
                "{key}"
            );
        }
        assert_eq!(
            report.cells().count(),
            cells,
            "no cells beyond the official ones"
        );
        for id in SectionId::ALL {
            let section = report.sections.get(id).expect("every section present");
            assert_eq!(section.heading(), Some(version.spec().heading(id)));
        }
    }
}

#[test]
fn init_refuses_to_overwrite_and_leaves_the_file_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.toml");
    fs::write(&path, "keep me").unwrap();
    xxgk()
        .args([
            "init",
            "--year",
            "2025",
            "--agency",
            "某某局",
            "--kind",
            "government",
            "-o",
        ])
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("已存在"));
    assert_eq!(fs::read_to_string(&path).unwrap(), "keep me");
    xxgk()
        .args([
            "init",
            "--year",
            "2025",
            "--agency",
            "某某局",
            "--kind",
            "government",
            "--force",
            "-o",
        ])
        .arg(&path)
        .assert()
        .success();
    assert_eq!(load(&path).meta.kind, xxgk_model::BodyKind::Government);
    // Nothing but the report is left in the directory (no temporary files).
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn init_json_loads_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.json");
    xxgk()
        .args([
            "init",
            "--year",
            "2019",
            "--agency",
            "某某局",
            "--kind",
            "other",
            "-o",
        ])
        .arg(&path)
        .assert()
        .success();
    let report = load(&path);
    assert_eq!(report.meta.format, FormatVersion::V2019);
    assert_eq!(report.cells().count(), 198);
}

#[test]
fn init_rejects_years_without_a_uniform_format() {
    xxgk()
        .args([
            "init",
            "--year",
            "2017",
            "--agency",
            "某某局",
            "--kind",
            "department",
        ])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("2019"));
}

#[cfg(unix)]
#[test]
fn written_files_are_readable_by_others_like_any_new_document() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.toml");
    xxgk()
        .args([
            "init",
            "--year",
            "2025",
            "--agency",
            "某某局",
            "--kind",
            "department",
            "-o",
        ])
        .arg(&path)
        .assert()
        .success();
    assert_eq!(
        fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o644
    );
    // Replacing a file keeps the permissions it had.
    fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
    xxgk()
        .args([
            "init",
            "--year",
            "2025",
            "--agency",
            "某某局",
            "--kind",
            "department",
            "--force",
            "-o",
        ])
        .arg(&path)
        .assert()
        .success();
    assert_eq!(
        fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o600
    );
}

/// The lines of the template its comments say to enable by deleting the `# ` in
/// front: the publication date and the example block of each text section.
fn enable_examples(text: &str) -> String {
    text.lines()
        .map(|l| match l.strip_prefix("# ") {
            Some(rest)
                if rest.starts_with("published =")
                    || rest.starts_with("[[sections.")
                    || rest.starts_with("paragraph =") =>
            {
                rest
            }
            _ => l,
        })
        .fold(String::new(), |acc, l| acc + l + "\n")
}

fn init_in(dir: &Path) -> std::path::PathBuf {
    xxgk()
        .current_dir(dir)
        .args([
            "init",
            "--year",
            "2025",
            "--agency",
            "某某局",
            "--kind",
            "department",
        ])
        .assert()
        .success();
    dir.join("某某局-2025.toml")
}

/// Issue 15: a `[[…body]]` block written as the comments say defined `body` a
/// second time (`body = []` stood above it) and the file no longer loaded.
#[test]
fn the_template_is_filled_in_as_its_comments_say() {
    let dir = tempfile::tempdir().unwrap();
    let path = init_in(dir.path());
    let text = fs::read_to_string(&path).unwrap();
    assert!(!text.contains("body = []"), "{text}");
    let filled = enable_examples(&text);
    assert_ne!(filled, text);
    fs::write(&path, &filled).unwrap();
    let report = load(&path);
    assert_eq!(
        report.meta.published.map(|d| d.to_string()).as_deref(),
        Some("2026-01-20")
    );
    let sections = &report.sections;
    for body in [&sections.overview, &sections.problems, &sections.other] {
        let body = &body.as_ref().unwrap().body;
        assert_eq!(body, &[xxgk_model::Block::Paragraph("……".into())]);
    }
    // Blocks copied as the comment says, and a block added at the end of the
    // file, as a reader who skipped the comments would write it.
    let more = format!(
        "{}\n[[sections.overview.body]]\nheading = \"（一）主动公开情况\"\n",
        filled.replacen(
            "paragraph = \"……\"\n",
            "paragraph = \"……\"\n\n[[sections.overview.body]]\nparagraph = \"第二段\"\n",
            1
        )
    );
    fs::write(&path, more).unwrap();
    let body = load(&path).sections.overview.unwrap().body;
    assert_eq!(body.len(), 3, "{body:?}");
    xxgk().arg("check").arg(&path).assert().code(0);
}

/// The untouched template loads as the blank report, and checks with exit 0.
#[test]
fn the_untouched_template_is_the_blank_report() {
    let dir = tempfile::tempdir().unwrap();
    let path = init_in(dir.path());
    let report = load(&path);
    assert_eq!(report.meta.published, None);
    assert_eq!(
        report,
        Report::blank("某某局", 2025, xxgk_model::BodyKind::Department).unwrap()
    );
}

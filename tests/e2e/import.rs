//! `xxgk import` reads published reports into model files, prints its notes with
//! positions in the user's file, and reads the real reports of the corpus cell for
//! cell and word for word.

use std::path::Path;
use xxgk_import::NoteCode;

use crate::{CORPUS, corpus, fixture, stem, tag, xxgk};
use xxgk_model::long::to_csv;
use xxgk_model::{BodyKind, Report, SectionId, joined};

/// Runs `xxgk import FILE` and reads the TOML it prints; returns it with stderr.
fn import(path: &Path, extra: &[&str]) -> (Report, String) {
    let out = xxgk().arg("import").arg(path).args(extra).output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(out.status.success(), "{}: {stderr}", path.display());
    let report = toml::from_str(&String::from_utf8(out.stdout).unwrap()).unwrap();
    (report, stderr)
}

#[test]
fn import_prints_the_model_and_notes_that_point_into_the_file() {
    let path = fixture("pdf-wrapped-2024.txt");
    let (report, stderr) = import(&path, &[]);
    assert_eq!(report.meta.agency, "青禾县人民政府");
    assert_eq!(report.cells().count(), 200);
    let footer = format!(
        "{}:13:1: 导入说明{}",
        path.display(),
        tag(NoteCode::PageFooter)
    );
    assert!(stderr.contains(&footer), "{stderr}");
    let variant = format!("导入说明{}", tag(NoteCode::LabelVariant));
    assert!(stderr.contains(&variant), "{stderr}");
}

#[test]
fn import_writes_json_or_toml_files_and_never_overwrites_silently() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.json");
    xxgk()
        .arg("import")
        .arg(fixture("clean-2025.txt"))
        .arg("-o")
        .arg(&out)
        .assert()
        .success()
        .stderr(predicates::str::contains("已写入"));
    let report: Report = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(report.meta.year, 2025);
    xxgk()
        .arg("import")
        .arg(fixture("clean-2025.txt"))
        .arg("-o")
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("已存在"));
    // A model file imports as itself.
    let (again, stderr) = import(&out, &[]);
    assert_eq!(again, report);
    assert!(stderr.is_empty());
}

#[test]
fn options_override_what_the_report_says() {
    let (report, _) = import(
        &fixture("clean-2025.txt"),
        &[
            "--year",
            "2024",
            "--kind",
            "other",
            "--agency",
            "青禾县交通局",
        ],
    );
    assert_eq!(report.meta.year, 2024);
    assert_eq!(report.meta.kind, BodyKind::Other);
    assert_eq!(report.meta.agency, "青禾县交通局");
}

#[test]
fn something_that_is_not_a_report_is_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("note.txt");
    std::fs::write(&path, "会议通知\n请各单位于周五前报送材料。\n").unwrap();
    xxgk()
        .arg("import")
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("不是政府信息公开工作年度报告"));
    xxgk()
        .arg("import")
        .arg(dir.path().join("missing.txt"))
        .assert()
        .code(2)
        .stderr(predicates::str::contains("无法读取"));
}

#[test]
#[ignore = "needs the corpus: set XXGK_CORPUS"]
fn every_corpus_report_imports_to_its_expected_cells() {
    let dir = corpus();
    for name in CORPUS {
        let (report, _) = import(&dir.join(name), &[]);
        let expected =
            std::fs::read_to_string(dir.join("expected").join(format!("{}.csv", stem(name))))
                .unwrap();
        assert_eq!(to_csv(&report), expected, "{name}");
    }
}

/// All narrative text of a report, for searching.
fn narrative(r: &Report) -> String {
    let mut parts = vec![
        r.meta.title.clone().unwrap_or_default(),
        joined(&r.preamble),
    ];
    for id in SectionId::ALL {
        if let Some(s) = r.sections.get(id) {
            parts.push(s.heading().unwrap_or_default().to_owned());
        }
    }
    for s in [
        &r.sections.overview,
        &r.sections.problems,
        &r.sections.other,
    ]
    .into_iter()
    .flatten()
    {
        parts.push(joined(&s.body));
    }
    for s in [
        &r.sections.proactive,
        &r.sections.applications,
        &r.sections.reviews,
    ]
    .into_iter()
    .flatten()
    {
        parts.push(joined(&s.text));
        parts.push(joined(&s.text_after));
    }
    parts.push(joined(&r.closing));
    parts.join("\n")
}

/// Every line of narrative in a text file (not a table row, not a line the
/// import notes say it dropped) is in the report: whole, or — for text
/// extracted from a PDF — as part of a joined paragraph.
#[test]
#[ignore = "needs the corpus: set XXGK_CORPUS"]
fn corpus_text_keeps_every_narrative_line() {
    let dir = corpus();
    for name in CORPUS
        .iter()
        .filter(|n| Path::new(n).extension().is_some_and(|e| e == "txt"))
    {
        let path = dir.join(name);
        let (report, stderr) = import(&path, &[]);
        let text = narrative(&report);
        let dropped: Vec<String> = stderr
            .lines()
            .filter(|l| {
                l.contains(&tag(NoteCode::PageFooter)) || l.contains(&tag(NoteCode::StrayText))
            })
            .filter_map(|l| l.split(':').nth(1).map(str::to_owned))
            .collect();
        let source = std::fs::read_to_string(&path).unwrap();
        for (i, line) in source.lines().enumerate() {
            let t = line.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
            let table = line.contains('\t') || t.starts_with("第二十条");
            if t.is_empty() || table || dropped.contains(&(i + 1).to_string()) {
                continue;
            }
            assert!(
                text.contains(t),
                "{name}:{}: “{t}” is missing from the report",
                i + 1
            );
        }
    }
}

#[test]
#[ignore = "needs the corpus: set XXGK_CORPUS"]
fn bengbu_has_no_section_four_and_all_its_narrative() {
    let path = corpus().join("bengbu-2020.txt");
    let (report, _) = import(&path, &[]);
    assert!(
        report.sections.reviews.is_none(),
        "section 四 must stay absent, not zero-filled"
    );
    assert!(report.table(xxgk_model::schema::TableId::Reviews).is_none());
    // The points of section 五 numbered 一、二、三、 stay in section 五.
    let source = std::fs::read_to_string(&path).unwrap();
    let problems = joined(&report.sections.problems.as_ref().unwrap().body);
    let five = source.split("五、存在的主要问题及改进情况").nth(1).unwrap();
    let five = five.split("六、其他需要报告的事项").next().unwrap();
    for line in five.lines().map(str::trim).filter(|l| !l.is_empty()) {
        assert!(problems.contains(line), "“{line}” not in section 五");
    }
    let other = joined(&report.sections.other.as_ref().unwrap().body);
    let six = source
        .split("六、其他需要报告的事项")
        .nth(1)
        .unwrap()
        .trim();
    assert_eq!(other, six);
    assert_eq!(report.order, Vec::<SectionId>::new());
}

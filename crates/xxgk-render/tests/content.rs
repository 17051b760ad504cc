//! Nothing the report says is lost: every heading, paragraph, label and cell text is
//! found again in the text, Markdown and HTML output — read back with a Markdown
//! parser and an XML reader rather than searched for, so that an escaping mistake
//! (text read as markup) fails too (`support::printed::check`; `laws.rs` runs it on
//! generated reports).

mod support;

use proptest::prelude::*;
use support::printed::check;
use xxgk_model::{Block, Cell, Report};

proptest! {
    /// Text with the characters that break markup — HTML's and Markdown's — prints
    /// as text.
    #[test]
    fn hostile_text_prints_as_text(
        words in proptest::collection::vec(
            "(<script>alert\\(1\\)</script>|&amp;|&lt;|\"|'|]]>|<!--|\\*\\*|__|`|\\[x\\]\\(y\\)|# |- |1\\. |> |\\||\\\\|~~|<br>|    |\u{1}|\u{0}|\r|\r\n|2\\.\t|[一二三（）、。]){1,6}",
            1..6,
        ),
    ) {
        let mut report = Report::blank("某某局", 2025, xxgk_model::BodyKind::Department).unwrap();
        let text = words.concat();
        report.meta.title = Some(text.clone());
        report.preamble = vec![Block::Paragraph(text.clone()), Block::Heading(words.join("\n"))];
        report.sections.overview.as_mut().unwrap().heading = Some(text.clone());
        let table = report.table_mut(xxgk_model::schema::TableId::Applications).unwrap();
        table.set(format!("其他/{text}"), "自然人", Cell::Placeholder(text.clone()));
        check(&report);
    }
}

#[test]
fn examples_print_every_text() {
    for name in ["qinghe-gov-2025.toml", "qinghe-water-2020.toml"] {
        let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/examples")
            .join(name);
        let report: Report = toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        check(&report);
    }
}

/// Sections print in the published order; a present section the order leaves out
/// still prints (after the others), none prints twice, and a report without a
/// title gets the customary one.
#[test]
fn sections_print_in_published_order_and_none_is_lost() {
    use xxgk_model::SectionId;
    let mut report = Report::blank("某某县某某局", 2025, xxgk_model::BodyKind::Department).unwrap();
    report.meta.title = None;
    report.order = vec![SectionId::Other, SectionId::Overview, SectionId::Other];
    let text = xxgk_render::to_text(&report, &xxgk_render::TextOptions::default());
    let headings: Vec<&str> = text
        .lines()
        .filter(|l| {
            ["一、", "二、", "三、", "四、", "五、", "六、"]
                .iter()
                .any(|n| l.starts_with(n))
                && !l.contains('\t')
        })
        .collect();
    assert_eq!(
        headings,
        [
            "六、其他需要报告的事项",
            "一、总体情况",
            "二、主动公开政府信息情况",
            "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况",
            "五、存在的主要问题及改进情况",
        ]
    );
    assert!(text.starts_with("某某县某某局2025年政府信息公开工作年度报告\n"));
}

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
            "(<script>alert\\(1\\)</script>|&amp;|&lt;|\"|'|]]>|<!--|\\*\\*|__|`|\\[x\\]\\(y\\)|# |- |1\\. |> |\\||\\\\|~~|<br>|    |\u{1}|\u{0}|[一二三（）、。]){1,6}",
            1..6,
        ),
    ) {
        let mut report = Report::blank("某某局", 2025, xxgk_model::BodyKind::Department);
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
            .join("../../examples")
            .join(name);
        let report: Report = toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        check(&report);
    }
}

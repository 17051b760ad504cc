//! How messages name rows, columns and cell values, and how report text is read.

use xxgk_model::schema::TableId;
use xxgk_model::schema::applications::RESULTS;
use xxgk_model::{Block, Cell, CountRead, Report, SectionId, joined};

/// The label of the 部分公开 row without its counting note.
const PARTLY_FULL: &str = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）";
const PARTLY_SHORT: &str = "（二）部分公开";

/// A row label as messages print it: table 三's result rows without the group
/// label `三、本年度办理结果/`, and （二）部分公开 without its counting note.
pub(crate) fn row_name(label: &str) -> String {
    let label = label
        .strip_prefix(RESULTS)
        .and_then(|l| l.strip_prefix('/'))
        .unwrap_or(label);
    match label.strip_prefix(PARTLY_FULL) {
        Some(rest) => format!("{PARTLY_SHORT}{rest}"),
        None => label.to_owned(),
    }
}

/// `表三`.
pub(crate) fn table_name(table: TableId) -> String {
    format!("表{}", table.numeral())
}

/// A cell's value as messages print it.
pub(crate) fn cell_text(cell: Option<&Cell>) -> String {
    match cell {
        None => "未列出".to_owned(),
        Some(Cell::Blank) => "空白".to_owned(),
        Some(Cell::Placeholder(p)) => format!("“{p}”"),
        Some(Cell::Number(n)) => n.to_string(),
    }
}

/// A cell read as a count: the count, or `None` with the reason in [`cell_text`].
pub(crate) fn count(cell: Option<&Cell>) -> Option<u64> {
    match cell?.count() {
        CountRead::Count(v) => Some(v),
        _ => None,
    }
}

/// The name a section is known by: `第四部分“政府信息公开行政复议、行政诉讼情况”`.
pub(crate) fn section_name(report: &Report, id: SectionId) -> String {
    let heading = report.spec().heading(id);
    let title = heading.split_once('、').map_or(heading, |(_, t)| t);
    format!("第{}部分“{}”", id.numeral(), title)
}

/// All narrative text of a section (heading, the text around a table, the body).
pub(crate) fn section_text(report: &Report, id: SectionId) -> Option<String> {
    let s = &report.sections;
    Some(match id {
        SectionId::Overview | SectionId::Problems | SectionId::Other => {
            let section = match id {
                SectionId::Overview => s.overview.as_ref(),
                SectionId::Problems => s.problems.as_ref(),
                _ => s.other.as_ref(),
            }?;
            joined(&section.body)
        }
        _ => {
            let section = s.table_section(id.table()?)?;
            let mut blocks: Vec<Block> = section.text.clone();
            blocks.extend(section.text_after.iter().cloned());
            joined(&blocks)
        }
    })
}

/// All narrative text of the report: preamble, every section, closing.
pub(crate) fn report_text(report: &Report) -> String {
    let mut parts = vec![joined(&report.preamble)];
    for id in SectionId::ALL {
        if let Some(text) = section_text(report, id) {
            parts.push(text);
        }
    }
    parts.push(joined(&report.closing));
    parts.join("\n")
}

/// Text compared without regard to white space or to half-width versus full-width
/// punctuation.
pub(crate) fn normalise(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '(' => '（',
            ')' => '）',
            ',' => '，',
            ':' => '：',
            ';' => '；',
            _ => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn row_names_drop_the_group_and_the_counting_note() {
        assert_eq!(
            row_name("三、本年度办理结果/（三）不予公开/1.属于国家秘密"),
            "（三）不予公开/1.属于国家秘密"
        );
        assert_eq!(
            row_name("三、本年度办理结果/（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
            "（二）部分公开"
        );
        assert_eq!(
            row_name("一、本年新收政府信息公开申请数量"),
            "一、本年新收政府信息公开申请数量"
        );
    }

    #[test]
    fn normalising_ignores_spaces_and_punctuation_width() {
        assert_eq!(normalise(" 一、总体情况 "), "一、总体情况");
        assert_eq!(normalise("(一)情况"), "（一）情况");
    }
}

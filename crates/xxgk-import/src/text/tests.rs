use super::*;
use crate::NoteCode;

fn paras(doc: &Document) -> Vec<&str> {
    doc.blocks
        .iter()
        .filter_map(|b| match b {
            DocBlock::Para(p) => Some(p.text.as_str()),
            DocBlock::Table(_) => None,
        })
        .collect()
}

#[test]
fn copied_page_text_keeps_one_paragraph_per_line() {
    let doc = read_text(
        "某某县水利局2025年政府信息公开工作年度报告\n\n一、总体情况\n今年我局做了三件事\n第二段。\n",
    );
    assert_eq!(
        paras(&doc),
        [
            "某某县水利局2025年政府信息公开工作年度报告",
            "一、总体情况",
            "今年我局做了三件事",
            "第二段。"
        ]
    );
}

#[test]
fn wrapped_pdf_text_is_joined_and_debris_is_noted() {
    let text = "\
某某区人民政府
2025 年政府信息公开工作年度报告
一、总体情况
2025 年，某某区认真落实条例要求，全面推进政务公开工作，各
项工作取得新进展。全年主动公开政府信息一千二百条，办理依
申请公开事项二十件，均在法定期限内予以答复，未发生因公开

照
- 1 -

引起的行政争议。
（一）主动公开情况。
全区各部门按照目录主动公开各类信息，做到应公开尽公开，不
断提升公开质量。
";
    let doc = read_text(text);
    let p = paras(&doc);
    assert_eq!(p[0], "某某区人民政府2025 年政府信息公开工作年度报告");
    assert_eq!(p[1], "一、总体情况");
    assert_eq!(
        p[2],
        "2025 年，某某区认真落实条例要求，全面推进政务公开工作，各项工作取得新进展。全年主动公开政府信息一千二百条，办理依申请公开事项二十件，均在法定期限内予以答复，未发生因公开引起的行政争议。"
    );
    assert_eq!(p[3], "（一）主动公开情况。");
    assert_eq!(
        p[4],
        "全区各部门按照目录主动公开各类信息，做到应公开尽公开，不断提升公开质量。"
    );
    let codes: Vec<_> = doc
        .notes
        .iter()
        .map(|n| (n.code, n.pos.and_then(|p| p.line())))
        .collect();
    assert_eq!(
        codes,
        [
            (NoteCode::StrayText, Some(8)),
            (NoteCode::PageFooter, Some(9))
        ]
    );
}

#[test]
fn rows_form_grids_across_footers() {
    let doc = read_text("表头\n规章\t1\t2\n\n- 2 -\n\n规范性文件\t3\t4\n后文。");
    let grids: Vec<&Grid> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            DocBlock::Table(g) => Some(g),
            DocBlock::Para(_) => None,
        })
        .collect();
    assert_eq!(grids.len(), 1);
    assert_eq!(grids[0].rows.len(), 2);
    assert!(!grids[0].expanded);
    assert_eq!(
        grids[0].rows[1].cells[2].pos,
        SourcePos::Text { line: 6, column: 9 }
    );
    assert_eq!(doc.notes.len(), 1);
}

//! Markdown as writers print reports (`xxgk render --to md`, pandoc): headings
//! (`#` to `######`) are lines of their own, never joined to a paragraph, and
//! become the title, section headings or sub-headings; table 三's columns may be
//! named by their paths (`法人或其他组织/商业企业`), as a flattened header does.

use xxgk_import::{ImportOptions, Imported, NoteCode, import};
use xxgk_model::schema::TableId;
use xxgk_model::{Block, Cell, CellKey};

fn read(text: &str) -> Imported {
    import(text.as_bytes(), &ImportOptions::default()).unwrap()
}

fn codes(i: &Imported) -> Vec<NoteCode> {
    i.notes.iter().map(|n| n.code).collect()
}

/// Paragraphs wrapped at a fixed width (as pandoc writes them) are joined; a
/// heading between them stays a heading, even a long one or one without a number.
#[test]
fn headings_end_paragraphs_in_wrapped_markdown() {
    let text = "\
# 青禾县气象局2025年政府信息公开工作年度报告

## 一、总体情况

2025年，我局围绕气象预警信息发布和防灾减灾科普两项重点工作，
持续推进政府信息公开，各类信息的发布时效和覆盖面都有所提高，
全年未发生因公开不及时引发的投诉。

### （一）关于气象灾害预警信息发布渠道建设和运行管理的情况说明

全年通过门户网站、政务新媒体和乡村大喇叭发布预警信息一百二十
次，每次发布都在规定时限内完成，并在发布后逐条核对接收情况。

### 工作亮点

建成覆盖全部行政村的预警信息接收员队伍，接收员名单按季度更新
并在门户网站公开。

## 五、存在的主要问题及改进情况

科普解读的形式还比较单一。
";
    let i = read(text);
    assert!(i.notes.is_empty(), "{:?}", codes(&i));
    let body = &i.report.sections.overview.as_ref().unwrap().body;
    let kinds: Vec<(bool, &str)> = body
        .iter()
        .map(|b| (matches!(b, Block::Heading(_)), b.text()))
        .collect();
    assert_eq!(
        kinds,
        [
            (
                false,
                "2025年，我局围绕气象预警信息发布和防灾减灾科普两项重点工作，持续推进政府信息公开，各类信息的发布时效和覆盖面都有所提高，全年未发生因公开不及时引发的投诉。"
            ),
            (
                true,
                "（一）关于气象灾害预警信息发布渠道建设和运行管理的情况说明"
            ),
            (
                false,
                "全年通过门户网站、政务新媒体和乡村大喇叭发布预警信息一百二十次，每次发布都在规定时限内完成，并在发布后逐条核对接收情况。"
            ),
            (true, "工作亮点"),
            (
                false,
                "建成覆盖全部行政村的预警信息接收员队伍，接收员名单按季度更新并在门户网站公开。"
            ),
        ]
    );
    assert_eq!(
        i.report.meta.title.as_deref(),
        Some("青禾县气象局2025年政府信息公开工作年度报告")
    );
}

/// A flattened header names each column by its path; the corner holds the note.
#[test]
fn path_style_column_labels_name_their_columns() {
    let text = "\
# 青禾县气象局2025年政府信息公开工作年度报告

## 三、收到和处理政府信息公开申请情况

| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 自然人 | 法人或其他组织/商业企业 | 法人或其他组织/科研机构 | 法人或其他组织/社会公益组织 | 法人或其他组织/法律服务机构 | 法人或其他组织/其他 | 总计 |
| :--- | :---: | :---: | :---: | :---: | :---: | :---: | :---: |
| 一、本年新收政府信息公开申请数量 | 3 | 2 |  | 1 | 0 | 0 | 6 |
";
    let i = read(text);
    assert!(i.notes.is_empty(), "{:?}", codes(&i));
    let cell = |col: &str| {
        i.report
            .cell(&CellKey::new(
                TableId::Applications,
                "一、本年新收政府信息公开申请数量",
                col,
            ))
            .cloned()
    };
    assert_eq!(
        cell("法人或其他组织/商业企业").and_then(|c| c.as_count()),
        Some(2)
    );
    assert_eq!(cell("法人或其他组织/科研机构"), Some(Cell::Blank));
    assert_eq!(
        cell("法人或其他组织/社会公益组织").and_then(|c| c.as_count()),
        Some(1)
    );
    assert_eq!(cell("总计").and_then(|c| c.as_count()), Some(6));
}

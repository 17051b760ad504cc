//! The table grids against the official layout of both formats (the header rows,
//! label columns and merged cells of tables 二, 三 and 四 in the 2019 and 2021
//! templates), and the shapes the official layout does not have. (`laws.rs` checks that the grid of any generated table is
//! well-formed and prints every cell.)

mod support;

use support::assert_well_formed;
use xxgk_model::schema::{TableId, applications};
use xxgk_model::{BodyKind, Cell, Report, Table};
use xxgk_render::layout::{CellKind, GridCell, TableGrid, table_grid};

fn blank(year: i32) -> Report {
    Report::blank("某某县某某局", year, BodyKind::Department).unwrap()
}

fn grid(report: &Report, id: TableId) -> TableGrid {
    let section = report.sections.table_section(id).unwrap();
    table_grid(id, section.table.as_ref().unwrap(), section.note.as_deref()).unwrap()
}

/// A cell as `text[rows×cols]` (spans only when merged), for compact comparison.
fn show(c: &GridCell) -> String {
    if c.row_span == 1 && c.col_span == 1 {
        c.text.clone()
    } else {
        format!("{}[{}×{}]", c.text, c.row_span, c.col_span)
    }
}

/// The non-value cells of a grid row.
fn labels(grid: &TableGrid, row: usize) -> Vec<String> {
    grid.rows()[row]
        .iter()
        .filter(|c| !matches!(c.kind, CellKind::Value | CellKind::Absent))
        .map(show)
        .collect()
}

fn values(grid: &TableGrid, row: usize) -> usize {
    grid.rows()[row]
        .iter()
        .filter(|c| c.kind == CellKind::Value)
        .count()
}

#[test]
fn table_three_2021_has_the_template_header_and_label_tree() {
    let g = grid(&blank(2025), TableId::Applications);
    assert_well_formed(&g);
    assert_eq!((g.columns, g.rows().len(), g.header_rows), (10, 28, 3));
    let note = format!("{}[3×3]", applications::NOTE);
    assert_eq!(labels(&g, 0), [note.as_str(), "申请人情况[1×7]"]);
    assert_eq!(
        labels(&g, 1),
        ["自然人[2×1]", "法人或其他组织[1×5]", "总计[2×1]"]
    );
    assert_eq!(
        labels(&g, 2),
        [
            "商业企业",
            "科研机构",
            "社会公益组织",
            "法律服务机构",
            "其他"
        ]
    );
    assert_eq!(labels(&g, 3), ["一、本年新收政府信息公开申请数量[1×3]"]);
    assert_eq!(labels(&g, 4), ["二、上年结转政府信息公开申请数量[1×3]"]);
    assert_eq!(
        labels(&g, 5),
        ["三、本年度办理结果[22×1]", "（一）予以公开[1×2]"]
    );
    assert_eq!(
        labels(&g, 6),
        ["（二）部分公开（区分处理的，只计这一情形，不计其他情形）[1×2]"]
    );
    assert_eq!(labels(&g, 7), ["（三）不予公开[8×1]", "1.属于国家秘密"]);
    assert_eq!(labels(&g, 8), ["2.其他法律行政法规禁止公开"]);
    assert_eq!(
        labels(&g, 15),
        ["（四）无法提供[3×1]", "1.本机关不掌握相关政府信息"]
    );
    assert_eq!(
        labels(&g, 18),
        ["（五）不予处理[5×1]", "1.信访举报投诉类申请"]
    );
    assert_eq!(labels(&g, 22), ["5.要求行政机关确认或重新出具已获取信息"]);
    assert_eq!(
        labels(&g, 23),
        [
            "（六）其他处理[3×1]",
            "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"
        ]
    );
    assert_eq!(labels(&g, 25), ["3.其他"]);
    assert_eq!(labels(&g, 26), ["（七）总计[1×2]"]);
    assert_eq!(labels(&g, 27), ["四、结转下年度继续办理[1×3]"]);
    for r in 3..28 {
        assert_eq!(values(&g, r), 7, "row {r}");
    }
}

#[test]
fn table_three_2019_has_a_single_other_row_and_a_twenty_row_result_label() {
    let g = grid(&blank(2020), TableId::Applications);
    assert_well_formed(&g);
    assert_eq!((g.columns, g.rows().len()), (10, 26));
    assert_eq!(
        labels(&g, 5),
        ["三、本年度办理结果[20×1]", "（一）予以公开[1×2]"]
    );
    assert_eq!(labels(&g, 23), ["（六）其他处理[1×2]"]);
    assert_eq!(labels(&g, 24), ["（七）总计[1×2]"]);
    assert_eq!(labels(&g, 25), ["四、结转下年度继续办理[1×3]"]);
}

#[test]
fn table_two_2021_blocks_follow_the_template() {
    let g = grid(&blank(2025), TableId::Proactive);
    assert_well_formed(&g);
    assert_eq!((g.columns, g.rows().len(), g.header_rows), (4, 14, 0));
    let rows: Vec<Vec<String>> = (0..14)
        .map(|r| g.rows()[r].iter().map(show).collect())
        .collect();
    assert_eq!(rows[0], ["第二十条第（一）项[1×4]"]);
    assert_eq!(
        rows[1],
        ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]
    );
    assert_eq!(rows[2], ["规章", "", "", ""]);
    assert_eq!(rows[3], ["行政规范性文件", "", "", ""]);
    assert_eq!(rows[4], ["第二十条第（五）项[1×4]"]);
    assert_eq!(rows[5], ["信息内容", "本年处理决定数量[1×3]"]);
    assert_eq!(rows[6], ["行政许可", "[1×3]"]);
    assert_eq!(rows[7], ["第二十条第（六）项[1×4]"]);
    assert_eq!(rows[10], ["行政强制", "[1×3]"]);
    assert_eq!(rows[11], ["第二十条第（八）项[1×4]"]);
    assert_eq!(rows[12], ["信息内容", "本年收费金额（单位：万元）[1×3]"]);
    assert_eq!(rows[13], ["行政事业性收费", "[1×3]"]);
    assert!(g.rows()[0][0].kind == CellKind::Caption);
}

#[test]
fn table_two_2019_has_its_columns_and_the_procurement_block() {
    let g = grid(&blank(2020), TableId::Proactive);
    assert_well_formed(&g);
    assert_eq!((g.columns, g.rows().len()), (4, 18));
    let rows: Vec<Vec<String>> = (0..18)
        .map(|r| g.rows()[r].iter().map(show).collect())
        .collect();
    assert_eq!(
        rows[1],
        [
            "信息内容",
            "本年新制作数量",
            "本年新公开数量",
            "对外公开总数量"
        ]
    );
    assert_eq!(
        rows[5],
        ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"]
    );
    assert_eq!(rows[7], ["其他对外管理服务事项", "", "", ""]);
    assert_eq!(rows[12], ["第二十条第（八）项[1×4]"]);
    assert_eq!(rows[13], ["信息内容", "上一年项目数量", "本年增/减[1×2]"]);
    assert_eq!(rows[15], ["第二十条第（九）项[1×4]"]);
    assert_eq!(rows[16], ["信息内容", "采购项目数量", "采购总金额[1×2]"]);
    assert_eq!(rows[17], ["政府集中采购", "", "[1×2]"]);
}

#[test]
fn table_four_is_one_row_under_a_three_level_header() {
    for year in [2020, 2025] {
        let g = grid(&blank(year), TableId::Reviews);
        assert_well_formed(&g);
        assert_eq!((g.columns, g.rows().len(), g.header_rows), (15, 4, 3));
        assert_eq!(labels(&g, 0), ["行政复议[1×5]", "行政诉讼[1×10]"]);
        assert_eq!(
            labels(&g, 1),
            [
                "结果维持[2×1]",
                "结果纠正[2×1]",
                "其他结果[2×1]",
                "尚未审结[2×1]",
                "总计[2×1]",
                "未经复议直接起诉[1×5]",
                "复议后起诉[1×5]"
            ]
        );
        let results = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
        assert_eq!(labels(&g, 2), [results, results].concat());
        assert_eq!(values(&g, 3), 15);
    }
}

fn applications_table(report: &mut Report) -> &mut Table {
    report.table_mut(TableId::Applications).unwrap()
}

#[test]
fn a_subtotal_column_sits_under_its_group_labelled_subtotal() {
    let mut r = blank(2025);
    let t = applications_table(&mut r);
    let rows: Vec<String> = t.rows().map(|(l, _)| l.to_owned()).collect();
    for label in rows {
        let row = t.row_mut(&label).unwrap();
        // Rebuild the row with the subtotal right after 自然人, as printed.
        let cells: Vec<(String, Cell)> =
            row.iter().map(|(c, v)| (c.to_owned(), v.clone())).collect();
        let mut rebuilt = xxgk_model::Row::new();
        for (c, v) in cells {
            let natural = c == "自然人";
            rebuilt.insert(c, v);
            if natural {
                rebuilt.insert("法人或其他组织", Cell::int(1));
            }
        }
        *row = rebuilt;
    }
    let g = grid(&r, TableId::Applications);
    assert_well_formed(&g);
    assert_eq!(g.columns, 11);
    assert_eq!(
        labels(&g, 1),
        ["自然人[2×1]", "法人或其他组织[1×6]", "总计[2×1]"]
    );
    let leaves = &g.rows()[2];
    assert_eq!(leaves[0].kind, CellKind::Header);
    assert_eq!(leaves[0].text, "小计");
    assert_eq!(leaves[1].text, "商业企业");
    assert_eq!(values(&g, 3), 8);
}

#[test]
fn subtotal_rows_span_under_their_category() {
    let mut r = blank(2025);
    let t = applications_table(&mut r);
    // A subtotal row printed before its items: rebuild the table in that order.
    let mut rebuilt = Table::new();
    for (label, row) in t.rows() {
        if label == "三、本年度办理结果/（三）不予公开/1.属于国家秘密" {
            let subtotal: xxgk_model::Row = [("自然人", Cell::int(3))].into_iter().collect();
            rebuilt.insert("三、本年度办理结果/（三）不予公开", subtotal);
        }
        rebuilt.insert(label, row.clone());
    }
    *t = rebuilt;
    let g = grid(&r, TableId::Applications);
    assert_well_formed(&g);
    assert_eq!(
        labels(&g, 5),
        ["三、本年度办理结果[23×1]", "（一）予以公开[1×2]"]
    );
    assert_eq!(labels(&g, 7), ["（三）不予公开[9×1]", "小计"]);
    assert_eq!(g.rows()[7][1].kind, CellKind::Label);
    // The subtotal row prints its one cell and leaves the others absent.
    let kinds: Vec<CellKind> = g.rows()[7][2..].iter().map(|c| c.kind).collect();
    assert_eq!(kinds[0], CellKind::Value);
    assert!(kinds[1..].iter().all(|k| *k == CellKind::Absent));
    assert_eq!(labels(&g, 8), ["1.属于国家秘密"]);
}

#[test]
fn a_single_other_row_in_a_2021_report_spans_two_label_columns() {
    let mut r = blank(2025);
    let t = applications_table(&mut r);
    let mut rebuilt = Table::new();
    for (label, row) in t.rows() {
        if label.starts_with("三、本年度办理结果/（六）其他处理/") {
            if label.ends_with("3.其他") {
                rebuilt.insert(applications::OTHER_HANDLING, row.clone());
            }
            continue;
        }
        rebuilt.insert(label, row.clone());
    }
    *t = rebuilt;
    let g = grid(&r, TableId::Applications);
    assert_well_formed(&g);
    assert_eq!(labels(&g, 5)[0], "三、本年度办理结果[20×1]");
    assert_eq!(labels(&g, 23), ["（六）其他处理[1×2]"]);
}

#[test]
fn a_local_row_in_table_two_stays_in_its_block() {
    let mut r = blank(2020);
    let t = r.table_mut(TableId::Proactive).unwrap();
    let mut rebuilt = Table::new();
    for (label, row) in t.rows() {
        rebuilt.insert(label, row.clone());
        if label == "第二十条第（一）项/规范性文件" {
            let local: xxgk_model::Row = [
                ("本年新制作数量", Cell::int(4)),
                ("对外公开总数量", Cell::int(9)),
            ]
            .into_iter()
            .collect();
            rebuilt.insert("第二十条第（一）项/其他主动公开文件", local);
        }
    }
    *t = rebuilt;
    let g = grid(&r, TableId::Proactive);
    assert_well_formed(&g);
    let row: Vec<String> = g.rows()[4].iter().map(show).collect();
    assert_eq!(row, ["其他主动公开文件", "4", "", "9"]);
    assert_eq!(g.rows()[4][2].kind, CellKind::Absent);
    assert_eq!(g.rows()[5][0].text, "第二十条第（五）项");
}

#[test]
fn the_note_is_printed_as_held_and_official_when_absent() {
    let mut r = blank(2020);
    let variant = "（本列数据的逻辑关系为：第一项加第二项之和，等于第三项加第四项之和）";
    r.sections.applications.as_mut().unwrap().note = Some(variant.to_owned());
    assert_eq!(grid(&r, TableId::Applications).rows()[0][0].text, variant);
    r.sections.applications.as_mut().unwrap().note = None;
    assert_eq!(
        grid(&r, TableId::Applications).rows()[0][0].text,
        applications::NOTE
    );
}

#[test]
fn empty_tables_print_nothing() {
    assert!(table_grid(TableId::Applications, &Table::new(), None).is_none());
    let mut t = Table::new();
    t.insert("行政复议", xxgk_model::Row::new());
    assert!(table_grid(TableId::Reviews, &t, None).is_none());
    // A table 三 whose rows print no cells still shows its labels.
    let mut t = Table::new();
    t.insert(applications::NEW, xxgk_model::Row::new());
    let g = table_grid(TableId::Applications, &t, None).unwrap();
    assert_well_formed(&g);
    assert_eq!(g.rows().len(), 2);
}

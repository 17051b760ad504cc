use super::read_html;
use crate::NoteCode;
use crate::{DocBlock, Grid};

fn paras(page: &str) -> Vec<String> {
    read_html(page)
        .blocks
        .into_iter()
        .filter_map(|b| match b {
            DocBlock::Para(p) => Some(p.text),
            DocBlock::Table(_) => None,
        })
        .collect()
}

fn first_grid(page: &str) -> (Grid, Vec<NoteCode>) {
    let doc = read_html(page);
    let codes = doc
        .notes
        .iter()
        .map(|n| n.code)
        .filter(|c| *c != NoteCode::HtmlNoReportBody)
        .collect();
    let grid = doc
        .blocks
        .into_iter()
        .find_map(|b| match b {
            DocBlock::Table(g) => Some(g),
            DocBlock::Para(_) => None,
        })
        .expect("a table");
    (grid, codes)
}

fn texts(grid: &Grid) -> Vec<Vec<String>> {
    grid.rows
        .iter()
        .map(|r| {
            r.cells
                .iter()
                .map(|c| match c.covered_by {
                    Some((r, k)) => format!("^{r}{k}"),
                    None => c.text.clone(),
                })
                .collect()
        })
        .collect()
}

#[test]
fn br_splits_lines_and_pre_keeps_them() {
    assert_eq!(
        paras("<p>一、总体情况<br>本年度<br/><br>共3件</p>"),
        ["一、总体情况", "本年度", "共3件"]
    );
    assert_eq!(paras("<pre>  甲  乙\n丙</pre>"), ["甲  乙", "丙"]);
    assert_eq!(
        paras("<h2>标题</h2>正文<li>一项</li>"),
        ["标题", "正文", "一项"]
    );
}

#[test]
fn spans_rowspan_zero_short_rows_and_overlaps() {
    let (grid, codes) = first_grid(
        "<table><tr><td rowspan=0>甲</td><td>1</td><td>2</td></tr>\
         <tr><td>3</td></tr><tr><td colspan=2>4</td></tr></table>",
    );
    assert_eq!(
        texts(&grid),
        [["甲", "1", "2"], ["^00", "3", ""], ["^00", "4", "^21"]]
    );
    assert!(codes.is_empty());
    let (grid, codes) = first_grid(
        "<table><tr><td>a</td><td rowspan=2>b</td></tr><tr><td colspan=2>c</td></tr></table>",
    );
    assert_eq!(texts(&grid), [["a", "b"], ["c", "^01"]]);
    assert_eq!(codes, [NoteCode::HtmlSpanOverlap]);
    let (grid, codes) =
        first_grid("<table><tr><td colspan=\"2x\">a</td><td colspan=0>b</td></tr></table>");
    assert_eq!(texts(&grid), [["a", "^00", "b"]]);
    assert!(codes.is_empty());
}

#[test]
fn captions_and_stray_text_come_before_the_table() {
    let doc = read_html("<table><caption>表一</caption>零散文字<tr><td>1</td></tr></table>");
    let kinds: Vec<_> = doc
        .blocks
        .iter()
        .map(|b| match b {
            DocBlock::Para(p) => p.text.clone(),
            DocBlock::Table(_) => "T".to_owned(),
        })
        .collect();
    assert_eq!(kinds, ["表一", "零散文字", "T"]);
}

#[test]
fn a_metadata_table_inside_the_body_before_the_title_is_dropped() {
    let page = "<div><div id=content>\
        <table><tr><td>索引号</td><td>x</td><td>发布机构</td><td>某局</td></tr></table>\
        <p>某局2025年政府信息公开工作年度报告</p><p>一、总体情况</p><p>二、主动公开政府信息情况</p>\
        <table><tr><td>第二十条第（一）项</td></tr><tr><td>信息内容</td></tr></table>\
        </div><div>相关链接：其他年度报告</div></div>";
    let doc = read_html(page);
    assert_eq!(doc.blocks.len(), 4, "{doc:?}");
    assert!(matches!(&doc.blocks[0], DocBlock::Para(p) if p.text.ends_with("年度报告")));
}

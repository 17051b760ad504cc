//! Finds the report inside the page: the smallest element that holds every section
//! heading (一、 … 六、) and every report table the page has, plus the report's title
//! when the page prints it just outside that element (a CMS title bar) and a
//! signature date printed just after it. Everything else — navigation, headers,
//! footers, related links, a scraper's wrapper, metadata tables — is left out.

use crate::dates::first_date;
use crate::{DocBlock, Para};

use super::blocks::Item;
use super::tree::{Kind, Tree};

/// The report's blocks, whether anything report-like was found, and the page's
/// metadata lines before the body.
pub(super) struct Selection {
    pub(super) items: Vec<Item>,
    pub(super) found: bool,
    pub(super) meta: Vec<Para>,
}

/// The longest line of page chrome kept as page metadata (a CMS line such as
/// `来源：… 发布时间：2024-01-17 10:32 浏览次数：…`).
const META_LINE: usize = 100;

/// How many levels above the body a title or signature may sit.
const NEARBY: usize = 4;

/// Words that only the report's own tables hold (two are needed).
const TABLE_WORDS: &[&str] = &[
    "第二十条",
    "信息内容",
    "申请人情况",
    "自然人",
    "本年新收",
    "本年度办理结果",
    "行政复议",
    "行政诉讼",
    "结果维持",
];

/// Labels of a CMS metadata table (two are needed).
const META_WORDS: &[&str] = &[
    "索引号",
    "发布机构",
    "发文机关",
    "公开日期",
    "发布日期",
    "成文日期",
    "生成日期",
    "发文字号",
    "文号",
    "主题分类",
    "公开方式",
    "关键词",
    "有效性",
    "信息来源",
];

/// Words of the official section headings, for telling a long heading line from
/// prose that happens to start with 一、.
const HEADING_WORDS: &[&str] = &[
    "总体情况",
    "主动公开",
    "申请",
    "复议",
    "诉讼",
    "问题",
    "其他",
    "事项",
];

pub(super) fn select(tree: &Tree<'_>, items: Vec<Item>) -> Selection {
    let n = tree.nodes.len();
    let mut bits = vec![0u8; n];
    let mut tables = vec![0u32; n];
    for item in &items {
        let (b, t) = signal(&item.block);
        if b == 0 && t == 0 {
            continue;
        }
        let mut id = item.node;
        loop {
            bits[id] |= b;
            tables[id] += t;
            if id == 0 {
                break;
            }
            id = tree.nodes[id].parent;
        }
    }
    if bits[0] == 0 && tables[0] == 0 {
        return Selection {
            items,
            found: false,
            meta: Vec::new(),
        };
    }
    let mut body = 0;
    while let Some(&child) = tree.nodes[body].children.iter().find(|&&c| {
        matches!(tree.nodes[c].kind, Kind::Element(_))
            && bits[c] == bits[body]
            && tables[c] == tables[body]
    }) {
        body = child;
    }
    let around = ancestor(tree, body, NEARBY);
    let inside = |item: &Item| tree.within(item.node, body);
    let first_inside = items.iter().position(inside).unwrap_or(items.len());
    let last_inside = items
        .iter()
        .rposition(inside)
        .map_or(first_inside, |i| i + 1);
    let mut kept: Vec<Item> = Vec::new();
    let mut items = items;
    let after: Vec<Item> = items.drain(last_inside..).collect();
    let body_items: Vec<Item> = items.drain(first_inside..).collect();
    // Lines of the page before the body that state a date or a title: metadata,
    // never report text.
    let mut meta: Vec<Para> = items.iter().flat_map(|i| page_meta(&i.block)).collect();
    // The title, when the page prints it outside the body.
    let has_title = body_items
        .iter()
        .take_while(|i| signal(&i.block) == (0, 0))
        .any(|i| para(&i.block).is_some_and(is_title));
    if !has_title
        && let Some(at) = items.iter().rposition(|i| {
            tree.within(i.node, around)
                && para(&i.block).is_some_and(|t| is_title(t) && states_year(t))
        })
    {
        // A title broken by `<br>` or into paragraphs of one heading
        // (`<h1>某某局<br>2024年…年度报告</h1>`): its first part too, a short
        // line of the same element or one at most two levels up.
        let near = |id: usize| ancestor(tree, id, 2);
        let title_node = items[at].node;
        let first_part = at.checked_sub(1).filter(|&b| {
            let i = &items[b];
            (i.node == title_node || near(i.node) == near(title_node))
                && para(&i.block).is_some_and(|t| {
                    t.chars().count() <= 30 && !is_title(t) && first_date(t).is_none()
                })
        });
        kept.extend(items.drain(first_part.unwrap_or(at)..=at));
    }
    let (body_items, tables) = drop_metadata_tables(body_items);
    meta.extend(tables.iter().flat_map(|i| page_meta(&i.block)));
    kept.extend(body_items);
    // A signature or date printed just after the body.
    let ends_with_date = kept
        .last()
        .and_then(|i| para(&i.block))
        .is_some_and(has_date);
    if !ends_with_date {
        let tail: Vec<Item> = after
            .into_iter()
            .take(3)
            .take_while(|i| {
                tree.within(i.node, around)
                    && para(&i.block).is_some_and(|t| t.chars().count() <= 40)
            })
            .collect();
        if let Some(date) = tail
            .iter()
            .position(|i| para(&i.block).is_some_and(has_date))
        {
            kept.extend(tail.into_iter().take(date + 1));
        }
    }
    Selection {
        items: kept,
        found: true,
        meta,
    }
}

/// Metadata tables printed before the report's first heading are page chrome:
/// the items without them, and them.
fn drop_metadata_tables(items: Vec<Item>) -> (Vec<Item>, Vec<Item>) {
    let mut seen_heading = false;
    items.into_iter().partition(|i| {
        seen_heading |= signal(&i.block) != (0, 0);
        if seen_heading {
            return true;
        }
        match &i.block {
            DocBlock::Table(grid) => {
                let text = grid_text(grid);
                META_WORDS.iter().filter(|w| text.contains(**w)).count() < 2
            }
            DocBlock::Para(_) => true,
        }
    })
}

/// The metadata lines of a block of page chrome: a short paragraph that states a
/// date or reads as the report's title (with its year); each row of a table that states a date,
/// its cells joined by tabs (`公开日期\t2024-01-17`).
fn page_meta(block: &DocBlock) -> Vec<Para> {
    let meta_like = |t: &str| {
        t.chars().count() <= META_LINE && (first_date(t).is_some() || is_title(t) && states_year(t))
    };
    match block {
        DocBlock::Para(p) => {
            let text = p.text.trim();
            if meta_like(text) {
                vec![Para {
                    text: text.to_owned(),
                    pos: p.pos,
                    heading: false,
                }]
            } else {
                Vec::new()
            }
        }
        DocBlock::Table(grid) => grid
            .rows
            .iter()
            .filter_map(|row| {
                let cells: Vec<&str> = row
                    .cells
                    .iter()
                    .filter(|c| c.covered_by.is_none())
                    .map(|c| c.text.trim())
                    .filter(|t| !t.is_empty())
                    .collect();
                let text = cells.join("\t");
                (first_date(&text).is_some() && text.chars().count() <= META_LINE).then_some(Para {
                    text,
                    pos: row.pos,
                    heading: false,
                })
            })
            .collect(),
    }
}

fn ancestor(tree: &Tree<'_>, mut id: usize, levels: usize) -> usize {
    for _ in 0..levels {
        if id == 0 {
            break;
        }
        id = tree.nodes[id].parent;
    }
    id
}

fn para(block: &DocBlock) -> Option<&str> {
    match block {
        DocBlock::Para(p) => Some(&p.text),
        DocBlock::Table(_) => None,
    }
}

fn grid_text(grid: &crate::Grid) -> String {
    let mut text = String::new();
    for row in &grid.rows {
        for cell in &row.cells {
            text.push_str(&cell.text);
            text.push('\n');
        }
    }
    text
}

/// A section heading's numeral as a bit (一 → 1, … 六 → 32), and whether the block
/// is a report table.
fn signal(block: &DocBlock) -> (u8, u32) {
    match block {
        DocBlock::Para(p) => (heading_bit(&p.text), 0),
        DocBlock::Table(grid) => {
            let text = grid_text(grid);
            let words = TABLE_WORDS.iter().filter(|w| text.contains(**w)).count();
            (0, u32::from(words >= 2))
        }
    }
}

pub(super) fn heading_bit(text: &str) -> u8 {
    let t = text.trim_start_matches(char::is_whitespace);
    let mut chars = t.chars();
    let bit = match chars.next() {
        Some('一') => 1,
        Some('二') => 2,
        Some('三') => 4,
        Some('四') => 8,
        Some('五') => 16,
        Some('六') => 32,
        _ => return 0,
    };
    let separated = matches!(
        chars.next(),
        Some('、' | '．' | '.' | '，' | ',' | ' ' | '\u{3000}' | '\u{a0}')
    );
    let short = t.chars().count() <= 40;
    if separated && (short || HEADING_WORDS.iter().any(|w| t.contains(w))) {
        bit
    } else {
        0
    }
}

/// A line that reads like the report's title: about 政府信息公开, ending in 报告 or
/// 年报 (a sentence of the preamble mentioning the report ends otherwise).
fn is_title(text: &str) -> bool {
    let t = text.trim_end_matches(|c: char| c.is_whitespace() || "）)】]".contains(c));
    t.contains("政府信息公开")
        && (t.ends_with("报告") || t.ends_with("年报"))
        && t.chars().count() <= 80
        && heading_bit(t) == 0
}

/// Whether a text states a year (`2024年`, `二〇二四年`): a report's title does, a
/// breadcrumb ending in `政府信息公开年报` does not.
fn states_year(text: &str) -> bool {
    let chars = crate::dates::compact(text);
    (0..chars.len()).any(|i| {
        crate::dates::year_at(&chars, i).is_some_and(|(_, end)| chars.get(end) == Some(&'年'))
    })
}

/// A date written out in Chinese (2024年1月17日), as under a signature.
fn has_date(text: &str) -> bool {
    let Some(y) = text.find('年') else {
        return false;
    };
    let digits_before = text[..y]
        .chars()
        .rev()
        .take_while(|c| xxgk_model::chars::is_digit(*c) || "〇一二三四五六七八九零○".contains(*c))
        .count();
    digits_before >= 4 && text[y..].contains('月') && text[y..].contains('日')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_titles_and_dates() {
        assert_eq!(heading_bit("一、总体情况"), 1);
        assert_eq!(heading_bit("\u{3000}\u{3000}六．其他需要报告的事项"), 32);
        assert_eq!(heading_bit("三、本年度办理结果"), 4);
        assert_eq!(heading_bit("一是加强领导，"), 0);
        assert_eq!(
            heading_bit(&format!("二、{}", "很长的一段话".repeat(10))),
            0
        );
        assert!(is_title("某某县某某局2023年政府信息公开工作年度报告"));
        assert!(!is_title("政府信息公开"));
        assert!(!is_title(
            "本报告依据《中华人民共和国政府信息公开条例》编制。"
        ));
        assert!(states_year(
            "某某县某某局２０２３年政府信息公开工作年度报告"
        ));
        assert!(!states_year("首页 > 政府信息公开 > 政府信息公开年报"));
        assert!(has_date("2024年1月17日"));
        assert!(has_date("二〇二四年一月十七日"));
        assert!(!has_date("本年度1月"));
    }
}

//! Table 三's header: the words of its column labels, and the columns they name
//! (by grid position, by printed order, or — for text with one cell a line — by
//! which words are printed).

use xxgk_model::SourcePos;
use xxgk_model::schema::applications;

use super::super::columns::Column;
use super::super::items::Split;
use super::super::out::Out;
use crate::NoteCode;
use crate::RowForm;
use crate::normalize::{label_key, strip_spaces};

/// The words of table 三's header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Word {
    Person,
    Org(usize),
    Total,
    OrgGroup,
    Subtotal,
    Skip,
    Note,
    Other(String),
}

const ORGS: [&str; 5] = [
    "商业企业",
    "科研机构",
    "社会公益组织",
    "法律服务机构",
    "其他",
];

pub(super) fn word(text: &str) -> Word {
    let key = label_key(text);
    if key.contains("本列数据") {
        return Word::Note;
    }
    // A column label written as its path (`法人或其他组织/商业企业`, as the
    // Markdown output of xxgk prints a flattened header): the organisation.
    if let Some((group, leaf)) = text.rsplit_once(['/', '／'])
        && label_key(group) == "法人或其他组织"
        && let w @ Word::Org(_) = word(leaf)
    {
        return w;
    }
    match key.as_str() {
        "自然人" => Word::Person,
        "企业" | "商业企业" => Word::Org(0),
        "科研机构" => Word::Org(1),
        "社会公益组织" => Word::Org(2),
        "法律服务机构" => Word::Org(3),
        "其他" => Word::Org(4),
        "总计" | "合计" => Word::Total,
        "法人或其他组织" => Word::OrgGroup,
        "小计" => Word::Subtotal,
        "申请人情况" | "申请人" => Word::Skip,
        _ => Word::Other(strip_spaces(text)),
    }
}

/// The words after the header note's closing bracket, when a label holds the
/// note and more (`（本列数据…之和） 申请人情况 总计`).
fn note_tail(text: &str) -> Option<&str> {
    if !label_key(text).contains("本列数据") {
        return None;
    }
    let close = text.rfind(['）', ')'])?;
    let tail = text[close..].trim_start_matches(['）', ')']).trim();
    (!tail.is_empty()).then_some(tail)
}

fn column_label(w: &Word) -> Option<String> {
    Some(match w {
        Word::Person => applications::NATURAL_PERSON.to_owned(),
        Word::Org(i) => format!("{}/{}", applications::ORGANISATIONS, ORGS.get(*i)?),
        Word::Total => applications::TOTAL_COLUMN.to_owned(),
        Word::OrgGroup | Word::Subtotal => applications::ORGANISATIONS.to_owned(),
        Word::Other(label) => label.clone(),
        Word::Skip | Word::Note => return None,
    })
}

pub(super) fn is_header_word(w: &Word) -> bool {
    !matches!(w, Word::Other(_))
}

/// The columns the header names, in printed order; the official seven when the
/// table prints no header.
pub(super) fn header_columns(header: &[Split], first_row: SourcePos, out: &mut Out) -> Vec<Column> {
    let expanded = header.iter().any(|s| s.expanded);
    let words: Vec<Vec<(Word, usize, SourcePos)>> = header
        .iter()
        .map(|s| {
            s.labels
                .iter()
                .flat_map(|l| {
                    // The note with the header's first words after it on one
                    // line (`（本列数据…之和） 申请人情况 总计`): those words too.
                    let tail = note_tail(&l.text).unwrap_or_default();
                    std::iter::once(word(&l.text))
                        .chain(
                            tail.split(crate::normalize::is_space)
                                .filter(|w| !w.is_empty())
                                .map(word),
                        )
                        .map(|w| (w, l.col, l.pos))
                        .collect::<Vec<_>>()
                })
                .filter(|(w, _, _)| !matches!(w, Word::Skip | Word::Note))
                .collect()
        })
        .collect();
    for l in header.iter().flat_map(|s| &s.labels) {
        if label_key(&l.text) == "企业" {
            out.note(
                NoteCode::LabelWording,
                "表三列名“企业”按官方列名“商业企业”读取".into(),
                Some(l.pos),
                None,
            );
        }
    }
    let per_line = header
        .iter()
        .any(|s| matches!(s.form, RowForm::CellPerLine { .. }));
    // A header of several rows flattened into one line (a page's text with its
    // line breaks lost) lists the merged cells first: `申请人情况 总计 自然人 …`.
    // Its order is not the columns' order; the official order of its words is.
    // (The header note, a row of its own or not, names no column.)
    let named: Vec<&Vec<(Word, usize, SourcePos)>> =
        words.iter().filter(|row| !row.is_empty()).collect();
    let flattened = !expanded
        && matches!(named.as_slice(), [only] if only
        .iter()
        .position(|(w, _, _)| *w == Word::Total)
        .is_some_and(|t| {
            only[t..]
                .iter()
                .any(|(w, _, _)| matches!(w, Word::Person | Word::Org(_)))
        }));
    let cols: Vec<(Word, Option<usize>)> = if expanded {
        by_position(&words)
    } else if per_line || flattened {
        by_words(&words)
    } else if header_width(header).is_some() {
        by_position(&words)
    } else {
        by_reading(&words)
    };
    let cols: Vec<(Word, Option<usize>)> = if cols
        .iter()
        .any(|(w, _)| matches!(w, Word::Person | Word::Total))
    {
        cols
    } else {
        out.note(
            NoteCode::HeaderMissing,
            "表三未找到列标题，按官方列序（自然人、五类法人或其他组织、总计）读取".into(),
            Some(header.first().map_or(first_row, |s| s.pos)),
            None,
        );
        let mut official = vec![(Word::Person, None)];
        official.extend((0..5).map(|i| (Word::Org(i), None)));
        official.push((Word::Total, None));
        official
    };
    for (w, _) in &cols {
        if *w == Word::OrgGroup || *w == Word::Subtotal {
            let pos = header.first().map(|s| s.pos);
            out.note(
                NoteCode::ShapeSubtotalColumn,
                "表三印有“法人或其他组织”小计列（官方格式无此列），按原样保留为“法人或其他组织”列"
                    .into(),
                pos,
                None,
            );
        }
        if let Word::Other(label) = w {
            out.note(
                NoteCode::ColumnAdded,
                format!("表三的列“{label}”不是官方格式中的列，按原列名保留"),
                header.first().map(|s| s.pos),
                None,
            );
        }
    }
    cols.into_iter()
        .filter_map(|(w, col)| {
            let mut c = Column::new(column_label(&w)?);
            c.grid_col = col;
            Some(c)
        })
        .collect()
}

/// The width of a text header whose rows all have the same number of fields, as
/// a spreadsheet or a copy that writes every merged position gives them: its
/// fields are then grid positions. `None` for other headers and for expanded grids.
pub(super) fn header_width(header: &[Split]) -> Option<usize> {
    let first = header.first()?;
    if first.expanded || header.len() < 2 {
        return None;
    }
    let w = first.width();
    header.iter().all(|s| s.width() == w).then_some(w)
}

/// Expanded grids, and text headers whose rows are equally wide: each grid column
/// takes the deepest header word over it.
fn by_position(words: &[Vec<(Word, usize, SourcePos)>]) -> Vec<(Word, Option<usize>)> {
    let mut cols: Vec<(usize, Word)> = Vec::new();
    for row in words {
        for (w, col, _) in row {
            match cols.iter_mut().find(|(c, _)| c == col) {
                Some(slot) => {
                    // A merged group label over a sub-label yields to the sub-label.
                    if !matches!(w, Word::OrgGroup) || matches!(slot.1, Word::OrgGroup) {
                        slot.1 = w.clone();
                    }
                }
                None => cols.push((*col, w.clone())),
            }
        }
    }
    cols.sort_by_key(|(c, _)| *c);
    cols.into_iter().map(|(c, w)| (w, Some(c))).collect()
}

/// Text grids: the row naming 自然人 and 总计 gives the top level; the group
/// 法人或其他组织 expands to the sub-labels of the rows below it.
fn by_reading(words: &[Vec<(Word, usize, SourcePos)>]) -> Vec<(Word, Option<usize>)> {
    let top_count = |r: &Vec<(Word, usize, SourcePos)>| {
        r.iter()
            .filter(|(w, _, _)| matches!(w, Word::Person | Word::Total | Word::OrgGroup))
            .count()
    };
    let top = (0..words.len())
        .filter(|i| top_count(&words[*i]) > 0)
        .max_by_key(|i| (top_count(&words[*i]), std::cmp::Reverse(*i)));
    let Some(top) = top else {
        return words
            .iter()
            .flatten()
            .map(|(w, _, _)| (w.clone(), None))
            .collect();
    };
    // 自然人 or 总计 printed in a row above the top row (a merged cell copied early).
    let early: Vec<Word> = words[..top]
        .iter()
        .flatten()
        .map(|(w, _, _)| w.clone())
        .filter(|w| matches!(w, Word::Person | Word::Total))
        .filter(|w| !words[top].iter().any(|(t, _, _)| t == w))
        .collect();
    let sub: Vec<Word> = words[top + 1..]
        .iter()
        .flatten()
        .map(|(w, _, _)| w.clone())
        .collect();
    let mut out = Vec::new();
    for (w, _, _) in &words[top] {
        match w {
            Word::OrgGroup if !sub.is_empty() => {
                out.extend(sub.iter().cloned().map(|w| (w, None)));
            }
            // Sub-labels printed in the same row as the top level.
            _ => out.push((w.clone(), None)),
        }
    }
    if early.contains(&Word::Person) {
        out.insert(0, (Word::Person, None));
    }
    if early.contains(&Word::Total) {
        out.push((Word::Total, None));
    }
    if !words[top].iter().any(|(w, _, _)| *w == Word::OrgGroup) {
        // No group label: sub-labels (if any) sit between 自然人 and 总计.
        let i = out
            .iter()
            .position(|(w, _)| *w == Word::Total)
            .unwrap_or(out.len());
        let tail = out.split_off(i);
        out.extend(sub.into_iter().map(|w| (w, None)));
        out.extend(tail);
    }
    out
}

/// Text with one cell a line: the header's cells come in the reading order of
/// the source (a PDF's may put `总计` between two organisation labels), so the
/// words say which columns there are, and the official order places them:
/// 自然人, the organisations below 法人或其他组织 (or that group alone, a subtotal
/// column, when no organisation is named), a 小计 where printed among them,
/// columns the format does not have, 总计.
fn by_words(words: &[Vec<(Word, usize, SourcePos)>]) -> Vec<(Word, Option<usize>)> {
    let all: Vec<&Word> = words.iter().flatten().map(|(w, _, _)| w).collect();
    let has = |w: &Word| all.contains(&w);
    let mut out: Vec<Word> = Vec::new();
    if has(&Word::Person) {
        out.push(Word::Person);
    }
    let orgs: Vec<Word> = (0..ORGS.len()).map(Word::Org).filter(|w| has(w)).collect();
    if orgs.is_empty() {
        if has(&Word::OrgGroup) || has(&Word::Subtotal) {
            out.push(Word::OrgGroup);
        }
    } else {
        let first_org = all.iter().position(|w| matches!(w, Word::Org(_)));
        let subtotal = all.iter().position(|w| **w == Word::Subtotal);
        let subtotal_first = matches!((subtotal, first_org), (Some(s), Some(o)) if s < o);
        if subtotal_first {
            out.push(Word::Subtotal);
        }
        out.extend(orgs);
        if subtotal.is_some() && !subtotal_first {
            out.push(Word::Subtotal);
        }
    }
    for w in &all {
        if matches!(w, Word::Other(_)) && !out.contains(w) {
            out.push((*w).clone());
        }
    }
    if has(&Word::Total) {
        out.push(Word::Total);
    }
    out.into_iter().map(|w| (w, None)).collect()
}

//! Tables printed one cell a line: `pdftotext` without `-layout`, `LibreOffice`'s
//! text export of a Word file or a page, and some viewers' copies give a table's
//! cells each on a line of its own — a row label, then its values one a line —
//! with no tab or column layout to say where a row ends.
//!
//! A region of such lines (label lines and value lines, with blank lines, page
//! footers and debris between; at least three values and two official table
//! labels; section headings and sentences end it) is rebuilt into rows:
//! - the labels before a run of values are read in order: header words (column
//!   labels such as `本年制发件数`, `自然人`, `商业企业`, `结果维持`, also when
//!   broken over lines as `商业企` / `业`) form one header row; every other label
//!   line is a row of its own, and the last one takes the values that follow (so a
//!   label broken over lines, or a group label such as `（三）不予公开`, is joined or
//!   read by the interpreter as in any other text);
//! - values after header words only (a label printed elsewhere) form a row without
//!   a label;
//! - blank lines are blank cells where the text keeps them (`LibreOffice`: values
//!   follow each other on adjacent lines) and separators where it does not
//!   (`pdftotext`: a blank line after every cell, blank cells not printed at all).
//!
//! The rows are [`RowForm::CellPerLine`](crate::RowForm::CellPerLine): how many
//! values make a row, and whose values follow a displaced label, is for the
//! interpreter to decide by the columns and the official row order.

use super::line::{Field, Kind, Line};
use crate::NoteCode;
use crate::cell::{read_cell, value_like};
use crate::normalize::{char_len, ends_sentence, is_space, label_key, trim};
use crate::patterns::{
    is_column_key, is_column_start, is_column_word, is_official_label, is_title, section_heading,
};

/// What one line of a candidate region is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tok {
    Label,
    Value,
    Blank,
    /// A page footer or debris: transparent.
    Skip,
    /// Anything else: ends a region.
    Other,
}

fn token(line: &Line<'_>) -> Tok {
    match &line.kind {
        Kind::Blank => Tok::Blank,
        Kind::Footer | Kind::Stray => Tok::Skip,
        Kind::Text => {
            let t = trim(line.text);
            if is_value(t) {
                Tok::Value
            } else if is_label(t) {
                Tok::Label
            } else {
                Tok::Other
            }
        }
        _ => Tok::Other,
    }
}

/// A line holding one table value: a number (with its unit) or a placeholder.
fn is_value(t: &str) -> bool {
    if !value_like(t) {
        return false;
    }
    let read = read_cell(t);
    !t.is_empty()
        && read.value_like
        && read
            .note
            .is_none_or(|(code, _)| code != NoteCode::CellUnreadable)
}

/// A line that may be (part of) a table label: short, no sentence, not a
/// heading or the title.
fn is_label(t: &str) -> bool {
    char_len(t) <= 60
        && !t.contains('。')
        && (!ends_sentence(t) || t.contains("本列数据"))
        && section_heading(t).is_none()
        && !is_title(t)
}

/// A label line that shows a table is here: an official label or header word,
/// a block caption, the header note.
fn is_table_mark(t: &str) -> bool {
    if is_official_label(t) {
        return true;
    }
    let key = label_key(t);
    is_column_key(&key) || crate::interp::caption_of(t).is_some() || key.contains("本列数据")
}

/// Rebuilds the rows of every region of one-cell-a-line text.
pub(crate) fn rebuild(lines: &mut [Line<'_>]) {
    let toks: Vec<Tok> = lines.iter().map(token).collect();
    let mut i = 0;
    while i < lines.len() {
        if !matches!(toks[i], Tok::Label | Tok::Value) {
            i += 1;
            continue;
        }
        let mut end = i;
        while end < lines.len() && toks[end] != Tok::Other {
            end += 1;
        }
        region(lines, &toks, i, end);
        i = end;
    }
}

/// Reads the lines `start..end` (labels, values, blanks, footers) as a table
/// region when they hold one.
fn region(lines: &mut [Line<'_>], toks: &[Tok], start: usize, end: usize) {
    let text = |k: usize| trim(lines[k].text);
    // Whether each line of the region is a label line that marks a table.
    let mark: Vec<bool> = (start..end)
        .map(|k| toks[k] == Tok::Label && is_table_mark(text(k)))
        .collect();
    let is_mark = |k: usize| mark[k - start];
    // The table starts at its first mark; label lines before are narrative.
    let Some(first) = (start..end).find(|&k| is_mark(k)) else {
        return;
    };
    let Some(last_value) = (first..end).rev().find(|&k| toks[k] == Tok::Value) else {
        return;
    };
    // Labels after the last value (labels the PDF printed after the numbers) belong
    // to the table when nothing but a heading, a row or the end follows them.
    let followed_by_text = end < lines.len() && lines[end].kind == Kind::Text && {
        let t = trim(lines[end].text);
        section_heading(t).is_none()
    };
    let last = if followed_by_text {
        last_value
    } else {
        end - 1
    };
    let values = (first..=last).filter(|&k| toks[k] == Tok::Value).count();
    let marks = (first..=last).filter(|&k| is_mark(k)).count();
    if values < 3 || marks < 2 {
        return;
    }
    let blank_cells = keeps_blank_cells(&toks[first..=last]);
    let rows = build_rows(lines, &toks[first..=last], first, blank_cells);
    for k in first..=last {
        if matches!(toks[k], Tok::Label | Tok::Value) || (blank_cells && toks[k] == Tok::Blank) {
            lines[k].kind = Kind::Taken;
        }
    }
    for (at, fields) in rows {
        lines[at].kind = Kind::PerCell(fields, blank_cells);
    }
}

/// Whether blank lines are blank cells (`LibreOffice`: values on adjacent
/// lines, a blank line for each blank cell) rather than separators (`pdftotext`:
/// a blank line after every cell, blank cells not printed): values sit on
/// adjacent lines at least as often as one blank line apart, and somewhere
/// either next to each other or two or more blank lines apart.
fn keeps_blank_cells(toks: &[Tok]) -> bool {
    let adjacent = toks
        .windows(2)
        .filter(|w| w[0] == Tok::Value && w[1] == Tok::Value)
        .count();
    let apart = toks
        .windows(3)
        .filter(|w| w[0] == Tok::Value && w[1] == Tok::Blank && w[2] == Tok::Value)
        .count();
    let wide_gap = toks.windows(4).any(|w| {
        w[0] == Tok::Value && w[1] == Tok::Blank && w[2] == Tok::Blank && w[3] != Tok::Label
    });
    adjacent >= apart && (adjacent > 0 || wide_gap)
}

fn field(line: &Line<'_>, text: &str) -> Field {
    let lead = line.text.chars().take_while(|c| is_space(*c)).count();
    Field {
        text: text.to_owned(),
        column: u32::try_from(lead + 1).unwrap_or(1),
        line: Some(line.no),
    }
}

/// The rows of a region: (line the row is placed on, fields).
fn build_rows(
    lines: &[Line<'_>],
    toks: &[Tok],
    base: usize,
    blank_cells: bool,
) -> Vec<(usize, Vec<Field>)> {
    let mut rows = Vec::new();
    let mut labels: Vec<usize> = Vec::new();
    let mut values: Vec<(usize, bool)> = Vec::new();
    let mut blanks: Vec<usize> = Vec::new();
    for (j, tok) in toks.iter().enumerate() {
        let k = base + j;
        match tok {
            Tok::Label => {
                if !values.is_empty() {
                    rows.extend(group(lines, &labels, &values));
                    labels.clear();
                    values.clear();
                }
                blanks.clear();
                labels.push(k);
            }
            Tok::Value => {
                values.extend(blanks.drain(..).map(|b| (b, false)));
                values.push((k, true));
            }
            Tok::Blank if blank_cells => {
                if values.is_empty() {
                    if !labels.is_empty() {
                        blanks.push(k);
                    }
                } else {
                    values.push((k, false));
                }
            }
            _ => {}
        }
    }
    if !labels.is_empty() || !values.is_empty() {
        rows.extend(group(lines, &labels, &values));
    }
    rows
}

/// The rows of one run of label lines and the values after it.
fn group(
    lines: &[Line<'_>],
    labels: &[usize],
    values: &[(usize, bool)],
) -> Vec<(usize, Vec<Field>)> {
    let (header, row_labels) = split_header(lines, labels, !values.is_empty());
    let mut rows: Vec<(usize, Vec<Field>)> = Vec::new();
    if let Some(first) = header.first() {
        let at = labels
            .iter()
            .copied()
            .find(|&k| Some(lines[k].no) == first.line)
            .unwrap_or(labels[0]);
        rows.push((at, header));
    }
    let value_fields: Vec<Field> = values
        .iter()
        .map(|&(k, filled)| {
            let text = if filled { trim(lines[k].text) } else { "" };
            field(&lines[k], text)
        })
        .collect();
    match row_labels.split_last() {
        Some((last, rest)) => {
            for &k in rest {
                rows.push((k, vec![field(&lines[k], trim(lines[k].text))]));
            }
            let mut fields = vec![field(&lines[*last], trim(lines[*last].text))];
            fields.extend(value_fields);
            rows.push((*last, fields));
        }
        None => {
            if let Some(&(k, _)) = values.iter().find(|(_, filled)| *filled).or(values.first()) {
                rows.push((k, value_fields));
            }
        }
    }
    rows
}

/// Words of table 四's rows in its three-rows-of-five layout: a row label even
/// though they are column words of the one-row layout.
fn is_review_block(t: &str) -> bool {
    matches!(
        label_key(t).as_str(),
        "行政复议" | "未经复议直接起诉" | "复议后起诉"
    )
}

/// Splits a run of label lines into header words (joined from their fragments)
/// and row label lines.
fn split_header(
    lines: &[Line<'_>],
    labels: &[usize],
    has_values: bool,
) -> (Vec<Field>, Vec<usize>) {
    // A header piece being joined: its fragments' text, key, first line.
    struct Piece {
        text: String,
        key: String,
        at: usize,
        lines: Vec<usize>,
        done: bool,
    }
    let mut pieces: Vec<Piece> = Vec::new();
    let mut note: Option<usize> = None;
    let mut rows: Vec<usize> = Vec::new();
    let last = labels.last().copied();
    for &k in labels {
        let t = trim(lines[k].text);
        let key = label_key(t);
        if let Some(n) = note {
            // The header note goes on to its closing bracket.
            let p = &mut pieces[n];
            p.text.push('\n');
            p.text.push_str(t);
            p.lines.push(k);
            if t.ends_with(['）', ')']) {
                note = None;
            }
            continue;
        }
        if key.contains("本列数据") {
            pieces.push(Piece {
                text: t.to_owned(),
                key,
                at: k,
                lines: vec![k],
                done: true,
            });
            if !t.ends_with(['）', ')']) {
                note = Some(pieces.len() - 1);
            }
            continue;
        }
        let row_label = has_values && Some(k) == last && is_review_block(t);
        if !row_label
            && is_column_word(t)
            && !pieces
                .iter()
                .any(|p| !p.done && is_column_start(&format!("{}{key}", p.key)))
        {
            pieces.push(Piece {
                text: t.to_owned(),
                key,
                at: k,
                lines: vec![k],
                done: true,
            });
            continue;
        }
        // A fragment: joined to an open piece it continues, or opening one.
        if !row_label
            && let Some(p) = pieces
                .iter_mut()
                .find(|p| !p.done && is_column_start(&format!("{}{key}", p.key)))
        {
            p.key.push_str(&key);
            p.text.push('\n');
            p.text.push_str(t);
            p.lines.push(k);
            p.done = is_column_word(&p.key);
            continue;
        }
        if !row_label && is_column_start(t) {
            pieces.push(Piece {
                text: t.to_owned(),
                key,
                at: k,
                lines: vec![k],
                done: false,
            });
            continue;
        }
        rows.push(k);
    }
    // Fragments that never made a word are row labels after all.
    for p in pieces.iter().filter(|p| !p.done) {
        rows.extend(&p.lines);
    }
    rows.sort_unstable();
    let header = pieces
        .iter()
        .filter(|p| p.done)
        .map(|p| {
            let mut f = field(&lines[p.at], &p.text);
            f.line = Some(lines[p.at].no);
            f
        })
        .collect();
    (header, rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::lines::classify;

    fn rows(text: &str) -> Vec<(u32, Vec<String>, bool)> {
        classify(text)
            .iter()
            .filter_map(|l| match &l.kind {
                Kind::PerCell(f, blanks) => Some((
                    l.no,
                    f.iter().map(|x| x.text.replace('\n', "|")).collect(),
                    *blanks,
                )),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn labels_and_values_one_a_line_become_rows() {
        let text = "二、主动公开政府信息情况\n第二十条第（一）项\n\n信息内容\n\n本年制发件数\n\n本年废止件数\n\n现行有效件数\n\n规章\n\n1\n\n0\n\n4\n\n行政规范性文件\n\n2\n\n1\n\n9\n\n三、收到和处理政府信息公开申请情况\n";
        let r = rows(text);
        assert_eq!(
            r,
            [
                (2, vec!["第二十条第（一）项".to_owned()], false),
                (
                    4,
                    ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]
                        .map(String::from)
                        .to_vec(),
                    false
                ),
                (
                    12,
                    ["规章", "1", "0", "4"].map(String::from).to_vec(),
                    false
                ),
                (
                    20,
                    ["行政规范性文件", "2", "1", "9"].map(String::from).to_vec(),
                    false
                ),
            ]
        );
    }

    #[test]
    fn blank_lines_are_cells_where_values_sit_on_adjacent_lines() {
        let text = "申请人情况\n\n自然人\n法人或其他组织\n总计\n\n\n商业\n企业\n科研机构\n社会公益组织\n法律服务机构\n其他\n\n一、本年新收政府信息公开申请数量\n3\n\n\n\n\n\n3\n二、上年结转政府信息公开申请数量\n0\n0\n0\n0\n0\n0\n0\n";
        let r = rows(text);
        assert_eq!(r.len(), 3);
        assert_eq!(
            r[0].1,
            [
                "申请人情况",
                "自然人",
                "法人或其他组织",
                "总计",
                "商业|企业",
                "科研机构",
                "社会公益组织",
                "法律服务机构",
                "其他"
            ]
        );
        assert_eq!(
            r[1].1,
            [
                "一、本年新收政府信息公开申请数量",
                "3",
                "",
                "",
                "",
                "",
                "",
                "3"
            ]
        );
        assert!(r[1].2);
    }

    #[test]
    fn narrative_is_not_a_table() {
        let text = "一、总体情况\n全年主动公开信息\n120\n条，其中规章\n2\n件。\n";
        assert!(rows(text).is_empty());
    }
}

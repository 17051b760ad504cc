//! Checks that what `xxgk check` prints about positions is true of the file: every
//! position names a line (or a Word paragraph or cell) that exists, and the line
//! printed under `-->` is that line of the file as decoded, with the marker under
//! the column.

use std::collections::HashMap;
use std::path::Path;

use serde_json::Value;
use unicode_width::UnicodeWidthStr;
use xxgk_import::{DocBlock, read_docx};
use xxgk_model::SourcePos;

/// What a file holds at its positions.
pub(crate) enum FileText {
    /// The decoded lines of a text, HTML or TOML file.
    Lines(Vec<String>),
    /// A Word file's paragraphs and cells (covered positions skipped; a paragraph
    /// broken into lines keeps its first).
    Word(HashMap<SourcePos, String>),
}

impl FileText {
    pub(crate) fn read(path: &Path) -> FileText {
        let bytes = std::fs::read(path).unwrap();
        if path.extension().is_some_and(|e| e == "docx") {
            let doc = read_docx(&bytes).unwrap();
            let mut texts = HashMap::new();
            for block in doc.blocks {
                match block {
                    DocBlock::Para(p) => {
                        texts.entry(p.pos).or_insert(p.text);
                    }
                    DocBlock::Table(grid) => {
                        for c in grid.rows.into_iter().flat_map(|r| r.cells) {
                            if c.covered_by.is_none() {
                                texts.entry(c.pos).or_insert(c.text);
                            }
                        }
                    }
                }
            }
            FileText::Word(texts)
        } else {
            let text = xxgk_import::decode(&bytes).text;
            FileText::Lines(text.split('\n').map(str::to_owned).collect())
        }
    }

    /// Whether a position exists in the file.
    fn has(&self, pos: SourcePos) -> bool {
        match (self, pos) {
            (FileText::Lines(lines), SourcePos::Text { line, column }) => {
                let Some(text) = (line as usize).checked_sub(1).and_then(|i| lines.get(i)) else {
                    return false;
                };
                column >= 1 && column as usize <= text.chars().count() + 1
            }
            (FileText::Word(texts), p) => texts.contains_key(&p),
            _ => false,
        }
    }
}

/// Every source position in a JSON output (diagnostics, their related places, the
/// import notes) exists in the file of its report; returns how many there were.
pub(crate) fn json_positions_exist(
    out: &Value,
    current: &FileText,
    previous: Option<&FileText>,
) -> usize {
    let mut seen = 0;
    let mut check = |document: &Value, source: &Value, what: &str| {
        if source.is_null() {
            return;
        }
        let pos: SourcePos = serde_json::from_value(source.clone()).unwrap();
        let file = if document == "previous" {
            previous.expect("a place in last year's report without --previous")
        } else {
            current
        };
        assert!(file.has(pos), "{what}: {pos:?} is not in the file");
        seen += 1;
    };
    for d in out["diagnostics"].as_array().unwrap() {
        let l = &d["location"];
        check(&l["document"], &l["source"], d["message"].as_str().unwrap());
        for r in d["related"].as_array().unwrap() {
            let l = &r["location"];
            check(&l["document"], &l["source"], r["label"].as_str().unwrap());
        }
    }
    for n in out["import_notes"].as_array().unwrap() {
        check(&n["document"], &n["source"], n["message"].as_str().unwrap());
    }
    seen
}

/// Every `--> path:…` line of a text output that names `path` is followed by what
/// the file holds there: the line (numbered, whole or as a window around the
/// column) with the marker under the column, or a Word paragraph's or cell's text.
/// Returns how many were checked.
pub(crate) fn printed_lines_are_the_files(out: &str, path: &str, file: &FileText) -> usize {
    let lines: Vec<&str> = out.lines().collect();
    let arrow = format!("    --> {path}:");
    let mut seen = 0;
    for (i, l) in lines.iter().enumerate() {
        let Some(at) = l.strip_prefix(&arrow) else {
            continue;
        };
        let next = |k: usize| lines.get(i + k).copied().unwrap_or("");
        // A note on dropped text or on the file as a whole shows its position
        // only (the note quotes the text); everything else shows the file's text.
        let position_only = i > 0
            && lines[i - 1].starts_with("  说明[")
            && !next(1).starts_with("    ")
            && !next(1).starts_with("      |");
        match file {
            FileText::Lines(text) => {
                let (line, column) = at.split_once(':').unwrap();
                let (line, column): (usize, usize) =
                    (line.parse().unwrap(), column.parse().unwrap());
                let source = text
                    .get(line - 1)
                    .unwrap_or_else(|| panic!("{l}: the file has {} lines", text.len()));
                if position_only {
                    assert!(column <= source.chars().count() + 1, "{l}");
                    seen += 1;
                    continue;
                }
                let prefix = format!("    {line} | ");
                let shown = next(2)
                    .strip_prefix(&prefix)
                    .unwrap_or_else(|| panic!("{l}: no line {line} under it:\n{}", next(2)));
                line_matches(shown, source, column, next(3), &prefix, l);
            }
            FileText::Word(texts) => {
                let pos = word_pos(at);
                let text = texts
                    .get(&pos)
                    .unwrap_or_else(|| panic!("{l}: no such place"));
                if position_only {
                    // Exists: that is all a position-only line says.
                } else if text.is_empty() {
                    assert_eq!(next(1), "      | （空）", "{l}");
                } else {
                    let first: String = text.split('\n').next().unwrap().chars().take(80).collect();
                    let shown = next(1)
                        .strip_prefix("      | ")
                        .unwrap_or_else(|| panic!("{l}: no text under it"));
                    assert_eq!(shown.trim_end_matches('…'), first, "{l}");
                }
            }
        }
        seen += 1;
    }
    seen
}

/// A printed line is the source line (control characters shown as spaces), cut to
/// a window with `…` at a cut end where it is long; the marker sits under the
/// character at the column.
fn line_matches(shown: &str, source: &str, column: usize, marker: &str, prefix: &str, l: &str) {
    let source: Vec<char> = source
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let shown: Vec<char> = shown.chars().collect();
    let gutter = " ".repeat(prefix.len() - 7);
    let caret = marker
        .strip_prefix(&format!("    {gutter} | "))
        .and_then(|m| m.strip_suffix('^'))
        .filter(|m| m.chars().all(|c| c == ' '))
        .unwrap_or_else(|| panic!("{l}: no marker under the line: “{marker}”"))
        .len();
    // The character the marker is under, as an index into what is shown.
    let mut width = 0;
    let mut k = 0;
    while k < shown.len() && width < caret {
        width += String::from(shown[k]).width();
        k += 1;
    }
    assert_eq!(width, caret, "{l}: the marker splits a character");
    for lead in [0, 1] {
        for tail in [0, 1] {
            if lead + tail > shown.len() || k < lead {
                continue;
            }
            if (lead == 1 && shown[0] != '…') || (tail == 1 && shown[shown.len() - 1] != '…') {
                continue;
            }
            let body = &shown[lead..shown.len() - tail];
            let Some(start) = (column - 1).checked_sub(k - lead) else {
                continue;
            };
            let end = start + body.len();
            let fits = source.get(start..end) == Some(body);
            // `…` exactly where the line is cut.
            if fits && (lead == 1) == (start > 0) && (tail == 1) == (end < source.len()) {
                return;
            }
        }
    }
    let shown: String = shown.into_iter().collect();
    let source: String = source.into_iter().collect();
    panic!("{l}: “{shown}” with its marker is not column {column} of “{source}”");
}

/// `第3个表格第5行第2格` or `第7段`.
fn word_pos(at: &str) -> SourcePos {
    let numbers: Vec<u32> = at
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .map(|s| s.parse().unwrap())
        .collect();
    match numbers[..] {
        [table, row, cell] => SourcePos::DocxCell { table, row, cell },
        [paragraph] => SourcePos::DocxParagraph { paragraph },
        _ => panic!("not a Word position: {at}"),
    }
}

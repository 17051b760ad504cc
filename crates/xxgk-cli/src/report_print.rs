//! The text form of `xxgk check`'s findings: grouped by section (一 to 六, then the
//! report as a whole), each diagnostic with its location, related places and help,
//! and, when the report was imported from a text file, the source line it concerns
//! with a marker under the column.
//!
//! Written by hand rather than with annotate-snippets or miette: the output is
//! Chinese throughout (severity names, labels), one source line per place is all
//! we show, and the layout must stay stable for snapshots and for users who grep
//! it. Marker columns account for double-width characters (`unicode-width`), which
//! the Chinese text is made of.

use std::fmt::Write;

use unicode_width::UnicodeWidthStr;
use xxgk_model::{Report, SectionId, SourcePos};
use xxgk_rules::{Diagnostic, Document, Findings, Location};

/// The decoded text of the file a report was imported from.
#[derive(Debug, Clone, Copy)]
pub(crate) struct SourceText<'a> {
    /// The path as the user gave it.
    pub(crate) path: &'a str,
    /// The text, decoded.
    pub(crate) text: &'a str,
}

/// Related places shown per diagnostic; the rest are counted.
const RELATED_SHOWN: usize = 8;
/// Characters of a long source line shown before and after the marked column.
const WINDOW_BEFORE: usize = 30;
const WINDOW_AFTER: usize = 50;

/// The whole text output: a header line, the diagnostics grouped by section, and
/// the summary line.
pub(crate) fn render(
    report: &Report,
    findings: &Findings,
    file: &str,
    source: Option<SourceText<'_>>,
) -> String {
    let meta = &report.meta;
    let mut out = format!(
        "{file}：{} {} 年度报告（{} 年格式，{}）\n",
        meta.agency,
        meta.year,
        meta.format,
        meta.kind.label()
    );
    let groups = SectionId::ALL.into_iter().map(Some).chain([None]);
    for group in groups {
        let in_group: Vec<&Diagnostic> = findings
            .diagnostics
            .iter()
            .filter(|d| d.section() == group)
            .collect();
        if in_group.is_empty() {
            continue;
        }
        let title = group.map_or("全文", |id| report.spec().heading(id));
        let _ = write!(out, "\n{title}\n");
        for d in in_group {
            diagnostic(&mut out, d, source);
        }
    }
    if findings.is_empty() {
        out.push_str("\n未发现问题。\n");
    }
    let _ = writeln!(out, "\n{}", findings.summary);
    out
}

fn diagnostic(out: &mut String, d: &Diagnostic, source: Option<SourceText<'_>>) {
    let _ = writeln!(
        out,
        "  {}[{}] {}（{}）",
        d.severity.label(),
        d.code,
        d.message,
        d.name
    );
    let _ = writeln!(out, "    位置：{}", place(&d.location));
    if let (Some(pos), Some(src)) = (d.location.source, source) {
        snippet(out, pos, src);
    }
    if !d.related.is_empty() {
        let _ = writeln!(out, "    相关：");
        for r in d.related.iter().take(RELATED_SHOWN) {
            let prefix = if r.location.document == Document::Previous {
                "上年报告 "
            } else {
                ""
            };
            let _ = write!(out, "      - {prefix}{}", r.label);
            if let (Some(pos), Some(src)) = (r.location.source, source) {
                let _ = write!(out, "（{}）", position(pos, src));
            }
            out.push('\n');
        }
        if d.related.len() > RELATED_SHOWN {
            let _ = writeln!(out, "      ……另有 {} 处", d.related.len() - RELATED_SHOWN);
        }
    }
    if let Some(help) = &d.help {
        let _ = writeln!(out, "    建议：{help}");
    }
}

/// A cell by its official labels, anything else by its JSON Pointer.
fn place(location: &Location) -> String {
    match &location.key {
        Some(key) => format!("{key}"),
        None => location.pointer.clone(),
    }
}

/// `report.txt:44:12`, or the position in a Word file.
fn position(pos: SourcePos, src: SourceText<'_>) -> String {
    match pos {
        SourcePos::Text { line, column } => format!("{}:{line}:{column}", src.path),
        other => format!("{} {other}", src.path),
    }
}

/// The source line with a marker under the column (Word positions have no line to
/// show: only where they are).
fn snippet(out: &mut String, pos: SourcePos, src: SourceText<'_>) {
    let _ = writeln!(out, "    --> {}", position(pos, src));
    let SourcePos::Text { line, column } = pos else {
        return;
    };
    let Some(text) = line
        .checked_sub(1)
        .and_then(|i| src.text.lines().nth(i as usize))
    else {
        return;
    };
    let chars: Vec<char> = text
        .chars()
        .map(|c| if c == '\t' { ' ' } else { c })
        .collect();
    let col = (column as usize).saturating_sub(1).min(chars.len());
    let start = col.saturating_sub(WINDOW_BEFORE);
    let end = (col + WINDOW_AFTER).min(chars.len());
    let lead = if start > 0 { "…" } else { "" };
    let tail = if end < chars.len() { "…" } else { "" };
    let before: String = chars[start..col].iter().collect();
    let shown: String = chars[start..end].iter().collect();
    let number = line.to_string();
    let gutter = " ".repeat(number.len());
    let indent = " ".repeat(lead.width() + before.width());
    let _ = writeln!(out, "    {gutter} |");
    let _ = writeln!(out, "    {number} | {lead}{shown}{tail}");
    let _ = writeln!(out, "    {gutter} | {indent}^");
}

#[cfg(test)]
mod tests {
    use xxgk_model::schema::TableId;
    use xxgk_model::{Block, BodyKind, Cell, CellKey, SourceMap, SourcePos};
    use xxgk_rules::{CheckOptions, check_with};

    use super::*;

    /// A report as an importer would give it: every cell filled, a table 四 whose
    /// 总计 is wrong and a heading that is not official, with a source map into the
    /// text they came from.
    #[test]
    fn diagnostics_show_the_source_line_with_a_marker_under_the_column() {
        let text = "某某县某某局2025年政府信息公开工作年度报告\n\
                    一、总体情况概述\n\
                    四、政府信息公开行政复议、行政诉讼情况\n\
                    行政复议\t10\t1\t0\t0\t0\n";
        let mut report = Report::blank("某某县某某局", 2025, BodyKind::Department);
        let keys: Vec<CellKey> = report.cells().map(|(k, _)| k).collect();
        for key in keys {
            *report.cell_mut(&key).unwrap() = Cell::int(0);
        }
        let s = &mut report.sections;
        s.overview.as_mut().unwrap().heading = Some("一、总体情况概述".into());
        for (section, text) in [
            (&mut s.overview, "全年主动公开政府信息。"),
            (&mut s.problems, "栏目更新不够及时。"),
            (&mut s.other, "未收取信息处理费。"),
        ] {
            section.as_mut().unwrap().body = vec![Block::Paragraph(text.into())];
        }
        let cell = |c: &str| CellKey::new(TableId::Reviews, "行政复议", c);
        *report.cell_mut(&cell("结果维持")).unwrap() = Cell::int(10);
        *report.cell_mut(&cell("结果纠正")).unwrap() = Cell::int(1);
        let mut map = SourceMap::new();
        map.insert(
            "/sections/overview/heading",
            SourcePos::Text { line: 2, column: 1 },
        );
        for (c, column) in [
            ("结果维持", 6),
            ("结果纠正", 9),
            ("其他结果", 11),
            ("尚未审结", 13),
            ("总计", 15),
        ] {
            map.insert(cell(c).json_pointer(), SourcePos::Text { line: 4, column });
        }
        let findings = check_with(
            &report,
            &CheckOptions {
                source: Some(&map),
                ..CheckOptions::default()
            },
        );
        let out = render(
            &report,
            &findings,
            "report.txt",
            Some(SourceText {
                path: "report.txt",
                text,
            }),
        );
        // The marker sits under the 总计 cell's "0": 行政复议 is four double-width
        // characters, then five one-column fields.
        let marker = format!("    4 | 行政复议 10 1 0 0 0\n      | {}^\n", " ".repeat(18));
        assert!(out.contains(&marker), "{out}");
        insta::assert_snapshot!(out);
    }

    #[test]
    fn long_lines_are_cut_around_the_column() {
        let line = format!("{}错{}", "前".repeat(60), "后".repeat(80));
        let mut out = String::new();
        snippet(
            &mut out,
            SourcePos::Text {
                line: 1,
                column: 61,
            },
            SourceText {
                path: "a.txt",
                text: &line,
            },
        );
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], "    --> a.txt:1:61");
        let shown = lines[2].trim_start_matches("    1 | ");
        assert!(shown.starts_with('…') && shown.ends_with('…'), "{shown}");
        let marker = lines[3].trim_start_matches("      | ");
        // "…" is one column wide, each 前 two.
        assert_eq!(marker.find('^'), Some(1 + 2 * 30));
    }

    #[test]
    fn lines_beyond_the_text_show_the_position_only() {
        let mut out = String::new();
        snippet(
            &mut out,
            SourcePos::Text { line: 9, column: 1 },
            SourceText {
                path: "a.txt",
                text: "一行",
            },
        );
        assert_eq!(out, "    --> a.txt:9:1\n");
    }

    #[test]
    fn word_positions_are_named_without_a_line() {
        let mut out = String::new();
        snippet(
            &mut out,
            SourcePos::DocxCell {
                table: 3,
                row: 4,
                cell: 5,
            },
            SourceText {
                path: "a.docx",
                text: "",
            },
        );
        assert_eq!(out, "    --> a.docx 第3个表格第4行第5格\n");
    }
}

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

use xxgk_import::ImportNote;
use xxgk_model::{Report, SectionId};
use xxgk_rules::{Diagnostic, Findings, Location, WhichReport};

use crate::import_notes::{ByPart, Places};
use crate::snippet::{Source, snippet};

/// An import note to show, and which report's file it is about.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ShownNote<'a> {
    pub(crate) document: WhichReport,
    pub(crate) note: &'a ImportNote,
}

/// Everything the text output is made of.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Printed<'a> {
    pub(crate) report: &'a Report,
    pub(crate) findings: &'a Findings,
    /// How the file was read (`从网页导入` …), for an imported report.
    pub(crate) read_as: Option<&'a str>,
    pub(crate) current: Source<'a>,
    /// Last year's report, when one was given.
    pub(crate) previous: Option<Source<'a>>,
    /// The import notes shown.
    pub(crate) notes: &'a [ShownNote<'a>],
    /// Import notes not shown (certain tolerances; `--notes` lists them).
    pub(crate) hidden_notes: usize,
}

/// Related places shown per diagnostic; the rest are counted.
const RELATED_SHOWN: usize = 8;
/// A report as messages name it: `某某县水利局 2025 年度报告`, saying what is not
/// known (an importer that cannot read the agency or year leaves it empty or 0).
pub(crate) fn report_name(meta: &xxgk_model::Meta) -> String {
    let agency = if meta.agency.trim().is_empty() {
        "（发布机关不明）"
    } else {
        meta.agency.as_str()
    };
    if meta.year > 0 {
        format!("{agency} {} 年度报告", meta.year)
    } else {
        format!("{agency}（年度不明）年度报告")
    }
}

/// The whole text output: a header line, the diagnostics grouped by section, the
/// import notes, and the summary line.
pub(crate) fn render(p: &Printed<'_>) -> String {
    let meta = &p.report.meta;
    let read_as = p.read_as.map(|r| format!("；{r}")).unwrap_or_default();
    let mut out = format!(
        "{}：{}（{} 年格式，{}{read_as}）\n",
        p.current.path,
        report_name(meta),
        meta.format,
        meta.kind.label()
    );
    let index = Index {
        places: Places::new(&p.findings.diagnostics),
        notes: ByPart::new(p.notes.iter().map(|n| (n.document, n.note))),
    };
    let groups = SectionId::ALL.into_iter().map(Some).chain([None]);
    for group in groups {
        let in_group: Vec<&Diagnostic> = p
            .findings
            .diagnostics
            .iter()
            .filter(|d| d.section() == group)
            .collect();
        if in_group.is_empty() {
            continue;
        }
        let title = group.map_or("全文", |id| p.report.spec().heading(id));
        let _ = write!(out, "\n{title}\n");
        for d in in_group {
            diagnostic(&mut out, d, p, &index);
        }
    }
    if p.findings.is_empty() {
        out.push_str("\n未发现问题。\n");
    }
    if !p.notes.is_empty() {
        out.push_str("\n导入说明\n");
        for n in p.notes {
            note(&mut out, *n, p, &index);
        }
    }
    let _ = writeln!(out, "\n{}{}", p.findings.summary, notes_summary(p));
    out
}

/// `；导入说明 3 条（另有 5 条读取时的容错未列出，加 --notes 显示）`, or nothing.
fn notes_summary(p: &Printed<'_>) -> String {
    let hidden = p.hidden_notes;
    match (p.notes.len(), hidden) {
        (0, 0) => String::new(),
        (shown, 0) => format!("；导入说明 {shown} 条"),
        (0, _) => format!("；另有 {hidden} 条导入说明（读取时的容错）未列出，加 --notes 显示"),
        (shown, _) => {
            format!("；导入说明 {shown} 条（另有 {hidden} 条读取时的容错未列出，加 --notes 显示）")
        }
    }
}

impl<'a> Printed<'a> {
    fn source(&self, document: WhichReport) -> Option<Source<'a>> {
        match document {
            WhichReport::Current => Some(self.current),
            WhichReport::Previous => self.previous,
        }
    }
}

/// Which notes concern which diagnostics, found by lookup.
struct Index<'a> {
    places: Places,
    notes: ByPart<'a>,
}

fn diagnostic(out: &mut String, d: &Diagnostic, p: &Printed<'_>, index: &Index<'_>) {
    let _ = writeln!(
        out,
        "  {}[{}] {}（{}）",
        d.severity.label(),
        d.code,
        d.message,
        d.name
    );
    let _ = writeln!(out, "    位置：{}", place(&d.location));
    if let (Some(pos), Some(src)) = (d.location.source, p.source(d.location.document)) {
        snippet(out, pos, src);
    }
    if !d.related.is_empty() {
        let _ = writeln!(out, "    相关：");
        for r in d.related.iter().take(RELATED_SHOWN) {
            let prefix = if r.location.document == WhichReport::Previous {
                "上年报告 "
            } else {
                ""
            };
            let _ = write!(out, "      - {prefix}{}", r.label);
            if let (Some(pos), Some(src)) = (r.location.source, p.source(r.location.document)) {
                let _ = write!(out, "（{}）", src.at(pos));
            }
            out.push('\n');
        }
        if d.related.len() > RELATED_SHOWN {
            let _ = writeln!(out, "      ……另有 {} 处", d.related.len() - RELATED_SHOWN);
        }
    }
    for n in index.notes.concerning(d).into_iter().map(|i| p.notes[i]) {
        let _ = writeln!(out, "    导入说明[{}]：{}", n.note.code, note_message(n));
    }
    if let Some(help) = &d.help {
        let _ = writeln!(out, "    建议：{help}");
    }
}

fn note_message(n: ShownNote<'_>) -> String {
    match n.document {
        WhichReport::Current => n.note.message.clone(),
        WhichReport::Previous => format!("上年报告：{}", n.note.message),
    }
}

/// A note with its position; with the line (or Word cell) too when it concerns a
/// part of the report (a row, a cell), where seeing the row as printed helps —
/// unless a diagnostic it is named under shows that place already. A note on
/// dropped text quotes that text already.
fn note(out: &mut String, n: ShownNote<'_>, p: &Printed<'_>, index: &Index<'_>) {
    let _ = writeln!(out, "  说明[{}] {}", n.note.code, note_message(n));
    let (Some(pos), Some(src)) = (n.note.pos, p.source(n.document)) else {
        return;
    };
    let named = index.places.named(n.note, n.document);
    if n.note.pointer.is_some() && !named {
        snippet(out, pos, src);
    } else {
        let _ = writeln!(out, "    --> {}", src.at(pos));
    }
}

/// A cell by its official labels, anything else by its JSON Pointer.
fn place(location: &Location) -> String {
    match &location.key {
        Some(key) => format!("{key}"),
        None => location.pointer.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use xxgk_import::{ImportNote, NoteCode};
    use xxgk_model::schema::TableId;
    use xxgk_model::{Block, BodyKind, Cell, CellKey, Pointer, SourceMap, SourcePos};
    use xxgk_rules::{CheckOptions, check_with};

    use super::*;
    use crate::source_view::SourceView;

    /// A report as an importer would give it: every cell filled, a table 四 whose
    /// 总计 is wrong and a heading that is not official, with a source map into the
    /// text they came from.
    #[test]
    fn diagnostics_show_the_source_line_with_a_marker_under_the_column() {
        let text = "某某县某某局2025年政府信息公开工作年度报告\n\
                    一、总体情况概述\n\
                    四、政府信息公开行政复议、行政诉讼情况\n\
                    行政复议\t10\t1\t0\t0\t0\n";
        let mut report = Report::blank("某某县某某局", 2025, BodyKind::Department).unwrap();
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
            Pointer::heading(xxgk_model::SectionId::Overview),
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
        let findings = check_with(&report, &CheckOptions::default().source(&map));
        let view = SourceView::Lines(text.into());
        // A note on the row the error is in, and one on dropped text.
        let row = ImportNote::new(
            NoteCode::ValuesAmbiguous,
            "表四“行政复议”行的数值与列不能一一对应",
        )
        .at(SourcePos::Text { line: 4, column: 1 })
        .on(Pointer::row(TableId::Reviews, "行政复议"));
        let debris = ImportNote::new(NoteCode::StrayText, "删除孤立的标点：“、”")
            .at(SourcePos::Text { line: 3, column: 1 });
        let notes = [&debris, &row].map(|note| ShownNote {
            document: WhichReport::Current,
            note,
        });
        let out = render(&Printed {
            report: &report,
            findings: &findings,
            read_as: Some("从文本导入"),
            current: Source {
                path: "report.txt",
                view: &view,
            },
            previous: None,
            notes: &notes,
            hidden_notes: 2,
        });
        // The marker sits under the 总计 cell's "0": 行政复议 is four double-width
        // characters, then five one-column fields.
        let marker = format!("    4 | 行政复议 10 1 0 0 0\n      | {}^\n", " ".repeat(18));
        assert!(out.contains(&marker), "{out}");
        // The note on the row is named under the error, and both are listed with
        // their positions.
        let ambiguous = NoteCode::ValuesAmbiguous;
        let under = format!(
            "    导入说明[{ambiguous}]：表四“行政复议”行的数值与列不能一一对应\n    建议："
        );
        assert!(out.contains(&under), "{out}");
        let stray = NoteCode::StrayText;
        assert!(out.contains(&format!("\n导入说明\n  说明[{stray}] 删除孤立的标点：“、”\n    --> report.txt:3:1\n  说明[{ambiguous}]")), "{out}");
        assert!(out.ends_with("共 1 个错误，1 个警告，0 条提示；导入说明 2 条（另有 2 条读取时的容错未列出，加 --notes 显示）\n"), "{out}");
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
            Source {
                path: "a.txt",
                view: &SourceView::Lines(line.as_str().into()),
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
            Source {
                path: "a.txt",
                view: &SourceView::Lines("一行".into()),
            },
        );
        assert_eq!(out, "    --> a.txt:9:1\n");
    }

    #[test]
    fn word_positions_show_the_cell_or_paragraph_text() {
        let pos = SourcePos::DocxCell {
            table: 3,
            row: 4,
            cell: 5,
        };
        let mut out = String::new();
        snippet(
            &mut out,
            pos,
            Source {
                path: "a.docx",
                view: &SourceView::Nothing,
            },
        );
        assert_eq!(out, "    --> a.docx:第3个表格第4行第5格\n");
        let paragraph = SourcePos::DocxParagraph { paragraph: 2 };
        let view = SourceView::Word(
            [
                (pos, "行政\n复议".to_owned()),
                (paragraph, "长".repeat(100)),
            ]
            .into_iter()
            .collect(),
        );
        let mut out = String::new();
        snippet(
            &mut out,
            pos,
            Source {
                path: "a.docx",
                view: &view,
            },
        );
        assert_eq!(
            out,
            "    --> a.docx:第3个表格第4行第5格\n      | 行政\n      | 复议\n"
        );
        let mut out = String::new();
        snippet(
            &mut out,
            paragraph,
            Source {
                path: "a.docx",
                view: &view,
            },
        );
        assert_eq!(
            out,
            format!("    --> a.docx:第2段\n      | {}…\n", "长".repeat(80))
        );
    }
}

//! Hostile inputs (docs/limits.md): each shape is built here, small enough for a
//! test, and the test asserts facts that do not depend on time — what was read,
//! how much was kept, which note names the limit. Their times and peak memory at
//! full size are measured in docs/limits.md.
// Inputs are built by mapping pieces to markup and collecting them, for clarity.
#![allow(clippy::format_collect)]

use std::io::Write;

use xxgk_import::NoteCode;
use xxgk_import::{
    DocBlock, Document, ImportOptions, MAX_HTML_DEPTH, MAX_HTML_NODES, MAX_TABLE_ROWS,
    MAX_TEXT_BYTES, MAX_XML_DEPTH, from_document, import, read_docx, read_html, read_text,
};
use xxgk_model::CellKey;
use xxgk_model::schema::TableId;
use zip::write::SimpleFileOptions;

const TITLE: &str = "青禾县示例局2025年政府信息公开工作年度报告";
const HEADER_2: [&str; 4] = ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"];

fn docx(body: &str) -> Vec<u8> {
    let xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
    );
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file("word/document.xml", SimpleFileOptions::default())
        .unwrap();
    zip.write_all(xml.as_bytes()).unwrap();
    zip.finish().unwrap().into_inner()
}

fn p(text: &str) -> String {
    format!("<w:p><w:r><w:t>{text}</w:t></w:r></w:p>")
}

/// The lines of the merged cell: 80 of them, as in the page that was reported,
/// long enough for the cell to be prose (the table is then read as layout).
fn merged_lines() -> Vec<String> {
    (0..80)
        .map(|i| format!("第{i}行{}", "本年度的有关说明文字较长".repeat(3)))
        .collect()
}

fn notes_of(doc: &Document, code: NoteCode) -> Vec<&str> {
    doc.notes
        .iter()
        .filter(|n| n.code == code)
        .map(|n| n.message.as_str())
        .collect()
}

/// A merged cell is one cell: its text is read once, however many rows and
/// columns it covers. Before, the text of a cell spanning 780 rows and 256
/// columns was read into every row (62 400 paragraphs, 200 MB written).
#[test]
fn a_merged_cell_over_the_whole_grid_is_read_once() {
    let header: String = HEADER_2.iter().map(|h| format!("<td>{h}</td>")).collect();
    let page = format!(
        "<html><body><h1>{TITLE}</h1><p>一、总体情况</p><p>本年度正常。</p><p>二、主动公开政府信息情况</p><table><tr>{header}</tr><tr><td rowspan=780 colspan=256>{}</td></tr>{}</table>",
        merged_lines().join("<br>"),
        "<tr></tr>".repeat(779)
    );
    let header: String = HEADER_2
        .iter()
        .map(|h| format!("<w:tc>{}</w:tc>", p(h)))
        .collect();
    let first = format!(
        "<w:tc><w:tcPr><w:gridSpan w:val=\"256\"/><w:vMerge w:val=\"restart\"/></w:tcPr>{}</w:tc>",
        merged_lines().iter().map(|l| p(l)).collect::<String>()
    );
    let below = "<w:tc><w:tcPr><w:gridSpan w:val=\"256\"/><w:vMerge/></w:tcPr><w:p/></w:tc>";
    let word = docx(&format!(
        "{}{}{}<w:tbl><w:tr>{header}</w:tr><w:tr>{first}</w:tr>{}</w:tbl>",
        p(TITLE),
        p("一、总体情况"),
        p("二、主动公开政府信息情况"),
        format!("<w:tr>{below}</w:tr>").repeat(779)
    ));
    assert!(word.len() < 8192, "{}", word.len());
    for (name, bytes) in [("page", page.into_bytes()), ("word", word)] {
        let imported = import(&bytes, &ImportOptions::default()).unwrap();
        let section = imported.report.sections.proactive.as_ref().unwrap();
        let value = serde_json::to_value(section).unwrap();
        let text: Vec<String> = value["text_after"]
            .as_array()
            .unwrap_or_else(|| panic!("{name}: {value}"))
            .iter()
            .map(|b| b["paragraph"].as_str().unwrap().to_owned())
            .collect();
        assert_eq!(text, merged_lines(), "{name}");
        // What is written is the size of the report, not of the grid.
        let json = serde_json::to_string(&imported.report).unwrap();
        assert!(json.len() < 20_000, "{name}: {} bytes", json.len());
    }
}

/// One long line costs its length: 256 KiB of one letter, of NUL bytes, or of
/// numbers one space apart is read (as no report) without a field per number
/// (before, the letter took seconds per 256 KiB, growing with the square).
#[test]
fn long_lines_are_read_without_a_field_per_character() {
    let ones = "1 ".repeat(1 << 18);
    for text in ["a".repeat(1 << 18), "\0".repeat(1 << 18), ones.clone()] {
        let err = import(text.as_bytes(), &ImportOptions::default()).unwrap_err();
        assert!(
            err.to_string().contains("不是政府信息公开工作年度报告"),
            "{err}"
        );
    }
    let doc = read_text(&format!("{TITLE}\n{ones}\n"));
    assert!(
        doc.blocks.iter().all(|b| matches!(b, DocBlock::Para(_))),
        "a line of a million numbers is no table row"
    );
    let tabs = format!("规章{}\n", "\t1".repeat(10_000));
    let doc = read_text(&format!("{TITLE}\n{tabs}"));
    assert!(doc.blocks.iter().all(|b| matches!(b, DocBlock::Para(_))));
}

/// Text beyond the text limit is not read, with a note naming the limit and the
/// line where reading stopped.
#[test]
fn text_beyond_the_limit_is_cut_at_a_line_with_a_note() {
    let line = "本年度主动公开政府信息若干条。\n";
    let text = format!(
        "{TITLE}\n{}",
        line.repeat(MAX_TEXT_BYTES / line.len() + 100)
    );
    let doc = read_text(&text);
    let notes = notes_of(&doc, NoteCode::TextTruncated);
    assert_eq!(notes.len(), 1);
    assert!(notes[0].contains("4 MiB"), "{}", notes[0]);
    assert!(doc.source_text.as_ref().unwrap().len() <= MAX_TEXT_BYTES);
    assert!(doc.source_text.as_ref().unwrap().ends_with('\n'));
}

/// A caller sets the text limit (`ImportOptions::max_text_bytes`): a lower one
/// cuts where it says, a higher one reads past the default.
#[test]
fn the_text_limit_is_the_callers_to_set() {
    let line = "本年度主动公开政府信息若干条。\n";
    let text = format!("{TITLE}\n{}", line.repeat(100));
    let low = ImportOptions::default()
        .file_name("a.txt")
        .max_text_bytes(1000);
    let imported = import(text.as_bytes(), &low).unwrap();
    let cut: Vec<_> = imported
        .notes
        .iter()
        .filter(|n| n.code == NoteCode::TextTruncated)
        .collect();
    assert_eq!(cut.len(), 1);
    assert!(cut[0].message.contains("1000 字节"), "{}", cut[0].message);
    assert!(imported.source_text.as_ref().unwrap().len() <= 1000);
    let whole = import(
        text.as_bytes(),
        &ImportOptions::default().file_name("a.txt"),
    )
    .unwrap();
    assert!(
        whole
            .notes
            .iter()
            .all(|n| n.code != NoteCode::TextTruncated)
    );

    let big = format!(
        "{TITLE}\n{}",
        line.repeat(MAX_TEXT_BYTES / line.len() + 100)
    );
    let doc = xxgk_import::read_text_within(&big, big.len());
    assert!(notes_of(&doc, NoteCode::TextTruncated).is_empty());
    assert_eq!(doc.source_text.as_ref().unwrap().len(), big.len());
}

/// Nested elements that each declare a namespace cost their number, not its
/// square, and nesting past the limit ends reading with a note.
#[test]
fn deep_namespaced_word_xml_is_read_to_the_depth_limit() {
    let nest = |n: usize| {
        let open: String = (0..n)
            .map(|i| format!("<w:sdt xmlns:n{i}=\"urn:x\"><w:sdtContent>"))
            .collect();
        let close = "</w:sdtContent></w:sdt>".repeat(n);
        (open, close)
    };
    // Within the limit: the paragraph inside is read.
    let (open, close) = nest(MAX_XML_DEPTH / 2 - 10);
    let doc = read_docx(&docx(&format!(
        "{}{open}{}{close}",
        p(TITLE),
        p("一、总体情况")
    )))
    .unwrap();
    let paras: Vec<&str> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            DocBlock::Para(p) => Some(p.text.as_str()),
            DocBlock::Table(_) => None,
        })
        .collect();
    assert_eq!(paras, [TITLE, "一、总体情况"]);
    assert!(doc.notes.is_empty(), "{:?}", doc.notes);
    // Beyond it: what came before is kept, and a note says why reading stopped.
    let (open, close) = nest(150_000);
    let doc = read_docx(&docx(&format!("{}{open}{close}", p(TITLE)))).unwrap();
    assert!(matches!(&doc.blocks[0], DocBlock::Para(p) if p.text == TITLE));
    let notes = notes_of(&doc, NoteCode::DocxXmlError);
    assert!(notes[0].contains("10000"), "{notes:?}");
}

/// A page whose chrome nests deeper than the tree's depth limit (an unclosed
/// header repeated on it) keeps its tables: the cells are read, with a note.
#[test]
fn tables_inside_over_deep_markup_are_read() {
    let header = "<div class=head><div><div><div><div><div><div><div><div><div><div><div><div><div><div><div><span>首页</span>";
    let rows: String = [["规章", "0", "0", "0"], ["行政规范性文件", "8", "0", "18"]]
        .iter()
        .map(|r| {
            format!(
                "<tr>{}</tr>",
                r.iter()
                    .map(|c| format!("<td><p><span>{c}</span></p></td>"))
                    .collect::<String>()
            )
        })
        .collect();
    let head: String = HEADER_2.iter().map(|h| format!("<td>{h}</td>")).collect();
    let page = format!(
        "{}<h1>{TITLE}</h1><p>一、总体情况</p><p>本年度正常。</p><p>二、主动公开政府信息情况</p><p>第二十条第（一）项</p><table><tr>{head}</tr>{rows}</table>",
        header.repeat(13)
    );
    const { assert!(13 * 16 > MAX_HTML_DEPTH) };
    let doc = read_html(&page);
    assert_eq!(notes_of(&doc, NoteCode::HtmlDepthFlattened).len(), 1);
    let imported = from_document(&doc, &ImportOptions::default()).unwrap();
    let key = CellKey::new(
        TableId::Proactive,
        "第二十条第（一）项/行政规范性文件",
        "现行有效件数",
    );
    assert_eq!(
        imported
            .report
            .cell(&key)
            .and_then(xxgk_model::Cell::as_count),
        Some(18)
    );
}

/// A page of more nodes than the limit is read up to it, with a note.
#[test]
fn pages_beyond_the_node_limit_are_cut_with_a_note() {
    let page = format!("<p>{TITLE}</p>{}", "<b>".repeat(MAX_HTML_NODES + 10));
    let doc = read_html(&page);
    assert_eq!(notes_of(&doc, NoteCode::HtmlTruncated).len(), 1);
    assert!(matches!(&doc.blocks[0], DocBlock::Para(p) if p.text == TITLE));
}

/// A table of more rows than the limit is read up to it, with one note.
#[test]
fn tables_beyond_the_row_limit_are_cut_with_a_note() {
    let rows: String = (0..MAX_TABLE_ROWS + 500)
        .map(|i| format!("本地类别{i}\t1\t0\t1\n"))
        .collect();
    let text = format!(
        "{TITLE}\n二、主动公开政府信息情况\n第二十条第（一）项\n{}\n规章\t0\t0\t0\n{rows}",
        HEADER_2.join("\t")
    );
    let imported = import(text.as_bytes(), &ImportOptions::default()).unwrap();
    let cut: Vec<_> = imported
        .notes
        .iter()
        .filter(|n| n.code == NoteCode::TableRowsTruncated)
        .collect();
    assert_eq!(cut.len(), 1);
    assert!(cut[0].message.contains("2000"), "{}", cut[0].message);
    let table = imported.report.table(TableId::Proactive).unwrap();
    assert!(table.rows().count() <= MAX_TABLE_ROWS);
    assert!(table.rows().any(|(l, _)| l.ends_with("本地类别0")));
}

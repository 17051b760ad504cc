//! The Word front end on a .docx built here (gridSpan, vMerge, fields, revisions,
//! content controls, a text box, a layout table), on broken archives, and on the
//! official template and the corpus files (ignored without `XXGK_CORPUS`).

mod fe_support;

use std::io::Write;

use fe_support::{check_invariants, dump, grids, paras, shape};
use xxgk_import::NoteCode;
use xxgk_import::{DocBlock, ImportError, read_docx};
use xxgk_model::SourcePos;
use zip::write::SimpleFileOptions;

const NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main""#;

fn p(text: &str) -> String {
    format!("<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>")
}

fn tc(props: &str, text: &str) -> String {
    format!("<w:tc><w:tcPr>{props}</w:tcPr>{}</w:tc>", p(text))
}

/// A zip archive of the given parts, deflated.
fn archive(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in parts {
        zip.start_file(*name, SimpleFileOptions::default()).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

fn docx(body: &str) -> Vec<u8> {
    let xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document {NS}><w:body>{body}<w:sectPr/></w:body></w:document>"
    );
    let rels = r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;
    archive(&[
        ("[Content_Types].xml", b"<Types/>"),
        ("_rels/.rels", rels.as_bytes()),
        ("word/document.xml", xml.as_bytes()),
    ])
}

/// A small report: 表四 of the 2021 format filled with numbers, paragraphs with
/// Word's constructs around it.
fn sample() -> Vec<u8> {
    let table = [
        "<w:tbl><w:tblGrid>",
        &"<w:gridCol/>".repeat(6),
        "</w:tblGrid><w:tr>",
        &tc("<w:gridSpan w:val=\"3\"/>", "行政复议"),
        &tc("<w:gridSpan w:val=\"3\"/>", "行政诉讼"),
        "</w:tr><w:tr>",
        &tc("<w:vMerge w:val=\"restart\"/>", "结果维持"),
        &tc("<w:vMerge w:val=\"restart\"/>", "总计"),
        &tc("<w:vMerge w:val=\"restart\"/>", "尚未审结"),
        &tc("<w:gridSpan w:val=\"3\"/>", "未经复议直接起诉"),
        "</w:tr><w:tr>",
        &tc("<w:vMerge/>", ""),
        &tc("<w:vMerge/>", ""),
        &tc("<w:vMerge w:val=\"continue\"/>", "（续）"),
        &tc("", "结果维持"),
        &tc("", "总计"),
        &tc("", "　　"),
        "</w:tr><w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr>",
        &tc("", "1"),
        &tc("", "2"),
        "</w:tr></w:tbl>",
    ]
    .concat();
    let body = [
        p("某某县统计局2025年政府信息公开工作年度报告"),
        "<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"420\"/></w:tabs><w:rPr><w:vanish/></w:rPr></w:pPr>\
         <w:r><w:t>一、</w:t></w:r><w:r><w:tab/><w:t>总体情况</w:t></w:r></w:p>"
            .to_owned(),
        "<w:p><w:r><w:t>全年公开</w:t></w:r><w:ins w:id=\"1\"><w:r><w:t>信息</w:t></w:r></w:ins>\
         <w:del w:id=\"2\"><w:r><w:delText>文件</w:delText></w:r></w:del>\
         <w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> = 40+2 </w:instrText></w:r>\
         <w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>42</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>\
         <w:r><w:rPr><w:vanish/></w:rPr><w:t>（隐藏批注）</w:t></w:r>\
         <w:hyperlink r:id=\"x\" xmlns:r=\"r\"><w:r><w:t>条&amp;次</w:t></w:r></w:hyperlink>\
         <w:r><w:br/><w:t>第二行</w:t></w:r><w:r><w:br w:type=\"page\"/></w:r></w:p>"
            .to_owned(),
        "<w:sdt><w:sdtPr><w:alias w:val=\"x\"/></w:sdtPr><w:sdtContent>".to_owned() + &p("二、主动公开政府信息情况") + "</w:sdtContent></w:sdt>",
        "<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wps:txbx><w:txbxContent>".to_owned()
            + &p("文本框中的说明")
            + "</w:txbxContent></wps:txbx><a:p><a:r><a:t>图形文字</a:t></a:r></a:p></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>"
            + &p("文本框中的说明")
            + "</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>三、收到和处理政府信息公开申请情况</w:t></w:r></w:p>",
        "<w:p/>".to_owned(),
        p("四、政府信息公开行政复议、行政诉讼情况"),
        table,
        // A layout table: its cell holds a table.
        "<w:tbl><w:tr><w:tc>".to_owned()
            + &p("五、存在的主要问题及改进情况")
            + "<w:tbl><w:tr>" + &tc("", "甲") + &tc("", "乙") + "</w:tr></w:tbl></w:tc></w:tr></w:tbl>",
        p("  六、其他需要报告的事项  "),
    ]
    .concat();
    docx(&body)
}

#[test]
fn a_word_file_with_merged_cells_and_word_constructs() {
    let doc = read_docx(&sample()).unwrap();
    check_invariants(&doc, "").unwrap();
    assert_eq!(
        paras(&doc),
        [
            "某某县统计局2025年政府信息公开工作年度报告",
            "一、\t总体情况",
            "全年公开信息42条&次",
            "第二行",
            "二、主动公开政府信息情况",
            "文本框中的说明",
            "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况",
            "五、存在的主要问题及改进情况",
            "六、其他需要报告的事项",
        ]
    );
    let tables = grids(&doc);
    assert_eq!(
        tables.iter().map(|g| shape(g)).collect::<Vec<_>>(),
        [(4, 6), (1, 2)]
    );
    let t = tables[0];
    // vMerge: 结果维持 spans rows 2–3; the continuation's text stays with it.
    assert_eq!(t.rows[1].cells[0].row_span, 2);
    assert_eq!(t.rows[2].cells[0].covered_by, Some((1, 0)));
    assert_eq!(t.rows[1].cells[2].text, "尚未审结\n（续）");
    // gridBefore leaves an empty position, at its own cell.
    assert_eq!(t.rows[3].cells[0].text, "");
    assert_eq!(
        t.rows[3].cells[0].pos,
        SourcePos::DocxCell {
            table: 1,
            row: 4,
            cell: 1
        }
    );
    assert_eq!(t.rows[3].cells[1].text, "1");
    // A cell of ideographic spaces is blank.
    assert_eq!(t.rows[2].cells[5].text, "");
    // Tables are numbered in document order, nested ones too.
    assert_eq!(
        tables[1].pos,
        SourcePos::DocxCell {
            table: 3,
            row: 1,
            cell: 1
        }
    );
    let DocBlock::Para(p) = &doc.blocks[1] else {
        panic!()
    };
    assert_eq!(p.pos, SourcePos::DocxParagraph { paragraph: 2 });
    insta::assert_snapshot!(dump(&doc));
}

/// A file edited with changes tracked keeps the former properties of a table,
/// row, cell or paragraph inside `w:*PrChange` (and the former grid in
/// `w:tblGridChange`): they are history, and the current properties alone
/// shape the table.
#[test]
fn tracked_property_changes_do_not_shape_the_table() {
    let was = "<w:tcPrChange w:id=\"5\" w:author=\"x\"><w:tcPr><w:gridSpan w:val=\"2\"/><w:vMerge w:val=\"restart\"/></w:tcPr></w:tcPrChange>";
    let body = [
        "<w:tbl><w:tblPr><w:tblPrChange w:id=\"1\"><w:tblPr/></w:tblPrChange></w:tblPr>",
        "<w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/>",
        "<w:tblGridChange w:id=\"2\"><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid></w:tblGridChange>",
        "</w:tblGrid><w:tr><w:trPr><w:trPrChange w:id=\"3\"><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr></w:trPrChange></w:trPr>",
        &tc(was, "结果维持"),
        &tc(was, "结果纠正"),
        &tc(was, "总计"),
        "</w:tr><w:tr>",
        &tc(was, "1"),
        &tc(was, "2"),
        &tc(was, "3"),
        "</w:tr></w:tbl>",
    ]
    .concat();
    let doc = read_docx(&docx(&body)).unwrap();
    check_invariants(&doc, "").unwrap();
    let t = grids(&doc)[0];
    assert_eq!(shape(t), (2, 3));
    let texts: Vec<Vec<&str>> = t
        .rows
        .iter()
        .map(|r| r.cells.iter().map(|c| c.text.as_str()).collect())
        .collect();
    assert_eq!(texts, [["结果维持", "结果纠正", "总计"], ["1", "2", "3"]]);
    assert!(doc.notes.is_empty(), "{:?}", doc.notes);
}

#[test]
fn unreadable_files_are_clear_errors() {
    let message = |bytes: &[u8]| match read_docx(bytes) {
        Err(ImportError::Unreadable(m)) => m,
        other => panic!("{other:?}"),
    };
    assert!(message(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest").contains(".doc"));
    assert!(message(b"<html>").contains("不是 zip"));
    assert!(message(b"PK\x03\x04 broken").contains("无法打开"));
    assert!(message(&archive(&[("xl/workbook.xml", b"<x/>")])).contains("没有 word/document.xml"));
    assert!(message(&archive(&[("word/document.xml", b"<w:document <<")])).contains("无法解析"));
    // XML broken part way: what came before is kept, with a note.
    let xml = format!(
        "<w:document {NS}><w:body>{}{}<w:p <<<",
        p("一、总体情况"),
        p("x")
    );
    let broken = archive(&[("word/document.xml", xml.as_bytes())]);
    let doc = read_docx(&broken).unwrap();
    assert_eq!(paras(&doc), ["一、总体情况", "x"]);
    assert_eq!(doc.notes[0].code, NoteCode::DocxXmlError);
    assert_eq!(
        doc.notes[0].pos,
        Some(SourcePos::DocxParagraph { paragraph: 2 })
    );
    // Unclosed elements at the end are closed.
    let cut = docx("<w:tbl><w:tr><w:tc><w:p><w:r><w:t>行政复议");
    let cut = read_docx(&cut).unwrap();
    assert_eq!(shape(grids(&cut)[0]), (1, 1));
}

#[test]
fn archive_limits_hold() {
    let names: Vec<String> = (0..=xxgk_import::MAX_ENTRIES)
        .map(|i| format!("f{i}"))
        .collect();
    let parts: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b""[..])).collect();
    let err = read_docx(&archive(&parts)).unwrap_err();
    assert!(err.to_string().contains("超过上限"), "{err}");
    // A document part that inflates past the limit (deflate makes this small).
    let big = vec![b' '; usize::try_from(xxgk_import::MAX_PART_BYTES).unwrap() + 1];
    let err = read_docx(&archive(&[("word/document.xml", &big)])).unwrap_err();
    assert!(err.to_string().contains("压缩炸弹"), "{err}");
}

#[test]
#[ignore = "needs the corpus: set XXGK_CORPUS"]
fn the_official_template_reads_into_three_grids() {
    let bytes = std::fs::read(fe_support::corpus().join("../spec/template-2021.docx")).unwrap();
    let doc = read_docx(&bytes).unwrap();
    check_invariants(&doc, "").unwrap();
    assert!(doc.notes.is_empty());
    let tables = grids(&doc);
    assert_eq!(
        tables.iter().map(|g| shape(g)).collect::<Vec<_>>(),
        [(14, 4), (28, 10), (4, 15)]
    );
    // 表二: each 第二十条 row spans the table; single-value rows span three columns.
    let t2 = tables[0];
    for r in [0, 4, 7, 11] {
        assert_eq!(t2.rows[r].cells[0].col_span, 4, "row {r}");
        assert!(
            t2.rows[r].cells[1..]
                .iter()
                .all(|c| c.covered_by == Some((r, 0)))
        );
    }
    assert_eq!(t2.rows[6].cells[1].col_span, 3);
    // 表三: the note cell covers 3×3, 三、本年度办理结果 covers its 22 rows, and 25
    // data rows follow the 3 header rows.
    let t3 = tables[1];
    assert_eq!(
        (t3.rows[0].cells[0].row_span, t3.rows[0].cells[0].col_span),
        (3, 3)
    );
    assert!(t3.rows[0].cells[0].text.contains("勾稽关系"));
    assert_eq!(t3.rows[5].cells[0].text, "三、本年度办理结果");
    assert_eq!(t3.rows[5].cells[0].row_span, 22);
    assert!((6..27).all(|r| t3.rows[r].cells[0].covered_by == Some((5, 0))));
    assert_eq!(t3.rows.len() - 3, 25);
    assert_eq!(t3.rows[1].cells[4].text, "法人或其他组织");
    assert_eq!(t3.rows[1].cells[4].col_span, 5);
    // Blank value cells (the template fills some with ideographic spaces).
    assert!(
        t3.rows[3].cells[3..]
            .iter()
            .all(|c| c.text.is_empty() && c.covered_by.is_none())
    );
    // 表四: two header levels over 15 columns, then one row of 15 blank cells.
    let t4 = tables[2];
    assert_eq!(t4.rows[0].cells[5].col_span, 10);
    assert!((0..5).all(
        |c| t4.rows[1].cells[c].row_span == 2 && t4.rows[2].cells[c].covered_by == Some((1, c))
    ));
    assert!(t4.rows[3].cells.iter().all(|c| c.text.is_empty()));
    let texts = paras(&doc);
    for heading in [
        "一、总体情况",
        "二、主动公开政府信息情况",
        "六、其他需要报告的事项",
    ] {
        assert!(texts.contains(&heading), "{heading}");
    }
}

#[test]
#[ignore = "needs the corpus: set XXGK_CORPUS"]
fn corpus_word_files_read_into_the_expected_shapes() {
    let cases: [(&str, &[(usize, usize)]); 2] = [
        ("pingtan-2019.docx", &[(18, 4), (26, 10), (4, 15)]),
        // The page's metadata table comes first.
        (
            "shuyang-fgj-2023.docx",
            &[(6, 4), (14, 4), (28, 10), (4, 15)],
        ),
    ];
    for (name, expected) in cases {
        let bytes = std::fs::read(fe_support::corpus().join(name)).unwrap();
        let doc = read_docx(&bytes).unwrap();
        check_invariants(&doc, "").unwrap();
        let shapes: Vec<_> = grids(&doc).into_iter().map(shape).collect();
        assert_eq!(shapes, expected, "{name}");
        let t3 = grids(&doc)[expected.len() - 2];
        assert_eq!(
            (t3.rows[0].cells[0].row_span, t3.rows[0].cells[0].col_span),
            (3, 3),
            "{name}"
        );
        let texts = paras(&doc);
        for heading in ["一、", "二、", "三、", "四、", "五、", "六、"] {
            assert!(
                texts.iter().any(|t| t.trim_start().starts_with(heading)),
                "{name}: {heading}"
            );
        }
    }
}

/// Pieces of Word XML (`w:` elements), valid and broken.
fn xml_soup() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    let piece = prop_oneof![
        Just("<w:p>"),
        Just("</w:p>"),
        Just("<w:p/>"),
        Just("<w:r>"),
        Just("</w:r>"),
        Just("<w:t>"),
        Just("</w:t>"),
        Just("<w:tbl>"),
        Just("</w:tbl>"),
        Just("<w:tr>"),
        Just("</w:tr>"),
        Just("<w:tc>"),
        Just("</w:tc>"),
        Just("<w:tcPr><w:gridSpan w:val=\"300\"/></w:tcPr>"),
        Just("<w:tcPr><w:vMerge/></w:tcPr>"),
        Just("<w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr>"),
        Just("<w:trPr><w:gridBefore w:val=\"2\"/></w:trPr>"),
        Just("<w:del>"),
        Just("</w:del>"),
        Just("<w:br/>"),
        Just("<mc:Fallback>"),
        Just("</mc:Fallback>"),
        Just("行政复议"),
        Just("&amp;"),
        Just("<"),
    ];
    proptest::collection::vec(piece, 0..120).prop_map(|v| v.concat())
}

proptest::proptest! {
    #[test]
    fn never_panics_on_arbitrary_bytes(tail in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..300)) {
        let mut bytes = b"PK\x03\x04".to_vec();
        bytes.extend(tail);
        let _ = read_docx(&bytes);
    }

    #[test]
    fn never_panics_on_wordprocessingml_soup(body in xml_soup()) {
        if let Ok(doc) = read_docx(&docx(&body)) {
            proptest::prop_assert!(check_invariants(&doc, "").is_ok());
        }
    }
}

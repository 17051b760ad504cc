//! The HTML front end on pages of our own: a GBK page in CMS chrome, a page laid
//! out in a table, hostile markup; and on the corpus pages (ignored without
//! `XXGK_CORPUS`).

mod fe_support;

use fe_support::{check_invariants, dump, fixture, grids, paras, shape};
use proptest::prelude::*;
use xxgk_import::NoteCode;
use xxgk_import::{DocBlock, decode, read_html};

#[test]
fn gbk_page_in_cms_chrome() {
    let bytes = fixture("gbk-report.html");
    let decoded = decode(&bytes);
    assert_eq!(decoded.encoding, "GBK");
    assert!(decoded.notes.is_empty());
    let doc = read_html(&decoded.text);
    check_invariants(&doc, &decoded.text).unwrap();
    let texts = paras(&doc);
    // The title from outside the article, the signature date after it; no chrome.
    assert_eq!(texts[0], "青石县农业农村局2025年政府信息公开工作年度报告");
    assert_eq!(*texts.last().unwrap(), "2026年1月20日");
    for chrome in [
        "首页",
        "导航",
        "索引号",
        "来源",
        "版权",
        "分享",
        "隐藏",
        "不是正文",
    ] {
        assert!(
            texts.iter().all(|t| !t.contains(chrome)),
            "{chrome} leaked into {texts:?}"
        );
    }
    let shapes: Vec<_> = grids(&doc).into_iter().map(shape).collect();
    assert_eq!(shapes, [(7, 4), (8, 10), (4, 15)]);
    insta::assert_snapshot!(dump(&doc));
}

#[test]
fn page_laid_out_in_a_table() {
    let text = String::from_utf8(fixture("layout-table.html")).unwrap();
    let doc = read_html(&text);
    check_invariants(&doc, &text).unwrap();
    let texts = paras(&doc);
    assert_eq!(texts[0], "松溪镇人民政府2024年政府信息公开工作年度报告");
    assert!(
        texts
            .iter()
            .all(|t| !t.contains("栏目导航") && !t.contains("版权"))
    );
    let tables = grids(&doc);
    assert_eq!(tables.len(), 1);
    assert_eq!(shape(tables[0]), (5, 5));
    // 三、本年度办理结果 printed twice: two merged cells, one under the other.
    let first = &tables[0].rows[1].cells[0];
    let second = &tables[0].rows[3].cells[0];
    assert_eq!(
        (first.text.as_str(), first.row_span),
        ("三、本年度办理结果", 2)
    );
    assert_eq!(
        (second.text.as_str(), second.row_span),
        ("三、本年度办理结果", 2)
    );
    assert_eq!(tables[0].rows[2].cells[0].covered_by, Some((1, 0)));
    assert_eq!(tables[0].rows[4].cells[0].covered_by, Some((3, 0)));
    insta::assert_snapshot!(dump(&doc));
}

#[test]
fn a_page_without_a_report_keeps_all_its_text_with_a_note() {
    let doc = read_html("<p>通知</p><div>明天停电。</div>");
    assert_eq!(paras(&doc), ["通知", "明天停电。"]);
    assert_eq!(doc.notes[0].code, NoteCode::HtmlNoReportBody);
}

#[test]
fn a_hidden_report_body_is_read_with_a_note() {
    let page = "<div id=tab1>请稍候</div><div id=tab2 style='display:none'>\
        <p>一、总体情况</p><p>二、主动公开政府信息情况</p><p>六、其他需要报告的事项</p></div>";
    let doc = read_html(page);
    assert_eq!(
        paras(&doc),
        [
            "一、总体情况",
            "二、主动公开政府信息情况",
            "六、其他需要报告的事项"
        ]
    );
    assert_eq!(doc.notes[0].code, NoteCode::HtmlHiddenBody);
}

#[test]
fn huge_spans_are_clamped_with_a_note_and_stay_bounded() {
    let mut page =
        String::from("<table><tr><td colspan=100000 rowspan=99999>行政复议</td><td>x</td></tr>");
    for _ in 0..5000 {
        page.push_str("<tr><td colspan=100000>1</td></tr>");
    }
    page.push_str("</table>");
    let doc = read_html(&page);
    check_invariants(&doc, &page).ok();
    let codes: Vec<_> = doc.notes.iter().map(|n| n.code).collect();
    assert!(codes.contains(&NoteCode::HtmlSpanClamped), "{codes:?}");
    let cells: usize = grids(&doc)
        .iter()
        .flat_map(|g| &g.rows)
        .map(|r| r.cells.len())
        .sum();
    assert!(cells <= 5001 + xxgk_budget(), "{cells} cells");
}

/// The per-document budget of covered and padded positions (see `expand.rs`).
fn xxgk_budget() -> usize {
    200_000
}

#[test]
fn entities_whitespace_and_word_markup_in_cells() {
    let page = "<table><tr><td><p class=MsoNormal><span>结果</span><span>\n  维持</span><o:p></o:p></p></td>\
        <td>&nbsp;12&nbsp;&nbsp;</td><td>&#x4E09;&lt;&amp;&gt;</td><td><p>本年</p><p>新收</p></td></tr></table>";
    let doc = read_html(page);
    let DocBlock::Table(grid) = &doc.blocks[0] else {
        panic!("{doc:?}")
    };
    let texts: Vec<_> = grid.rows[0].cells.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(texts, ["结果维持", "12", "三<&>", "本年\n新收"]);
}

#[test]
fn positions_point_at_the_first_visible_character() {
    let page = "<html>\n<body>\n  <p>\n    一、总体情况</p>\n<table>\n<tr>\n  <td>行政复议</td><td></td>\n</tr><tr><td>行政诉讼</td></tr></table>";
    let doc = read_html(page);
    let DocBlock::Para(p) = &doc.blocks[0] else {
        panic!()
    };
    assert_eq!(p.pos, xxgk_model::SourcePos::Text { line: 4, column: 5 });
    let DocBlock::Table(g) = &doc.blocks[1] else {
        panic!()
    };
    assert_eq!(g.pos, xxgk_model::SourcePos::Text { line: 5, column: 1 });
    assert_eq!(
        g.rows[0].pos,
        xxgk_model::SourcePos::Text { line: 6, column: 1 }
    );
    assert_eq!(
        g.rows[0].cells[0].pos,
        xxgk_model::SourcePos::Text { line: 7, column: 7 }
    );
    // An empty cell is at its tag.
    assert_eq!(
        g.rows[0].cells[1].pos,
        xxgk_model::SourcePos::Text {
            line: 7,
            column: 16
        }
    );
}

/// Pieces of markup, valid and broken, that random pages are made of.
fn soup() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("<p>".to_owned()),
        Just("</p>".to_owned()),
        Just("<br>".to_owned()),
        Just("<div style='display:none'>".to_owned()),
        Just("</div>".to_owned()),
        Just("<table>".to_owned()),
        Just("</table>".to_owned()),
        Just("<tr>".to_owned()),
        Just("<td>".to_owned()),
        Just("</td>".to_owned()),
        Just("<th colspan=3>".to_owned()),
        Just("<td rowspan=0>".to_owned()),
        Just("<td rowspan=2 colspan=2>".to_owned()),
        Just("<tbody>".to_owned()),
        Just("<!--".to_owned()),
        Just("-->".to_owned()),
        Just("<script>".to_owned()),
        Just("</script>".to_owned()),
        Just("<pre>".to_owned()),
        Just("&nbsp;".to_owned()),
        Just("&#x4E00;".to_owned()),
        Just("&".to_owned()),
        Just("<".to_owned()),
        Just("\n".to_owned()),
        Just("一、总体情况".to_owned()),
        Just("行政复议".to_owned()),
        Just("自然人".to_owned()),
        Just("政府信息公开工作年度报告".to_owned()),
        "[a-z0-9 一二三、。]{0,6}",
        "\\PC{0,4}",
    ];
    proptest::collection::vec(piece, 0..80).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn never_panics_on_arbitrary_text(text in "\\PC*") {
        let doc = read_html(&text);
        prop_assert!(check_invariants(&doc, &text).is_ok());
    }

    #[test]
    fn never_panics_on_tag_soup_and_positions_fit(page in soup()) {
        let doc = read_html(&page);
        if let Err(e) = check_invariants(&doc, &page) {
            prop_assert!(false, "{e}\n{page}");
        }
    }
}

#[test]
#[ignore = "needs the corpus: set XXGK_CORPUS"]
fn corpus_pages_read_into_the_expected_shapes() {
    let cases: [(&str, &[(usize, usize)]); 2] = [
        // 2019 format: 表二 18 rows; 表三 3 header rows + 23 data rows; 表四.
        ("pingtan-2019.html", &[(18, 4), (26, 10), (4, 15)]),
        // 2021 format: 表三 3 header rows + 25 data rows.
        ("shuyang-fgj-2023.html", &[(14, 4), (28, 10), (4, 15)]),
    ];
    for (name, expected) in cases {
        let bytes = std::fs::read(fe_support::corpus().join(name)).unwrap();
        let decoded = decode(&bytes);
        assert_eq!(decoded.encoding, "UTF-8", "{name}");
        let doc = read_html(&decoded.text);
        check_invariants(&doc, &decoded.text).unwrap();
        let shapes: Vec<_> = grids(&doc).into_iter().map(shape).collect();
        assert_eq!(shapes, expected, "{name}");
        let texts = paras(&doc);
        assert!(
            texts[..2].iter().any(|t| t.contains("政府信息公开")),
            "{name}: {:?}",
            &texts[..2]
        );
        for heading in ["一、", "二、", "三、", "四、", "五、", "六、"] {
            assert!(
                texts.iter().any(|t| t.trim_start().starts_with(heading)),
                "{name}: {heading}"
            );
        }
        // 表三's note cell spans the three label columns of the header rows.
        let note = &grids(&doc)[1].rows[0].cells[0];
        assert!(note.text.contains("勾稽关系"), "{name}");
        assert_eq!((note.row_span, note.col_span), (3, 3), "{name}");
        assert!(doc.notes.is_empty(), "{name}: {:?}", doc.notes);
    }
}

#[test]
#[ignore = "needs the corpus: set XXGK_CORPUS"]
fn pingtan_table_three_prints_its_results_label_twice() {
    let bytes = std::fs::read(fe_support::corpus().join("pingtan-2019.html")).unwrap();
    let text = decode(&bytes).text;
    let doc = read_html(&text);
    let grid = grids(&doc)[1];
    let labels: Vec<_> = grid
        .rows
        .iter()
        .filter(|r| r.cells[0].text == "三、本年度办理结果")
        .map(|r| r.cells[0].row_span)
        .collect();
    assert_eq!(labels, [10, 10]);
    // The shuyang metadata table and the scraper's wrapper are left out.
    let bytes = std::fs::read(fe_support::corpus().join("shuyang-fgj-2023.html")).unwrap();
    let doc = read_html(&decode(&bytes).text);
    assert!(
        paras(&doc)
            .iter()
            .all(|t| !t.contains("采集时间") && !t.contains("索引号"))
    );
}

/// Replaces, deletes or duplicates byte ranges of a page (at character
/// boundaries).
fn mutate(page: &str, edits: &[(usize, usize, u8)]) -> String {
    let mut s = page.to_owned();
    for &(at, len, kind) in edits {
        if s.is_empty() {
            break;
        }
        let mut a = at % s.len();
        while !s.is_char_boundary(a) {
            a -= 1;
        }
        let mut b = (a + len % 64).min(s.len());
        while !s.is_char_boundary(b) {
            b -= 1;
        }
        match kind % 3 {
            0 => s.replace_range(a..b, ""),
            1 => {
                let piece = s[a..b].to_owned();
                s.insert_str(a, &piece);
            }
            _ => s.replace_range(a..b, "<td colspan=7 rowspan=3>"),
        }
    }
    s
}

#[test]
#[ignore = "needs the corpus: set XXGK_CORPUS"]
fn never_panics_on_mutated_corpus_pages() {
    let pages: Vec<String> = ["pingtan-2019.html", "shuyang-fgj-2023.html"]
        .iter()
        .map(|n| decode(&std::fs::read(fe_support::corpus().join(n)).unwrap()).text)
        .collect();
    let config = ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|c| c.parse().ok())
            .unwrap_or(64)
            .min(200),
    );
    proptest!(config, |(which in 0..2usize, edits in proptest::collection::vec((any::<usize>(), any::<usize>(), any::<u8>()), 1..12))| {
        let page = mutate(&pages[which], &edits);
        let doc = read_html(&page);
        prop_assert!(check_invariants(&doc, &page).is_ok());
    });
}

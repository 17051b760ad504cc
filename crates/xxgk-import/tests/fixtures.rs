//! Hand-made reports of a fictional county (our own prose), one per layout and
//! shape real reports use. Each is imported; the cells, metadata and notes are
//! snapshotted, and the point of each fixture is asserted outright.

mod fixture_support;

use fixture_support::{count, fixture, fixture_text, summary};
use xxgk_import::NoteCode;
use xxgk_import::{ImportOptions, Imported, import};
use xxgk_model::long::long_records;
use xxgk_model::schema::TableId;
use xxgk_model::{BodyKind, Cell, CellKey, FormatVersion, Pointer, SourcePos, TextPart};

const A3: TableId = TableId::Applications;

#[test]
fn a_clean_report_reads_completely() {
    let i = fixture("clean-2025.txt");
    insta::assert_snapshot!(summary(&i));
    let r = &i.report;
    assert_eq!(r.meta.agency, "青禾县交通运输局");
    assert_eq!(r.meta.kind, BodyKind::Department);
    assert_eq!(r.meta.format, FormatVersion::V2021);
    assert_eq!(
        r.meta.published.map(|d| d.to_string()).as_deref(),
        Some("2026-01-20")
    );
    assert_eq!(r.closing.len(), 2);
    assert!(i.notes.is_empty(), "{:?}", i.notes);
    // Every official cell present, nothing added.
    assert_eq!(r.cells().count(), 200);
    assert_eq!(r.extra_cells().count(), 0);
    for pointer in [
        "/meta/title",
        "/meta/agency",
        "/meta/year",
        "/meta/period",
        "/meta/published",
        "/meta/format",
        "/preamble/0",
        "/sections/overview/heading",
        "/sections/overview/body/3",
        "/sections/proactive/table",
        "/sections/applications/note",
        "/sections/applications/table/四、结转下年度继续办理",
        "/sections/other/body/0",
        "/closing/1",
    ] {
        assert!(
            i.source.get(&pointer.parse().unwrap()).is_some(),
            "{pointer}"
        );
    }
    // Every cell has a source position on its own line.
    for (key, _) in r.cells() {
        assert!(
            matches!(
                i.source.get(&key.json_pointer()),
                Some(SourcePos::Text { .. })
            ),
            "{key}"
        );
    }
}

#[test]
fn a_missing_middle_row_shifts_nothing() {
    let i = fixture("missing-row.txt");
    insta::assert_snapshot!(summary(&i));
    let missing = "三、本年度办理结果/（三）不予公开/3.危及“三安全一稳定”";
    assert!(i.report.table(A3).unwrap().row(missing).is_none());
    // The rows after it keep their own numbers.
    assert_eq!(
        count(
            &i,
            A3,
            "三、本年度办理结果/（三）不予公开/4.保护第三方合法权益",
            "法人或其他组织/商业企业"
        ),
        Some(1)
    );
    assert_eq!(
        count(
            &i,
            A3,
            "三、本年度办理结果/（三）不予公开/6.属于四类过程性信息",
            "自然人"
        ),
        Some(1)
    );
    assert_eq!(
        count(&i, A3, "三、本年度办理结果/（七）总计", "总计"),
        Some(13)
    );
    assert_eq!(i.report.cells().count(), 193);
}

#[test]
fn subtotal_rows_and_a_single_other_row_keep_their_shape() {
    let i = fixture("subtotal-rows.txt");
    insta::assert_snapshot!(summary(&i));
    assert_eq!(
        count(&i, A3, "三、本年度办理结果/（三）不予公开", "总计"),
        Some(3)
    );
    assert_eq!(
        count(&i, A3, "三、本年度办理结果/（四）无法提供", "总计"),
        Some(2)
    );
    assert_eq!(
        count(&i, A3, "三、本年度办理结果/（六）其他处理", "总计"),
        Some(0)
    );
    assert!(
        i.report
            .table(A3)
            .unwrap()
            .row("三、本年度办理结果/（六）其他处理/3.其他")
            .is_none()
    );
    assert_eq!(
        count(
            &i,
            A3,
            "三、本年度办理结果/（三）不予公开/1.属于国家秘密",
            "总计"
        ),
        Some(0)
    );
    let shapes = i
        .notes
        .iter()
        .filter(|n| n.code == NoteCode::ShapeSubtotalRow)
        .count();
    assert_eq!(shapes, 3);
}

#[test]
fn a_subtotal_column_is_kept_as_its_own_column() {
    let i = fixture("subtotal-column.txt");
    insta::assert_snapshot!(summary(&i));
    assert_eq!(
        count(&i, A3, "一、本年新收政府信息公开申请数量", "法人或其他组织"),
        Some(2)
    );
    assert_eq!(
        count(
            &i,
            A3,
            "一、本年新收政府信息公开申请数量",
            "法人或其他组织/商业企业"
        ),
        Some(2)
    );
    assert_eq!(
        count(&i, A3, "一、本年新收政府信息公开申请数量", "总计"),
        Some(12)
    );
    assert!(
        i.notes
            .iter()
            .any(|n| n.code == NoteCode::ShapeSubtotalColumn)
    );
}

#[test]
fn wrapped_pdf_text_with_footers_and_broken_labels() {
    let i = fixture("pdf-wrapped-2024.txt");
    insta::assert_snapshot!(summary(&i));
    let r = &i.report;
    assert_eq!(r.meta.agency, "青禾县人民政府");
    assert_eq!(r.meta.kind, BodyKind::Government);
    assert_eq!(r.cells().count(), 200);
    assert_eq!(
        count(
            &i,
            TableId::Proactive,
            "第二十条第（五）项/行政许可",
            "本年处理决定数量"
        ),
        Some(1204)
    );
    // `（四）无` / footer / `法提供`: both rows still land under （四）.
    assert_eq!(
        count(
            &i,
            A3,
            "三、本年度办理结果/（四）无法提供/2.没有现成信息需要另行制作",
            "自然人"
        ),
        Some(1)
    );
    assert_eq!(
        count(
            &i,
            A3,
            "三、本年度办理结果/（六）其他处理/1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            "总计"
        ),
        Some(1)
    );
    assert_eq!(count(&i, TableId::Reviews, "行政复议", "总计"), Some(3));
    // The wrapped sentence around the seal debris and the footer is one paragraph.
    let body = xxgk_model::joined(&r.sections.overview.as_ref().unwrap().body);
    assert!(
        body.contains("全年没有发生因公开不及时引发的投诉。"),
        "{body}"
    );
    let codes: Vec<NoteCode> = i.notes.iter().map(|n| n.code).collect();
    assert!(codes.contains(&NoteCode::StrayText) && codes.contains(&NoteCode::PageFooter));
}

#[test]
fn markdown_tables() {
    let i = fixture("markdown-2023.md");
    insta::assert_snapshot!(summary(&i));
    assert_eq!(i.report.cells().count(), 200);
    assert_eq!(
        count(
            &i,
            TableId::Proactive,
            "第二十条第（五）项/行政许可",
            "本年处理决定数量"
        ),
        Some(37)
    );
    assert_eq!(
        count(&i, A3, "三、本年度办理结果/（一）予以公开", "总计"),
        Some(2)
    );
}

#[test]
fn space_aligned_tables_full_width_digits_units_and_placeholders() {
    let i = fixture("space-aligned-2019.txt");
    insta::assert_snapshot!(summary(&i));
    let r = &i.report;
    assert_eq!(r.meta.format, FormatVersion::V2019);
    let p = TableId::Proactive;
    assert_eq!(
        count(&i, p, "第二十条第（一）项/规范性文件", "对外公开总数量"),
        Some(12)
    );
    let change = r
        .cell(&CellKey::new(p, "第二十条第（五）项/行政许可", "本年增/减"))
        .unwrap();
    assert_eq!(change.to_text(), "-2");
    let buy = r
        .cell(&CellKey::new(
            p,
            "第二十条第（九）项/政府集中采购",
            "采购总金额",
        ))
        .unwrap();
    assert_eq!(buy.to_text(), "12.5万元");
    let forced = r
        .cell(&CellKey::new(
            p,
            "第二十条第（六）项/行政强制",
            "处理决定数量",
        ))
        .unwrap();
    assert_eq!(forced, &Cell::Placeholder("—".into()));
    assert_eq!(
        count(&i, A3, "（七）总计", "总计"),
        None,
        "rows are matched by label, not kept under a made-up path"
    );
    assert_eq!(
        count(&i, A3, "三、本年度办理结果/（七）总计", "总计"),
        Some(5)
    );
    assert!(i.notes.iter().any(|n| n.code == NoteCode::HeaderMissing));
}

#[test]
fn a_wide_row_wrapped_onto_two_lines_and_other_wordings() {
    let text = "青禾县统计局2024年政府信息公开工作年度报告\n\
        二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n\
        规章\t0\t0\t0\n第二十条第（五）项\n信息内容\t处理决定数量\n行政许可\t5\n\
        三、收到和处理政府信息公开申请情况\n\
        （七）合计\t1\t0\t0\t0\t0\t0\t1\n\
        四、政府信息公开行政复议、行政诉讼情况\n\
        行政复议\t行政诉讼\n\
        结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t复议后起诉\n\
        结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n\
        1\t2\t3\t4\t10\t0\t0\t0\t0\t0\n5\t0\t0\t0\t5\n";
    let i = import(text.as_bytes(), &ImportOptions::default()).unwrap();
    insta::assert_snapshot!(summary(&i));
    assert_eq!(count(&i, TableId::Reviews, "行政复议", "总计"), Some(10));
    assert_eq!(
        count(&i, TableId::Reviews, "行政诉讼/复议后起诉", "结果维持"),
        Some(5)
    );
    assert_eq!(
        count(
            &i,
            TableId::Proactive,
            "第二十条第（五）项/行政许可",
            "本年处理决定数量"
        ),
        Some(5)
    );
    assert_eq!(
        count(&i, A3, "三、本年度办理结果/（七）总计", "总计"),
        Some(1)
    );
}

/// The clean report as a page whose cells hold paragraphs, copied out of a
/// browser (Chromium's innerText: each cell on lines of its own, a tab line
/// between cells, blank lines between rows). It reads as the text does.
#[test]
fn browser_copied_tables_with_paragraph_cells() {
    let copied = fixture("browser-copied-2025.txt");
    let plain = fixture("clean-2025.txt");
    assert_eq!(long_records(&copied.report), long_records(&plain.report));
    assert_eq!(copied.report.sections, plain.report.sections);
    assert_eq!(copied.report.closing, plain.report.closing);
    assert!(copied.notes.is_empty(), "{:?}", copied.notes);
    // A stitched cell keeps its own line in the source map.
    let key = CellKey::new(TableId::Reviews, "行政复议", "总计");
    let SourcePos::Text { line, .. } = copied.source.get(&key.json_pointer()).unwrap() else {
        panic!()
    };
    let text = fixture_text("browser-copied-2025.txt");
    let source_line = text
        .lines()
        .nth(usize::try_from(line).unwrap() - 1)
        .unwrap();
    assert_eq!(source_line.trim(), "2");
}

/// The clean report as a PDF viewer copies it: cells separated by single spaces,
/// a row's group label and its own label in one field.
#[test]
fn tables_copied_with_single_spaces() {
    let copied = fixture("pdf-viewer-copy-2025.txt");
    let plain = fixture("clean-2025.txt");
    assert_eq!(long_records(&copied.report), long_records(&plain.report));
    assert!(copied.notes.is_empty(), "{:?}", copied.notes);
}

/// The cells of a report as (table, row, column, value) for comparing two forms.
fn values(i: &Imported) -> Vec<(String, String, String, String)> {
    long_records(&i.report)
        .into_iter()
        .map(|r| {
            (
                r.key.table.numeral().to_owned(),
                r.key.row,
                r.key.column,
                r.value,
            )
        })
        .collect()
}

fn codes(i: &Imported) -> Vec<NoteCode> {
    i.notes.iter().map(|n| n.code).collect()
}

#[test]
fn one_cell_a_line_with_blank_lines_as_blank_cells() {
    // LibreOffice's text export: blank cells and merged cells as empty lines, a
    // header cell of two paragraphs (`商业` / `企业`) on two lines.
    let i = fixture("percell-blank-cells-2025.txt");
    insta::assert_snapshot!(summary(&i));
    assert!(i.notes.is_empty(), "{:?}", codes(&i));
    assert_eq!(i.report.cells().count(), 200);
    let new = "一、本年新收政府信息公开申请数量";
    assert_eq!(count(&i, A3, new, "法人或其他组织/商业企业"), Some(2));
    assert_eq!(
        i.report
            .cell(&CellKey::new(A3, new, "法人或其他组织/科研机构")),
        Some(&Cell::Blank)
    );
    assert_eq!(count(&i, A3, new, "总计"), Some(15));
    assert_eq!(
        count(&i, TableId::Reviews, "行政诉讼/未经复议直接起诉", "总计"),
        Some(1)
    );
    // Each cell points at its own line.
    let key = CellKey::new(A3, new, "总计");
    let line = i.source.get(&key.json_pointer()).and_then(|p| p.line());
    assert_eq!(line, Some(60));
}

#[test]
fn one_cell_a_line_without_blank_lines_reads_the_same() {
    let adjacent = fixture("percell-adjacent-2025.txt");
    assert!(adjacent.notes.is_empty(), "{:?}", codes(&adjacent));
    let blank = fixture("percell-blank-cells-2025.txt");
    // The same numbers, zeros printed where the other form leaves cells blank.
    let zero_for_blank = |v: Vec<(String, String, String, String)>| {
        v.into_iter()
            .map(|(t, r, c, x)| (t, r, c, if x.is_empty() { "0".to_owned() } else { x }))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        zero_for_blank(values(&adjacent)),
        zero_for_blank(values(&blank))
    );
}

#[test]
fn pdf_text_without_layout_wrapped_and_displaced_labels_and_footers() {
    // pdftotext without -layout: a blank line after every cell, header labels
    // wrapped (`商业企` / `业`, `法律服务` / `其他` / `机构`), footers between
    // cells, the labels of （一） and （二） printed after later rows' numbers, a
    // block's value before its label, table 四's numbers among its header cells.
    let i = fixture("percell-pdf-2025.txt");
    insta::assert_snapshot!(summary(&i));
    let blank = fixture("percell-adjacent-2025.txt");
    // Tables 二 and 三 as in the tidy form; table 四 not read, and said so.
    let (got, want): (Vec<_>, Vec<_>) = (values(&i), values(&blank));
    for (g, w) in got.iter().zip(&want) {
        if w.0 == "四" {
            assert_eq!(g.3, "", "{g:?}");
        } else {
            assert_eq!(g, w);
        }
    }
    assert!(
        i.report
            .table(TableId::Reviews)
            .is_some_and(xxgk_model::Table::is_empty)
    );
    let c = codes(&i);
    assert_eq!(
        c.iter().filter(|c| **c == NoteCode::RowDisplaced).count(),
        3
    );
    assert_eq!(c.iter().filter(|c| **c == NoteCode::PageFooter).count(), 2);
    assert!(c.contains(&NoteCode::ValuesUnplaced));
    assert_eq!(
        count(&i, A3, "三、本年度办理结果/（一）予以公开", "总计"),
        Some(6)
    );
    let displaced = i
        .notes
        .iter()
        .find(|n| n.code == NoteCode::RowDisplaced && n.message.contains("（二）部分公开"))
        .unwrap();
    assert!(displaced.message.contains("“2”“0”“0”“0”“0”“0”“2”"));
}

#[test]
fn displaced_values_with_more_than_one_candidate_row_are_left_out() {
    // Two groups of values without labels where three rows are missing: no
    // guess, and the values after the label before them are not read either.
    let i = fixture("percell-ambiguous-2025.txt");
    insta::assert_snapshot!(summary(&i));
    let t = i.report.table(A3).unwrap();
    for row in [
        "三、本年度办理结果/（三）不予公开/1.属于国家秘密",
        "三、本年度办理结果/（三）不予公开/2.其他法律行政法规禁止公开",
        "三、本年度办理结果/（三）不予公开/3.危及“三安全一稳定”",
        "三、本年度办理结果/（三）不予公开/4.保护第三方合法权益",
    ] {
        assert!(t.row(row).is_none(), "{row}");
    }
    assert_eq!(
        count(
            &i,
            A3,
            "三、本年度办理结果/（三）不予公开/5.属于三类内部事务信息",
            "总计"
        ),
        Some(0)
    );
    let note = i
        .notes
        .iter()
        .find(|n| n.code == NoteCode::ValuesUnplaced)
        .unwrap();
    assert!(
        note.message.contains("缺少的官方行有 3 行"),
        "{}",
        note.message
    );
}

#[test]
fn pandoc_markdown_with_html_tables_and_spans() {
    // pandoc's Markdown of a Word file: headings and cells wrapped in
    // `[…]{.underline}`, tables with merged cells as HTML blocks, others as
    // simple tables between rule lines.
    let i = fixture("pandoc-2025.md");
    assert!(i.notes.is_empty(), "{:?}", codes(&i));
    assert_eq!(i.report.cells().count(), 200);
    assert_eq!(i.report.meta.agency, "青禾县农业农村局");
    let s = &i.report.sections;
    assert_eq!(
        s.proactive.as_ref().and_then(|t| t.heading.as_deref()),
        Some("二、主动公开政府信息情况")
    );
    assert_eq!(
        count(&i, A3, "三、本年度办理结果/（七）总计", "总计"),
        Some(16)
    );
    assert_eq!(
        count(
            &i,
            TableId::Proactive,
            "第二十条第（五）项/行政许可",
            "本年处理决定数量"
        ),
        Some(40)
    );
    assert_eq!(count(&i, TableId::Reviews, "行政复议", "总计"), Some(1));
    // The table block's cells point into the Markdown's lines.
    let key = CellKey::new(A3, "四、结转下年度继续办理", "总计");
    let line = i.source.get(&key.json_pointer()).and_then(|p| p.line());
    assert!(line.is_some_and(|l| l > 40), "{line:?}");
}

#[test]
fn pandoc_plain_text_says_a_table_was_left_out() {
    // pandoc's plain text writes a table with merged cells as `[TABLE]`.
    let i = fixture("pandoc-plain-2025.txt");
    assert_eq!(codes(&i), [NoteCode::TableOmitted]);
    assert!(
        i.report
            .sections
            .applications
            .as_ref()
            .is_some_and(|t| t.table.is_none())
    );
    assert_eq!(
        count(&i, TableId::Reviews, "行政诉讼/未经复议直接起诉", "总计"),
        Some(1)
    );
    // The table left out is table 三, in whose section `[TABLE]` stands: unread,
    // not missing from the report.
    assert_eq!(i.unread_tables(), [A3]);
}

/// Tables read in full are not unread, whatever else the notes say.
#[test]
fn tables_read_in_full_are_not_unread() {
    for name in ["clean-2025.txt", "subtotal-column.txt", "missing-row.txt"] {
        let i = fixture(name);
        assert_eq!(i.unread_tables(), [], "{name}: {:#?}", i.notes);
    }
}

/// A page saved by a scraper states the time it was fetched (`采集时间`) and the
/// day the page was viewed before the title; neither is the publication date, which
/// the page states under its own name (or, without one, the signature does).
#[test]
fn a_scrapers_fetch_time_is_not_the_publication_date() {
    let clean = fixture_text("clean-2025.txt");
    let read = |text: &str| {
        import(text.as_bytes(), &ImportOptions::default())
            .unwrap()
            .report
            .meta
            .published
            .map(|d| d.to_string())
    };
    let chrome = "采集时间：2027-12-30T21:37:37+08:00\n2027年12月30日 星期四\n";
    // The signature's date.
    assert_eq!(
        read(&format!("{chrome}{clean}")).as_deref(),
        Some("2026-01-20")
    );
    // A stated publication date after the fetch time wins over it.
    let (title, rest) = clean.split_once('\n').unwrap();
    let stated =
        format!("{chrome}{title}\n发布机构：青禾县交通运输局 公开日期：2026-01-18\n{rest}");
    assert_eq!(read(&stated).as_deref(), Some("2026-01-18"));
}

/// A report whose last printed section is a table section (五 and 六 are absent):
/// the signature after the table is the closing, not text of section 四, and its
/// date is the publication date. Found by the round-trip laws of xxgk-render.
#[test]
fn a_signature_after_the_last_table_is_the_closing() {
    let i = fixture("signature-after-table.txt");
    insta::assert_snapshot!(summary(&i));
    let r = &i.report;
    let reviews = r.sections.reviews.as_ref().unwrap();
    assert_eq!(
        reviews.text_after,
        [xxgk_model::Block::Paragraph(
            "本年度未发生因政府信息公开引起的行政复议和行政诉讼。".into()
        )]
    );
    let closing: Vec<&str> = r.closing.iter().map(xxgk_model::Block::text).collect();
    assert_eq!(closing, ["青禾县统计局", "2025年1月22日"]);
    assert_eq!(
        r.meta.published.map(|d| d.to_string()).as_deref(),
        Some("2025-01-22")
    );
    assert_eq!(
        i.source.lookup(&Pointer::paragraph(TextPart::Closing, 1)),
        Some(SourcePos::Text {
            line: 12,
            column: 1
        })
    );
}

/// A subtotal printed as official tables print one, labelled `小计`: the
/// `法人或其他组织` subtotal column, a subtotal row beside its group label
/// (`（三）不予公开\t小计\t…`, with its first and last cells blank) and one after its
/// group's rows (`小计\t…`, the group label merged above it). Found by the round-trip
/// laws of xxgk-render, whose text printed these labels empty, which shifted the
/// row's values by one column or lost the row.
#[test]
fn subtotals_labelled_subtotal_are_the_group_subtotals() {
    let i = fixture("subtotal-labelled.txt");
    insta::assert_snapshot!(summary(&i));
    let t = i.report.table(A3).unwrap();
    let not_open = "三、本年度办理结果/（三）不予公开";
    let row = t
        .row(not_open)
        .expect("the 小计 row is the group's subtotal");
    let cells: Vec<(&str, String)> = row.iter().map(|(c, v)| (c, v.to_text())).collect();
    assert_eq!(
        cells,
        [
            ("自然人", String::new()),
            ("法人或其他组织", "1".into()),
            ("法人或其他组织/商业企业", "1".into()),
            ("法人或其他组织/科研机构", "0".into()),
            ("法人或其他组织/社会公益组织", "0".into()),
            ("法人或其他组织/法律服务机构", "0".into()),
            ("法人或其他组织/其他", "0".into()),
            ("总计", String::new()),
        ]
    );
    // The trailing 小计 comes after its group's rows, where it was printed.
    let labels: Vec<&str> = t.rows().map(|(l, _)| l).collect();
    let at = |l: &str| labels.iter().position(|x| *x == l).unwrap();
    let cannot = "三、本年度办理结果/（四）无法提供";
    assert_eq!(
        at(cannot),
        at("三、本年度办理结果/（四）无法提供/3.补正后申请内容仍不明确") + 1
    );
    assert_eq!(count(&i, A3, cannot, "总计"), Some(1));
    assert_eq!(
        count(&i, A3, "一、本年新收政府信息公开申请数量", "法人或其他组织"),
        Some(2)
    );
    assert!(!labels.iter().any(|l| l.ends_with("小计")));
    let codes: Vec<NoteCode> = i.notes.iter().map(|n| n.code).collect();
    assert_eq!(
        codes,
        [
            NoteCode::ShapeSubtotalColumn,
            NoteCode::ShapeSubtotalRow,
            NoteCode::ShapeSubtotalRow
        ]
    );
}

/// Text in the shape of a spreadsheet (every merged position an empty field, as
/// `xxgk render --to txt --expand-merged` writes it): the header's field positions
/// place the values, so a row whose last cell is blank is not shifted by the empty
/// label fields before its values. Found by the round-trip laws of xxgk-render.
#[test]
fn spreadsheet_shaped_text_places_values_by_position() {
    let i = fixture("spreadsheet-shape.txt");
    insta::assert_snapshot!(summary(&i));
    let new = "一、本年新收政府信息公开申请数量";
    assert_eq!(count(&i, A3, new, "自然人"), Some(5));
    assert_eq!(count(&i, A3, new, "法人或其他组织/商业企业"), Some(1));
    assert_eq!(
        i.report.cell(&CellKey::new(A3, new, "总计")),
        Some(&Cell::Blank)
    );
    let carried = "二、上年结转政府信息公开申请数量";
    assert_eq!(count(&i, A3, carried, "总计"), Some(1));
    assert_eq!(
        i.report.cell(&CellKey::new(A3, carried, "自然人")),
        Some(&Cell::Blank)
    );
    let fees = "第二十条第（八）项/行政事业性收费";
    let p2 = TableId::Proactive;
    assert_eq!(
        i.report.cell(&CellKey::new(p2, fees, "上一年项目数量")),
        Some(&Cell::Blank)
    );
    assert_eq!(
        i.report.cell(&CellKey::new(p2, fees, "本年增/减")),
        Some(&Cell::int(-2))
    );
    assert!(
        i.notes.iter().all(|n| n.code != NoteCode::ValuesAmbiguous),
        "{:?}",
        i.notes
    );
}

/// Some reports write the year of their title and the date under the signature in
/// Chinese numerals (`二〇二五年`, `二〇二六年一月二十日`): they give the year, the
/// statistical period and the publication date as the Arabic forms do.
#[test]
fn years_and_dates_in_chinese_numerals() {
    let clean = fixture_text("clean-2025.txt");
    let chinese = clean
        .replacen(
            "青禾县交通运输局2025年政府信息公开工作年度报告",
            "青禾县交通运输局二〇二五年度政府信息公开工作年度报告",
            1,
        )
        .replacen(
            "自2025年1月1日至2025年12月31日",
            "自二〇二五年一月一日至十二月三十一日",
            1,
        )
        .replacen("2026年1月20日", "二〇二六年一月二十日", 1);
    assert_ne!(
        chinese, clean,
        "the fixture changed: its title, period or date"
    );
    let r = import(chinese.as_bytes(), &ImportOptions::default())
        .unwrap()
        .report;
    assert_eq!(r.meta.year, 2025);
    assert_eq!(r.meta.agency, "青禾县交通运输局");
    assert_eq!(
        r.meta.published.map(|d| d.to_string()).as_deref(),
        Some("2026-01-20")
    );
    let period = r.meta.period.expect("the statistical period");
    assert_eq!(
        (period.start.to_string(), period.end.to_string()),
        ("2025-01-01".to_owned(), "2025-12-31".to_owned())
    );
    // The closing keeps the date as printed.
    let closing: Vec<&str> = r.closing.iter().map(xxgk_model::Block::text).collect();
    assert_eq!(closing, ["青禾县交通运输局", "二〇二六年一月二十日"]);
}

/// A report whose title and period do not state its year: the year section 一
/// opens with, else the year before the publication date, each with a note; with
/// neither, 0 and a note asking for `--year`.
#[test]
fn a_year_stated_nowhere_else_is_inferred_and_said_so() {
    let clean = fixture_text("clean-2025.txt");
    let no_title_year = clean
        .replacen(
            "青禾县交通运输局2025年政府信息公开工作年度报告",
            "青禾县交通运输局政府信息公开工作年度报告",
            1,
        )
        .replacen(
            "统计期限自2025年1月1日至2025年12月31日",
            "统计期限为本年度",
            1,
        );
    assert_ne!(no_title_year, clean);
    let read = |text: &str| import(text.as_bytes(), &ImportOptions::default()).unwrap();
    let note = |i: &Imported, code: NoteCode| {
        i.notes
            .iter()
            .find(|n| n.code == code)
            .map(|n| n.message.clone())
    };

    // Section 一 opens with `2025年，…`.
    let i = read(&no_title_year);
    assert_eq!(i.report.meta.year, 2025);
    assert!(
        note(&i, NoteCode::YearInferred).is_some_and(|m| m.contains("第一部分开头所写的“2025年”")),
        "{:#?}",
        i.notes
    );

    // Without it, the year before the date under the signature (2026年1月20日).
    let no_opening = no_title_year.replacen("2025年，我局", "本年度，我局", 1);
    assert_ne!(no_opening, no_title_year);
    let i = read(&no_opening);
    assert_eq!(i.report.meta.year, 2025);
    assert!(
        note(&i, NoteCode::YearInferred).is_some_and(|m| m.contains("发布日期 2026-01-20")),
        "{:#?}",
        i.notes
    );

    // Without a date either: 0, and no inference.
    let no_date = no_opening.replacen("2026年1月20日", "", 1);
    let i = read(&no_date);
    assert_eq!(i.report.meta.year, 0);
    assert!(note(&i, NoteCode::YearMissing).is_some());
    assert!(note(&i, NoteCode::YearInferred).is_none());

    // A year the user gives is taken as it is.
    let given = import(no_opening.as_bytes(), &ImportOptions::default().year(2024)).unwrap();
    assert_eq!(given.report.meta.year, 2024);
    assert!(note(&given, NoteCode::YearInferred).is_none());
}

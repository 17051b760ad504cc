//! Word files end to end: a report built here as a .docx with merged cells the
//! way Word writes them (gridSpan, vMerge), and the official template filled with
//! numbers (ignored without the corpus, which sits beside the spec folder).

use std::fmt::Write as _;
use std::io::{Read, Write as _};

use xxgk_import::NoteCode;
use xxgk_import::{ImportOptions, InputKind, import};
use xxgk_model::schema::TableId;
use xxgk_model::{BodyKind, CellKey, FormatVersion, SourcePos, official_keys};
use zip::write::SimpleFileOptions;

const NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

fn p(text: &str) -> String {
    format!("<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>")
}

/// A cell: `span` grid columns, `merge` "restart"/"continue"/"".
fn tc(text: &str, span: u32, merge: &str) -> String {
    let mut props = String::new();
    if span > 1 {
        let _ = write!(props, "<w:gridSpan w:val=\"{span}\"/>");
    }
    match merge {
        "restart" => props.push_str("<w:vMerge w:val=\"restart\"/>"),
        "continue" => props.push_str("<w:vMerge/>"),
        _ => {}
    }
    format!("<w:tc><w:tcPr>{props}</w:tcPr>{}</w:tc>", p(text))
}

fn table(cols: usize, rows: &[String]) -> String {
    format!(
        "<w:tbl><w:tblGrid>{}</w:tblGrid>{}</w:tbl>",
        "<w:gridCol/>".repeat(cols),
        rows.iter().fold(String::new(), |mut acc, r| {
            let _ = write!(acc, "<w:tr>{r}</w:tr>");
            acc
        })
    )
}

fn values(v: &[u32]) -> String {
    v.iter().map(|n| tc(&n.to_string(), 1, "")).collect()
}

fn archive(parts: &[(&str, Vec<u8>)]) -> Vec<u8> {
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
        ("[Content_Types].xml", b"<Types/>".to_vec()),
        ("_rels/.rels", rels.as_bytes().to_vec()),
        ("word/document.xml", xml.into_bytes()),
    ])
}

/// Table 三 as the official template lays it out, with made-up numbers: row `i`
/// holds `i` in every column but 总计, which holds `7 * i`.
fn applications() -> String {
    let groups: &[(&str, &[&str])] = &[
        (
            "（三）不予公开",
            &[
                "1.属于国家秘密",
                "2.其他法律行政法规禁止公开",
                "3.危及“三安全一稳定”",
                "4.保护第三方合法权益",
                "5.属于三类内部事务信息",
                "6.属于四类过程性信息",
                "7.属于行政执法案卷",
                "8.属于行政查询事项",
            ],
        ),
        (
            "（四）无法提供",
            &[
                "1.本机关不掌握相关政府信息",
                "2.没有现成信息需要另行制作",
                "3.补正后申请内容仍不明确",
            ],
        ),
        (
            "（五）不予处理",
            &[
                "1.信访举报投诉类申请",
                "2.重复申请",
                "3.要求提供公开出版物",
                "4.无正当理由大量反复申请",
                "5.要求行政机关确认或重新出具已获取信息",
            ],
        ),
        (
            "（六）其他处理",
            &[
                "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
                "3.其他",
            ],
        ),
    ];
    let mut i = 0;
    let mut next = || {
        i += 1;
        let mut v = vec![i; 6];
        v.push(6 * i);
        values(&v)
    };
    let note = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
    let orgs: String = [
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
    ]
    .iter()
    .map(|o| tc(o, 1, ""))
    .collect();
    let mut rows = vec![
        tc(note, 3, "restart") + &tc("申请人情况", 7, ""),
        tc("", 3, "continue")
            + &tc("自然人", 1, "restart")
            + &tc("法人或其他组织", 5, "")
            + &tc("总计", 1, "restart"),
        tc("", 3, "continue") + &tc("", 1, "continue") + &orgs + &tc("", 1, "continue"),
        tc("一、本年新收政府信息公开申请数量", 3, "") + &next(),
        tc("二、上年结转政府信息公开申请数量", 3, "") + &next(),
        tc("三、本年度办理结果", 1, "restart") + &tc("（一）予以公开", 2, "") + &next(),
        tc("", 1, "continue")
            + &tc(
                "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
                2,
                "",
            )
            + &next(),
    ];
    for (group, subs) in groups {
        for (k, sub) in subs.iter().enumerate() {
            let g = if k == 0 {
                tc(group, 1, "restart")
            } else {
                tc("", 1, "continue")
            };
            rows.push(tc("", 1, "continue") + &g + &tc(sub, 1, "") + &next());
        }
    }
    rows.push(tc("", 1, "continue") + &tc("（七）总计", 2, "") + &next());
    rows.push(tc("四、结转下年度继续办理", 3, "") + &next());
    table(10, &rows)
}

fn report_docx() -> Vec<u8> {
    let t2 = table(
        4,
        &[
            tc("第二十条第（一）项", 4, ""),
            ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]
                .iter()
                .map(|t| tc(t, 1, ""))
                .collect(),
            tc("规章", 1, "") + &values(&[1, 2, 3]),
            tc("行政规范性文件", 1, "") + &values(&[4, 5, 6]),
            tc("第二十条第（五）项", 4, ""),
            tc("信息内容", 1, "") + &tc("本年处理决定数量", 3, ""),
            tc("行政许可", 1, "") + &tc("7", 3, ""),
            tc("第二十条第（六）项", 4, ""),
            tc("信息内容", 1, "") + &tc("本年处理决定数量", 3, ""),
            tc("行政处罚", 1, "") + &tc("8", 3, ""),
            tc("行政强制", 1, "") + &tc("9", 3, ""),
            tc("第二十条第（八）项", 4, ""),
            tc("信息内容", 1, "") + &tc("本年收费金额（单位：万元）", 3, ""),
            tc("行政事业性收费", 1, "") + &tc("10.5", 3, ""),
        ],
    );
    let leaves: String = (0..3)
        .flat_map(|_| ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"])
        .map(|t| tc(t, 1, ""))
        .collect();
    let t4 = table(
        15,
        &[
            tc("行政复议", 5, "") + &tc("行政诉讼", 10, ""),
            leaves[..leaves.len() / 3].to_owned()
                + &tc("未经复议直接起诉", 5, "")
                + &tc("复议后起诉", 5, ""),
            "<w:tc><w:tcPr/><w:p/></w:tc>".repeat(5) + &leaves[leaves.len() / 3..],
            values(&(1..=15).collect::<Vec<_>>()),
        ],
    );
    let body = [
        p("青禾县农业农村局2025年政府信息公开工作年度报告"),
        p("本报告统计期限自2025年1月1日至2025年12月31日。"),
        p("一、总体情况"),
        p("2025年，我局做好涉农政策的公开和解读。"),
        p("二、主动公开政府信息情况"),
        t2,
        p("三、收到和处理政府信息公开申请情况"),
        applications(),
        p("四、政府信息公开行政复议、行政诉讼情况"),
        t4,
        p("五、存在的主要问题及改进情况"),
        p("政策解读还不够通俗。"),
        p("六、其他需要报告的事项"),
        p("无。"),
        p("青禾县农业农村局"),
        p("2026年1月15日"),
    ]
    .concat();
    docx(&body)
}

#[test]
fn a_word_file_with_merged_cells_imports_every_cell() {
    let imported = import(&report_docx(), &ImportOptions::default()).unwrap();
    assert_eq!(imported.kind, InputKind::Docx);
    let r = &imported.report;
    assert_eq!(r.meta.agency, "青禾县农业农村局");
    assert_eq!(r.meta.kind, BodyKind::Department);
    assert_eq!(r.meta.format, FormatVersion::V2021);
    assert_eq!(r.meta.published.unwrap().to_string(), "2026-01-15");
    assert!(imported.notes.is_empty(), "{:?}", imported.notes);
    assert_eq!(r.cells().count(), 200);
    let count = |t, row: &str, col: &str| {
        r.cell(&CellKey::new(t, row, col))
            .and_then(xxgk_model::Cell::as_count)
    };
    assert_eq!(
        count(
            TableId::Proactive,
            "第二十条第（六）项/行政强制",
            "本年处理决定数量"
        ),
        Some(9)
    );
    // Table 三's rows in official order hold 1, 2, 3 …; 总计 six times that.
    let spec = FormatVersion::V2021.spec().table(TableId::Applications);
    for (i, row) in spec.rows.iter().enumerate() {
        let n = u64::try_from(i + 1).unwrap();
        assert_eq!(
            count(
                TableId::Applications,
                row.label,
                "法人或其他组织/社会公益组织"
            ),
            Some(n),
            "{}",
            row.label
        );
        assert_eq!(
            count(TableId::Applications, row.label, "总计"),
            Some(6 * n),
            "{}",
            row.label
        );
    }
    assert_eq!(
        count(TableId::Reviews, "行政诉讼/复议后起诉", "总计"),
        Some(15)
    );
    let pos = imported
        .source
        .get(&CellKey::new(TableId::Reviews, "行政复议", "结果维持").json_pointer())
        .unwrap();
    assert_eq!(
        pos,
        SourcePos::DocxCell {
            table: 3,
            row: 4,
            cell: 1
        }
    );
}

/// Some writers mark the first cell of a vertical merge with a bare
/// `<w:vMerge/>`, as they mark the cells it covers: a merge starts there when
/// the cell above is in no vertical merge, so table 三's group labels cover
/// their own rows and no more.
#[test]
fn a_bare_vmerge_on_the_first_cell_of_a_merge_starts_it() {
    let restart = "<w:vMerge w:val=\"restart\"/>";
    let bytes = report_docx();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    assert!(xml.contains(restart));
    let bare = docx(
        &xml.replace(restart, "<w:vMerge/>")
            .split("<w:body>")
            .nth(1)
            .unwrap()
            .replace("<w:sectPr/></w:body></w:document>", ""),
    );
    let imported = import(&bare, &ImportOptions::default()).unwrap();
    assert!(imported.notes.is_empty(), "{:#?}", imported.notes);
    let r = &imported.report;
    assert_eq!(r.cells().count(), 200);
    let spec = FormatVersion::V2021.spec().table(TableId::Applications);
    for (i, row) in spec.rows.iter().enumerate() {
        let n = u64::try_from(i + 1).unwrap();
        let key = CellKey::new(TableId::Applications, row.label, "总计");
        assert_eq!(
            r.cell(&key).and_then(xxgk_model::Cell::as_count),
            Some(6 * n),
            "{}",
            row.label
        );
    }
}

/// Headings numbered by Word's automatic numbering (`w:numPr`, WPS's and many
/// templates' way): `一、` is not in the text but in `word/numbering.xml`, by the
/// paragraph's own `w:numPr` or by its style. The sections are still found by
/// their numerals, and the sub-headings keep theirs.
#[test]
fn headings_numbered_by_automatic_numbering_are_sections() {
    let bytes = report_docx();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    let own = "<w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"3\"/></w:numPr></w:pPr>";
    let styled = "<w:pPr><w:pStyle w:val=\"2\"/></w:pPr>";
    for (i, heading) in [
        "总体情况",
        "主动公开政府信息情况",
        "收到和处理政府信息公开申请情况",
        "政府信息公开行政复议、行政诉讼情况",
        "存在的主要问题及改进情况",
        "其他需要报告的事项",
    ]
    .iter()
    .enumerate()
    {
        let numeral = ["一", "二", "三", "四", "五", "六"][i];
        let props = if i % 2 == 0 { own } else { styled };
        xml = xml.replace(
            &format!("<w:p><w:r><w:t xml:space=\"preserve\">{numeral}、{heading}</w:t>"),
            &format!("<w:p>{props}<w:r><w:t xml:space=\"preserve\">{heading}</w:t>"),
        );
    }
    // A sub-heading at the second level.
    xml = xml.replace(
        "<w:p><w:r><w:t xml:space=\"preserve\">2025年，",
        "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"1\"/><w:numId w:val=\"3\"/></w:numPr></w:pPr><w:r><w:t xml:space=\"preserve\">政策公开</w:t></w:r></w:p><w:p><w:r><w:t xml:space=\"preserve\">2025年，",
    );
    assert!(!xml.contains("一、总体情况") && !xml.contains("六、其他"));
    let numbering = format!(
        r#"<w:numbering {NS}><w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num></w:numbering>"#
    );
    let style_part = format!(
        r#"<w:styles {NS}><w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style></w:styles>"#
    );
    let rels = r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;
    let bytes = archive(&[
        ("[Content_Types].xml", b"<Types/>".to_vec()),
        ("_rels/.rels", rels.as_bytes().to_vec()),
        ("word/document.xml", xml.into_bytes()),
        ("word/numbering.xml", numbering.into_bytes()),
        ("word/styles.xml", style_part.into_bytes()),
    ]);
    let imported = import(&bytes, &ImportOptions::default()).unwrap();
    assert!(imported.notes.is_empty(), "{:#?}", imported.notes);
    let r = &imported.report;
    let headings: Vec<String> = xxgk_model::SectionId::ALL
        .iter()
        .filter_map(|id| {
            r.sections
                .get(*id)
                .and_then(|s| s.heading().map(str::to_owned))
        })
        .collect();
    assert_eq!(
        headings,
        [
            "一、总体情况",
            "二、主动公开政府信息情况",
            "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况",
            "五、存在的主要问题及改进情况",
            "六、其他需要报告的事项",
        ]
    );
    let overview = format!("{:?}", r.sections.overview);
    assert!(overview.contains("（一）政策公开"), "{overview}");
    assert_eq!(r.cells().count(), 200);
}

/// The template's document.xml with every empty cell of a data row (not a
/// continued vertical merge) holding the next number, in reading order.
fn fill(xml: &str) -> String {
    let mut out = String::new();
    let mut n = 0;
    let mut rest = xml;
    while let Some(start) = rest.find("<w:tc>") {
        let end = start + rest[start..].find("</w:tc>").unwrap() + "</w:tc>".len();
        out.push_str(&rest[..start]);
        let cell = &rest[start..end];
        let texts: String = cell
            .split("<w:t")
            .skip(1)
            .filter_map(|t| {
                t.split_once('>')
                    .and_then(|(_, r)| r.split_once("</w:t>"))
                    .map(|(t, _)| t)
            })
            .collect();
        let continued =
            cell.contains("<w:vMerge/>") || cell.contains("<w:vMerge w:val=\"continue\"/>");
        if texts
            .trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}')
            .is_empty()
            && !continued
        {
            n += 1;
            let at = cell.rfind("</w:p>").unwrap();
            let without: String = cell[..at].replace(">\u{3000}", ">");
            let _ = write!(out, "{without}<w:r><w:t>{n}</w:t></w:r>{}", &cell[at..]);
        } else {
            out.push_str(cell);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

#[test]
#[ignore = "needs the corpus: set XXGK_CORPUS"]
fn the_official_template_filled_with_numbers_imports_in_official_order() {
    let corpus =
        std::path::PathBuf::from(std::env::var_os("XXGK_CORPUS").expect("set XXGK_CORPUS"));
    let corpus = if corpus.is_relative() {
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../..")
            .join(corpus)
    } else {
        corpus
    };
    let template = std::fs::read(corpus.join("../spec/template-2021.docx")).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(template)).unwrap();
    let mut parts = Vec::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let mut bytes = Vec::new();
        f.read_to_end(&mut bytes).unwrap();
        let name = f.name().to_owned();
        if name == "word/document.xml" {
            bytes = fill(&String::from_utf8(bytes).unwrap()).into_bytes();
        }
        parts.push((name, bytes));
    }
    let parts: Vec<(&str, Vec<u8>)> = parts.iter().map(|(n, b)| (n.as_str(), b.clone())).collect();
    let options = ImportOptions::default()
        .year(2025)
        .agency("青禾县农业农村局");
    let imported = import(&archive(&parts), &options).unwrap();
    let r = &imported.report;
    assert_eq!(r.meta.format, FormatVersion::V2021);
    let keys = official_keys(FormatVersion::V2021);
    for (i, key) in keys.iter().enumerate() {
        let got = r
            .cell(key)
            .and_then(|c| c.number())
            .map(|n| n.value.to_string());
        assert_eq!(got, Some((i + 1).to_string()), "{key}");
    }
    assert_eq!(r.cells().count(), keys.len());
}

/// Table 四 printed with its official three-row header and a data row left blank
/// (as the official template is issued) reads as fifteen blank cells, not as a
/// table without data.
#[test]
fn a_blank_table_four_is_fifteen_blank_cells() {
    let leaves = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
    let rows = [
        format!("{}{}", tc("行政复议", 5, ""), tc("行政诉讼", 10, "")),
        format!(
            "{}{}{}",
            leaves
                .iter()
                .map(|l| tc(l, 1, "restart"))
                .collect::<String>(),
            tc("未经复议直接起诉", 5, ""),
            tc("复议后起诉", 5, "")
        ),
        format!(
            "{}{}{}",
            leaves
                .iter()
                .map(|_| tc("", 1, "continue"))
                .collect::<String>(),
            leaves.iter().map(|l| tc(l, 1, "")).collect::<String>(),
            leaves.iter().map(|l| tc(l, 1, "")).collect::<String>()
        ),
        (0..15).map(|_| tc("", 1, "")).collect::<String>(),
    ];
    let body = format!(
        "{}{}{}{}",
        p("某某县水利局2025年政府信息公开工作年度报告"),
        p("四、政府信息公开行政复议、行政诉讼情况"),
        table(15, &rows),
        p("五、存在的主要问题及改进情况")
    );
    let imported = import(&docx(&body), &ImportOptions::default()).unwrap();
    let keys: Vec<CellKey> = official_keys(FormatVersion::V2021)
        .iter()
        .filter(|k| k.table == TableId::Reviews)
        .cloned()
        .collect();
    assert_eq!(keys.len(), 15);
    for key in &keys {
        assert_eq!(
            imported.report.cell(key),
            Some(&xxgk_model::Cell::Blank),
            "{key}: {:#?}",
            imported.notes
        );
    }
    assert!(
        !imported
            .notes
            .iter()
            .any(|n| n.code == NoteCode::TableEmpty),
        "{:#?}",
        imported.notes
    );
}

//! Forms agencies publish that the other fixtures do not show: each test reads a
//! hand-made report (or a fixture changed the way a publishing tool changes it)
//! and checks what the importer must keep.

mod fixture_support;

use fixture_support::{fixture, fixture_text, import_named};
use xxgk_import::Imported;
use xxgk_import::NoteCode;
use xxgk_model::{Block, MetaField, Pointer};

fn read(name: &str, text: &str) -> Imported {
    import_named(name, text)
}

/// Text extracted from a PDF wraps its lines, so lines without a sentence end
/// are joined; the signature under the last section (the body's name, then the
/// date, each a short line of its own) is not one sentence and stays the closing.
#[test]
fn a_signature_under_wrapped_pdf_text_is_the_closing() {
    let base = fixture("pdf-wrapped-2024.txt");
    assert!(base.report.closing.is_empty());
    let mut text = fixture_text("pdf-wrapped-2024.txt");
    text.push_str("\n                                  某某县人民政府办公室\n                                   2025 年 1 月 20 日\n");
    let i = read("pdf-wrapped-signed.txt", &text);
    let closing: Vec<&str> = i.report.closing.iter().map(Block::text).collect();
    assert_eq!(closing, ["某某县人民政府办公室", "2025 年 1 月 20 日"]);
    assert_eq!(
        i.report.meta.published,
        chrono::NaiveDate::from_ymd_opt(2025, 1, 20)
    );
    // The last section keeps its own text only.
    let other = i.report.sections.other.as_ref().unwrap();
    let texts: Vec<String> = other.body.iter().map(|b| b.text().to_owned()).collect();
    assert_eq!(texts, ["全年未收取信息处理费。"]);
}

/// `clean-2025.txt` with its title line replaced.
fn retitled(title: &str) -> Imported {
    let text = fixture_text("clean-2025.txt");
    let first = text.lines().next().unwrap();
    read("retitled.txt", &text.replacen(first, title, 1))
}

/// A long title broken over lines where the page or the Word file broke it: the
/// agency and the year on one line and the rest below, or the agency, the year and
/// the rest each on a line of their own. The title is all of them.
#[test]
fn a_title_broken_over_lines_is_one_title() {
    let whole = "青禾县交通运输局2025年政府信息公开工作年度报告";
    for title in [
        "青禾县交通运输局2025年政府信息公开\n工作年度报告",
        "青禾县交通运输局2025年政府信息\n公开工作年度报告",
        "青禾县交通运输局\n2025年政府信息公开工作\n年度报告",
        "青禾县交通运输局\n2025年\n政府信息公开工作年度报告",
    ] {
        let i = retitled(title);
        let m = &i.report.meta;
        assert_eq!(m.title.as_deref(), Some(whole), "{title}");
        assert_eq!(m.agency, "青禾县交通运输局", "{title}");
        assert_eq!(m.year, 2025, "{title}");
        assert!(
            i.report
                .preamble
                .iter()
                .all(|b| !b.text().contains("青禾县交通运输局2025"))
        );
        assert!(
            i.notes
                .iter()
                .all(|n| n.code != NoteCode::TextBeforeTitle && n.code != NoteCode::AgencyMissing),
            "{title}: {:?}",
            i.notes
        );
    }
    // A short line that does not name a body stays page matter before a title
    // that starts with its year.
    let i = retitled("首页 > 年报\n2025年政府信息公开工作年度报告");
    assert_eq!(
        i.report.meta.title.as_deref(),
        Some("2025年政府信息公开工作年度报告")
    );
}

/// A title without the agency (`2025年政府信息公开工作年度报告`): the body that
/// signs the report is its agency.
#[test]
fn the_signature_names_the_agency_when_the_title_does_not() {
    let i = retitled("2025年政府信息公开工作年度报告");
    assert_eq!(i.report.meta.agency, "青禾县交通运输局");
    assert_eq!(i.report.meta.kind, xxgk_model::BodyKind::Department);
    assert!(
        i.notes.iter().all(|n| n.code != NoteCode::AgencyMissing),
        "{:?}",
        i.notes
    );
    assert!(i.source.lookup(&Pointer::meta(MetaField::Agency)).is_some());
    // Without a signature the agency is still missing, and the note says so.
    let text = fixture_text("clean-2025.txt");
    let first = text.lines().next().unwrap();
    let unsigned = text
        .replacen(first, "2025年政府信息公开工作年度报告", 1)
        .replace("青禾县交通运输局\n2026年1月20日\n", "");
    let i = read("unsigned.txt", &unsigned);
    assert_eq!(i.report.meta.agency, "");
    assert!(i.notes.iter().any(|n| n.code == NoteCode::AgencyMissing));
}

/// `pdftotext -layout` of a table whose labels are centred in tall cells: a row's
/// label comes out above and below its values, and the values' line holds a
/// piece of the group label centred beside the rows (`无法提` of `（四）无法提供`).
/// The values go under the row the label's pieces name, not under an added row
/// named after the piece.
#[test]
fn a_label_printed_around_its_values_names_their_row() {
    use fixture_support::count;
    use xxgk_model::schema::TableId::Applications as A3;
    let i = fixture("layout-centred-labels-2023.txt");
    let row = "三、本年度办理结果/（四）无法提供/2.没有现成信息需要另行制作";
    assert_eq!(count(&i, A3, row, "自然人"), Some(1));
    assert_eq!(count(&i, A3, row, "法人或其他组织/商业企业"), Some(1));
    assert_eq!(count(&i, A3, row, "总计"), Some(2));
    let t = i.report.table(A3).unwrap();
    assert!(
        t.rows()
            .all(|(label, _)| !label.contains("无法提/") && !label.ends_with("无法提")),
        "{:?}",
        t.rows().map(|(l, _)| l).collect::<Vec<_>>()
    );
    assert!(
        i.notes.iter().all(|n| n.code != NoteCode::RowAdded),
        "{:?}",
        i.notes
    );
    // The piece on the values' line is named in a note.
    assert!(i.notes.iter().any(|n| n.code == NoteCode::TableTextSkipped
        && n.message.contains("“无法提”")
        && n.message.contains("2.没有现成信息需要另行制作")));
    // The rows around it keep theirs.
    let before = "三、本年度办理结果/（四）无法提供/1.本机关不掌握相关政府信息";
    let after = "三、本年度办理结果/（四）无法提供/3.补正后申请内容仍不明确";
    assert_eq!(count(&i, A3, before, "总计"), Some(1));
    assert_eq!(count(&i, A3, after, "总计"), Some(0));
    assert_eq!(
        count(&i, A3, "三、本年度办理结果/（七）总计", "总计"),
        Some(4)
    );
}

/// A page whose table cells hold `<div>…<br></div>` copied out of a browser:
/// each cell's text is followed by three blank lines before the tab, not one,
/// and rows by six. The table reads as it does from the plain copy.
#[test]
fn a_browser_copy_of_cells_ending_in_line_breaks_reads_as_the_plain_copy() {
    let plain = fixture_text("browser-copied-2025.txt");
    let lines: Vec<&str> = plain.split('\n').collect();
    let mut padded = String::new();
    for (i, line) in lines.iter().enumerate() {
        padded.push_str(line);
        padded.push('\n');
        let content = !line.trim().is_empty();
        if content && lines.get(i + 1).is_some_and(|next| next.is_empty()) {
            padded.push_str("\n\n");
        }
    }
    let cells = |i: &Imported| {
        xxgk_model::long::long_records(&i.report)
            .into_iter()
            .map(|r| (r.key, r.value))
            .collect::<Vec<_>>()
    };
    let a = fixture("browser-copied-2025.txt");
    let b = read("browser-copied-padded.txt", &padded);
    assert!(cells(&a).iter().filter(|(_, v)| !v.is_empty()).count() > 150);
    assert_eq!(cells(&a), cells(&b));
}

/// Every field of an import that tells one reading from another: metadata,
/// blocks of text, cells.
fn reading(i: &Imported) -> String {
    let mut r = i.report.clone();
    r.meta.published = None;
    format!("{:?}", (r, xxgk_model::long::long_records(&i.report)))
}

/// A PDF whose pages carry a running head (the same short line at the top of
/// every page): `pdftotext -layout` prints it after each form feed, inside the
/// tables and the sentences that run on from one page to the next. It is page
/// matter, like a page number.
#[test]
fn a_running_head_on_every_page_is_page_matter() {
    let base = fixture_text("layout-char-columns-2023.txt");
    assert!(base.matches('\u{c}').count() >= 3);
    let head = "                          青禾县自然资源局政务公开专栏\n\n";
    let headed = format!("{head}{}", base.replace('\u{c}', &format!("\u{c}{head}")));
    let a = fixture("layout-char-columns-2023.txt");
    let b = read("layout-running-head.txt", &headed);
    assert_eq!(reading(&a), reading(&b));
    let dropped = b
        .notes
        .iter()
        .filter(|n| n.code == NoteCode::PageFooter && n.message.contains("政务公开专栏"))
        .count();
    assert_eq!(dropped, base.matches('\u{c}').count() + 1);

    // A page printed from a browser: the date and the page's title at the top of
    // every page, its address and the page number at the bottom.
    let pages = base.split('\u{c}').count();
    let printed: Vec<String> = base
        .split('\u{c}')
        .enumerate()
        .map(|(n, page)| {
            format!(
                "1/20/25, 9:41 AM            青禾县自然资源局2023年政府信息公开工作年度报告_青禾县人民政府\n\n{}\n\nfile:///C:/Users/admin/Desktop/report.html                          {}/{pages}\n",
                page.trim_end(),
                n + 1
            )
        })
        .collect();
    let c = read("layout-browser-printed.txt", &printed.join("\u{c}"));
    assert_eq!(reading(&a), reading(&c));
}

/// The head of a document's first page (its issuing body's header and its
/// number) before the title of text extracted from a PDF: not part of the title,
/// although no sentence end closes them.
#[test]
fn a_document_header_before_the_title_is_not_part_of_it() {
    let base = fixture_text("pdf-wrapped-2024.txt");
    let a = fixture("pdf-wrapped-2024.txt");
    for header in [
        "             某某县人民政府办公室文件\n\n               某政办发〔2025〕3号\n\n",
        "某某县人民政府办公室文件\n",
    ] {
        let b = read("pdf-wrapped-headed.txt", &format!("{header}{base}"));
        assert_eq!(b.report.meta.title, a.report.meta.title, "{header}");
        assert_eq!(b.report.meta.agency, a.report.meta.agency, "{header}");
        assert_eq!(b.report.preamble, a.report.preamble, "{header}");
        assert_eq!(b.report.sections, a.report.sections, "{header}");
    }
}

/// The first row of table 三 with its label broken around its values, and a
/// header that was not read as rows (a PDF's vertical header text): the label's
/// first part is the first line of the table, not a sentence of section 三.
#[test]
fn a_broken_first_label_of_a_table_belongs_to_the_table() {
    use fixture_support::count;
    use xxgk_model::schema::TableId::Applications as A3;
    let base = fixture_text("layout-centred-labels-2023.txt");
    let lines: Vec<&str> = base.lines().collect();
    let first = lines
        .iter()
        .position(|l| l.starts_with("一、本年新收"))
        .unwrap();
    let values = lines[first].split_once("数量").unwrap().1;
    let mut text: Vec<String> = lines[..first - 3].iter().map(|l| (*l).to_owned()).collect();
    text.push("一、本年新收政府信息公开申请数".to_owned());
    text.push(format!("{}{values}", " ".repeat(16)));
    text.push("量".to_owned());
    text.extend(lines[first + 1..].iter().map(|l| (*l).to_owned()));
    let i = read("layout-broken-first-label.txt", &text.join("\n"));
    let row = "一、本年新收政府信息公开申请数量";
    assert_eq!(count(&i, A3, row, "自然人"), Some(3), "{:?}", i.notes);
    assert_eq!(count(&i, A3, row, "总计"), Some(4));
    let overview = i.report.sections.applications.as_ref().unwrap();
    assert!(
        overview.text.iter().all(|b| !b.text().contains("本年新收")),
        "{:?}",
        overview.text
    );
}

/// A table typed as pipe rows without the outer pipes (`规章 | 0 | 1 | 3`, as
/// GitHub's Markdown allows and as people type it), two-column rows with a
/// single pipe: the pipes separate cells, and are never cells themselves.
#[test]
fn pipe_rows_without_outer_pipes_read_as_the_tab_separated_table() {
    let tabbed = fixture_text("clean-2025.txt");
    let piped: String = tabbed
        .lines()
        .map(|l| {
            if l.contains('\t') {
                l.split('\t').collect::<Vec<_>>().join(" | ")
            } else {
                l.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    assert!(piped.lines().any(|l| l.matches('|').count() == 1));
    let a = fixture("clean-2025.txt");
    let b = read("piped.txt", &piped);
    let cells = |i: &Imported| {
        xxgk_model::long::long_records(&i.report)
            .into_iter()
            .map(|r| (r.key, r.value, r.unit))
            .collect::<Vec<_>>()
    };
    assert_eq!(cells(&a), cells(&b));
    assert!(
        cells(&b).iter().all(|(_, v, _)| v != "|"),
        "a pipe read as a cell"
    );
}

//! The interpreter: a [`Document`] → a [`Report`], its source map and notes.
//!
//! 1. The blocks become one stream of paragraphs and table rows ([`items`]).
//! 2. The stream is split at the six section headings ([`sections`]).
//! 3. Rows go to tables 二, 三, 四 by section and by the marks of each table's
//!    start ([`tables`]); the format version is read from table 二's labels.
//! 4. Each table is read by label ([`proactive`], [`applications`], [`reviews`]).
//! 5. Title, preamble, narrative, closing and metadata are set ([`front`], with
//!    the readers of dates, periods and signatures in [`meta`]).

mod applications;
mod columns;
mod front;
mod items;
mod labels;
mod meta;
mod out;
mod percell;
mod proactive;
mod reviews;
mod runs;
mod sections;
mod tables;
pub use tables::MAX_TABLE_ROWS;

use xxgk_model::schema::TableId;
use xxgk_model::{
    FormatVersion, Report, SectionId, Sections, SourcePos, Table, TableSection, TextSection,
};
use xxgk_model::{MetaField, Pointer, TextPart};

use crate::NoteCode;
use crate::{Document, ImportError, ImportNote, ImportOptions, Para};
use front::{Page, Tail, closing_place, read_meta, set_front, split_front, take_closing};
pub(crate) use meta::kind_of;
use out::Out;
pub(crate) use proactive::caption as caption_of;
use sections::{Segment, blocks};
use tables::{Around, TableRows, assign};

/// What interpretation gives.
pub(crate) struct Interpreted {
    pub(crate) report: Report,
    pub(crate) source: xxgk_model::SourceMap,
    pub(crate) notes: Vec<ImportNote>,
}

/// Interprets a document.
pub(crate) fn interpret(
    doc: &Document,
    options: &ImportOptions,
) -> Result<Interpreted, ImportError> {
    let mut out = Out::default();
    let stream = items::flatten(doc);
    let segmented = sections::segment(stream);
    let mut tables = TableRows::default();

    let front_around = assign(&segmented.front, None, 0, &mut tables);
    let mut base = segmented.front.len();
    let mut arounds: Vec<(usize, Around)> = Vec::new();
    for seg in &segmented.sections {
        base += 1;
        arounds.push((base, assign(&seg.items, seg.id.table(), base, &mut tables)));
        base += seg.items.len();
    }

    let mut front_paras = front_around.before;
    front_paras.extend(front_around.loose);
    front_paras.extend(front_around.after);
    let front = split_front(front_paras);

    if segmented.sections.is_empty() && tables.tables.is_empty() && front.title.is_none() {
        return Err(ImportError::NotAReport(
            "既没有找到年度报告的标题，也没有找到“一、总体情况”等六部分标题或表二、表三、表四"
                .into(),
        ));
    }

    let page = Page {
        front: &front,
        chrome: &doc.page_meta,
    };
    let mut meta = read_meta(&page, &segmented.sections, &arounds, options, &mut out);
    let version = match tables::detect_version(&tables) {
        Some((v, pos)) => {
            out.at(Pointer::meta(MetaField::Format), pos);
            if v != FormatVersion::for_year(meta.year) && meta.year > 0 {
                out.note(
                    NoteCode::FormatMismatch,
                    format!(
                        "表格按{v}年格式填报，而{}年度报告应使用{}年格式",
                        meta.year,
                        FormatVersion::for_year(meta.year)
                    ),
                    Some(pos),
                    Some(Pointer::meta(MetaField::Format)),
                );
            }
            v
        }
        None => FormatVersion::for_year(meta.year),
    };
    meta.format = version;

    let mut report = Report {
        meta,
        order: Vec::new(),
        preamble: Vec::new(),
        sections: Sections::default(),
        closing: Vec::new(),
    };
    set_front(&mut report, &front, &mut out);
    set_sections(&mut report, &segmented.sections, arounds, &mut out);
    set_tables(&mut report, &tables, version, &mut out);
    for (id, pos) in &tables.cut {
        out.note(
            NoteCode::TableRowsTruncated,
            format!(
                "表{}超过 {} 行的读取上限，此行及其后的行未读入",
                id.numeral(),
                tables::MAX_TABLE_ROWS
            ),
            Some(*pos),
            Some(Pointer::table(*id)),
        );
    }
    set_order(&mut report, &segmented.sections, &tables);
    note_unfound(&report, &segmented, &mut out);
    out.group_unit_notes();
    let mut notes = doc.notes.clone();
    notes.append(&mut out.notes);
    out.notes = notes;
    Ok(Interpreted {
        report,
        source: out.source,
        notes: out.notes,
    })
}

fn set_sections(
    report: &mut Report,
    segs: &[Segment],
    arounds: Vec<(usize, Around)>,
    out: &mut Out,
) {
    let last_text = segs.len().checked_sub(1);
    for (i, (seg, (_, around))) in segs.iter().zip(arounds).enumerate() {
        out.at(Pointer::section(seg.id), seg.heading.pos);
        out.at(Pointer::heading(seg.id), seg.heading.pos);
        let heading = Some(seg.heading.text.clone());
        let Around {
            before,
            after,
            loose,
        } = around;
        if let Some(id) = seg.id.table() {
            let place = closing_place(seg, &after, &loose);
            let mut text = before;
            text.extend(loose);
            let mut after = after;
            if Some(i) == last_text {
                match place {
                    Some(Tail::After) => take_closing(report, &mut after, out),
                    Some(Tail::Text) => take_closing(report, &mut text, out),
                    None => {}
                }
            }
            record(out, TextPart::Text(id), &text);
            record(out, TextPart::TextAfter(id), &after);
            let section = TableSection {
                heading,
                note: None,
                text: blocks(&text),
                text_after: blocks(&after),
                table: None,
            };
            *report.sections.table_slot(id) = Some(section);
            continue;
        }
        let mut body = before;
        body.extend(loose);
        body.extend(after);
        if Some(i) == last_text {
            take_closing(report, &mut body, out);
        }
        record(out, TextPart::Body(seg.id), &body);
        if let Some(slot) = report.sections.text_slot(seg.id) {
            *slot = Some(TextSection {
                heading,
                body: blocks(&body),
            });
        }
    }
}

pub(super) fn record(out: &mut Out, part: TextPart, paras: &[Para]) {
    for (i, p) in paras.iter().enumerate() {
        out.at(Pointer::paragraph(part, i), p.pos);
    }
}

fn set_tables(report: &mut Report, tables: &TableRows, version: FormatVersion, out: &mut Out) {
    for id in TableId::ALL {
        let Some(rows) = tables.rows(id) else {
            continue;
        };
        let mut note: Option<(String, SourcePos)> = None;
        let table: Table = match id {
            TableId::Proactive => proactive::read(rows, version, out),
            TableId::Applications => {
                let read = applications::read(rows, version, out);
                note = read.note;
                read.table
            }
            TableId::Reviews => reviews::read(rows, out),
        };
        if let Some(first) = rows.first() {
            out.at(Pointer::table(id), first.pos);
            out.at(Pointer::section(id.section()), first.pos);
        }
        let section = report
            .sections
            .table_slot(id)
            .get_or_insert_with(TableSection::default);
        if let Some((text, pos)) = note {
            out.at(Pointer::note(id), pos);
            section.note = Some(text);
        }
        if table.is_empty() {
            out.note(
                NoteCode::TableEmpty,
                format!("表{}中没有读出任何数据行", id.numeral()),
                rows.first().map(|r| r.pos),
                Some(Pointer::table(id)),
            );
        }
        section.table = Some(table);
    }
}

/// Notes the sections the report lacks that the file may print without a
/// heading line of their own (`section-unfound`): their absence is the
/// reading's, not necessarily the report's.
fn note_unfound(report: &Report, segmented: &sections::Segmented, out: &mut Out) {
    let present = |id: SectionId| report.sections.get(id).is_some();
    let unfound = sections::unfound(segmented, &present);
    if segmented.sections.is_empty() {
        // No heading at all: one note for every section the report lacks.
        if !unfound.is_empty() {
            let names: Vec<String> = unfound
                .iter()
                .map(|(id, _)| format!("“{}”", report.spec().heading(*id)))
                .collect();
            out.note(
                NoteCode::SectionUnfound,
                format!(
                    "文件中没有找到任何一个部分的标题（各部分标题没有单独成行，或文字的换行已丢失），未能分出{}；文件是否印有这些部分无法确定",
                    names.join("、")
                ),
                None,
                Some(Pointer::root().child("sections")),
            );
        }
        return;
    }
    for (id, at) in unfound {
        let Some((p, offset)) = at else { continue };
        let heading = report.spec().heading(id);
        let shown: String = p.text[offset..].chars().take(20).collect();
        let pos = match p.pos {
            SourcePos::Text { line, column } => SourcePos::Text {
                line,
                column: column
                    .saturating_add(u32::try_from(p.text[..offset].chars().count()).unwrap_or(0)),
            },
            other => other,
        };
        out.note(
            NoteCode::SectionUnfound,
            format!(
                "“{shown}…”印在一段文字之中，不是单独的标题行，未能分出“{heading}”；文件可能印有这一部分"
            ),
            Some(pos),
            Some(Pointer::section(id)),
        );
    }
}

/// Records the published order of the sections when it differs from 一 to 六.
fn set_order(report: &mut Report, segs: &[Segment], tables: &TableRows) {
    let mut seen: Vec<(usize, SectionId)> = Vec::new();
    let mut at = 0;
    for s in segs {
        seen.push((at, s.id));
        at += 1 + s.items.len();
    }
    // Sections known only by their table sit where the table starts.
    let mut starts: Vec<(usize, SectionId)> = seen.clone();
    for (id, _, first) in &tables.tables {
        let s = id.section();
        if !seen.iter().any(|(_, x)| *x == s) {
            starts.push((*first, s));
        }
    }
    starts.sort_by_key(|(i, _)| *i);
    let order: Vec<SectionId> = starts.into_iter().map(|(_, s)| s).collect();
    let mut sorted = order.clone();
    sorted.sort();
    if order != sorted {
        report.order = order;
    }
}

//! A strategy of publishable reports: what a preparer really produces, of either
//! format version, for the laws that read the rendered output back with the importer.
//!
//! Drawn: an agency of either kind (…局, …委员会, …县人民政府, …管理委员会, a 镇), a year
//! from 2019 to 2030 with the format version of that year, a title in one of the
//! customary forms or none, a preamble (legal basis, statistical period, contact,
//! `发布日期`), official or variant section headings, narrative of paragraphs and
//! sub-headings built from [`vocab`], sometimes an empty section 六 or an absent
//! section, tables with every official row present and cells of every kind (counts,
//! decimals with their scale, amounts with a unit in the cell, blanks, placeholders),
//! sometimes the shapes the model keeps beyond the official layout (a 法人或其他组织
//! subtotal column, subtotal rows under （三）–（六）, a single （六） row in a 2021
//! report, a local row under 第二十条第（一）项), a section posted without its table,
//! sections printed out of order, and a closing signature.
//!
//! What a preparer does not produce, and what no rendered form could carry, is left
//! out; each restriction is stated where it is made (see [`publishable`]).

use chrono::NaiveDate;
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;
use xxgk_import::NoteCode;
use xxgk_model::schema::{TableId, applications};
use xxgk_model::{
    Block, BodyKind, FormatVersion, Meta, Period, Report, SectionId, Sections, TableSection,
    TextSection,
};

mod tables;
mod vocab;

use tables::{GROUPS, LOCAL_ROW, applications_table, proactive, reviews_table};
use vocab::{
    DEPARTMENTS, NOTHING_ELSE, PLACE_LEVELS, PLACE_STEMS, TABLE_LEADS, TABLE_TAILS, ZONES,
    paragraph, sub_heading,
};

/// An agency's name and the kind of body it is.
pub fn agency() -> impl Strategy<Value = (String, BodyKind)> {
    let place = (select(PLACE_STEMS), select(PLACE_LEVELS)).prop_map(|(s, l)| format!("{s}{l}"));
    prop_oneof![
        4 => (place.clone(), select(DEPARTMENTS))
            .prop_map(|(p, d)| (format!("{p}{d}"), BodyKind::Department)),
        2 => place.clone().prop_map(|p| (format!("{p}人民政府"), BodyKind::Government)),
        1 => (select(PLACE_STEMS), select(ZONES))
            .prop_map(|(s, z)| (format!("{s}{z}管理委员会"), BodyKind::Government)),
        1 => (place, select(PLACE_STEMS))
            .prop_map(|(p, t)| (format!("{p}{t}镇人民政府"), BodyKind::Government)),
    ]
}

/// A date as reports print it in their text: `2026年1月20日`, or `2026-01-20` on a
/// page's publication line.
fn date_text(d: NaiveDate, iso: bool) -> String {
    use chrono::Datelike;
    if iso {
        d.format("%Y-%m-%d").to_string()
    } else {
        format!("{}年{}月{}日", d.year(), d.month(), d.day())
    }
}

/// The title forms agencies use; `None` prints the customary one.
fn title(agency: &str, year: i32, form: u8) -> Option<String> {
    match form {
        0 => None,
        1 => Some(format!("{agency}{year}年度政府信息公开工作年度报告")),
        2 => Some(format!("{year}年{agency}政府信息公开工作年度报告")),
        _ => Some(format!("{agency}{year}年政府信息公开工作年度报告")),
    }
}

/// Headings as agencies print them: the official wording first, then variants the
/// importer's section patterns accept (docs/import.md, "Sections").
const HEADINGS: [&[&str]; 6] = [
    &[
        "一、总体情况",
        "一、政府信息公开工作总体情况",
        "一、基本情况",
    ],
    &[
        "二、主动公开政府信息情况",
        "二、主动公开情况",
        "二、行政机关主动公开政府信息情况",
    ],
    &[
        "三、收到和处理政府信息公开申请情况",
        "三、依申请公开政府信息情况",
        "三、收到和处理政府信息公开申请的情况",
    ],
    &[
        "四、政府信息公开行政复议、行政诉讼情况",
        "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况",
        "四、政府信息公开行政复议和行政诉讼情况",
    ],
    &[
        "五、存在的主要问题及改进情况",
        "五、政府信息公开工作存在的主要问题及改进情况",
        "五、存在的主要问题及整改措施",
    ],
    &[
        "六、其他需要报告的事项",
        "六、其它需要报告的事项",
        "六、其他需要报告的事项说明",
    ],
];

/// A section heading: official (most often) or a variant, with `、` or `．` after the
/// numeral.
fn heading(id: SectionId) -> impl Strategy<Value = String> {
    let forms = HEADINGS[id as usize];
    (
        prop_oneof![3 => Just(0usize), 1 => 1..forms.len()],
        prop_oneof![5 => Just(false), 1 => Just(true)],
    )
        .prop_map(move |(i, dot)| {
            let h = forms[i];
            if dot {
                h.replacen('、', "．", 1)
            } else {
                h.to_owned()
            }
        })
}

/// A narrative block: a paragraph, or a sub-heading on a line of its own.
fn block() -> impl Strategy<Value = Block> {
    prop_oneof![
        3 => paragraph().prop_map(Block::Paragraph),
        1 => sub_heading().prop_map(Block::Heading),
    ]
}

fn text_section(id: SectionId) -> BoxedStrategy<TextSection> {
    let body = match id {
        SectionId::Overview => vec(block(), 1..6).boxed(),
        SectionId::Problems => vec(block(), 1..4).boxed(),
        // Section 六 is often empty or says there is nothing else.
        _ => prop_oneof![
            1 => Just(Vec::new()),
            1 => select(NOTHING_ELSE).prop_map(|t| vec![Block::Paragraph(t.to_owned())]),
            2 => vec(block(), 1..3),
        ]
        .boxed(),
    };
    (heading(id), body)
        .prop_map(|(heading, body)| TextSection {
            heading: Some(heading),
            body,
        })
        .boxed()
}

/// The wording of table 三's corner note some reports print instead of 勾稽关系.
const NOTE_VARIANT: &str = "（本列数据的逻辑关系为：第一项加第二项之和，等于第三项加第四项之和）";

fn table_section(id: TableId, version: FormatVersion) -> BoxedStrategy<TableSection> {
    let table = match id {
        TableId::Proactive => proactive(version.spec().table(id)),
        TableId::Applications => applications_table(version),
        TableId::Reviews => reviews_table(),
    };
    let lead = vec(
        prop_oneof![
            2 => select(TABLE_LEADS).prop_map(|t| Block::Paragraph(t.to_owned())),
            1 => block(),
        ],
        0..2,
    );
    let tail = vec(
        select(TABLE_TAILS).prop_map(|t| Block::Paragraph(t.to_owned())),
        0..2,
    );
    (
        heading(id.section()),
        lead,
        tail,
        // A table posted as an image: the section prints its heading and text only.
        option::weighted(0.95, table),
        any::<bool>(),
    )
        .prop_map(move |(heading, text, text_after, table, variant)| {
            // Table 三's note sits in the table's corner; without a table there is no
            // corner (a note printed on a line of its own reads as a paragraph).
            let note = (id == TableId::Applications && table.is_some()).then(|| {
                if variant {
                    NOTE_VARIANT
                } else {
                    applications::NOTE
                }
                .to_owned()
            });
            // Without a table, text before and after it print as one run: it is all
            // `text`.
            let (text, text_after) = if table.is_some() {
                (text, text_after)
            } else {
                ([text, text_after].concat(), Vec::new())
            };
            TableSection {
                heading: Some(heading),
                note,
                text,
                text_after,
                table,
            }
        })
        .boxed()
}

/// How the publication date is stated: not at all, on a `发布日期` line of the
/// preamble, under the signature (with or without the body's name above it), or both.
#[derive(Debug, Clone, Copy)]
struct Dating {
    stated: bool,
    /// 0: no signature; 1: the date only; 2: the body's name and the date.
    signed: u8,
    iso: bool,
}

fn dating() -> impl Strategy<Value = Dating> {
    (0u8..4, 0u8..3, any::<bool>()).prop_map(|(how, lines, iso)| match how {
        0 => Dating {
            stated: false,
            signed: 0,
            iso,
        },
        1 => Dating {
            stated: true,
            signed: 0,
            iso,
        },
        2 => Dating {
            stated: false,
            signed: lines.max(1),
            iso,
        },
        _ => Dating {
            stated: true,
            signed: lines.max(1),
            iso,
        },
    })
}

/// The period a report states: its year, or now and then a part of it.
fn period(year: i32) -> impl Strategy<Value = Period> {
    let d = move |m, day| NaiveDate::from_ymd_opt(year, m, day).unwrap();
    prop_oneof![
        4 => Just(Period { start: d(1, 1), end: d(12, 31) }),
        1 => (1u32..7, 1u32..29).prop_map(move |(m, day)| Period { start: d(1, 1), end: d(m + 6, day) }),
    ]
}

/// Everything about the report's front and back matter.
#[derive(Debug, Clone)]
struct Matter {
    agency: (String, BodyKind),
    title_form: u8,
    dating: Dating,
    published: NaiveDate,
    period: Option<Period>,
    basis: bool,
    contact: bool,
}

fn matter(year: i32) -> impl Strategy<Value = Matter> {
    (
        agency(),
        0u8..6,
        dating(),
        (1u32..4, 1u32..29),
        option::of(period(year)),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(
            move |(agency, title_form, dating, (m, d), period, basis, contact)| Matter {
                agency,
                title_form,
                dating,
                published: NaiveDate::from_ymd_opt(year + 1, m, d).unwrap(),
                period,
                basis,
                contact,
            },
        )
}

fn preamble(m: &Matter) -> Vec<Block> {
    let mut out = Vec::new();
    if m.dating.stated {
        out.push(Block::Paragraph(format!(
            "发布日期：{}",
            date_text(m.published, m.dating.iso)
        )));
    }
    if m.basis {
        out.push(Block::Paragraph(
            "本报告依据《中华人民共和国政府信息公开条例》编制，由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况等六部分组成。"
                .to_owned(),
        ));
    }
    if let Some(p) = m.period {
        out.push(Block::Paragraph(format!(
            "本报告中所列数据的统计期限自{}起至{}止。",
            date_text(p.start, false),
            date_text(p.end, false)
        )));
    }
    if m.contact {
        out.push(Block::Paragraph(format!(
            "如对本报告有疑问，请与{}联系。",
            m.agency.0
        )));
    }
    out
}

fn closing(m: &Matter) -> Vec<Block> {
    let date = Block::Paragraph(date_text(m.published, false));
    match m.dating.signed {
        0 => Vec::new(),
        1 => vec![date],
        _ => vec![Block::Paragraph(m.agency.0.clone()), date],
    }
}

/// The published order: the official one mostly, now and then the present sections
/// shuffled (kept only when that differs from the official order, as the model asks).
fn order() -> impl Strategy<Value = Option<Vec<SectionId>>> {
    option::weighted(0.05, Just(SectionId::ALL.to_vec()).prop_shuffle())
}

fn sections(version: FormatVersion) -> BoxedStrategy<Sections> {
    (
        option::weighted(0.95, text_section(SectionId::Overview)),
        option::weighted(0.95, table_section(TableId::Proactive, version)),
        option::weighted(0.95, table_section(TableId::Applications, version)),
        option::weighted(0.9, table_section(TableId::Reviews, version)),
        option::weighted(0.95, text_section(SectionId::Problems)),
        option::weighted(0.9, text_section(SectionId::Other)),
    )
        .prop_map(
            |(overview, proactive, applications, reviews, problems, other)| Sections {
                overview,
                proactive,
                applications,
                reviews,
                problems,
                other,
            },
        )
        .boxed()
}

/// A publishable report of one year (the format version is the year's).
pub fn publishable_of(year: i32) -> BoxedStrategy<Report> {
    let version = FormatVersion::for_year(year);
    (matter(year), sections(version), order())
        .prop_map(move |(m, sections, shuffled)| {
            let (agency, kind) = m.agency.clone();
            let mut meta = Meta::new(agency.clone(), year, kind, version);
            meta.title = title(&agency, year, m.title_form);
            meta.published = (m.dating.stated || m.dating.signed > 0).then_some(m.published);
            meta.period = m.period;
            let mut report = Report {
                meta,
                order: Vec::new(),
                preamble: preamble(&m),
                sections,
                closing: closing(&m),
            };
            if let Some(shuffled) = shuffled {
                let present: Vec<SectionId> = shuffled
                    .into_iter()
                    .filter(|id| report.sections.get(*id).is_some())
                    .collect();
                if !present.is_sorted() {
                    report.order = present;
                }
            }
            report
        })
        .boxed()
}

/// A publishable report of a year from 2019 to 2030.
///
/// Restrictions, each because a published report cannot say otherwise or because
/// the rendered forms cannot carry it:
/// - every present section has a heading (a section printed without one reads as
///   part of the section before it);
/// - sub-headings are numbered `（一）` or `1.` and paragraphs end with `。`
///   (a short numbered line is what makes a line a sub-heading; `一、` numbering is
///   left to section headings);
/// - the publication date and the statistical period are set only where the text
///   states them (a `发布日期` line, the date under the signature, a 统计期限
///   sentence), and the kind of body is the one its name says;
/// - every official row is present with every column (an absent cell prints like a
///   blank one, docs/render.md); table 三 always holds its corner note (the renderer
///   prints the official note where the report holds none); tables 二 and 四 hold no
///   note (it would print as a paragraph);
/// - a section printed without its table holds all its text as `text` (before and
///   after a table that is not there are one run of paragraphs);
/// - `order` is empty or a non-official order of the present sections, as the model
///   defines it;
/// - texts have no spaces at their ends (a page's indentation and padding are
///   layout, which the importer trims).
pub fn publishable() -> BoxedStrategy<Report> {
    (2019i32..2031).prop_flat_map(publishable_of).boxed()
}

/// The report as its rendered form shows it: a report without a title prints the
/// customary title (docs/render.md), which is then the title as published. This is
/// the only difference the laws allow.
pub fn as_printed(report: &Report) -> Report {
    let mut r = report.clone();
    if r.meta.title.is_none() {
        r.meta.title = Some(xxgk_render::zh::default_title(&r.meta.agency, r.meta.year));
    }
    r
}

/// The import notes reading a rendered publishable report must give: one kind for
/// each shape beyond the official layout the report holds, and nothing else.
pub fn expected_notes(report: &Report) -> std::collections::BTreeSet<NoteCode> {
    let mut codes = std::collections::BTreeSet::new();
    if let Some(t) = report.table(TableId::Applications) {
        // A group's subtotal row, or 2021's single （六） row: rows keyed by a group
        // label that the version does not have as a row.
        let spec = report.spec().table(TableId::Applications);
        if GROUPS
            .iter()
            .any(|g| t.row(g).is_some() && spec.row(g).is_none())
        {
            codes.insert(NoteCode::ShapeSubtotalRow);
        }
        if t.rows()
            .any(|(_, r)| r.get(applications::ORGANISATIONS).is_some())
        {
            codes.insert(NoteCode::ShapeSubtotalColumn);
        }
    }
    if report
        .table(TableId::Proactive)
        .is_some_and(|t| t.row(LOCAL_ROW).is_some())
    {
        codes.insert(NoteCode::RowAdded);
    }
    codes
}

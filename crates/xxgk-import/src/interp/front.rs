//! The front matter and the closing: the title among the paragraphs before section
//! 一 (and the page matter before it), the preamble, the metadata the report states
//! (agency, year, kind, period, publication date), and the closing signature.

use xxgk_model::{Block, FormatVersion, Meta, Report, SectionId, SourcePos};
use xxgk_model::{MetaField, Pointer, TextPart};

use crate::NoteCode;
use crate::normalize::{char_len, ends_sentence};
use crate::patterns::is_title;
use crate::{ImportOptions, Para};

use super::items;
use super::meta;
use super::out::Out;
use super::record;
use super::sections::{Segment, blocks};
use super::tables::Around;

/// The title paragraph and what it says.
pub(super) struct Front {
    pub(super) title: Option<Para>,
    pub(super) preamble: Vec<Para>,
    pub(super) dropped: Vec<Para>,
}

/// Finds the title among the paragraphs before section 一 and keeps what follows
/// as preamble. A title names the annual report; a short line before it that holds
/// its first part (`平潭综合实验区2019年` / `政府信息公开工作年度报告`) is joined to it.
/// Of several (a page's own title in its header, then the document's), the last
/// one that states a year is taken; what comes before it is page matter.
pub(super) fn split_front(paras: Vec<Para>) -> Front {
    let candidates: Vec<(usize, usize, Para)> = paras
        .iter()
        .enumerate()
        .filter_map(|(t, _)| title_at(&paras, t))
        .collect();
    let chosen = candidates
        .iter()
        .rev()
        .find(|(_, _, p)| meta::from_title(&p.text).1.is_some())
        .or_else(|| candidates.first())
        .cloned();
    let Some((start, end, title)) = chosen else {
        return Front {
            title: None,
            preamble: paras,
            dropped: Vec::new(),
        };
    };
    let mut paras = paras;
    let preamble = paras.split_off(end);
    paras.truncate(start);
    Front {
        title: Some(title),
        preamble,
        dropped: paras,
    }
}

/// The title ending at paragraph `t`, with the range of paragraphs it takes: the
/// paragraph itself when it names the annual report, joined to the lines before
/// it that hold the title's first parts (a long title broken over lines):
/// - a short line that is the rest of a title (`工作年度报告`) takes the line
///   before it when together they name the report;
/// - a title starting with its year or with `年度`/`政府信息公开`/`政务公开` takes
///   a short line before it (the agency, or the agency and the year); once it has
///   taken one, a further line only when that names a body (`青禾县交通运输局` /
///   `2025年` / `政府信息公开工作年度报告`).
fn title_at(paras: &[Para], t: usize) -> Option<(usize, usize, Para)> {
    let last = &paras[t];
    let tail_only = !is_title(&last.text);
    if tail_only && !(is_part(&last.text) && ends_like_title(&last.text)) {
        return None;
    }
    let mut start = t;
    let mut text = last.text.clone();
    while start > 0 && t - start < 2 {
        let prev = &paras[start - 1];
        if !is_part(&prev.text) || is_title(&prev.text) {
            break;
        }
        let joined = format!("{}{}", prev.text, text);
        let take = if is_title(&text) {
            let head = text.trim_start();
            let continues = head
                .starts_with(|c: char| crate::normalize::fold_width(c).is_ascii_digit())
                || head.starts_with("年度")
                || head.starts_with("政府信息公开")
                || head.starts_with("政务公开");
            continues && (start == t || meta::kind_of(&prev.text) != xxgk_model::BodyKind::Other)
        } else {
            is_title(&joined)
        };
        if !take {
            break;
        }
        start -= 1;
        text = joined;
    }
    if !is_title(&text) {
        return None;
    }
    let heading = paras[start..=t].iter().any(|p| p.heading);
    Some((
        start,
        t + 1,
        Para {
            text,
            pos: paras[start].pos,
            heading,
        },
    ))
}

/// A line that can be part of a title broken over lines: short, not a sentence,
/// not a page's path or field (`首页 > 年报`, `来源：…`).
fn is_part(text: &str) -> bool {
    char_len(text) <= 30
        && !ends_sentence(text)
        && !text.contains(['>', '＞', '»', '/', '|', ':', '：'])
}

/// Whether a line ends the way a title does (`…年度报告`, `…年报`).
fn ends_like_title(text: &str) -> bool {
    let t = text.trim_end();
    t.ends_with("报告") || t.ends_with("年报")
}

/// What precedes the report's sections: the front of the body, and the page's
/// metadata outside the body ([`crate::Document::page_meta`]).
pub(super) struct Page<'a> {
    pub(super) front: &'a Front,
    pub(super) chrome: &'a [Para],
}

impl Page<'_> {
    /// The title: the body's, else the one the page prints outside the body or
    /// in its `<title>` (metadata only: the body's text stays as it is).
    fn title(&self) -> Option<Para> {
        self.front.title.clone().or_else(|| {
            self.chrome.iter().find_map(|p| {
                meta::page_title(&p.text).map(|text| Para {
                    text,
                    pos: p.pos,
                    heading: false,
                })
            })
        })
    }
}

pub(super) fn read_meta(
    page: &Page<'_>,
    sections: &[Segment],
    arounds: &[(usize, Around)],
    options: &ImportOptions,
    out: &mut Out,
) -> Meta {
    let front = page.front;
    let title = page.title();
    let (mut agency, mut year) = title
        .as_ref()
        .map_or((None, None), |t| meta::from_title(&t.text));
    if let Some(t) = &title {
        out.at(Pointer::meta(MetaField::Title), t.pos);
        if agency.is_some() {
            out.at(Pointer::meta(MetaField::Agency), t.pos);
        }
        if year.is_some() {
            out.at(Pointer::meta(MetaField::Year), t.pos);
        }
    }
    // Text that may state the period, the date or the agency: the preamble, then
    // section 一.
    let overview: Vec<&Para> = sections
        .iter()
        .zip(arounds)
        .filter(|(s, _)| s.id == SectionId::Overview)
        .flat_map(|(_, (_, a))| a.before.iter().chain(&a.after))
        .collect();
    let opening = overview.iter().find(|p| !p.heading).copied();
    let texts: Vec<&Para> = front
        .dropped
        .iter()
        .chain(&front.preamble)
        .chain(overview)
        .collect();
    if agency.is_none()
        && let Some((a, p)) = texts
            .iter()
            .find_map(|p| meta::agency_in_text(&p.text).map(|a| (a, p.pos)))
    {
        out.at(Pointer::meta(MetaField::Agency), p);
        agency = Some(a);
    }
    if agency.is_none()
        && let Some(p) = signature(sections, arounds).and_then(|(signer, _)| signer)
    {
        out.at(Pointer::meta(MetaField::Agency), p.pos);
        agency = Some(p.text.trim().to_owned());
    }
    let period = texts
        .iter()
        .find_map(|p| meta::period(&p.text).map(|d| (d, p.pos)));
    if let Some((_, pos)) = period {
        out.at(Pointer::meta(MetaField::Period), pos);
    }
    let published = published_date(page, sections, arounds);
    if let Some((_, pos)) = published {
        out.at(Pointer::meta(MetaField::Published), pos);
    }
    if year.is_none() {
        year = period.map(|(p, _)| chrono::Datelike::year(&p.start));
    }
    let year = options.year.or(year).unwrap_or_else(|| {
        infer_year(opening, published, out).unwrap_or_else(|| {
            out.note(
                NoteCode::YearMissing,
                "无法从标题或统计期限读出报告年度，年度记为 0；请用 --year 指定".into(),
                title.as_ref().map(|t| t.pos),
                Some(Pointer::meta(MetaField::Year)),
            );
            0
        })
    });
    if let Some(a) = &options.agency {
        agency = Some(a.clone());
    }
    let agency = agency.unwrap_or_else(|| {
        out.note(
            NoteCode::AgencyMissing,
            "无法从标题或正文读出发布机关；请用 --agency 指定".into(),
            title.as_ref().map(|t| t.pos),
            Some(Pointer::meta(MetaField::Agency)),
        );
        String::new()
    });
    let kind = options.kind.unwrap_or_else(|| {
        let k = meta::kind_of(&agency);
        if k == xxgk_model::BodyKind::Other && !agency.is_empty() {
            out.note(
                NoteCode::KindUnknown,
                format!("无法从机关名称“{agency}”判断是人民政府还是政府部门，记为其他机关；请用 --kind 指定"),
                title.as_ref().map(|t| t.pos),
                Some(Pointer::meta(MetaField::Kind)),
            );
        }
        k
    });
    let mut meta = Meta::new(agency, year, kind, FormatVersion::for_year(year));
    meta.title = title.map(|t| t.text);
    meta.published = published.map(|(d, _)| d);
    meta.period = period.map(|(p, _)| p);
    meta
}

/// The report year where neither the title nor the period states it, with a note
/// saying how it was found: the year section 一 opens with (`2025年，我局…`), else
/// the year before the publication date (a report comes out after its year ends,
/// by 31 January or 31 March of the next).
fn infer_year(
    opening: Option<&Para>,
    published: Option<(chrono::NaiveDate, SourcePos)>,
    out: &mut Out,
) -> Option<i32> {
    let opens_with = opening.and_then(|p| {
        let chars = crate::dates::compact(&p.text);
        crate::dates::year_at(&chars, 0)
            .filter(|(_, end)| chars.get(*end) == Some(&'年'))
            .map(|(y, _)| (y, p.pos))
    });
    let (year, pos, how) = if let Some((y, pos)) = opens_with {
        (y, pos, format!("第一部分开头所写的“{y}年”"))
    } else {
        let (date, pos) = published?;
        let y = chrono::Datelike::year(&date).checked_sub(1)?;
        (
            y,
            pos,
            format!("发布日期 {date}（报告在所报告年度结束后发布）"),
        )
    };
    out.at(Pointer::meta(MetaField::Year), pos);
    out.note(
        NoteCode::YearInferred,
        format!(
            "标题和统计期限都没有写明报告年度，按{how}推定为 {year} 年度；如有误，请用 --year 指定"
        ),
        Some(pos),
        Some(Pointer::meta(MetaField::Year)),
    );
    Some(year)
}

/// `发布日期` (or a bare `日期：` field) before section 一, in the body or else in
/// the page's metadata outside it; else the date under the signature; else a date
/// the page prints alone in brackets (`[ 2024-01-17 ]`) before the body, if it
/// prints one such date only. A date named as the publication's wins over a bare
/// one, which may be some other time a page prints.
fn published_date(
    page: &Page<'_>,
    sections: &[Segment],
    arounds: &[(usize, Around)],
) -> Option<(chrono::NaiveDate, SourcePos)> {
    fn find<'p>(
        mut paras: impl Iterator<Item = &'p Para>,
        read: fn(&str) -> Option<chrono::NaiveDate>,
    ) -> Option<(chrono::NaiveDate, SourcePos)> {
        paras.find_map(|p| read(&p.text).map(|d| (d, p.pos)))
    }
    let front = page.front;
    let before = || front.dropped.iter().chain(&front.preamble);
    let stated = find(before(), meta::published)
        .or_else(|| find(page.chrome.iter(), meta::published))
        .or_else(|| find(before(), meta::published_bare))
        .or_else(|| find(page.chrome.iter(), meta::published_bare));
    if stated.is_some() {
        return stated;
    }
    signature(sections, arounds)
        .and_then(|(_, date)| meta::date_line(&date.text).map(|d| (d, date.pos)))
        .or_else(|| {
            let mut dates = page
                .chrome
                .iter()
                .filter_map(|p| meta::bracketed_date(&p.text).map(|d| (d, p.pos)));
            let first = dates.next()?;
            dates.all(|(d, _)| d == first.0).then_some(first)
        })
}

/// The closing signature at the end of the last section: the body that signs
/// (when the line above the date names one) and the date line.
fn signature(sections: &[Segment], arounds: &[(usize, Around)]) -> Option<(Option<Para>, Para)> {
    let (seg, (_, a)) = sections.iter().zip(arounds).next_back()?;
    let mut tail: Vec<Para> = if seg.id.table().is_some() {
        match closing_place(seg, &a.after, &a.loose) {
            Some(Tail::After) => a.after.clone(),
            Some(Tail::Text) => a.before.clone(),
            None => return None,
        }
    } else {
        let mut body = a.before.clone();
        body.extend(a.loose.iter().cloned());
        body.extend(a.after.iter().cloned());
        body
    };
    let n = meta::closing_len(&tail);
    if n == 0 {
        return None;
    }
    let date = tail.pop()?;
    let signer = if n == 2 { tail.pop() } else { None };
    Some((signer, date))
}

/// Where the closing signature can stand when a table section is printed last: in
/// the text after its table, or — when the section prints no table — at the end of
/// its text.
pub(super) enum Tail {
    After,
    Text,
}

pub(super) fn closing_place(seg: &Segment, after: &[Para], loose: &[Para]) -> Option<Tail> {
    if !after.is_empty() {
        return Some(Tail::After);
    }
    let no_rows = !seg.items.iter().any(|i| matches!(i, items::Item::Row(_)));
    (no_rows && loose.is_empty()).then_some(Tail::Text)
}

/// Moves the closing signature at the end of `paras` into the report.
pub(super) fn take_closing(report: &mut Report, paras: &mut Vec<Para>, out: &mut Out) {
    let n = meta::closing_len(paras);
    let closing = paras.split_off(paras.len() - n);
    record(out, TextPart::Closing, &closing);
    report.closing = blocks(&closing)
        .into_iter()
        .map(|b| Block::Paragraph(b.text().to_owned()))
        .collect();
}

pub(super) fn set_front(report: &mut Report, front: &Front, out: &mut Out) {
    if let Some(first) = front.dropped.first() {
        let shown: Vec<&str> = front
            .dropped
            .iter()
            .take(12)
            .map(|p| p.text.as_str())
            .collect();
        let more = if front.dropped.len() > shown.len() {
            "等"
        } else {
            ""
        };
        out.note(
            NoteCode::TextBeforeTitle,
            format!(
                "标题之前的 {} 段文字（网页导航、来源等）不属于报告正文，未读入：“{}”{more}",
                front.dropped.len(),
                shown.join("”“")
            ),
            Some(first.pos),
            None,
        );
    }
    for (i, p) in front.preamble.iter().enumerate() {
        out.at(Pointer::paragraph(TextPart::Preamble, i), p.pos);
    }
    report.preamble = blocks(&front.preamble);
}

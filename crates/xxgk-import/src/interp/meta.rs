//! Metadata where the report states it: title, agency and year (from the title),
//! kind of body (from the agency's name), statistical period, publication date,
//! and the closing signature.

use chrono::{Datelike, NaiveDate};
use xxgk_model::{BodyKind, Period};

use crate::Para;
use crate::dates::{compact, date_at, year_at};
pub(crate) use crate::dates::{date_line, first_date};
use crate::normalize::{char_len, ends_sentence, fold_width, trim};

/// The statistical period a text states: after `统计`, a date, then `至`/`到`
/// and a second date (its year may be left out).
pub(crate) fn period(text: &str) -> Option<Period> {
    let chars = compact(text);
    let s: String = chars.iter().collect();
    let key = s.find("统计")?;
    let from = s[..key].chars().count();
    let (start, after) = (from..chars.len()).find_map(|i| date_at(&chars, i, None))?;
    // The connecting word must come before the second date.
    let rest: String = chars[after..chars.len().min(after + 6)].iter().collect();
    let conn = ["至", "到", "—", "-", "~", "～"]
        .iter()
        .filter_map(|c| {
            rest.find(c)
                .map(|b| rest[..b].chars().count() + c.chars().count())
        })
        .min()?;
    let (end, _) = (after + conn..chars.len().min(after + conn + 12))
        .find_map(|i| date_at(&chars, i, Some(start.year())))?;
    (end >= start).then_some(Period { start, end })
}

/// Words that name a page's publication date.
const PUBLISHED_KEYS: &[&str] = &["发布日期", "发布时间", "成文日期", "公开日期"];

/// The publication date a page states under its own name (`发布日期：2020-01-31`,
/// `发布时间`, `成文日期`, `公开日期`).
pub(crate) fn published(text: &str) -> Option<NaiveDate> {
    // Every key ends with `日期` or `时间`: a text without them is not copied.
    if !text.contains(['期', '间']) {
        return None;
    }
    let chars = compact(text);
    let s: String = chars.iter().collect();
    PUBLISHED_KEYS.iter().find_map(|key| {
        let b = s.find(key)?;
        date_after(&chars, s[..b].chars().count() + key.chars().count())
    })
}

/// A date under a bare `日期：` or `时间：` that stands as a field of its own (at the
/// start of the text or after a space or punctuation), not the end of another word:
/// `采集时间：`, `更新时间：`, `访问时间：` name other times (a scraper's, an
/// editor's), and taking one of them for the publication date would call a report
/// late that was not.
pub(crate) fn published_bare(text: &str) -> Option<NaiveDate> {
    if !text.contains(['期', '间']) {
        return None;
    }
    let chars: Vec<char> = text.chars().map(fold_width).collect();
    for key in ["日期", "时间"] {
        let key: Vec<char> = key.chars().collect();
        for at in 0..chars.len().saturating_sub(key.len()) {
            if chars[at..at + key.len()] != key[..] || chars[at + key.len()] != ':' {
                continue;
            }
            if !own_field(&chars, at) {
                continue;
            }
            let rest: String = chars[at + key.len() + 1..].iter().collect();
            let rest = compact(&rest);
            if let Some(d) = date_after(&rest, 0) {
                return Some(d);
            }
        }
    }
    None
}

/// A date a page prints alone in brackets, as some CMS print an article's date
/// under its title: `[ 2024-01-17 ]`, `【2024年1月17日】`, `（2024-01-17 10:32）`.
pub(crate) fn bracketed_date(text: &str) -> Option<NaiveDate> {
    let chars = compact(text);
    let (open, close) = (chars.first()?, chars.last()?);
    let pair = matches!(
        (open, close),
        ('[', ']') | ('【', '】') | ('(', ')') | ('〔', '〕') | ('［', '］')
    );
    if !pair || chars.len() < 3 {
        return None;
    }
    let inner = &chars[1..chars.len() - 1];
    let (date, end) = date_at(inner, 0, None)?;
    is_time(&inner[end..]).then_some(date)
}

/// Nothing, or a time of day (`10:32`, `10:32:05`).
fn is_time(chars: &[char]) -> bool {
    let s: String = chars.iter().collect();
    s.is_empty()
        || s.split(':').count() >= 2
            && s.split(':').count() <= 3
            && s.split(':')
                .all(|p| (1..=2).contains(&p.len()) && p.chars().all(|c| c.is_ascii_digit()))
}

/// The report's title in a page's title line: the part, between the separators
/// a site puts around it (`…年度报告_政府信息公开年报_某某网`, `… - 某某县人民政府`),
/// that reads as a title.
pub(crate) fn page_title(text: &str) -> Option<String> {
    text.split(['_', '|', '｜', '-', '—', '–'])
        .map(trim)
        .find(|part| crate::patterns::is_title(part) && from_title(part).1.is_some())
        .map(str::to_owned)
}

/// Words before `日期`/`时间` that name another time than the publication's.
const OTHER_TIMES: &[&str] = &[
    "采集", "抓取", "更新", "修改", "编辑", "访问", "浏览", "生成", "录入", "归档", "截止", "有效",
    "失效", "施行",
];

/// Whether the key at `at` stands as a field of its own: at the start of the text,
/// after a space or punctuation, or after another field's value on the same line
/// (`来源：某某县人民政府时间：…`, the space between lost), unless the word before it
/// names another time (`采集时间`).
fn own_field(chars: &[char], at: usize) -> bool {
    if at == 0 || !crate::normalize::is_cjk(chars[at - 1]) {
        return true;
    }
    let before: String = chars[..at].iter().collect();
    let after_field = before.contains([':', '：']);
    after_field && !OTHER_TIMES.iter().any(|w| before.ends_with(w))
}

/// A date starting within four characters of `from` in compact text.
fn date_after(chars: &[char], from: usize) -> Option<NaiveDate> {
    let to = chars.len().min(from + 4);
    (from..to).find_map(|i| date_at(chars, i, None).map(|(d, _)| d))
}

/// Agency and year read from a title: `<机关><年>年(度)政府信息公开…` or
/// `<年>年<机关>政府信息公开…`, the year in Arabic or Chinese digits (`二〇二四年`).
pub(crate) fn from_title(title: &str) -> (Option<String>, Option<i32>) {
    let chars = compact(title);
    let found = (0..chars.len()).find_map(|i| {
        year_at(&chars, i)
            .filter(|(_, end)| chars.get(*end) == Some(&'年'))
            .map(|(y, _)| (i, y))
    });
    let Some((at, year)) = found else {
        return (None, None);
    };
    let before: String = chars[..at].iter().collect();
    let mut after: String = chars[at + 5..].iter().collect();
    if let Some(rest) = after.strip_prefix('度') {
        after = rest.to_owned();
    }
    let before = clean_agency(before.trim_start_matches("关于"));
    let agency = if before.is_empty() {
        ["政府信息公开", "政务公开", "信息公开"]
            .iter()
            .find_map(|k| after.find(k).map(|b| clean_agency(&after[..b])))
    } else {
        Some(before)
    };
    (agency.filter(|a| !a.is_empty()), Some(year))
}

fn clean_agency(a: &str) -> String {
    a.trim_matches(|c: char| c.is_ascii_punctuation() || "《》“”：:，,。".contains(c))
        .to_owned()
}

/// The issuing body named in the preamble (`本报告由XX根据…`, `现向社会公布XX20…`).
pub(crate) fn agency_in_text(text: &str) -> Option<String> {
    let s: String = compact(text).into_iter().collect();
    if let Some(b) = s.find("本报告由") {
        let rest = &s[b + "本报告由".len()..];
        let end = ["根据", "依据", "按照", "编制"]
            .iter()
            .filter_map(|k| rest.find(k))
            .min()?;
        let a = clean_agency(&rest[..end]);
        return (!a.is_empty() && char_len(&a) <= 30).then_some(a);
    }
    None
}

/// Suffixes of governments' names (a government, a zone's administration, or a
/// place named bare).
const GOVERNMENT: &[&str] = &[
    "人民政府",
    "管委会",
    "管理委员会",
    "行政公署",
    "街道办事处",
    "政府",
];
const PLACES: &[&str] = &[
    "省",
    "市",
    "县",
    "区",
    "州",
    "旗",
    "盟",
    "镇",
    "乡",
    "街道",
    "自治区",
    "自治州",
    "自治县",
];
const DEPARTMENT: &[&str] = &[
    "局",
    "委",
    "委员会",
    "办",
    "办公室",
    "办公厅",
    "厅",
    "中心",
    "署",
    "院",
    "所",
    "站",
    "队",
    "部",
    "处",
    "会",
    "馆",
    "社",
    "团",
    "司",
    "室",
    "科",
];

/// The kind of body an agency's name says it is. Governments (人民政府, a
/// 管委会/管理委员会 of a zone, 行政公署, 街道办事处, or a place named bare such as
/// `平潭综合实验区`) publish by 3月31日; names ending in a department word (局, 委,
/// 办, 厅, 中心 …, including a government's own 办公室/办公厅) are departments;
/// anything else is `other`.
pub(crate) fn kind_of(agency: &str) -> BodyKind {
    let a = trim(agency);
    if a.is_empty() {
        return BodyKind::Other;
    }
    if GOVERNMENT.iter().any(|s| a.ends_with(s)) {
        return BodyKind::Government;
    }
    if DEPARTMENT.iter().any(|s| a.ends_with(s)) {
        return BodyKind::Department;
    }
    if PLACES.iter().any(|s| a.ends_with(s)) {
        return BodyKind::Government;
    }
    BodyKind::Other
}

/// The closing signature at the end of a section: a date line, and the line
/// before it when that names a body. Returns how many paragraphs from the end.
pub(crate) fn closing_len(paras: &[Para]) -> usize {
    let Some(last) = paras.last() else { return 0 };
    if date_line(&last.text).is_none() {
        return 0;
    }
    let signer = paras.len() >= 2 && {
        let p = &paras[paras.len() - 2].text;
        char_len(p) <= 30
            && !ends_sentence(p)
            && kind_of(p) != BodyKind::Other
            && first_date(p).is_none()
    };
    if signer { 2 } else { 1 }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn titles_give_agency_and_year() {
        let cases = [
            (
                "蚌埠市退役军人事务局 2020 年度政府信息公开年报",
                "蚌埠市退役军人事务局",
                2020,
            ),
            (
                "2019年上海市人民政府办公厅政府信息公开工作年度报告",
                "上海市人民政府办公厅",
                2019,
            ),
            (
                "平潭综合实验区2023年度政府信息公开工作年度报告",
                "平潭综合实验区",
                2023,
            ),
            (
                "某某区人民政府2025 年政府信息公开工作年度报告",
                "某某区人民政府",
                2025,
            ),
        ];
        for (t, a, y) in cases {
            assert_eq!(from_title(t), (Some(a.to_owned()), Some(y)), "{t}");
        }
        assert_eq!(
            from_title("某某县司法局二〇二四年度政府信息公开工作年度报告"),
            (Some("某某县司法局".to_owned()), Some(2024))
        );
        assert_eq!(
            from_title("二○二○年某某市人民政府政府信息公开工作年度报告"),
            (Some("某某市人民政府".to_owned()), Some(2020))
        );
        assert_eq!(
            from_title("关于2023年度政府信息公开工作年度报告"),
            (None, Some(2023))
        );
    }

    #[test]
    fn periods_and_dates_in_their_printed_forms() {
        let p =
            period("本报告所列数据统计期限自 2024 年 1 月 1 日至 2024 年 12 月 31 日止。").unwrap();
        assert_eq!((p.start, p.end), (d(2024, 1, 1), d(2024, 12, 31)));
        let p = period("数据统计期限从2019年1月1日到12月31日止。").unwrap();
        assert_eq!((p.start, p.end), (d(2019, 1, 1), d(2019, 12, 31)));
        assert_eq!(published("发布日期：2020-01-31"), Some(d(2020, 1, 31)));
        assert_eq!(published("公开日期\t2024-01-17"), Some(d(2024, 1, 17)));
        assert_eq!(published_bare("日期：2020-01-31"), Some(d(2020, 1, 31)));
        assert_eq!(
            published_bare("来源：本站 时间：2020-01-31"),
            Some(d(2020, 1, 31))
        );
        // A field after another field, the space between lost.
        assert_eq!(
            published_bare("来源：某某县人民政府时间：2020-01-20 15:22"),
            Some(d(2020, 1, 20))
        );
        assert_eq!(published_bare("日期：2024年01月17日"), Some(d(2024, 1, 17)));
        // Another time than the publication's is not the publication date.
        for other in [
            "来源：本站更新时间：2025-12-30",
            "来源：本站 采集时间：2025-12-30",
            "采集时间：2025-12-30T21:37:37+08:00",
            "更新时间：2025-12-30",
            "访问日期：2025-12-30",
        ] {
            assert_eq!(published(other), None, "{other}");
            assert_eq!(published_bare(other), None, "{other}");
        }
        for (bracketed, want) in [
            ("[ 2024-01-17 ]", Some(d(2024, 1, 17))),
            ("【2024年1月17日】", Some(d(2024, 1, 17))),
            ("（2024-01-17 10:32）", Some(d(2024, 1, 17))),
            ("[2024-01-17 10:32:05]", Some(d(2024, 1, 17))),
            ("2024-01-17", None),
            ("[ 2024-01-17 星期三 ]", None),
            ("[第2024-01-17号]", None),
        ] {
            assert_eq!(bracketed_date(bracketed), want, "{bracketed}");
        }
        assert_eq!(date_line("2024年1月17日"), Some(d(2024, 1, 17)));
        assert_eq!(date_line("２０２４年１月１７日"), Some(d(2024, 1, 17)));
        assert_eq!(date_line("2024年1月17日发布会"), None);
    }

    #[test]
    fn a_page_title_without_the_site_around_it() {
        assert_eq!(
            page_title(
                "某某县水利局2024年政府信息公开工作年度报告_政府信息公开年报_某某县人民政府"
            )
            .as_deref(),
            Some("某某县水利局2024年政府信息公开工作年度报告")
        );
        assert_eq!(
            page_title("首页 | 2024年某某县水利局政府信息公开工作年度报告 - 某某网").as_deref(),
            Some("2024年某某县水利局政府信息公开工作年度报告")
        );
        assert_eq!(page_title("某某县人民政府门户网站"), None);
        // A section of the site is not the report's title: it states no year.
        assert_eq!(page_title("政府信息公开年报"), None);
    }

    #[test]
    fn kinds_from_names() {
        assert_eq!(kind_of("淮安市人民政府"), BodyKind::Government);
        assert_eq!(kind_of("平潭综合实验区"), BodyKind::Government);
        assert_eq!(kind_of("平潭综合实验区管委会"), BodyKind::Government);
        assert_eq!(kind_of("上海市人民政府办公厅"), BodyKind::Department);
        assert_eq!(kind_of("沭阳县发展和改革局"), BodyKind::Department);
        assert_eq!(kind_of("某某县发展和改革委员会"), BodyKind::Department);
        assert_eq!(kind_of("某某开发区管理委员会"), BodyKind::Government);
        assert_eq!(kind_of("某某协会联合体"), BodyKind::Other);
    }
}

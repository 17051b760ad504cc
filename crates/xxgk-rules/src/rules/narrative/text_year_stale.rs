//! N005 text-year-stale: the text speaks of another year as the year reported
//! (`2019年，我局…` opening a paragraph of a 2020 report), or dates next year's
//! plans to the report year (`2020年，我局将…` in section 五 of a 2020 report):
//! the marks of text carried over from an earlier report.

use xxgk_model::chars::is_digit;
use xxgk_model::{Report, SectionId};

use crate::context::Context;
use crate::narrative::{SENTENCE_ENDS, all_passages, char_at, pieces, quote, years};
use crate::rule::Rule;
use crate::{Location, Severity};

pub(crate) static RULE: Rule = Rule {
    code: "N005",
    name: "text-year-stale",
    severity: Severity::Warning,
    summary: "正文把其他年份当作本报告年度，或把下一年度的计划写成本年度",
    explanation: include_str!("text_year_stale.md"),
    check,
};

/// How many years back a stale year may be (older ones are history, not a copy).
const BACK: i32 = 3;

/// Words that make a year a point of comparison or history, not the year reported.
const NOT_OWN: &[&str] = &[
    "比", "较", "同比", "相比", "上年", "去年", "以来", "增长", "减少", "下降", "分别", "本年",
    "今年", "当年",
];

/// What may follow an opening year when the year is the subject's time
/// (`2019年，我局…`, `2019年度全区…`).
fn opens_with_year(sentence: &str) -> Option<(i32, usize, usize)> {
    let trimmed = sentence.trim_start();
    let lead = sentence.len() - trimmed.len();
    // Only a sentence that opens with a digit can open with a year.
    if !trimmed.starts_with(is_digit) {
        return None;
    }
    let head: String = trimmed.chars().take(8).collect();
    let year = *years(&head).first()?;
    if year.start != 0 {
        return None;
    }
    let after = &trimmed[year.end..];
    let after = after.strip_prefix('度').unwrap_or(after);
    let first = after.chars().next()?;
    if !matches!(
        first,
        '，' | ',' | ' ' | '我' | '本' | '全' | '区' | '市' | '县' | '局' | '各'
    ) {
        return None;
    }
    let end = trimmed.len() - after.len();
    Some((year.value, lead, lead + end))
}

/// Words after a year in section 五 that make it the year of a plan.
const FUTURE: &[&str] = &["将", "计划", "拟", "打算", "力争"];

/// Words of section 五 that say the sentence is about improvements to come.
const PLANS: &[&str] = &["以下", "改进", "措施", "下一步", "计划", "打算", "努力方向"];

/// Characters between a plan's year and its future marker.
const PLAN_WINDOW: usize = 12;

fn check(report: &Report, cx: &mut Context<'_>) {
    let Some(year) = cx.year() else {
        return;
    };
    for (id, passage) in all_passages(report) {
        if passage.heading {
            continue;
        }
        let sentences = pieces(passage.text, SENTENCE_ENDS);
        // The paragraph's opening sentence, or the one after a short inline lead
        // (`（一）主动公开情况。2019年，…`).
        let opening = sentences.iter().take(2).find_map(|r| {
            let s = &passage.text[r.clone()];
            opens_with_year(s).map(|(y, a, b)| (y, r.start + a, r.start + b, s))
        });
        if let Some((stated, start, end, sentence)) = opening
            && (year - BACK..year).contains(&stated)
            && !NOT_OWN.iter().any(|w| sentence.contains(w))
            && !years(sentence).iter().any(|y| y.value == year)
        {
            cx.report(
                Location::text(
                    passage.pointer.clone(),
                    char_at(passage.text, start),
                    char_at(passage.text, end),
                ),
                format!(
                    "第{}部分“{}”：本报告为 {year} 年度，这段文字却以 {stated} 年为本年",
                    id.numeral(),
                    quote(sentence, 40)
                ),
            )
            .help(format!(
                "核对这段文字：可能沿用了 {stated} 年度报告的文字。请改为 {year} 年的情况。"
            ));
        }
        if id != SectionId::Problems {
            continue;
        }
        for r in &sentences {
            let sentence = &passage.text[r.clone()];
            if !PLANS.iter().any(|w| sentence.contains(w)) {
                continue;
            }
            for stated in years(sentence) {
                if stated.value != year {
                    continue;
                }
                let window: String = sentence[stated.end..].chars().take(PLAN_WINDOW).collect();
                if !FUTURE.iter().any(|w| window.contains(w)) {
                    continue;
                }
                cx.report(
                    Location::text(
                        passage.pointer.clone(),
                        char_at(passage.text, r.start + stated.start),
                        char_at(passage.text, r.start + stated.end),
                    ),
                    format!(
                        "第{}部分“{}”：本报告为 {year} 年度，下一步的改进计划却写为 {year} 年（应为 {} 年）",
                        id.numeral(),
                        quote(sentence, 40),
                        year + 1
                    ),
                )
                .help(format!(
                    "改进计划是报告年度之后的工作，应写为 {} 年；可能沿用了上一年度报告的文字。",
                    year + 1
                ));
                break;
            }
        }
    }
}

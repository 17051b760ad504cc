//! N002 parts-exceed-total: a sentence states a total (`共…480条`) and then parts
//! (`其中…230条…160条…140条`) that add up to more.
//!
//! The 共…其中… shape of the claim checker: figures are read as the claims read
//! them (Chinese numerals, full-width digits, 万), whatever they count.

use rust_decimal::Decimal;
use xxgk_model::Report;

use crate::claims::number::{Approx, Figure, figures};
use crate::context::Context;
use crate::narrative::{all_passages, char_at, quote, sentences};
use crate::rule::Rule;
use crate::{Location, Severity};

pub(crate) static RULE: Rule = Rule {
    code: "N002",
    name: "parts-exceed-total",
    severity: Severity::Warning,
    summary: "正文“共……其中……”所列各项之和大于所称的总数",
    explanation: include_str!("parts_exceed_total.md"),
    check,
};

/// Words after which the numbers are no longer parts of the 其中 list (a second
/// 其中 opens a breakdown of a part).
const LIST_ENDS: [&str; 11] = [
    "另",
    "此外",
    "共",
    "其中",
    "同比",
    "比上年",
    "较上年",
    "增长",
    "增加",
    "减少",
    "下降",
];

/// The total and the parts of one sentence, if it has the 共…其中… shape.
fn total_and_parts(sentence: &str) -> Option<(Figure, Vec<Figure>)> {
    let all = sentence.find('共')?;
    let among = all + sentence[all..].find("其中")?;
    // Counts only: outside brackets (a bracketed breakdown is of something else),
    // no percentages or decimals.
    let counts: Vec<Figure> = figures(sentence)
        .into_iter()
        .filter(|f| !f.bracketed && f.step == Decimal::ONE)
        .collect();
    let total = counts
        .iter()
        .find(|q| q.start > all && q.start < among)?
        .clone();
    // A total written as a lower bound or an estimate (480余条, 约480条, 超过480条)
    // may be exceeded.
    if !matches!(total.approx, Approx::Exact | Approx::AtMost) {
        return None;
    }
    let list = among + "其中".len();
    let end = LIST_ENDS
        .iter()
        .filter_map(|w| sentence[list..].find(w).map(|i| list + i))
        .min()
        .unwrap_or(sentence.len());
    let parts: Vec<Figure> = counts
        .into_iter()
        .filter(|q| q.start > among && q.end <= end && q.unit_text == total.unit_text)
        .collect();
    (parts.len() >= 2).then_some((total, parts))
}

fn check(report: &Report, cx: &mut Context<'_>) {
    for (id, passage) in all_passages(report) {
        let mut from = 0;
        for sentence in sentences(passage.text) {
            // The sentence's place in the paragraph, for the character range.
            let at = passage.text[from..]
                .find(sentence)
                .map_or(from, |i| from + i);
            from = at + sentence.len();
            let Some((total, parts)) = total_and_parts(sentence) else {
                continue;
            };
            let sum: Decimal = parts.iter().map(|q| q.value).sum();
            if sum <= total.value {
                continue;
            }
            let terms: Vec<String> = parts
                .iter()
                .map(|q| q.value.normalize().to_string())
                .collect();
            let start = char_at(passage.text, at + total.start);
            let end = char_at(passage.text, at + parts.last().map_or(total.end, |p| p.end));
            cx.report(
                Location::text(passage.pointer.clone(), start, end),
                format!(
                    "第{}部分“{}”：总数 {} {unit}，但“其中”所列 {} = {} {unit}",
                    id.numeral(),
                    quote(sentence, 40),
                    total.value.normalize(),
                    terms.join(" + "),
                    sum.normalize(),
                    unit = total.unit_text,
                ),
            )
            .help("核对总数和各分项：分项之和不应超过总数；分项有交叉的，请在文字中说明。");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::total_and_parts;

    fn sums(s: &str) -> Option<(String, Vec<String>)> {
        total_and_parts(s).map(|(t, p)| {
            (
                t.value.to_string(),
                p.iter().map(|q| q.value.to_string()).collect(),
            )
        })
    }

    fn v(total: &str, parts: &[&str]) -> (String, Vec<String>) {
        (
            total.to_owned(),
            parts.iter().map(|p| (*p).to_owned()).collect(),
        )
    }

    #[test]
    fn totals_and_parts_are_read_from_one_sentence() {
        assert_eq!(
            sums("全年共发布信息480条，其中工作动态230条，通知公告160条，专栏信息140条"),
            Some(v("480", &["230", "160", "140"]))
        );
        // Other units, bracketed breakdowns and what follows 另 are not parts.
        assert_eq!(
            sums("共收到申请50件，其中自然人40件（含线上12件），法人10件，占20%，另有咨询30次"),
            Some(v("50", &["40", "10"]))
        );
        assert_eq!(
            sums("共受理申请50件，其中自然人40件，其中网上申请30件，法人10件"),
            None
        );
        assert_eq!(sums("共发布480余条，其中动态300条、公告200条"), None);
        assert_eq!(sums("发布信息480条，其中动态300条、公告200条"), None);
        assert_eq!(sums("共发布480条，其中动态300条"), None);
        // Chinese numerals and a total written as an upper bound (近) are read.
        assert_eq!(
            sums("共办理三十件，其中自然人二十件、法人十五件"),
            Some(v("30", &["20", "15"]))
        );
        assert_eq!(
            sums("共公开信息近690条，其中概况50条，动态300条，目录400条"),
            Some(v("690", &["50", "300", "400"]))
        );
    }
}

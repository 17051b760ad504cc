//! N002 parts-exceed-total: a sentence states a total (`共…480条`) and then parts
//! (`其中…230条…160条…140条`) that add up to more.

use xxgk_model::{Report, SectionId};

use crate::context::Context;
use crate::narrative::{Quantity, passages, quantities, quote, sentences};
use crate::registry::Rule;
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
fn total_and_parts(sentence: &str) -> Option<(Quantity, Vec<Quantity>)> {
    let all = sentence.find('共')?;
    let among = all + sentence[all..].find("其中")?;
    let quantities = quantities(sentence);
    let total = *quantities
        .iter()
        .find(|q| q.start > all && q.start < among)?;
    // A total written as a lower bound (480余条) may be exceeded.
    if total.approximate || sentence[..total.start].ends_with("超过") {
        return None;
    }
    let list = among + "其中".len();
    let end = LIST_ENDS
        .iter()
        .filter_map(|w| sentence[list..].find(w).map(|i| list + i))
        .min()
        .unwrap_or(sentence.len());
    let parts: Vec<Quantity> = quantities
        .into_iter()
        .filter(|q| q.start > among && q.end <= end && q.unit == total.unit)
        .collect();
    (parts.len() >= 2).then_some((total, parts))
}

fn check(report: &Report, cx: &mut Context<'_>) {
    for id in SectionId::ALL {
        for passage in passages(report, id) {
            for sentence in sentences(passage.text) {
                let Some((total, parts)) = total_and_parts(sentence) else {
                    continue;
                };
                let sum: u128 = parts.iter().map(|q| u128::from(q.value)).sum();
                if sum <= u128::from(total.value) {
                    continue;
                }
                let terms: Vec<String> = parts.iter().map(|q| q.value.to_string()).collect();
                cx.report(
                    Location::pointer(&passage.pointer),
                    format!(
                        "第{}部分“{}”：总数 {} {unit}，但“其中”所列 {} = {sum} {unit}",
                        id.numeral(),
                        quote(sentence, 40),
                        total.value,
                        terms.join(" + "),
                        unit = total.unit,
                    ),
                )
                .help("核对总数和各分项：分项之和不应超过总数；分项有交叉的，请在文字中说明。");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::total_and_parts;

    fn sums(s: &str) -> Option<(u64, Vec<u64>)> {
        total_and_parts(s).map(|(t, p)| (t.value, p.iter().map(|q| q.value).collect()))
    }

    #[test]
    fn totals_and_parts_are_read_from_one_sentence() {
        assert_eq!(
            sums("全年共发布信息480条，其中工作动态230条，通知公告160条，专栏信息140条"),
            Some((480, vec![230, 160, 140]))
        );
        // Other units, bracketed breakdowns and what follows 另 are not parts.
        assert_eq!(
            sums("共收到申请50件，其中自然人40件（含线上12件），法人10件，占20%，另有咨询30次"),
            Some((50, vec![40, 10]))
        );
        assert_eq!(
            sums("共受理申请50件，其中自然人40件，其中网上申请30件，法人10件"),
            None
        );
        assert_eq!(sums("共发布480余条，其中动态300条、公告200条"), None);
        assert_eq!(sums("发布信息480条，其中动态300条、公告200条"), None);
        assert_eq!(sums("共发布480条，其中动态300条"), None);
    }
}

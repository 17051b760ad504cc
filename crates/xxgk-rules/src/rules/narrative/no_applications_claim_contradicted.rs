//! N001 no-applications-claim-contradicted: the text says no application was
//! received while table 三 counts new applications.

use xxgk_model::schema::TableId;
use xxgk_model::schema::applications::{COLUMNS, NEW, TOTAL_COLUMN};
use xxgk_model::{CellKey, Report, SectionId};

use crate::context::Context;
use crate::labels::count;
use crate::narrative::{clauses, passages, quote, sentences};
use crate::registry::Rule;
use crate::{Location, Severity};

pub(crate) static RULE: Rule = Rule {
    code: "N001",
    name: "no-applications-claim-contradicted",
    severity: Severity::Warning,
    summary: "正文称未收到政府信息公开申请，表三却有本年新收申请",
    explanation: include_str!("no_applications_claim_contradicted.md"),
    check,
};

const DENIALS: [&str; 4] = ["未收到", "没有收到", "未接到", "未受理"];
/// Clauses about something else than this year's applications.
const OTHER_TOPICS: [&str; 6] = ["复议", "诉讼", "上年", "费", "投诉", "举报"];

/// Whether a clause says no application was received: a denial followed, in the
/// same clause, by 申请 that is not 申请人.
fn denies_applications(clause: &str) -> bool {
    if OTHER_TOPICS.iter().any(|t| clause.contains(t)) {
        return false;
    }
    DENIALS.iter().any(|d| {
        clause.find(d).is_some_and(|at| {
            let rest = &clause[at + d.len()..];
            rest.match_indices("申请")
                .any(|(i, m)| !rest[i + m.len()..].starts_with('人'))
        })
    })
}

/// Table 三's new applications: the 总计 if it is a count, else the largest count
/// of the other columns (any one above 0 contradicts the text).
fn new_applications(report: &Report) -> Option<(CellKey, u64)> {
    let key = |c: &str| CellKey::new(TableId::Applications, NEW, c);
    let total = key(TOTAL_COLUMN);
    if let Some(n) = count(report.cell(&total)) {
        return Some((total, n));
    }
    COLUMNS
        .iter()
        .filter_map(|c| count(report.cell(&key(c.label))).map(|n| (key(c.label), n)))
        .max_by_key(|(_, n)| *n)
}

fn check(report: &Report, cx: &mut Context<'_>) {
    let Some((key, n)) = new_applications(report).filter(|(_, n)| *n > 0) else {
        return;
    };
    for id in [SectionId::Overview, SectionId::Applications] {
        for passage in passages(report, id) {
            let Some(clause) = sentences(passage.text)
                .flat_map(clauses)
                .find(|c| denies_applications(c))
            else {
                continue;
            };
            cx.report(
                Location::pointer(&passage.pointer),
                format!(
                    "第{}部分称“{}”，但表三“一、本年新收政府信息公开申请数量”“{}”列为 {n}",
                    id.numeral(),
                    quote(clause, 40),
                    key.column
                ),
            )
            .related(format!("表三新收申请“{}”列：{n}", key.column), Location::cell(&key))
            .help("核对正文与表三：正文所述收到申请的情况应与表三“一、本年新收政府信息公开申请数量”一致。");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::denies_applications;

    #[test]
    fn denials_of_applications_are_recognised_and_others_are_not() {
        for yes in [
            "我局未收到政府信息公开申请",
            "全年没有收到依申请公开的申请",
            "本机关未受理政府信息公开申请",
        ] {
            assert!(denies_applications(yes), "{yes}");
        }
        for no in [
            "未收到申请人缴纳的费用",
            "未收到政府信息公开行政复议申请",
            "上年度未收到申请",
            "共收到申请12件",
            "未发生行政诉讼",
        ] {
            assert!(!denies_applications(no), "{no}");
        }
    }
}

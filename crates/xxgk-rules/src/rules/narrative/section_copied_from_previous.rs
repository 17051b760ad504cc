//! N006 section-copied-from-previous: with last year's report given, half or more
//! of section 一 or 五 is last year's text word for word (内容雷同).

use xxgk_model::{Report, SectionId};

use crate::context::Context;
use crate::copies::{paragraph_copied, section_copied};
use crate::rule::Rule;
use crate::{Location, Severity};

pub(crate) static RULE: Rule = Rule {
    code: "N006",
    name: "section-copied-from-previous",
    severity: Severity::Warning,
    summary: "第一或第五部分的文字一半以上与上一年度报告相同",
    explanation: include_str!("section_copied_from_previous.md"),
    check,
};

fn check(_report: &Report, cx: &mut Context<'_>) {
    let all = cx.copies();
    for id in SectionId::ALL {
        let Some((copied, chars)) = section_copied(all, id) else {
            continue;
        };
        let paragraphs: Vec<_> = all
            .iter()
            .filter(|c| c.section == id && paragraph_copied(c))
            .collect();
        let total = all.iter().filter(|c| c.section == id).count();
        let finding = cx.report(
            Location::section(id),
            format!(
                "第{}部分 {} 个字中有 {} 个（{}%）与上一年度报告相同，{} 段中 {} 段基本照搬",
                id.numeral(),
                chars,
                copied,
                copied * 100 / chars,
                total,
                paragraphs.len()
            ),
        );
        finding
            .help("年度报告应反映本年度的工作：请按本年度的实际情况重写，避免与往年报告内容雷同。");
        for c in paragraphs {
            finding.related(
                format!("本年“{}”（{}% 相同）", c.quote, c.percent()),
                Location::at(c.pointer.clone()),
            );
            if let Some((source, words)) = &c.source {
                finding.related(
                    format!("“{words}”"),
                    Location::at(source.clone()).in_previous(),
                );
            }
        }
    }
}

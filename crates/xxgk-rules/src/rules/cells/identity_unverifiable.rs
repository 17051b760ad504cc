//! C004 identity-unverifiable: identities that blank, placeholder or missing cells
//! leave open. One finding per kind of identity, listing each instance, so that a
//! table with a blank column does not drown the report in findings.

use std::fmt::Write;

use xxgk_model::Report;

use crate::context::Context;
use crate::identity::{Family, Identity, Outcome};
use crate::registry::Rule;
use crate::{Location, Severity};

pub(crate) static RULE: Rule = Rule {
    code: "C004",
    name: "identity-unverifiable",
    severity: Severity::Info,
    summary: "表三、表四的勾稽关系因空白、占位或缺少的单元格无法核对",
    explanation: include_str!("identity_unverifiable.md"),
    check,
};

const FAMILIES: [(Family, &str); 5] = [
    (Family::Balance, "列"),
    (Family::ResultsTotal, "列"),
    (Family::RowTotal, "行"),
    (Family::Reviews, "项"),
    (Family::Subtotal, "处"),
];

/// `表三“（一）予以公开”行：“（一）予以公开”行“总计”列：空白`, at most three cells.
fn instance_label(identity: &Identity) -> String {
    let unknown: Vec<String> = identity
        .terms()
        .filter(|t| t.count.is_none())
        .map(crate::identity::Term::label)
        .collect();
    let mut shown = unknown
        .iter()
        .take(3)
        .cloned()
        .collect::<Vec<_>>()
        .join("；");
    if unknown.len() > 3 {
        let _ = write!(shown, "等 {} 格", unknown.len());
    }
    format!("{}：{shown}", identity.subject)
}

fn check(_: &Report, cx: &mut Context<'_>) {
    let identities = cx.identities();
    for (family, unit) in FAMILIES {
        let open: Vec<&Identity> = identities
            .iter()
            .filter(|i| i.family == family && i.outcome() == Outcome::Unverifiable)
            .collect();
        let Some(first) = open.first() else {
            continue;
        };
        let finding = cx.report(
            Location::cell(&first.anchor),
            format!(
                "{}：有 {} {unit}因空白、占位或未列出的单元格无法核对（第一处：{}）",
                family.description(),
                open.len(),
                first.subject
            ),
        );
        finding.help("把空白或“/”等单元格填为实际数字（没有的填 0）后再检查。");
        for identity in open {
            finding.related(instance_label(identity), Location::cell(&identity.anchor));
        }
    }
}

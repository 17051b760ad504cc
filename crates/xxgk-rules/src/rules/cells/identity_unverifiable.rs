//! C004 identity-unverifiable: identities that blank, placeholder or missing cells
//! leave open. One finding per kind of identity, listing each instance, so that a
//! table with a blank column does not drown the report in findings.

use xxgk_model::Report;

use crate::context::Context;
use crate::identity::{Family, Identity, Outcome, Term};
use crate::labels::row_name;
use crate::rule::Rule;
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

/// The instance and its unknown cells: named when there are one or two
/// (`表三“总计”列：“（一）予以公开”行“总计”列空白`), else counted by kind with the
/// first named.
fn instance_label(identity: &Identity<'_>) -> String {
    let unknown: Vec<(&Term<'_>, String)> = identity
        .terms()
        .filter(|t| t.count.is_none())
        .map(|t| (t, t.text()))
        .collect();
    let name = |(t, text): &(&Term<'_>, String)| {
        format!("“{}”行“{}”列{}", row_name(t.row), t.column, text)
    };
    if unknown.len() <= 2 {
        let named: Vec<String> = unknown.iter().map(name).collect();
        return format!("{}：{}", identity.subject, named.join("，"));
    }
    let mut kinds: Vec<(&str, usize)> = Vec::new();
    for (_, text) in &unknown {
        match kinds.iter_mut().find(|(k, _)| k == text) {
            Some((_, n)) => *n += 1,
            None => kinds.push((text, 1)),
        }
    }
    let counts: Vec<String> = kinds.iter().map(|(k, n)| format!("{k} {n} 格")).collect();
    format!(
        "{}：{}（如{}）",
        identity.subject,
        counts.join("，"),
        name(&unknown[0])
    )
}

fn check(_: &Report, cx: &mut Context<'_>) {
    let identities = cx.identities();
    for (family, unit) in FAMILIES {
        let open: Vec<&Identity<'_>> = identities
            .iter()
            .filter(|i| i.family == family && i.outcome() == Outcome::Unverifiable)
            .collect();
        let Some(first) = open.first() else {
            continue;
        };
        let finding = cx.report(
            Location::cell(&first.anchor_key()),
            format!(
                "{}：有 {} {unit}因空白、占位或未列出的单元格无法核对（第一处：{}）",
                family.description(),
                open.len(),
                first.subject
            ),
        );
        finding.help("把空白或“/”等单元格填为实际数字（没有的填 0）后再检查。");
        for identity in open {
            finding.related(
                instance_label(identity),
                Location::cell(&identity.anchor_key()),
            );
        }
    }
}

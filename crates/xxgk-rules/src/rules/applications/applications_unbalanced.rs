//! T301 applications-unbalanced: identity I-1, the one the official table prints.

use xxgk_model::Report;

use crate::Severity;
use crate::context::Context;
use crate::identity::Family;
use crate::rule::Rule;
use crate::rules::report_violations;

pub(crate) static RULE: Rule = Rule {
    code: "T301",
    name: "applications-unbalanced",
    severity: Severity::Error,
    summary: "表三某列“第一项加第二项之和”不等于“第三项加第四项之和”",
    explanation: include_str!("applications_unbalanced.md"),
    check,
};

fn check(_: &Report, cx: &mut Context<'_>) {
    report_violations(
        cx,
        Family::Balance,
        "按表三注释核对本列：“一、本年新收”加“二、上年结转”之和，应等于“三、本年度办理结果”中“（七）总计”加“四、结转下年度继续办理”之和。",
    );
}

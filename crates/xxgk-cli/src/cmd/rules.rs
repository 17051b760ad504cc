//! `xxgk rules`: the list of rules, or docs/rules.md.

use std::fmt::Write;
use std::process::ExitCode;

use anyhow::Result;

use unicode_width::UnicodeWidthStr;
use xxgk_rules::registry::rules;

/// Arguments of `xxgk rules`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// 输出 docs/rules.md 的全文（Markdown）。
    #[arg(long)]
    markdown: bool,
}

pub(crate) fn run(args: &Args) -> Result<ExitCode> {
    if args.markdown {
        crate::out::print(&xxgk_rules::docs::markdown())?;
    } else {
        crate::out::print(&list())?;
    }
    Ok(ExitCode::SUCCESS)
}

/// One line per rule: code, name, default severity, summary, in aligned columns.
fn list() -> String {
    let width = rules().iter().map(|r| r.name.width()).max().unwrap_or(0);
    let mut out = String::new();
    for rule in rules() {
        let _ = writeln!(
            out,
            "{}  {:width$}  {}  {}",
            rule.code,
            rule.name,
            rule.severity.label(),
            rule.summary
        );
    }
    let _ = write!(
        out,
        "\n共 {} 条规则。用 xxgk explain 代码或名称 查看一条规则的说明。\n",
        rules().len()
    );
    out
}

//! `xxgk explain`: one rule's explanation.

use std::process::ExitCode;

use anyhow::{Result, bail};
use xxgk_rules::registry::find;

/// Arguments of `xxgk explain`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// 规则代码（如 T301）或名称（如 applications-unbalanced）。
    rule: String,
}

pub(crate) fn run(args: &Args) -> Result<ExitCode> {
    let Some(rule) = find(&args.rule) else {
        bail!("没有规则“{}”；运行 xxgk rules 查看全部规则", args.rule);
    };
    crate::out::print(&xxgk_rules::docs::section(rule))?;
    Ok(ExitCode::SUCCESS)
}

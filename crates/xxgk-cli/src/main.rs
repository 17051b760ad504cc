//! The `xxgk` command. The only crate of the workspace that prints, touches files
//! or reads the environment.
#![allow(clippy::print_stderr)]

mod batch;
mod cmd;
mod errors;
mod files;
mod help;
mod input;
mod limits;
mod out;
mod shown;

use std::process::ExitCode;

use clap::error::ErrorKind;
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use xxgk_model::FormatVersion;

/// xxgk：政府信息公开工作年度报告工具（模板、检查、导入、导出、排版）。
#[derive(Debug, Parser)]
#[command(
    name = "xxgk",
    version,
    about = "xxgk：政府信息公开工作年度报告工具（模板、检查、导入、导出、排版）。",
    long_about = None
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// 生成空白年度报告（TOML），按报告年度选用正确的格式版本。
    Init(cmd::init::Args),
    /// 检查年度报告（网页、文本、Word、PDF 文件，模型文件或 CSV）：表格勾稽关系、结构、法定内容、日期；有错误时退出码为 1。
    Check(cmd::check::Args),
    /// 列出全部检查规则（代码、名称、默认级别、检查内容）。
    Rules(cmd::rules::Args),
    /// 显示一条规则的说明：检查内容、原因、示例、正确写法、依据。
    Explain(cmd::explain::Args),
    /// 按官方格式排版输出年度报告（读入模型文件或已发布的报告）：纯文本、Markdown、HTML 网页或 Word 文档。
    Render(cmd::render::Args),
    /// 导入已发布的年度报告（网页、文本、Word、PDF 文件），输出模型文件（TOML/JSON）；导入说明写到标准错误。
    Import(cmd::import::Args),
    /// 把一个或多个年度报告导出为长格式 CSV（每个单元格一行）。
    Export(cmd::export::Args),
    /// 汇总同一年度的多个年度报告：表格逐个单元格相加，写成一个模型文件（如全市合计），列出已汇总、未汇总的报告及原因；有未汇总的文件或留空的单元格时退出码为 1。
    Sum(cmd::sum::Args),
    /// 在浏览器中检查和填报年度报告：启动本机网页服务（默认端口 8421），文件只在本机处理。
    Serve(cmd::serve::Args),
    /// 显示帮助：xxgk help 列出全部命令，xxgk help 命令 显示一个命令的用法。
    Help(HelpArgs),
}

/// Arguments of `xxgk help`.
#[derive(Debug, clap::Args)]
struct HelpArgs {
    /// 命令名称（如 check）；不写时列出全部命令。
    #[arg(value_name = "命令")]
    command: Option<String>,
}

/// `xxgk help [命令]`: the page `xxgk [命令] --help` shows.
fn help(asked: &HelpArgs) -> ExitCode {
    let mut line = vec!["xxgk"];
    line.extend(asked.command.as_deref());
    line.push("--help");
    match help::localize(Cli::command(), true).try_get_matches_from(line) {
        Err(err) if err.kind() == ErrorKind::DisplayHelp => {
            let _ = crate::out::print(&err.render().to_string());
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("{}", help::error_message(&err));
            ExitCode::from(EXIT_FAILURE)
        }
        Ok(_) => ExitCode::SUCCESS,
    }
}

/// Exit code when the tool could not do what was asked (bad arguments, unreadable
/// input, a file it may not overwrite).
const EXIT_FAILURE: u8 = 2;

/// What `xxgk --version` says: the program's version, the official formats it
/// knows, and the rules it checks with — their number and a fingerprint of the
/// rule set (codes, names, default severities), so that two offices comparing
/// results can tell whether they ran the same checks.
fn version() -> String {
    let rules = xxgk_rules::registry::rules();
    // FNV-1a over the rule set: stable across runs and platforms.
    let mut hash: u32 = 0x811c_9dc5;
    for rule in rules {
        for b in format!("{} {} {}\n", rule.code, rule.name, rule.severity.label()).bytes() {
            hash = (hash ^ u32::from(b)).wrapping_mul(0x0100_0193);
        }
    }
    let formats: Vec<String> = [
        (FormatVersion::V2019, "2019 年试行格式，2019、2020 年度"),
        (FormatVersion::V2021, "2021 年格式，2021 年度起"),
    ]
    .iter()
    .map(|(v, what)| format!("{}（{what}）", v.spec().document))
    .collect();
    format!(
        "{}\n统一格式：{}\n检查规则：{} 条，规则集 {hash:08x}",
        env!("CARGO_PKG_VERSION"),
        formats.join("；"),
        rules.len()
    )
}

/// The command line, parsed with Chinese help and errors (see `help`).
fn parse() -> Result<Cli, ExitCode> {
    // clap takes a `&'static str` (an owned one needs its `string` feature); the
    // text is made once per run.
    let version: &'static str = Box::leak(version().into_boxed_str());
    let parsed = help::localize(Cli::command().version(version), true)
        .try_get_matches()
        .and_then(|m| Cli::from_arg_matches(&m));
    parsed.map_err(|err| match err.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            // Help and version go to standard output; a closed pipe is no matter.
            let _ = err.print();
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{}", help::error_message(&err));
            ExitCode::from(EXIT_FAILURE)
        }
    })
}

fn main() -> ExitCode {
    let cli = match parse() {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    files::on_interrupt();
    let result = match cli.command {
        Command::Init(args) => cmd::init::run(&args),
        Command::Check(args) => cmd::check::run(&args),
        Command::Rules(args) => cmd::rules::run(&args),
        Command::Explain(args) => cmd::explain::run(&args),
        Command::Render(args) => cmd::render::run(&args),
        Command::Import(args) => cmd::import::run(&args),
        Command::Export(args) => cmd::export::run(&args),
        Command::Sum(args) => cmd::sum::run(&args),
        Command::Serve(args) => cmd::serve::run(&args),
        Command::Help(args) => return help(&args),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("错误：{}", shown::escaped(&errors::message(&err)));
            ExitCode::from(EXIT_FAILURE)
        }
    }
}

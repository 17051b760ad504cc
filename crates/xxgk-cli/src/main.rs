//! The `xxgk` command. The only crate of the workspace that prints, touches files
//! or reads the environment.
#![allow(clippy::print_stderr)]

mod cmd;
mod files;
mod help;
mod import_notes;
mod input;
mod limits;
mod out;
mod report_print;
mod shown;
mod source_view;
mod toml_source;

use std::process::ExitCode;

use clap::error::ErrorKind;
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

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
    /// 检查年度报告（网页、文本、Word 文件或模型文件）：表格勾稽关系、结构、法定内容、日期；有错误时退出码为 1。
    Check(cmd::check::Args),
    /// 列出全部检查规则（代码、名称、默认级别、检查内容）。
    Rules(cmd::rules::Args),
    /// 显示一条规则的说明：检查内容、原因、示例、正确写法、依据。
    Explain(cmd::explain::Args),
    /// 按官方格式排版输出年度报告（读入模型文件或已发布的报告）：纯文本、Markdown、HTML 网页或 Word 文档。
    Render(cmd::render::Args),
    /// 导入已发布的年度报告（网页、文本、Word 文件），输出模型文件（TOML/JSON）；导入说明写到标准错误。
    Import(cmd::import::Args),
    /// 把一个或多个年度报告导出为长格式 CSV（每个单元格一行）。
    Export(cmd::export::Args),
}

/// Exit code when the tool could not do what was asked (bad arguments, unreadable
/// input, a file it may not overwrite).
const EXIT_FAILURE: u8 = 2;

/// The command line, parsed with Chinese help and errors (see `help`).
fn parse() -> Result<Cli, ExitCode> {
    let parsed = help::localize(Cli::command(), true)
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
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("错误：{}", shown::escaped(&format!("{err:#}")));
            ExitCode::from(EXIT_FAILURE)
        }
    }
}

//! `xxgk render`: a report in the official layout as text, Markdown, HTML or Word.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Result, bail};
use clap::ValueEnum;
use xxgk_render::{Format, HtmlOptions, Options, TextOptions};

use crate::files::write_atomic;
use crate::input::{Overrides, load_with};

/// Arguments of `xxgk render`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// 报告文件：模型文件（.toml、.json），或网页（HTML）、文本、Word 文件（.docx）等已发布的报告。
    file: PathBuf,
    #[command(flatten)]
    overrides: Overrides,
    /// 输出格式：txt 纯文本（与从网页复制的文本同形）、md Markdown、html 网页、docx Word 文档。
    #[arg(long, value_enum)]
    to: To,
    /// 输出文件；“-”为标准输出。不指定时 txt/md/html 写到标准输出，docx 写到输入文件旁的同名 .docx 文件。
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// 仅 html：只输出报告本身（article 元素及其样式），供粘贴到网站内容管理系统。
    #[arg(long)]
    fragment: bool,
    /// 仅 txt：表格中合并单元格所占的每个位置都输出一个空字段（便于粘贴到电子表格）。
    #[arg(long)]
    expand_merged: bool,
    /// 覆盖已存在的输出文件。
    #[arg(long)]
    force: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum To {
    Txt,
    Md,
    Html,
    Docx,
}

impl From<To> for Format {
    fn from(to: To) -> Format {
        match to {
            To::Txt => Format::Text,
            To::Md => Format::Markdown,
            To::Html => Format::Html,
            To::Docx => Format::Docx,
        }
    }
}

/// Where the output goes.
enum Destination {
    Stdout,
    File(PathBuf),
}

fn destination(args: &Args, format: Format) -> Destination {
    match &args.output {
        Some(p) if p.as_os_str() == "-" => Destination::Stdout,
        Some(p) => Destination::File(p.clone()),
        None if format.is_text() => Destination::Stdout,
        None => Destination::File(args.file.with_extension(format.extension())),
    }
}

pub(crate) fn run(args: &Args) -> Result<ExitCode> {
    let format = Format::from(args.to);
    if args.fragment && format != Format::Html {
        bail!("--fragment 只用于 --to html");
    }
    if args.expand_merged && format != Format::Text {
        bail!("--expand-merged 只用于 --to txt");
    }
    let destination = destination(args, format);
    if let Destination::File(path) = &destination
        && path == &args.file
    {
        bail!("输出文件与输入文件相同：{}", path.display());
    }
    if matches!(destination, Destination::Stdout)
        && !format.is_text()
        && std::io::stdout().is_terminal()
    {
        bail!("Word 文件是二进制内容，不能输出到终端；请用 -o 指定输出文件");
    }
    // A published report is imported first; how it was read goes to stderr, as
    // with `xxgk import`.
    let loaded = load_with(&args.file, &args.overrides)?;
    eprint!("{}", loaded.notes_text());
    let report = loaded.report;
    let options = Options {
        text: TextOptions {
            expand_merged: args.expand_merged,
        },
        html: HtmlOptions {
            fragment: args.fragment,
        },
    };
    let mut bytes = xxgk_render::render(&report, format, &options)?;
    // Plain text is read on a terminal: control and bidirectional characters of
    // the report are shown escaped (Markdown, HTML and Word keep them).
    if format == Format::Text
        && let Ok(text) = std::str::from_utf8(&bytes)
        && let std::borrow::Cow::Owned(shown) = crate::shown::escaped(text)
    {
        bytes = shown.into_bytes();
    }
    match destination {
        Destination::Stdout => {
            crate::out::write(&bytes)?;
        }
        Destination::File(path) => {
            write_atomic(&path, &bytes, args.force, &[&args.file])?;
            crate::out::println(&crate::shown::escaped(&format!(
                "已写入 {}",
                path.display()
            )))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

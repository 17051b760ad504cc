//! `xxgk render`: a report in the official layout as text, Markdown, HTML or Word.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Result, bail};
use clap::ValueEnum;
use xxgk_render::{Format, HtmlOptions, Options, TextOptions};

use crate::files::write_atomic;
use crate::input::{Overrides, load_with};

/// Arguments of `xxgk render`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// 报告文件：模型文件（.toml、.json），或网页（HTML）、文本、Word、PDF 文件等已发布的报告，或 xxgk export 写出的 CSV；“-”为标准输入。
    file: PathBuf,
    #[command(flatten)]
    overrides: Overrides,
    /// 输出格式：txt 纯文本（与从网页复制的文本同形）、md Markdown、html 网页、docx Word 文档；不指定时按 -o 文件的扩展名。
    #[arg(long, value_enum)]
    to: Option<To>,
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

impl To {
    /// The format an output file's extension names, if any.
    fn of_path(path: &Path) -> Option<To> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "txt" | "text" => To::Txt,
            "md" | "markdown" => To::Md,
            "html" | "htm" => To::Html,
            "docx" => To::Docx,
            _ => return None,
        })
    }

    fn name(self) -> &'static str {
        match self {
            To::Txt => "txt",
            To::Md => "md",
            To::Html => "html",
            To::Docx => "docx",
        }
    }
}

/// The format to write: `--to`, else the output file's extension. A `--to` the
/// extension contradicts is written as asked, with a warning (`out.html` holding
/// a Word file is a mistake a user wants to hear about).
fn output_format(args: &Args) -> Result<To> {
    let named = args
        .output
        .as_deref()
        .filter(|p| p.as_os_str() != "-")
        .and_then(To::of_path);
    match (args.to, named) {
        (Some(to), Some(ext)) if to != ext => {
            let path = args.output.as_deref().unwrap_or(Path::new(""));
            eprintln!(
                "警告：输出文件 {} 的扩展名表示 {}，但 --to 是 {}：按 --to 写出 {} 内容",
                path.display(),
                ext.name(),
                to.name(),
                to.name()
            );
            Ok(to)
        }
        (Some(to), _) => Ok(to),
        (None, Some(ext)) => Ok(ext),
        (None, None) => bail!(
            "请用 --to 指定输出格式（txt、md、html、docx），或用 -o 给出带这些扩展名的输出文件"
        ),
    }
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
    let format = Format::from(output_format(args)?);
    if args.fragment && format != Format::Html {
        bail!("--fragment 只用于 --to html");
    }
    if args.expand_merged && format != Format::Text {
        bail!("--expand-merged 只用于 --to txt");
    }
    if args.output.is_none() && !format.is_text() && crate::files::is_stdin(&args.file) {
        bail!("从标准输入读取时，请用 -o 指定 Word 文件的输出路径");
    }
    let destination = destination(args, format);
    if let Destination::File(path) = &destination
        && path == &args.file
    {
        bail!(
            "输出文件与输入文件相同：{}；请用 -o 指定另一个输出文件",
            path.display()
        );
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
    let options = Options::default()
        .text(TextOptions::default().expand_merged(args.expand_merged))
        .html(HtmlOptions::default().fragment(args.fragment));
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
            eprintln!(
                "{}",
                crate::shown::escaped(&format!("已写入 {}", path.display()))
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

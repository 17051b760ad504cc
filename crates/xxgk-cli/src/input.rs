//! Reading any file the importer reads: a published report (text, HTML page, Word
//! file) or a model file (TOML/JSON), with its source map, what to show at each
//! position, and the import notes. A PDF file is read through its text as
//! `pdftotext -layout` (poppler-utils) extracts it, when that program is installed.

use std::fmt::Write as _;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};
use clap::ValueEnum;
use xxgk_import::{ImportNote, ImportOptions, InputKind, import_with_document, is_pdf};
use xxgk_model::schema::TableId;
use xxgk_model::{BodyKind, Report, SectionId, SourceMap};

use crate::files::is_stdin;

use crate::limits::{
    MAX_INPUT_BYTES, MAX_PDF_TEXT_BYTES, PDF_TIMEOUT_VAR, RunError, pdf_timeout, read_input,
    run_bounded,
};
use crate::source_view::SourceView;
use crate::toml_source;

/// What the user may say about a published report instead of what it says about
/// itself; shared by every command that reads one.
#[derive(Debug, Clone, Default, clap::Args)]
pub(crate) struct Overrides {
    /// 报告年度，覆盖从标题读出的年度（用于已发布的报告和 CSV；模型文件的年度写在文件里）。
    #[arg(long)]
    year: Option<i32>,
    /// 机关类别，覆盖按机关名称推断的类别（用于已发布的报告和 CSV）。
    #[arg(long, value_enum)]
    kind: Option<Kind>,
    /// 发布机关，覆盖从标题读出的机关名称（用于已发布的报告和 CSV）。
    #[arg(long)]
    agency: Option<String>,
}

impl Overrides {
    fn options(&self) -> ImportOptions {
        let mut options = ImportOptions::default();
        options.year = self.year;
        options.kind = self.kind.map(Into::into);
        options.agency.clone_from(&self.agency);
        options
    }

    fn is_empty(&self) -> bool {
        self.year.is_none() && self.kind.is_none() && self.agency.is_none()
    }
}

/// A report loaded from a file, with everything needed to point into that file.
#[derive(Debug, Clone)]
pub(crate) struct Loaded {
    /// The file as given.
    pub(crate) path: PathBuf,
    /// The report.
    pub(crate) report: Report,
    /// Where each part came from: the importer's map for a published report, the
    /// line of each key for a TOML model file, nothing for a JSON model file.
    pub(crate) source: SourceMap,
    /// How the import went: tolerances and unreadable parts, with positions.
    pub(crate) notes: Vec<ImportNote>,
    /// What the file holds at each position.
    pub(crate) view: SourceView,
    /// What the file was read as.
    pub(crate) kind: InputKind,
    /// Tables the file prints that were not read in full (from the notes).
    pub(crate) unread: Vec<TableId>,
    /// Sections the file may print that the reading could not tell apart (from
    /// the notes).
    pub(crate) unfound: Vec<SectionId>,
    /// The file is a PDF, read through the text `pdftotext -layout` extracts
    /// from it: positions are lines and columns of that text.
    pub(crate) pdf: bool,
}

/// Reads a file as it says it is.
pub(crate) fn load(path: &Path) -> Result<Loaded> {
    load_with(path, &Overrides::default())
}

/// Reads a file; the overrides apply to a published report, and are refused for
/// a model file (its `[meta]` says what they would).
pub(crate) fn load_with(path: &Path, overrides: &Overrides) -> Result<Loaded> {
    let stdin = is_stdin(path);
    let bytes = if stdin {
        read_stdin()?
    } else {
        read_input(path)?
    };
    let pdf = is_pdf(&bytes);
    if pdf && stdin {
        bail!("从标准输入读取 PDF 文件不受支持：请给出 PDF 文件的路径");
    }
    let bytes = if pdf {
        pdf_text(path)?.into_bytes()
    } else {
        bytes
    };
    let mut options = overrides.options();
    options.file_name = path
        .file_name()
        .filter(|_| !pdf && !stdin)
        .map(|n| n.to_string_lossy().into_owned());
    let (imported, doc) = import_with_document(&bytes, &options)
        .map_err(|e| crate::errors::import_error(path, &bytes, e))?;
    let kind = imported.kind;
    let unread = imported.unread_tables();
    let unfound = imported.unfound_sections();
    let model = matches!(kind, InputKind::ModelToml | InputKind::ModelJson);
    if model && !overrides.is_empty() {
        bail!(
            "{} 是模型文件，年度、机关类别和机关名称写在它的 [meta] 中；--year、--kind、--agency 只用于已发布的报告（网页、文本、Word、PDF 文件）和 CSV",
            path.display()
        );
    }
    // A TOML model file maps each key to its line, so that a preparer sees the
    // line to edit.
    let source = match (kind, imported.source_text.as_deref()) {
        (InputKind::ModelToml, Some(text)) => toml_source::source_map(text).unwrap_or_default(),
        _ => imported.source,
    };
    let view = match (kind, doc, imported.source_text) {
        (InputKind::Docx, Some(doc), _) => SourceView::word(&doc),
        (_, _, Some(text)) if pdf => SourceView::PdfText(text.into()),
        (_, _, Some(text)) => SourceView::Lines(text.into()),
        _ => SourceView::Nothing,
    };
    Ok(Loaded {
        path: path.to_owned(),
        report: imported.report,
        source,
        notes: imported.notes,
        view,
        kind,
        unread,
        unfound,
        pdf,
    })
}

/// Standard input, to its end or to [`MAX_INPUT_BYTES`]; refused when it is a
/// terminal (a user who typed `-` by mistake would wait for nothing).
fn read_stdin() -> Result<Vec<u8>> {
    use std::io::{IsTerminal, Read};
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        bail!(
            "“-”表示从标准输入读取报告，但标准输入是终端；请用管道或重定向，如 xxgk check - < 报告.txt"
        );
    }
    let mut bytes = Vec::new();
    stdin
        .lock()
        .take(MAX_INPUT_BYTES + 1)
        .read_to_end(&mut bytes)
        .context("无法读取标准输入")?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        bail!(
            "标准输入超过 {} MiB，超出 xxgk 读取一份报告的上限",
            MAX_INPUT_BYTES >> 20
        );
    }
    Ok(bytes)
}

/// The program that extracts a PDF's text, and the options it is run with.
const PDFTOTEXT: &str = "pdftotext";
const PDFTOTEXT_ARGS: &[&str] = &["-layout", "-enc", "UTF-8"];

/// The text of a PDF file as `pdftotext -layout` extracts it: each page's lines
/// with their cells aligned by spaces, pages separated by a form feed. The path
/// follows `--`, so that a file named like an option (`-listenc`) is a file; the
/// program is stopped after the time limit or once its text passes the size
/// limit (docs/limits.md).
fn pdf_text(path: &Path) -> Result<String> {
    let timeout = pdf_timeout()?;
    let mut command = Command::new(PDFTOTEXT);
    command.args(PDFTOTEXT_ARGS).arg("--").arg(path).arg("-");
    let output = match run_bounded(&mut command, timeout, MAX_PDF_TEXT_BYTES) {
        Ok(o) => o,
        Err(RunError::Timeout) => bail!(
            "{} 是 PDF 文件，pdftotext 运行超过 {} 秒仍未结束，已停止（可用环境变量 {PDF_TIMEOUT_VAR} 调整时限，单位为秒）",
            path.display(),
            timeout.as_secs()
        ),
        Err(RunError::TooLarge) => bail!(
            "{} 是 PDF 文件，pdftotext 提取的文字超过 {} MiB 上限，已停止",
            path.display(),
            MAX_PDF_TEXT_BYTES >> 20
        ),
        Err(RunError::Spawn(e)) if e.kind() == ErrorKind::NotFound => bail!(
            "{} 是 PDF 文件：xxgk 用 pdftotext 提取其文字，但本机没有安装；请安装 poppler-utils（Debian/Ubuntu：apt install poppler-utils；Windows、macOS 另有 poppler 的安装包），或先把 PDF 转为文本（pdftotext -layout 报告.pdf 报告.txt）再读取",
            path.display()
        ),
        Err(RunError::Spawn(e)) => bail!(
            "{} 是 PDF 文件，运行 pdftotext 失败：{}",
            path.display(),
            crate::errors::io_words(&e)
        ),
    };
    if !output.status.success() {
        // pdftotext's own words (English) only in parentheses, for whoever helps.
        let why = String::from_utf8_lossy(&output.stderr);
        let status = output
            .status
            .code()
            .map_or_else(|| "被信号终止".to_owned(), |c| format!("退出码 {c}"));
        bail!(
            "{} 是 PDF 文件，pdftotext 无法提取其文字，文件可能已损坏或加密（{status}；pdftotext 的输出：{}）",
            path.display(),
            why.trim()
        );
    }
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    if text.chars().all(char::is_whitespace) {
        bail!(
            "{} 是 PDF 文件，但其中没有可提取的文字（可能是扫描的图片）；请取得网页、Word 或文字版 PDF 的报告",
            path.display()
        );
    }
    Ok(text)
}

impl Loaded {
    /// The path as the user gave it, for messages (`标准输入` for `-`).
    pub(crate) fn name(&self) -> String {
        if is_stdin(&self.path) {
            "标准输入".to_owned()
        } else {
            self.path.display().to_string()
        }
    }

    /// The import notes, one per line: `file:line:column: 导入说明[code]：message`.
    pub(crate) fn notes_text(&self) -> String {
        self.notes_text_where(|_| true)
    }

    /// The import notes `keep` keeps, as [`Loaded::notes_text`] writes them.
    pub(crate) fn notes_text_where(&self, keep: impl Fn(&ImportNote) -> bool) -> String {
        let name = self.name();
        let mut out = String::new();
        for n in self.notes.iter().filter(|n| keep(n)) {
            let source = crate::snippet::Source {
                path: &name,
                view: &self.view,
            };
            let _ = writeln!(
                out,
                "{}: 导入说明[{}]：{}",
                n.pos.map_or_else(|| name.clone(), |pos| source.at(pos)),
                n.code,
                n.message
            );
        }
        crate::shown::escaped(&out).into_owned()
    }
}

impl Loaded {
    /// How the input was read, as the JSON output names it (`pdf` for a PDF read
    /// through its extracted text).
    pub(crate) fn input_name(&self) -> &'static str {
        if self.pdf { "pdf" } else { self.kind.as_str() }
    }

    /// How a published report was read, in words; `None` for model files.
    pub(crate) fn read_as(&self) -> Option<&'static str> {
        if self.pdf {
            return Some("从 PDF 导入：读的是 pdftotext -layout 提取的文字，行号、列号指该文字");
        }
        match self.kind {
            InputKind::Text => Some("从文本导入"),
            InputKind::Html => Some("从网页导入"),
            InputKind::Docx => Some("从 Word 文件导入"),
            InputKind::LongCsv => {
                Some("从 CSV 读入：只含表格，各部分的标题、正文和日期不在其中，未作检查")
            }
            _ => None,
        }
    }
}

/// The kind of body, as the command line names it.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum Kind {
    /// 人民政府，次年 3 月 31 日前公布
    Government,
    /// 政府部门，次年 1 月 31 日前公布
    Department,
    /// 其他机关
    Other,
}

impl From<Kind> for BodyKind {
    fn from(k: Kind) -> BodyKind {
        match k {
            Kind::Government => BodyKind::Government,
            Kind::Department => BodyKind::Department,
            Kind::Other => BodyKind::Other,
        }
    }
}

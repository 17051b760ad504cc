//! Reading a report file for a command: its bytes (a regular file within the
//! input limit, or standard input), read by the library into an
//! [`xxgk::ReportFile`]; what went wrong said as the user reads it. A PDF file's
//! text is extracted by `pdftotext -layout` (poppler-utils), within the time limit
//! the environment may set (docs/limits.md).

use std::path::Path;

use anyhow::{Context, Result, bail};
use clap::ValueEnum;
use xxgk::import::{Pdftotext, is_pdf};
use xxgk::model::BodyKind;
use xxgk::{Checker, ReportFile};

use crate::files::{is_stdin, name};
use crate::limits::{MAX_INPUT_BYTES, pdf_timeout, read_input};

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
    /// A checker that reads files with these overrides.
    pub(crate) fn checker(&self) -> Checker {
        let mut checker = Checker::new();
        if let Some(year) = self.year {
            checker = checker.year(year);
        }
        if let Some(kind) = self.kind {
            checker = checker.kind(kind.into());
        }
        if let Some(agency) = &self.agency {
            checker = checker.agency(agency.clone());
        }
        checker
    }
}

/// Reads a file as it says it is.
pub(crate) fn load(path: &Path) -> Result<ReportFile> {
    load_with(path, &Overrides::default())
}

/// Reads a file; the overrides apply to a published report, and are refused for
/// a model file (its `[meta]` says what they would).
pub(crate) fn load_with(path: &Path, overrides: &Overrides) -> Result<ReportFile> {
    read_with(&overrides.checker(), path)
}

/// Reads a file as `checker` reads files; a PDF's text is extracted within the
/// time limit the environment sets.
pub(crate) fn read_with(checker: &Checker, path: &Path) -> Result<ReportFile> {
    let bytes = if is_stdin(path) {
        read_stdin()?
    } else {
        read_input(path)?
    };
    let name = name(path);
    // The environment's time limit matters (and a bad value is an error) only
    // for a PDF.
    let read = if is_pdf(&bytes) {
        let pdftotext = Pdftotext::new().timeout(pdf_timeout()?);
        checker.clone().pdf_extractor(pdftotext).read(&bytes, &name)
    } else {
        checker.read(&bytes, &name)
    };
    read.map_err(|e| crate::errors::read_error(&name, &bytes, e))
}

/// Standard input, to its end or to [`MAX_INPUT_BYTES`]; refused when it is a
/// terminal (a user who typed `-` by mistake would wait for nothing).
pub(crate) fn read_stdin() -> Result<Vec<u8>> {
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

//! `xxgk check`: checks a report — a published page, text or Word file, or a model
//! file — and prints what it finds, with the line of the user's file each finding
//! concerns and the import notes that bear on the findings.
//!
//! The work per file is [`check_loaded`] and the two outputs of [`Checked`], so
//! that a batch command can run them over many files.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::ValueEnum;
use xxgk_import::InputKind;
use xxgk_model::SourceMap;
use xxgk_rules::{CheckOptions, Config, Findings, Level, Location, WhichReport, check_with};

use crate::files::read_text;
use crate::import_notes::Places;
use crate::input::{Loaded, Overrides, load, load_with};
use crate::report_print::{self, Printed, ShownNote};
use crate::snippet::Source;

/// Arguments of `xxgk check`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// 要检查的年度报告：网页（HTML）、复制或从 PDF 提取的文本、Word 文件（.docx）、PDF 文件（需 pdftotext）、模型文件（.toml、.json），或 xxgk export 写出的 CSV；“-”为标准输入。
    file: PathBuf,
    #[command(flatten)]
    overrides: Overrides,
    /// 输出格式：text（按部分分组的文字）或 json（docs/diagnostics.md 所述的固定结构）。
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// 配置文件（TOML）：关闭规则、调整级别、设定本地公布期限，见 docs/rules.md。
    #[arg(long)]
    config: Option<PathBuf>,
    /// 同一机关上一年度的报告（可读的文件同上），用于跨年度核对。
    #[arg(long)]
    previous: Option<PathBuf>,
    /// 列出全部导入说明，包括确定无误的容错（如“1、”读作“1.”）；默认只列出可能影响检查结果的。
    #[arg(long)]
    notes: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
}

/// The version of the JSON output's schema (docs/diagnostics.md); raised only on
/// changes that break readers.
const JSON_VERSION: u32 = 1;

/// Exit code when the report has errors.
const EXIT_ERRORS: u8 = 1;

pub(crate) fn run(args: &Args) -> Result<ExitCode> {
    let config = match &args.config {
        Some(path) => read_config(path)?,
        None => Config::default(),
    };
    let current = load_with(&args.file, &args.overrides)?;
    let previous = args
        .previous
        .as_deref()
        .map(|p| load(p).context("上年报告无法读取"))
        .transpose()?;
    let mut config = config;
    if current.kind == InputKind::LongCsv {
        tables_only(&mut config);
    }
    let checked = check_loaded(current, previous, &config);
    match args.format {
        Format::Text => crate::out::print(&crate::shown::escaped(&checked.text(args.notes)))?,
        Format::Json => crate::out::println(&checked.json()?)?,
    }
    Ok(if checked.findings.has_errors() {
        ExitCode::from(EXIT_ERRORS)
    } else {
        ExitCode::SUCCESS
    })
}

/// The rules that look at what a CSV of cells cannot hold: sections, headings,
/// their order, the text, dates. A CSV holds the tables only; these rules would
/// report its missing sections as the report's.
fn tables_only(config: &mut Config) {
    const NOT_IN_TABLES: [&str; 3] = [
        "section-missing",
        "heading-not-official",
        "sections-out-of-order",
    ];
    for rule in xxgk_rules::registry::rules() {
        let text = matches!(rule.category(), "法定内容" | "日期" | "正文");
        if text || NOT_IN_TABLES.contains(&rule.name) {
            let _ = config.set_level(rule.code, Level::Off);
        }
    }
}

/// The configuration file: its TOML errors with the line and the fix, then
/// what the rules say of its keys.
fn read_config(path: &Path) -> Result<Config> {
    let text = read_text(path)?;
    if let Err(e) = text.parse::<toml::Table>() {
        let e = xxgk_import::toml_error(&text, &e);
        bail!(crate::errors::model_file(
            path,
            text.as_bytes(),
            &e,
            "配置文件有误"
        ));
    }
    Config::from_toml(&text).with_context(|| format!("配置文件 {} 有误", path.display()))
}

/// A report checked, with the files it was read from.
#[derive(Debug)]
pub(crate) struct Checked {
    pub(crate) current: Loaded,
    pub(crate) previous: Option<Loaded>,
    pub(crate) findings: Findings,
}

/// Checks a loaded report (and last year's, if given): every location gets its
/// position in the file it was read from.
pub(crate) fn check_loaded(current: Loaded, previous: Option<Loaded>, config: &Config) -> Checked {
    let mut options = CheckOptions::default()
        .config(config)
        .source(&current.source)
        .unread(&current.unread)
        .unfound(&current.unfound);
    options.previous = previous.as_ref().map(|l| &l.report);
    let mut findings = check_with(&current.report, &options);
    if let Some(previous) = &previous {
        locate_previous(&mut findings, &previous.source);
    }
    Checked {
        current,
        previous,
        findings,
    }
}

/// Places in last year's report get their positions in last year's file (the
/// rules locate places in the current report only).
fn locate_previous(findings: &mut Findings, map: &SourceMap) {
    let locate = |l: &mut Location| {
        if l.document == WhichReport::Previous {
            l.source = map.lookup(&l.pointer);
        }
    };
    for d in &mut findings.diagnostics {
        locate(&mut d.location);
        d.related.iter_mut().for_each(|r| locate(&mut r.location));
    }
}

impl Checked {
    /// The files' import notes with the report they belong to, in order: this
    /// year's, then last year's.
    fn all_notes(&self) -> impl Iterator<Item = ShownNote<'_>> {
        fn of(l: &Loaded, document: WhichReport) -> impl Iterator<Item = ShownNote<'_>> {
            l.notes.iter().map(move |note| ShownNote { document, note })
        }
        of(&self.current, WhichReport::Current).chain(
            self.previous
                .iter()
                .flat_map(|p| of(p, WhichReport::Previous)),
        )
    }

    /// The text output; `all_notes` lists every import note, not only the
    /// significant ones.
    pub(crate) fn text(&self, all_notes: bool) -> String {
        let places = Places::new(&self.findings.diagnostics);
        let (mut shown, hidden): (Vec<ShownNote<'_>>, Vec<ShownNote<'_>>) = self
            .all_notes()
            .partition(|n| all_notes || places.significant(n.note, n.document));
        // In the order of the file (this year's, then last year's); notes without a
        // position first, as they concern the file as a whole.
        shown.sort_by_key(|n| (n.document == WhichReport::Previous, n.note.pos));
        let current = self.current.name();
        let previous = self.previous.as_ref().map(Loaded::name);
        report_print::render(&Printed {
            report: &self.current.report,
            findings: &self.findings,
            read_as: self.current.read_as(),
            current: Source {
                path: &current,
                view: &self.current.view,
            },
            previous: self
                .previous
                .as_ref()
                .zip(previous.as_deref())
                .map(|(l, path)| Source {
                    path,
                    view: &l.view,
                }),
            notes: &shown,
            hidden_notes: hidden.len(),
        })
    }

    /// The JSON document of docs/diagnostics.md.
    pub(crate) fn json(&self) -> Result<String> {
        let meta = &self.current.report.meta;
        let places = Places::new(&self.findings.diagnostics);
        let notes: Vec<serde_json::Value> = self
            .all_notes()
            .map(|n| {
                serde_json::json!({
                    "document": n.document,
                    "code": n.note.code,
                    "message": n.note.message,
                    "significant": places.significant(n.note, n.document),
                    "source": n.note.pos,
                    "pointer": n.note.pointer,
                })
            })
            .collect();
        let previous = self
            .previous
            .as_ref()
            .map(|p| serde_json::json!({ "file": p.name(), "input": p.input_name() }));
        let value = serde_json::json!({
            "version": JSON_VERSION,
            "file": self.current.name(),
            "input": self.current.input_name(),
            "previous": previous,
            "report": {
                "agency": meta.agency,
                "year": meta.year,
                "kind": meta.kind,
                "format": meta.format,
            },
            "summary": self.findings.summary,
            "diagnostics": self.findings.diagnostics,
            "import_notes": notes,
        });
        serde_json::to_string_pretty(&value).context("无法生成 JSON")
    }
}

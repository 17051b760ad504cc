//! The stages a report goes through, each runnable on its own over input prepared
//! beforehand: so that a benchmark (or an instruction count) measures one stage and
//! nothing of the stages before it.

use std::fmt;

use xxgk_import::{
    Document, ImportError, ImportOptions, InputKind, decode, from_document, import, read_docx,
    read_html, read_text_within, sniff,
};
use xxgk_model::Report;
use xxgk_render::{HtmlOptions, TextOptions, to_docx, to_html, to_markdown, to_text};

/// One stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Bytes to text: encoding, byte order mark, line index (`xxgk_import::decode`).
    Decode,
    /// The front end of the file's form: decoded text, a page or a Word file to a
    /// document of paragraphs and grids (`read_text`, `read_html`, `read_docx`).
    Front,
    /// The document to a report (`xxgk_import::from_document`).
    Interpret,
    /// The three above in one call (`xxgk_import::import`).
    Import,
    /// The rules over the report (`xxgk_rules::check`).
    Check,
    /// The report written as text.
    RenderText,
    /// The report written as Markdown.
    RenderMarkdown,
    /// The report written as an HTML page.
    RenderHtml,
    /// The report written as a Word file.
    RenderDocx,
}

impl Stage {
    /// Every stage, in the order a report goes through them.
    pub const ALL: [Stage; 9] = [
        Stage::Decode,
        Stage::Front,
        Stage::Interpret,
        Stage::Import,
        Stage::Check,
        Stage::RenderText,
        Stage::RenderMarkdown,
        Stage::RenderHtml,
        Stage::RenderDocx,
    ];

    /// The stage's name on the command line and in the benchmarks' ids.
    pub fn name(self) -> &'static str {
        match self {
            Stage::Decode => "decode",
            Stage::Front => "front",
            Stage::Interpret => "interpret",
            Stage::Import => "import",
            Stage::Check => "check",
            Stage::RenderText => "render-text",
            Stage::RenderMarkdown => "render-md",
            Stage::RenderHtml => "render-html",
            Stage::RenderDocx => "render-docx",
        }
    }

    /// The stage of a name.
    pub fn from_name(name: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|s| s.name() == name)
    }
}

impl fmt::Display for Stage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The form of an input file, as the front ends see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Text (anything that is neither a page nor a Word file).
    Text,
    /// An HTML page.
    Html,
    /// A Word file.
    Docx,
}

impl Kind {
    /// The kind of a file by its bytes, as the importer tells it.
    pub fn of(bytes: &[u8]) -> Kind {
        match sniff(bytes) {
            InputKind::Docx => Kind::Docx,
            InputKind::Html => Kind::Html,
            _ => Kind::Text,
        }
    }
}

/// What one stage starts from.
#[derive(Debug)]
pub enum Prepared {
    /// The file's bytes (decode; import; a Word file's front end).
    Bytes(Kind, Vec<u8>),
    /// Decoded text (the text and HTML front ends).
    Text(Kind, String),
    /// A document (the interpreter).
    Document(Box<Document>),
    /// A report (check, render).
    Report(Box<Report>),
}

/// The most text the stages read: the generated reports go to 50 MB and more,
/// past the text front end's default limit (`xxgk_import::MAX_TEXT_BYTES`).
pub const MAX_TEXT_BYTES: usize = 1 << 30;

/// The options every stage imports with: the file's name, and a text limit
/// that reads the largest generated report whole.
pub fn options(name: &str) -> ImportOptions {
    ImportOptions::default()
        .file_name(name)
        .max_text_bytes(MAX_TEXT_BYTES)
}

/// Prepares what `stage` starts from, running the stages before it.
pub fn prepare(stage: Stage, name: &str, bytes: &[u8]) -> Result<Prepared, ImportError> {
    let kind = Kind::of(bytes);
    Ok(match stage {
        Stage::Decode | Stage::Import => Prepared::Bytes(kind, bytes.to_vec()),
        Stage::Front if kind == Kind::Docx => Prepared::Bytes(kind, bytes.to_vec()),
        Stage::Front => Prepared::Text(kind, decode(bytes).text),
        Stage::Interpret => Prepared::Document(Box::new(front(kind, bytes)?)),
        Stage::Check
        | Stage::RenderText
        | Stage::RenderMarkdown
        | Stage::RenderHtml
        | Stage::RenderDocx => Prepared::Report(Box::new(import(bytes, &options(name))?.report)),
    })
}

/// As [`prepare`], keeping the bytes themselves where the stage starts from them
/// (so that a process measured for its peak memory holds the input once).
pub fn prepare_owned(stage: Stage, name: &str, bytes: Vec<u8>) -> Result<Prepared, ImportError> {
    let kind = Kind::of(&bytes);
    match stage {
        Stage::Decode | Stage::Import => Ok(Prepared::Bytes(kind, bytes)),
        Stage::Front if kind == Kind::Docx => Ok(Prepared::Bytes(kind, bytes)),
        _ => prepare(stage, name, &bytes),
    }
}

fn front(kind: Kind, bytes: &[u8]) -> Result<Document, ImportError> {
    Ok(match kind {
        Kind::Docx => read_docx(bytes)?,
        Kind::Html => read_html(&decode(bytes).text),
        Kind::Text => read_text_within(&decode(bytes).text, MAX_TEXT_BYTES),
    })
}

/// [`run`], under a name an instruction count collects in: never inlined, so that
/// `valgrind --toggle-collect=xxgk_bench::stage::measured` counts this call and
/// nothing around it (a warm-up through [`run`] is not counted).
///
/// # Errors
/// As [`run`].
#[inline(never)]
pub fn measured(stage: Stage, input: &Prepared, name: &str) -> Result<usize, String> {
    run(stage, input, name)
}

/// Runs `stage` once on what [`prepare`] gave, returning a size of its result (so
/// that nothing is optimised away).
///
/// # Errors
/// When the stage fails on the input (a broken Word file), or the input was
/// prepared for another stage.
pub fn run(stage: Stage, input: &Prepared, name: &str) -> Result<usize, String> {
    let render_error = |e: xxgk_render::RenderError| e.to_string();
    let import_error = |e: ImportError| e.to_string();
    match (stage, input) {
        (Stage::Decode, Prepared::Bytes(Kind::Docx, _)) => {
            Err("decode: a Word file is read as a zip archive, not decoded as text".to_owned())
        }
        (Stage::Decode, Prepared::Bytes(_, bytes)) => Ok(decode(bytes).text.len()),
        (Stage::Front, Prepared::Bytes(Kind::Docx, bytes)) => {
            Ok(read_docx(bytes).map_err(import_error)?.blocks.len())
        }
        (Stage::Front, Prepared::Text(Kind::Html, text)) => Ok(read_html(text).blocks.len()),
        (Stage::Front, Prepared::Text(_, text)) => {
            Ok(read_text_within(text, MAX_TEXT_BYTES).blocks.len())
        }
        (Stage::Interpret, Prepared::Document(doc)) => Ok(from_document(doc, &options(name))
            .map_err(import_error)?
            .notes
            .len()),
        (Stage::Import, Prepared::Bytes(_, bytes)) => Ok(import(bytes, &options(name))
            .map_err(import_error)?
            .notes
            .len()),
        (Stage::Check, Prepared::Report(report)) => Ok(xxgk_rules::check(report).diagnostics.len()),
        (Stage::RenderText, Prepared::Report(report)) => {
            Ok(to_text(report, &TextOptions::default()).len())
        }
        (Stage::RenderMarkdown, Prepared::Report(report)) => Ok(to_markdown(report).len()),
        (Stage::RenderHtml, Prepared::Report(report)) => {
            Ok(to_html(report, &HtmlOptions::default()).len())
        }
        (Stage::RenderDocx, Prepared::Report(report)) => {
            Ok(to_docx(report).map_err(render_error)?.len())
        }
        (stage, _) => Err(format!("{stage}: input prepared for another stage")),
    }
}

//! One entry point over the four formats.

use xxgk_model::Report;

use crate::{HtmlOptions, RenderError, TextOptions, to_docx, to_html, to_markdown, to_text};

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// Plain text as copied from a published page.
    Text,
    /// GitHub-flavoured Markdown.
    Markdown,
    /// HTML, a page or a fragment.
    Html,
    /// A Word file.
    Docx,
}

impl Format {
    /// The usual file extension (`txt`, `md`, `html`, `docx`).
    pub fn extension(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Docx => "docx",
        }
    }

    /// Whether the output is text (UTF-8) rather than a binary package.
    pub fn is_text(self) -> bool {
        self != Format::Docx
    }
}

/// Options for [`render`], per format: `Options::default()`, then the setters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct Options {
    /// Options of the text output.
    pub text: TextOptions,
    /// Options of the HTML output.
    pub html: HtmlOptions,
}

impl Options {
    /// The options of the text output.
    #[must_use]
    pub fn text(mut self, text: TextOptions) -> Options {
        self.text = text;
        self
    }

    /// The options of the HTML output.
    #[must_use]
    pub fn html(mut self, html: HtmlOptions) -> Options {
        self.html = html;
        self
    }
}

/// Renders a report in a format: UTF-8 text for text, Markdown and HTML, the package
/// bytes for Word.
pub fn render(report: &Report, format: Format, options: &Options) -> Result<Vec<u8>, RenderError> {
    Ok(match format {
        Format::Text => to_text(report, &options.text).into_bytes(),
        Format::Markdown => to_markdown(report).into_bytes(),
        Format::Html => to_html(report, &options.html).into_bytes(),
        Format::Docx => to_docx(report)?,
    })
}

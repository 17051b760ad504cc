//! The intermediate form every front end produces: the published report as
//! paragraphs and table grids, each with where it came from, before any
//! interpretation of headings or labels.

use xxgk_model::SourcePos;

use crate::ImportNote;

/// What kind of input a file was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum InputKind {
    /// Plain text (copied from a page or a PDF, Markdown, space-aligned tables).
    Text,
    /// An HTML page.
    Html,
    /// A Word `.docx` file.
    Docx,
    /// The model's own TOML.
    ModelToml,
    /// The model's own JSON.
    ModelJson,
    /// The long-format CSV of cells that `xxgk export --csv` writes (tables only).
    LongCsv,
}

impl InputKind {
    /// The kind as written in JSON output: `text`, `html`, `docx`, `toml`, `json`,
    /// `csv`.
    pub fn as_str(self) -> &'static str {
        match self {
            InputKind::Text => "text",
            InputKind::Html => "html",
            InputKind::Docx => "docx",
            InputKind::ModelToml => "toml",
            InputKind::ModelJson => "json",
            InputKind::LongCsv => "csv",
        }
    }
}

/// A paragraph of text (a line of a text file, a `<p>` of a page, a `<w:p>` of a
/// Word body) with where it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Para {
    /// The text after decoding (entities resolved, `&nbsp;` as U+00A0 or a space as
    /// the front end documents), without the line break that ended it.
    pub text: String,
    /// Where it starts.
    pub pos: SourcePos,
    /// The source marks it as a heading (a Markdown line starting with `#` to
    /// `######`): a section heading, the title or a sub-heading, never part of a
    /// paragraph. Other headings are known by their words.
    pub heading: bool,
}

impl Para {
    /// A paragraph that the source does not mark as a heading.
    pub fn new(text: impl Into<String>, pos: SourcePos) -> Para {
        Para {
            text: text.into(),
            pos,
            heading: false,
        }
    }
}

/// One cell of a table grid.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct GridCell {
    /// The cell's text; text in several `<p>`/`<br>`/`<w:p>` inside the cell is
    /// joined with `\n`.
    pub text: String,
    /// Where the cell starts in the source.
    pub pos: SourcePos,
    /// Number of grid rows the published cell spans (1 if not merged).
    pub row_span: u32,
    /// Number of grid columns the published cell spans (1 if not merged).
    pub col_span: u32,
    /// For a grid position covered by a merged cell (when the front end expands
    /// spans): the (row, column) grid index of the cell that covers it. `None` for
    /// the cell itself and for unexpanded grids.
    pub covered_by: Option<(usize, usize)>,
}

impl GridCell {
    /// A cell that is not merged.
    pub fn new(text: impl Into<String>, pos: SourcePos) -> GridCell {
        GridCell {
            text: text.into(),
            pos,
            row_span: 1,
            col_span: 1,
            covered_by: None,
        }
    }
}

/// A row of a table grid.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct GridRow {
    /// The cells, left to right.
    pub cells: Vec<GridCell>,
    /// Where the row starts.
    pub pos: SourcePos,
}

impl GridRow {
    /// A row of cells.
    pub fn new(cells: Vec<GridCell>, pos: SourcePos) -> GridRow {
        GridRow { cells, pos }
    }
}

/// A table as published.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Grid {
    /// The rows, top to bottom.
    pub rows: Vec<GridRow>,
    /// Whether row and column spans were expanded into a rectangular grid (HTML,
    /// Word); text input gives rows as printed, with merged cells as they were copied.
    pub expanded: bool,
    /// Where the table starts.
    pub pos: SourcePos,
    /// How the rows were printed: one row a line (its fields as printed, or aligned
    /// by spaces, see [`RowForm::SpaceAligned`]), or one cell a line (text without
    /// a table layout, see [`RowForm::CellPerLine`]).
    pub form: RowForm,
}

impl Grid {
    /// A table of rows printed one a line, spans not expanded.
    pub fn new(rows: Vec<GridRow>, pos: SourcePos) -> Grid {
        Grid {
            rows,
            expanded: false,
            pos,
            form: RowForm::Inline,
        }
    }
}

/// How the rows of a grid were printed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum RowForm {
    /// One row a line (or a grid of a page or a Word file): a row's fields are its
    /// cells.
    #[default]
    Inline,
    /// One row a line, its fields separated by runs of spaces (a hand-aligned table,
    /// `pdftotext -layout`, a PDF viewer's copy): a blank cell prints as nothing, so
    /// a row with fewer fields than the table has columns does not say which
    /// columns its values are under. The text front end has already put the values
    /// of rows it could align (with the run's full rows) under their columns, with
    /// empty fields for the blank cells between.
    SpaceAligned,
    /// One cell a line (`pdftotext` without `-layout`, `LibreOffice`'s text export,
    /// some viewers' copies): the text front end rebuilt each row from label lines
    /// and the value lines after them. A row's values may then hold the values of
    /// the next rows too, when their labels were printed elsewhere (a PDF's reading
    /// order), and a header's columns may come in another order than printed.
    CellPerLine {
        /// Blank lines were blank cells (`LibreOffice`), so a row's values include
        /// its blank cells; otherwise blank cells were not printed at all and a row
        /// with fewer values than columns cannot say which are blank.
        blank_cells: bool,
    },
}

/// One block of a document in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocBlock {
    /// A paragraph or a line of text.
    Para(Para),
    /// A table.
    Table(Grid),
}

/// A published report before interpretation.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Document {
    /// What the input was read as.
    pub kind: InputKind,
    /// The blocks in reading order.
    pub blocks: Vec<DocBlock>,
    /// The decoded source text, for text and HTML input (so that diagnostics can show
    /// the line they concern); `None` for Word files.
    pub source_text: Option<String>,
    /// Notes made while reading (encoding guessed, unreadable parts skipped, …).
    pub notes: Vec<ImportNote>,
    /// Metadata of the page found outside the report body (HTML pages; empty for
    /// other inputs), with positions: the short lines of the page before the body
    /// that state a date or read as the report's title (`来源：… 时间：2020-01-20
    /// 15:22`, `[ 2024-01-17 ]`, a row of a CMS metadata table, its cells joined by
    /// tabs), then the page's `<title>`. The interpreter takes the publication date
    /// from it, and the title when the body prints none; never report text.
    pub page_meta: Vec<Para>,
}

impl Document {
    /// A document of `kind` with no blocks, source text, notes or page metadata.
    pub fn new(kind: InputKind) -> Document {
        Document {
            kind,
            blocks: Vec::new(),
            source_text: None,
            notes: Vec::new(),
            page_meta: Vec::new(),
        }
    }
}

//! The codes of import notes: one enum, with what each code means, how much it
//! may bear on a finding, and whether it leaves a table unread. The table of
//! codes in the workspace's `docs/import.md` is generated from it
//! ([`NoteCode::markdown`]).

use std::fmt::{self, Write as _};
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// How far what a note says may bear on what checking finds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum NoteClass {
    /// A tolerance of form only: the text was read as printed, in another form
    /// (`1、` read as `1.`, a page footer of a fixed pattern dropped, the bytes
    /// decoded cleanly in a detected encoding). It never bears on a finding.
    Form,
    /// A certain tolerance of substance: a label of another wording read as the
    /// official one, a subtotal shape, a unit a column states. It bears on the
    /// findings about the place it names.
    Substance,
    /// Something guessed, dropped, added or not read: the reading may differ from
    /// what the report says, so any finding may come from the reading.
    Loss,
}

impl NoteClass {
    /// `form`, `substance` or `loss`.
    pub fn as_str(self) -> &'static str {
        match self {
            NoteClass::Form => "form",
            NoteClass::Substance => "substance",
            NoteClass::Loss => "loss",
        }
    }
}

impl fmt::Display for NoteClass {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Declares the codes: variant, kebab-case code, class, whether it leaves a table
/// unread, and what it means (one line of the generated table).
macro_rules! codes {
    ($($(#[$doc:meta])* $variant:ident = $code:literal, $class:ident, $unread:literal, $meaning:literal;)*) => {
        /// The stable ASCII code of an import note (serialised as its kebab-case
        /// string, e.g. `label-variant`).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum NoteCode {
            $($(#[$doc])* $variant,)*
        }

        impl NoteCode {
            /// Every code, in the order of the table in `docs/import.md`.
            pub const ALL: &'static [NoteCode] = &[$(NoteCode::$variant),*];

            /// The code as written in notes and JSON (`label-variant`).
            pub fn as_str(self) -> &'static str {
                match self {
                    $(NoteCode::$variant => $code,)*
                }
            }

            /// How far the note may bear on a finding.
            pub fn class(self) -> NoteClass {
                match self {
                    $(NoteCode::$variant => NoteClass::$class,)*
                }
            }

            /// Whether the note says that values the file prints in a table were not
            /// read into it (see `Imported::unread_tables`).
            pub fn leaves_table_unread(self) -> bool {
                match self {
                    $(NoteCode::$variant => $unread,)*
                }
            }

            /// What a note of this code says, in one line (English, for the docs).
            pub fn meaning(self) -> &'static str {
                match self {
                    $(NoteCode::$variant => $meaning,)*
                }
            }
        }
    };
}

codes! {
    /// Bytes decoded in a detected encoding.
    EncodingGuessed = "encoding-guessed", Form, false,
        "the bytes were decoded in an encoding detected, not declared (UTF-16 without a byte order mark, GB18030 for text that is not UTF-8)";
    /// A page's declared charset overruled by its bytes.
    EncodingMismatch = "encoding-mismatch", Form, false,
        "a page's declared charset was overruled by what its bytes decode as";
    /// A declared charset that is not known.
    EncodingUnknown = "encoding-unknown", Loss, false,
        "a page declares a charset that is not known; the bytes were read by detection";
    /// Bytes that could not be decoded.
    EncodingInvalid = "encoding-invalid", Loss, false,
        "bytes of a line could not be decoded and were replaced by U+FFFD";
    /// No report body found in a page.
    HtmlNoReportBody = "html-no-report-body", Loss, false,
        "an HTML page: no section heading or table found in it; all of its text read";
    /// A report body hidden in a page.
    HtmlHiddenBody = "html-hidden-body", Loss, false,
        "an HTML page: the report body is hidden (`display:none`), read as usual";
    /// A span of a page's table that did not fit.
    HtmlSpanClamped = "html-span-clamped", Loss, false,
        "an HTML table: a `rowspan`/`colspan` too large, cut to the width the page can hold";
    /// Spans of a page's table that overlap.
    HtmlSpanOverlap = "html-span-overlap", Loss, false,
        "an HTML table: merged cells overlap; the first cell read where they do";
    /// Rows of a page's table of unequal width.
    HtmlGridRagged = "html-grid-ragged", Loss, false,
        "an HTML table too large: some rows not padded to the table's width";
    /// Markup nested past the depth limit.
    HtmlDepthFlattened = "html-depth-flattened", Loss, false,
        "an HTML page: markup nested past the depth limit, flattened (its text and tables kept)";
    /// Text cut at the size limit.
    TextTruncated = "text-truncated", Loss, false,
        "a limit of limits.md was reached: the rest of the text was not read";
    /// A page cut at the node limit.
    HtmlTruncated = "html-truncated", Loss, false,
        "a limit of limits.md was reached: the rest of the page was not read";
    /// Table rows cut at the row limit.
    TableRowsTruncated = "table-rows-truncated", Loss, false,
        "a limit of limits.md was reached: the rest of the table's rows were not read";
    /// Broken XML in a Word file.
    DocxXmlError = "docx-xml-error", Loss, false,
        "a Word file: its XML breaks off; the part read so far is kept";
    /// A span of a Word table that did not fit.
    DocxSpanClamped = "docx-span-clamped", Loss, false,
        "a Word table: a `gridSpan`/`vMerge` too large, cut";
    /// Rows of a Word table of unequal width.
    DocxGridRagged = "docx-grid-ragged", Loss, false,
        "a Word table too large: some rows not padded to the table's width";
    /// A page footer dropped from text.
    PageFooter = "page-footer", Form, false,
        "a page footer or running head dropped from the text (`- 1 -`, `第 2 页`)";
    /// Debris dropped from text.
    StrayText = "stray-text", Loss, false,
        "debris dropped from the text (lines of punctuation, seal layers of a PDF)";
    /// Page matter before the title.
    TextBeforeTitle = "text-before-title", Form, false,
        "page matter before the title (a portal's navigation, fields), not read";
    /// A label in another form of the official one.
    LabelVariant = "label-variant", Form, false,
        "a row or column label read as the official one it writes in another form (`1、` for `1.`, brackets, spaces)";
    /// A label in another wording of the official one.
    LabelWording = "label-wording", Substance, false,
        "a row or column label read as the official one it words differently (`规范性文件` for `行政规范性文件`, a label cut short)";
    /// A misspelt label.
    LabelTypo = "label-typo", Loss, false,
        "a row label read as the official one it resembles (a misspelling)";
    /// A row the official format does not have.
    RowAdded = "row-added", Loss, false,
        "a row the official format does not have, kept with its published label";
    /// A column the official format does not have.
    ColumnAdded = "column-added", Loss, false,
        "a column the official format does not have, kept with its published label";
    /// Subtotal rows.
    ShapeSubtotalRow = "shape-subtotal-row", Substance, false,
        "subtotal rows of a group, kept";
    /// A subtotal column.
    ShapeSubtotalColumn = "shape-subtotal-column", Substance, false,
        "a subtotal column (法人或其他组织), kept";
    /// A table without a column header.
    HeaderMissing = "header-missing", Loss, false,
        "no column header: the official column order used";
    /// A header naming fewer columns than the values.
    HeaderUnclear = "header-unclear", Loss, false,
        "(table 二) the header names fewer columns than a row has values while the row has as many as the official columns (a header broken over lines): the official columns used";
    /// A column stating another unit.
    ColumnUnit = "column-unit", Substance, false,
        "a column label states another unit than the official one; its cells take that unit";
    /// A row's values placed one way of two.
    ValuesAmbiguous = "values-ambiguous", Loss, false,
        "a row's fields outnumber its columns and which end's empty fields to drop is unclear";
    /// A row with fewer values than columns.
    ValuesMissing = "values-missing", Loss, true,
        "a row has fewer values than columns: the first columns filled, the rest not read";
    /// A row with more values than columns.
    ValuesExtra = "values-extra", Loss, true,
        "a row has more values than columns: the values beyond them quoted, not read";
    /// Values without a row label.
    RowUnlabelled = "row-unlabelled", Loss, true,
        "a row of values without a label, not read";
    /// A row label that names no row.
    RowUnrecognised = "row-unrecognised", Loss, false,
        "(table 四) a row label that names no official row: its values read as a row without a label";
    /// Table text that is neither label nor value.
    TableTextSkipped = "table-text-skipped", Loss, false,
        "table text that names no row or column (or a label printed again), not read";
    /// A table of which nothing was read.
    TableEmpty = "table-empty", Loss, false,
        "a table of which no row was read";
    /// Values read as the one official row the order leaves them.
    RowDisplaced = "row-displaced", Loss, false,
        "(one cell a line) values printed away from their label, read as the one official row the order leaves for them";
    /// Values that could not be placed without guessing.
    ValuesUnplaced = "values-unplaced", Loss, true,
        "values that could not be put under rows and columns without guessing (one cell a line; a space-aligned row with blank cells that no full row aligns): not read, quoted in the note";
    /// A row's cells run together, cut the one way the table's sums allow.
    ValuesSplitBySum = "values-split-by-sum", Loss, false,
        "a row's cells run together into one run of digits, cut the one way the row's sums (and table 三's identities across rows) allow (see \"Rough forms\")";
    /// Sections whose headings were not found.
    SectionUnfound = "section-unfound", Loss, false,
        "no section heading found on a line of its own (the whole report on one line, or a heading inside a paragraph): the sections the reading lacks may be in the file (S012, never S001)";
    /// A table a converter left out.
    TableOmitted = "table-omitted", Loss, true,
        "a converter left a table out of the text (`[TABLE]`): the table of the section it stood in is unread";
    /// A cell's text that is not a number.
    CellUnreadable = "cell-unreadable", Loss, false,
        "a cell's text is not a number: kept as placeholder text";
    /// A count unit after a number.
    UnitDropped = "unit-dropped", Substance, false,
        "a count unit after a number (`12件`) not counted in the value";
    /// A number wrapped inside its cell.
    DigitsWrapped = "digits-wrapped", Loss, false,
        "(laid-out text) a number wrapped inside a narrow cell, joined with the digits printed under it";
    /// An amount and its unit printed on two lines.
    UnitWrapped = "unit-wrapped", Form, false,
        "(laid-out text) an amount and its unit printed on two lines (`412 元` over `5830021.50`), read as one cell";
    /// A number too large to hold exactly.
    NumberOverflow = "number-overflow", Loss, false,
        "a number too large for an exact decimal: a blank cell";
    /// A cell printed twice.
    DuplicateCell = "duplicate-cell", Loss, false,
        "a cell printed twice: the first value kept";
    /// No report year found.
    YearMissing = "year-missing", Loss, false,
        "no report year found: recorded as 0, and the checks that need the year are not made";
    /// The report year inferred.
    YearInferred = "year-inferred", Loss, false,
        "the report year inferred (from section 一's opening, the publication date, or a CSV's source or name)";
    /// No issuing body found.
    AgencyMissing = "agency-missing", Loss, false,
        "no issuing body found";
    /// The kind of body not known from its name.
    KindUnknown = "kind-unknown", Loss, false,
        "the kind of body could not be told from its name: `other`";
    /// Tables in another format version than the year's.
    FormatMismatch = "format-mismatch", Loss, false,
        "the tables follow another format version than the one of the report year";
}

impl NoteCode {
    /// The code written as `s`, if there is one.
    pub fn from_code(s: &str) -> Option<NoteCode> {
        NoteCode::ALL.iter().copied().find(|c| c.as_str() == s)
    }

    /// The Markdown table of every code: code, class, whether it leaves a table
    /// unread, meaning (the table of `docs/import.md`).
    pub fn markdown() -> String {
        let mut out =
            String::from("| code | class | table unread | meaning |\n|---|---|---|---|\n");
        for code in NoteCode::ALL {
            let unread = if code.leaves_table_unread() {
                "yes"
            } else {
                ""
            };
            let _ = writeln!(
                out,
                "| `{}` | {} | {unread} | {} |",
                code.as_str(),
                code.class(),
                code.meaning()
            );
        }
        out
    }
}

impl fmt::Display for NoteCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A text that is no note code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("未知的导入说明代码：“{0}”")]
pub struct UnknownNoteCode(String);

impl FromStr for NoteCode {
    type Err = UnknownNoteCode;

    fn from_str(s: &str) -> Result<NoteCode, UnknownNoteCode> {
        NoteCode::from_code(s).ok_or_else(|| UnknownNoteCode(s.to_owned()))
    }
}

impl Serialize for NoteCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for NoteCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<NoteCode, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

impl Serialize for NoteClass {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_kebab_case_and_read_back() {
        for (i, code) in NoteCode::ALL.iter().enumerate() {
            let s = code.as_str();
            assert!(
                s.split('-').all(|w| !w.is_empty()
                    && w.bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())),
                "{s}"
            );
            assert_eq!(s.parse::<NoteCode>(), Ok(*code));
            assert!(NoteCode::ALL[..i].iter().all(|c| c.as_str() != s), "{s}");
            assert_eq!(serde_json::to_string(code).unwrap(), format!("\"{s}\""));
        }
        assert!("no-such-code".parse::<NoteCode>().is_err());
    }

    #[test]
    fn the_codes_that_leave_a_table_unread_are_losses() {
        for code in NoteCode::ALL {
            if code.leaves_table_unread() {
                assert_eq!(code.class(), NoteClass::Loss, "{code}");
            }
        }
    }
}

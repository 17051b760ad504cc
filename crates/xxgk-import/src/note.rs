//! Import notes: what was tolerated or could not be read.

use xxgk_model::{Pointer, SourcePos};

use crate::NoteCode;

/// Something the importer tolerated, corrected in reading, or could not read. Notes
/// never change what the report says; they say how it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportNote {
    /// What kind of note it is (`label-variant`, `cell-unreadable` …).
    pub code: NoteCode,
    /// What happened, in Chinese, naming the table, row and column where it applies.
    pub message: String,
    /// Where in the source file, if known.
    pub pos: Option<SourcePos>,
    /// The JSON Pointer of the model part concerned, if any.
    pub pointer: Option<Pointer>,
}

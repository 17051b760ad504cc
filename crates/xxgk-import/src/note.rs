//! Import notes: what was tolerated or could not be read.

use xxgk_model::{Pointer, SourcePos};

use crate::NoteCode;

/// Something the importer tolerated, corrected in reading, or could not read. Notes
/// never change what the report says; they say how it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
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

impl ImportNote {
    /// A note of `code` saying `message`, at no position and on no part of the
    /// model (set them with [`ImportNote::at`] and [`ImportNote::on`]).
    pub fn new(code: NoteCode, message: impl Into<String>) -> ImportNote {
        ImportNote {
            code,
            message: message.into(),
            pos: None,
            pointer: None,
        }
    }

    /// The note at a position in the source file.
    #[must_use]
    pub fn at(mut self, pos: SourcePos) -> ImportNote {
        self.pos = Some(pos);
        self
    }

    /// The note on a part of the model.
    #[must_use]
    pub fn on(mut self, pointer: Pointer) -> ImportNote {
        self.pointer = Some(pointer);
        self
    }
}

//! Narrative text: paragraphs and sub-headings, kept character for character.

use serde::{Deserialize, Serialize};

/// One block of narrative text.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Block {
    /// A sub-heading on a line of its own, as published (`（一）主动公开情况`).
    Heading(String),
    /// A paragraph, as published (an inline lead such as `（一）主动公开情况。` stays in it).
    Paragraph(String),
}

impl Block {
    /// The text of the block.
    pub fn text(&self) -> &str {
        match self {
            Block::Heading(t) | Block::Paragraph(t) => t,
        }
    }
}

/// The text of a sequence of blocks joined by newlines (for searching and counting).
pub fn joined(blocks: &[Block]) -> String {
    let mut out = String::new();
    for (i, b) in blocks.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(b.text());
    }
    out
}

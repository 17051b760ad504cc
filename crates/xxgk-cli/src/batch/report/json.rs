//! The JSON report: the library's envelope of each report read (as `xxgk check
//! --format json` prints it for one file), the files that could not be read or
//! were skipped, and the counts.
//!
//! ```json
//! {"version": 1, "reports": [ENVELOPE…], "unreadable": [{"file", "reason", "message"}…],
//!  "skipped": [{"file", "reason"}…], "summary": {"files", "checked", …}}
//! ```

use std::io::Write;

use anyhow::{Context, Result};
use serde_json::json;

use super::{Counts, Outcome};
use crate::files::Streamed;

/// The version of this document's layout.
const VERSION: u32 = 1;

/// The JSON being written: the reports as they come; what could not be read
/// kept for the end (a few lines each).
pub(crate) struct Json {
    out: Streamed,
    first: bool,
    unreadable: Vec<serde_json::Value>,
    skipped: Vec<serde_json::Value>,
}

impl Json {
    pub(crate) fn new(mut out: Streamed) -> Result<Json> {
        write(
            &mut out,
            &format!("{{\n  \"version\": {VERSION},\n  \"reports\": ["),
        )?;
        Ok(Json {
            out,
            first: true,
            unreadable: Vec::new(),
            skipped: Vec::new(),
        })
    }

    pub(crate) fn add(&mut self, outcome: &Outcome) -> Result<()> {
        match outcome {
            Outcome::Checked(done) => {
                if let Some(envelope) = &done.envelope {
                    let sep = if self.first { "\n" } else { ",\n" };
                    self.first = false;
                    let text = indent(&envelope.to_json());
                    write(&mut self.out, &format!("{sep}    {text}"))?;
                }
            }
            Outcome::Unreadable {
                name,
                reason,
                message,
            } => self.unreadable.push(json!({
                "file": name,
                "reason": reason.as_str(),
                "message": message,
            })),
            Outcome::Skipped { name, why } => self.skipped.push(json!({
                "file": name,
                "reason": why,
            })),
        }
        Ok(())
    }

    pub(crate) fn finish(mut self, counts: &Counts) -> Result<()> {
        let tail = json!({
            "unreadable": self.unreadable,
            "skipped": self.skipped,
            "summary": {
                "files": counts.files,
                "checked": counts.checked,
                "with_errors": counts.with_errors,
                "unreadable": counts.unreadable,
                "skipped": counts.skipped,
                "errors": counts.errors,
                "warnings": counts.warnings,
                "infos": counts.infos,
            },
        });
        let tail = serde_json::to_string_pretty(&tail).context("无法生成 JSON")?;
        // The tail's fields continue the document's object.
        let inner = tail
            .trim_start_matches('{')
            .trim_end_matches('}')
            .trim_end();
        let close = if self.first { "],\n" } else { "\n  ],\n" };
        write(
            &mut self.out,
            &format!("{close}{}\n}}\n", inner.trim_start_matches('\n')),
        )?;
        self.out.finish()
    }
}

/// A pretty-printed document indented to sit in the `reports` array.
fn indent(json: &str) -> String {
    json.replace('\n', "\n    ")
}

fn write(out: &mut Streamed, text: &str) -> Result<()> {
    let path = out.path().display().to_string();
    out.file()?
        .write_all(text.as_bytes())
        .with_context(|| format!("无法写入 {path}"))
}

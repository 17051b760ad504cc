//! SARIF 2.1.0 (OASIS), so that code-review and CI tools show the findings:
//! one run of the tool `xxgk` with every rule (code, name, summary, the
//! explanation as help), one result per finding located in its file (line and
//! column of a text or HTML file, counted in characters; the paragraph or cell
//! of a Word file in the location's message) and in the model (the JSON
//! Pointer as a logical location), and the files that could not be read as
//! notifications of the invocation.

use std::fmt::Write as _;
use std::io::Write;

use anyhow::{Context, Result};
use serde_json::{Value, json};
use xxgk::model::SourcePos;
use xxgk::rules::{Severity, WhichReport};

use super::{Outcome, problems};
use crate::files::Streamed;

/// The SARIF being written: the head with the rules, then results as they
/// come; notifications kept for the end.
pub(crate) struct Sarif {
    out: Streamed,
    first: bool,
    notifications: Vec<Value>,
}

/// The level SARIF names a severity by.
fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

impl Sarif {
    pub(crate) fn new(mut out: Streamed) -> Result<Sarif> {
        let rules: Vec<Value> = xxgk::rules::registry::rules()
            .iter()
            .map(|r| {
                json!({
                    "id": r.code,
                    "name": r.name,
                    "shortDescription": {"text": r.summary},
                    "help": {"text": r.explanation, "markdown": r.explanation},
                    "defaultConfiguration": {"level": level(r.severity)},
                    "properties": {"category": r.category()},
                })
            })
            .collect();
        let driver = json!({
            "name": "xxgk",
            "version": env!("CARGO_PKG_VERSION"),
            "rules": rules,
        });
        let driver = serde_json::to_string(&driver).context("无法生成 SARIF")?;
        write(
            &mut out,
            &format!(
                "{{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\",\"runs\":[{{\"tool\":{{\"driver\":{driver}}},\"columnKind\":\"unicodeCodePoints\",\"results\":["
            ),
        )?;
        Ok(Sarif {
            out,
            first: true,
            notifications: Vec::new(),
        })
    }

    pub(crate) fn add(&mut self, outcome: &Outcome) -> Result<()> {
        if let Outcome::Unreadable {
            name,
            message,
            reason,
        } = outcome
        {
            self.notifications.push(json!({
                "level": "error",
                "message": {"text": message},
                "descriptor": {"id": reason.as_str()},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri(name)}}}],
            }));
        }
        let mut text = String::new();
        for p in problems(outcome) {
            let d = p.d;
            let file = match d.location.document {
                WhichReport::Previous => p.done.overview.previous.as_deref(),
                WhichReport::Current => Some(p.done.overview.file.as_str()),
            };
            let mut physical = json!({});
            let mut location = json!({
                "logicalLocations": [{"fullyQualifiedName": d.location.pointer.to_string(), "kind": "element"}],
            });
            if let Some(file) = file {
                physical["artifactLocation"] = json!({"uri": uri(file)});
                match d.location.source {
                    Some(SourcePos::Text { line, column }) => {
                        physical["region"] = json!({"startLine": line, "startColumn": column});
                    }
                    Some(pos) => location["message"] = json!({"text": pos.to_string()}),
                    None => {}
                }
                location["physicalLocation"] = physical;
            }
            let index = xxgk::rules::registry::rules()
                .iter()
                .position(|r| r.code == d.code);
            let mut result = json!({
                "ruleId": d.code,
                "level": level(d.severity),
                "message": {"text": d.message},
                "locations": [location],
            });
            if let Some(i) = index {
                result["ruleIndex"] = json!(i);
            }
            if !self.first {
                text.push(',');
            }
            self.first = false;
            text.push_str(&serde_json::to_string(&result).context("无法生成 SARIF")?);
        }
        if !text.is_empty() {
            write(&mut self.out, &text)?;
        }
        Ok(())
    }

    pub(crate) fn finish(mut self) -> Result<()> {
        let invocation = json!({
            "executionSuccessful": true,
            "toolExecutionNotifications": self.notifications,
        });
        let invocation = serde_json::to_string(&invocation).context("无法生成 SARIF")?;
        write(
            &mut self.out,
            &format!("],\"invocations\":[{invocation}]}}]}}\n"),
        )?;
        self.out.finish()
    }
}

/// A file's name as a URI reference: a relative path stays relative, an
/// absolute one becomes a `file:` URI; every byte but the unreserved ones and
/// `/` is percent-encoded (Chinese names too).
fn uri(name: &str) -> String {
    let mut out = String::new();
    if name.starts_with('/') {
        out.push_str("file://");
    }
    for b in name.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

fn write(out: &mut Streamed, text: &str) -> Result<()> {
    let path = out.path().display().to_string();
    out.file()?
        .write_all(text.as_bytes())
        .with_context(|| format!("无法写入 {path}"))
}

#[cfg(test)]
mod tests {
    use super::uri;

    #[test]
    fn names_become_uri_references() {
        assert_eq!(uri("a/报告 1.txt"), "a/%E6%8A%A5%E5%91%8A%201.txt");
        assert_eq!(uri("/tmp/a.txt"), "file:///tmp/a.txt");
    }
}

//! The round-trip laws: importing what the renderer prints gives back the report.
//!
//! For publishable reports of both format versions (`support::publishable`, which
//! states what it leaves out and why), the text (browser shape and spreadsheet
//! shape), the Markdown, the HTML (page and fragment) and the Word file each import
//! (`xxgk_import::import`) to the same `Report`: metadata, order, preamble, sections
//! with their headings, text and notes, closing, and every cell — compared with
//! `==` and, because tables are ordered maps whose equality ignores order, also as
//! serialised TOML, which keeps the printed order of rows and columns.
//!
//! The one difference allowed is stated in `support::publishable::as_printed`: a
//! report without a title prints the customary one, which then is its title. The
//! import notes must be exactly those the report's non-official shapes call for.

mod support;

use std::collections::BTreeSet;

use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use support::publishable::{as_printed, expected_notes, publishable};
use xxgk_import::{ImportOptions, NoteCode, import};
use xxgk_model::Report;
use xxgk_render::{HtmlOptions, TextOptions, to_docx, to_html, to_markdown, to_text};

/// The imported report, or the import error as a test failure. The import notes
/// must be those the report's shapes call for (`expected_notes`): the renderer's
/// output is read without a tolerance, a guess or a skipped line.
fn reimport(report: &Report, bytes: &[u8], what: &str) -> Result<Report, TestCaseError> {
    let imported = import(bytes, &ImportOptions::default())
        .map_err(|e| TestCaseError::fail(format!("{what}: import failed: {e}")))?;
    let codes: BTreeSet<NoteCode> = imported.notes.iter().map(|n| n.code).collect();
    if codes != expected_notes(report) {
        let notes: Vec<String> = imported
            .notes
            .iter()
            .map(|n| format!("{} {}", n.code, n.message))
            .collect();
        return Err(TestCaseError::fail(format!(
            "{what}: import notes {codes:?}, expected {:?}:\n{}",
            expected_notes(report),
            notes.join("\n")
        )));
    }
    Ok(imported.report)
}

/// Equality of the whole report, in printed order; on failure the first lines of
/// the serialised forms that differ.
fn same(want: &Report, got: &Report, what: &str) -> Result<(), TestCaseError> {
    let w = toml::to_string(want).expect("serialisable");
    let g = toml::to_string(got).expect("serialisable");
    if w == g && want == got {
        return Ok(());
    }
    // The lines between the common beginning and the common end.
    let wl: Vec<&str> = w.lines().collect();
    let gl: Vec<&str> = g.lines().collect();
    let head = wl.iter().zip(&gl).take_while(|(a, b)| a == b).count();
    let tail = wl[head..]
        .iter()
        .rev()
        .zip(gl[head..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let from = head.saturating_sub(4);
    let show = |lines: &[&str]| {
        let to = (lines.len() - tail).min(head + 40);
        lines[from..to.max(from)].join("\n")
    };
    Err(TestCaseError::fail(format!(
        "{what}: the imported report differs from line {}\n--- rendered report:\n{}\n--- imported:\n{}",
        head + 1,
        show(&wl),
        show(&gl)
    )))
}

proptest! {
    /// Text in the shape a browser copies (merged cells once) and in the
    /// spreadsheet shape (`expand_merged`) imports to the same report.
    #[test]
    fn text_reimports_to_the_same_report(report in publishable()) {
        let want = as_printed(&report);
        for expand_merged in [false, true] {
            let text = to_text(&report, &TextOptions::default().expand_merged(expand_merged));
            let what = if expand_merged { "text (expanded)" } else { "text" };
            same(&want, &reimport(&report, text.as_bytes(), what)?, what)?;
        }
    }

    /// The HTML page and the HTML fragment import to the same report.
    #[test]
    fn html_reimports_to_the_same_report(report in publishable()) {
        let want = as_printed(&report);
        for fragment in [false, true] {
            let html = to_html(&report, &HtmlOptions::default().fragment(fragment));
            let what = if fragment { "HTML fragment" } else { "HTML page" };
            same(&want, &reimport(&report, html.as_bytes(), what)?, what)?;
        }
    }

    /// The Word file imports to the same report.
    #[test]
    fn docx_reimports_to_the_same_report(report in publishable()) {
        let want = as_printed(&report);
        let bytes = to_docx(&report).expect("a Word package");
        same(&want, &reimport(&report, &bytes, "Word")?, "Word")?;
    }

    /// The Markdown imports to the same report: headings are lines of their own,
    /// table 三's columns are named by their paths, table 四 is three rows of five.
    /// What Markdown cannot carry — a line break inside a heading (printed as a
    /// space) or an empty line inside a paragraph (which would end it) — publishable
    /// reports do not hold (their texts have no line breaks), so the law needs no
    /// restriction of its own.
    #[test]
    fn markdown_reimports_to_the_same_report(report in publishable()) {
        let want = as_printed(&report);
        let md = to_markdown(&report);
        same(&want, &reimport(&report, md.as_bytes(), "Markdown")?, "Markdown")?;
    }
}

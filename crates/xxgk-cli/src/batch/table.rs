//! The summary table a batch prints after the reports' findings: one line per
//! file (file, agency, year, version, errors, warnings, state), columns aligned
//! for double-width characters.

use unicode_width::UnicodeWidthStr;

use super::run::Outcome;

/// One line of the table.
#[derive(Debug, Clone)]
pub(crate) struct Line {
    cells: [String; 7],
}

/// The header line.
const HEADER: [&str; 7] = ["文件", "机关", "年度", "格式", "错误", "警告", "状态"];

/// The state of a file read and checked.
pub(crate) fn state(has_errors: bool, unpaired: bool) -> String {
    let state = if has_errors { "有错误" } else { "通过" };
    if unpaired {
        format!("{state}（无上年报告）")
    } else {
        state.to_owned()
    }
}

impl Line {
    /// The line of an outcome.
    pub(crate) fn of(outcome: &Outcome) -> Line {
        let cells = match outcome {
            Outcome::Checked(done) => {
                let o = &done.overview;
                [
                    o.file.clone(),
                    o.agency.clone(),
                    o.year.to_string(),
                    o.format.as_str().to_owned(),
                    o.summary.errors.to_string(),
                    o.summary.warnings.to_string(),
                    state(done.has_errors, done.unpaired),
                ]
            }
            Outcome::Unreadable { name, reason, .. } => {
                not_read(name, format!("无法读取：{}", reason.label()))
            }
            Outcome::Skipped { name, why } => not_read(name, format!("跳过：{why}")),
        };
        Line {
            cells: cells.map(|c| crate::shown::escaped(&c).replace(['\n', '\t'], " ")),
        }
    }
}

/// The cells of a file that was not checked: its name and its state.
fn not_read(name: &str, state: String) -> [String; 7] {
    let mut cells: [String; 7] = Default::default();
    name.clone_into(&mut cells[0]);
    cells[6] = state;
    cells
}

/// The table of `lines`, with its header and a closing count.
pub(crate) fn render(lines: &[Line], closing: &str) -> String {
    let mut widths = HEADER.map(UnicodeWidthStr::width);
    for line in lines {
        for (w, c) in widths.iter_mut().zip(&line.cells) {
            *w = (*w).max(c.width());
        }
    }
    let mut out = String::new();
    let mut push = |cells: [&str; 7]| {
        let mut text = String::new();
        for (i, (cell, w)) in cells.iter().zip(widths).enumerate() {
            if i > 0 {
                text.push_str("  ");
            }
            text.push_str(cell);
            if i + 1 < cells.len() {
                text.push_str(&" ".repeat(w.saturating_sub(cell.width())));
            }
        }
        out.push_str(text.trim_end());
        out.push('\n');
    };
    push(HEADER);
    for line in lines {
        push(line.cells.each_ref().map(String::as_str));
    }
    out.push_str(closing);
    out.push('\n');
    out
}

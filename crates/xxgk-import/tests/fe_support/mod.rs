//! Shared helpers of the front-end tests: a compact text dump of a [`Document`]
//! for snapshots, the corpus directory, and checks every document must pass.

#![allow(dead_code, unreachable_pub)]

use std::fmt::Write as _;
use std::path::PathBuf;

use xxgk_import::{DocBlock, Document, Grid, LineIndex};
use xxgk_model::SourcePos;

/// The corpus directory of `XXGK_CORPUS` (relative to the workspace root).
pub fn corpus() -> PathBuf {
    let dir = PathBuf::from(std::env::var_os("XXGK_CORPUS").expect("set XXGK_CORPUS"));
    if dir.is_relative() {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../..")
            .join(dir)
    } else {
        dir
    }
}

/// The bytes of a fixture of `tests/fixtures/fe/`.
pub fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/fe/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn pos(p: SourcePos) -> String {
    match p {
        SourcePos::Text { line, column } => format!("{line}:{column}"),
        SourcePos::DocxParagraph { paragraph } => format!("¶{paragraph}"),
        SourcePos::DocxCell { table, row, cell } => format!("t{table}r{row}c{cell}"),
        other => format!("{other}"),
    }
}

/// One line per paragraph, one line per table row; cells as `"text"@pos`, a merged
/// cell with its `{rows×columns}`, a covered position as `^(row,col)`.
pub fn dump(doc: &Document) -> String {
    let mut out = format!("{:?}, {} blocks\n", doc.kind, doc.blocks.len());
    for note in &doc.notes {
        let at = note.pos.map(pos).unwrap_or_default();
        let _ = writeln!(out, "note {} {at} {}", note.code, note.message);
    }
    for block in &doc.blocks {
        match block {
            DocBlock::Para(p) => {
                let _ = writeln!(out, "P {} {}", pos(p.pos), p.text.replace('\n', "⏎"));
            }
            DocBlock::Table(grid) => dump_grid(&mut out, grid),
        }
    }
    out
}

fn dump_grid(out: &mut String, grid: &Grid) {
    let (rows, cols) = shape(grid);
    let _ = writeln!(
        out,
        "T {} {rows}×{cols}{}",
        pos(grid.pos),
        if grid.expanded { " expanded" } else { "" }
    );
    for row in &grid.rows {
        let cells: Vec<String> = row
            .cells
            .iter()
            .map(|c| {
                if let Some((r, k)) = c.covered_by {
                    return format!("^({r},{k})");
                }
                let span = if (c.row_span, c.col_span) == (1, 1) {
                    String::new()
                } else {
                    format!("{{{}×{}}}", c.row_span, c.col_span)
                };
                format!("{:?}@{}{span}", c.text.replace('\n', "⏎"), pos(c.pos))
            })
            .collect();
        let _ = writeln!(out, "  R {} | {}", pos(row.pos), cells.join(" | "));
    }
}

/// Rows × columns of a grid (columns of the widest row).
pub fn shape(grid: &Grid) -> (usize, usize) {
    (
        grid.rows.len(),
        grid.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0),
    )
}

/// The tables of a document.
pub fn grids(doc: &Document) -> Vec<&Grid> {
    doc.blocks
        .iter()
        .filter_map(|b| match b {
            DocBlock::Table(g) => Some(g),
            DocBlock::Para(_) => None,
        })
        .collect()
}

/// The texts of the paragraphs of a document.
pub fn paras(doc: &Document) -> Vec<&str> {
    doc.blocks
        .iter()
        .filter_map(|b| match b {
            DocBlock::Para(p) => Some(p.text.as_str()),
            DocBlock::Table(_) => None,
        })
        .collect()
}

/// Every text position of the document lies inside `source` (line ≤ number of
/// lines, column ≤ line length + 1); every expanded grid is rectangular and each
/// covered position names a cell that is not itself covered and whose span reaches
/// it.
pub fn check_invariants(doc: &Document, source: &str) -> Result<(), String> {
    let index = LineIndex::new(source);
    let check = |p: SourcePos| -> Result<(), String> {
        if let SourcePos::Text { line, column } = p {
            let text = index
                .line_text(line)
                .ok_or_else(|| format!("line {line} outside the source"))?;
            let len = text.chars().count();
            if column == 0 || column as usize > len + 1 {
                return Err(format!(
                    "column {column} outside line {line} of {len} characters"
                ));
            }
        }
        Ok(())
    };
    for note in &doc.notes {
        if let Some(p) = note.pos {
            check(p)?;
        }
    }
    for block in &doc.blocks {
        match block {
            DocBlock::Para(p) => check(p.pos)?,
            DocBlock::Table(grid) => {
                check(grid.pos)?;
                let (_, width) = shape(grid);
                for (r, row) in grid.rows.iter().enumerate() {
                    check(row.pos)?;
                    if grid.expanded && row.cells.len() != width {
                        return Err(format!(
                            "row {r} has {} cells, not {width}",
                            row.cells.len()
                        ));
                    }
                    for (c, cell) in row.cells.iter().enumerate() {
                        check(cell.pos)?;
                        if let Some((r0, c0)) = cell.covered_by {
                            let origin = grid
                                .rows
                                .get(r0)
                                .and_then(|row| row.cells.get(c0))
                                .ok_or_else(|| format!("({r},{c}) covered by a missing cell"))?;
                            let reaches = r0 <= r
                                && c0 <= c
                                && r < r0 + origin.row_span as usize
                                && c < c0 + origin.col_span as usize;
                            if origin.covered_by.is_some() || !reaches || (r0, c0) == (r, c) {
                                return Err(format!(
                                    "({r},{c}) covered by ({r0},{c0}) out of reach"
                                ));
                            }
                        }
                    }
                }
            }
        }
    }
    Ok(())
}

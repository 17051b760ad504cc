//! Test helpers: read the renderer's HTML and Word output back into table grids,
//! independently of the renderer's own code; generate publishable reports for the
//! round-trip laws ([`publishable`]).
#![allow(dead_code, unreachable_pub)]
// Grid arithmetic reads best with row and column indices.
#![allow(clippy::needless_range_loop)]

use std::io::Read;

use quick_xml::Reader;
use quick_xml::events::Event;

pub mod printed;
pub mod publishable;
pub mod tables;

/// A cell as a table prints it: text and spans.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spanned {
    pub text: String,
    pub row_span: usize,
    pub col_span: usize,
}

/// A table as rows of cells (merged cells once, where they start).
pub type Tables = Vec<Vec<Vec<Spanned>>>;

fn attr(e: &quick_xml::events::BytesStart<'_>, name: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .map(|a| String::from_utf8(a.value.to_vec()).unwrap())
}

/// The text of one of the five predefined XML entities (the only ones the renderer
/// writes by name).
pub fn entity(name: &[u8]) -> &'static str {
    match name {
        b"amp" => "&",
        b"lt" => "<",
        b"gt" => ">",
        b"quot" => "\"",
        b"apos" => "'",
        other => panic!("unexpected entity &{};", String::from_utf8_lossy(other)),
    }
}

/// The corpus folder: `$XXGK_CORPUS`, relative to the workspace root when relative.
pub fn corpus() -> std::path::PathBuf {
    let dir = std::path::PathBuf::from(std::env::var_os("XXGK_CORPUS").expect("set XXGK_CORPUS"));
    if dir.is_relative() {
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../..")
            .join(dir)
    } else {
        dir
    }
}

/// Reads every `<table>` of an HTML page written by the renderer, checking on the way
/// that the page is well-formed (every element closed, names matching).
pub fn html_tables(html: &str) -> Tables {
    // The doctype is HTML's; the rest is well-formed XML by design.
    let body = html.strip_prefix("<!doctype html>\n").unwrap_or(html);
    let mut reader = Reader::from_str(body);
    reader.config_mut().check_end_names = true;
    let mut tables: Tables = Vec::new();
    let mut cell: Option<Spanned> = None;
    let mut depth = 0usize;
    loop {
        match reader
            .read_event()
            .unwrap_or_else(|e| panic!("not well-formed at {}: {e}", reader.buffer_position()))
        {
            Event::Start(e) => {
                depth += 1;
                match e.name().as_ref() {
                    b"table" => tables.push(Vec::new()),
                    b"tr" => tables.last_mut().unwrap().push(Vec::new()),
                    b"td" | b"th" => {
                        let span = |n: &[u8]| attr(&e, n).map_or(1, |v| v.parse().unwrap());
                        cell = Some(Spanned {
                            text: String::new(),
                            row_span: span(b"rowspan"),
                            col_span: span(b"colspan"),
                        });
                    }
                    _ => {}
                }
            }
            Event::Empty(e) => {
                if e.name().as_ref() == b"br"
                    && let Some(c) = cell.as_mut()
                {
                    c.text.push('\n');
                }
            }
            Event::Text(t) => {
                if let Some(c) = cell.as_mut() {
                    c.text.push_str(&t.xml10_content().unwrap());
                }
            }
            Event::GeneralRef(r) => {
                if let Some(c) = cell.as_mut() {
                    c.text.push_str(entity(r.as_ref()));
                }
            }
            Event::End(e) => {
                depth -= 1;
                if matches!(e.name().as_ref(), b"td" | b"th") {
                    let c = cell.take().unwrap();
                    tables.last_mut().unwrap().last_mut().unwrap().push(c);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(depth, 0, "unclosed elements");
    tables
}

/// Whether a Word cell starts, continues or is outside a vertical merge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Merge {
    None,
    Restart,
    Continue,
}

/// A `w:tc` as written: its grid span, vertical merge and text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordCell {
    pub grid_span: usize,
    pub merge: Merge,
    pub text: String,
}

/// A Word table: its grid column count and its rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordTable {
    pub grid: usize,
    pub rows: Vec<Vec<WordCell>>,
}

/// A part of a Word package.
pub fn docx_part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut part = zip.by_name(name).unwrap_or_else(|_| panic!("no {name}"));
    let mut text = String::new();
    part.read_to_string(&mut text).unwrap();
    text
}

/// Reads the tables of a `word/document.xml` (top-level tables; text of a cell's
/// paragraphs joined by line breaks, `w:br` as a line break, `w:tab` as a tab).
pub fn word_tables(xml: &str) -> Vec<WordTable> {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    let mut tables = Vec::new();
    let mut table: Option<WordTable> = None;
    let mut cell: Option<WordCell> = None;
    let mut in_text = false;
    let mut paragraphs_in_cell = 0;
    loop {
        let event = reader.read_event().expect("well-formed document.xml");
        match &event {
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                b"w:tbl" => {
                    table = Some(WordTable {
                        grid: 0,
                        rows: Vec::new(),
                    });
                }
                b"w:gridCol" => table.as_mut().unwrap().grid += 1,
                b"w:tr" => table.as_mut().unwrap().rows.push(Vec::new()),
                b"w:tc" => {
                    paragraphs_in_cell = 0;
                    cell = Some(WordCell {
                        grid_span: 1,
                        merge: Merge::None,
                        text: String::new(),
                    });
                }
                b"w:gridSpan" => {
                    cell.as_mut().unwrap().grid_span = attr(e, b"w:val").unwrap().parse().unwrap();
                }
                b"w:vMerge" => {
                    cell.as_mut().unwrap().merge = match attr(e, b"w:val").as_deref() {
                        Some("restart") => Merge::Restart,
                        _ => Merge::Continue,
                    };
                }
                b"w:p" => {
                    if let Some(c) = cell.as_mut() {
                        if paragraphs_in_cell > 0 {
                            c.text.push('\n');
                        }
                        paragraphs_in_cell += 1;
                    }
                }
                b"w:br" => {
                    if let Some(c) = cell.as_mut() {
                        c.text.push('\n');
                    }
                }
                b"w:tab" => {
                    if let Some(c) = cell.as_mut() {
                        c.text.push('\t');
                    }
                }
                b"w:t" => in_text = matches!(event, Event::Start(_)),
                _ => {}
            },
            Event::Text(t) => {
                if in_text && let Some(c) = cell.as_mut() {
                    c.text.push_str(&t.xml10_content().unwrap());
                }
            }
            Event::GeneralRef(r) => {
                if in_text && let Some(c) = cell.as_mut() {
                    c.text.push_str(entity(r.as_ref()));
                }
            }
            Event::End(e) => match e.name().as_ref() {
                b"w:t" => in_text = false,
                b"w:tc" => {
                    let c = cell.take().unwrap();
                    table.as_mut().unwrap().rows.last_mut().unwrap().push(c);
                }
                b"w:tbl" => tables.push(table.take().unwrap()),
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    tables
}

/// A Word table as spans: vertical merges folded into row spans, continuation cells
/// dropped. Panics where the merges are inconsistent (a continuation without a start
/// above it in the same grid column and span, or a row that does not fill the grid).
pub fn word_spans(table: &WordTable) -> Vec<Vec<Spanned>> {
    // (grid column) → (row, index) of the open vertical merge there.
    let mut open: std::collections::HashMap<usize, (usize, usize, usize)> =
        std::collections::HashMap::new();
    let mut rows: Vec<Vec<Spanned>> = Vec::new();
    for (r, row) in table.rows.iter().enumerate() {
        let mut out = Vec::new();
        let mut col = 0;
        for cell in row {
            match cell.merge {
                Merge::Continue => {
                    let (sr, si, span) = *open.get(&col).unwrap_or_else(|| {
                        panic!("row {r}: vMerge continue at column {col} without a start")
                    });
                    assert_eq!(span, cell.grid_span, "row {r}: merged cell changes width");
                    assert!(
                        cell.text.trim().is_empty(),
                        "row {r}: text in a continuation cell"
                    );
                    let start: &mut Spanned = &mut rows[sr][si];
                    start.row_span += 1;
                }
                Merge::Restart | Merge::None => {
                    // A new cell closes any merge open in its columns.
                    for c in col..col + cell.grid_span {
                        open.remove(&c);
                    }
                    if cell.merge == Merge::Restart {
                        open.insert(col, (r, out.len(), cell.grid_span));
                    }
                    out.push(Spanned {
                        text: cell.text.clone(),
                        row_span: 1,
                        col_span: cell.grid_span,
                    });
                }
            }
            col += cell.grid_span;
        }
        assert_eq!(
            col, table.grid,
            "row {r} fills {col} of {} grid columns",
            table.grid
        );
        rows.push(out);
    }
    rows
}

/// Expands spans into a matrix: every position holds the (row, index) of the cell
/// covering it. Panics on overlap or holes.
pub fn expand(rows: &[Vec<Spanned>]) -> Vec<Vec<(usize, usize)>> {
    let mut grid: Vec<Vec<Option<(usize, usize)>>> = vec![Vec::new(); rows.len()];
    for (r, row) in rows.iter().enumerate() {
        let mut c = 0;
        for (i, cell) in row.iter().enumerate() {
            while grid[r].get(c).is_some_and(Option::is_some) {
                c += 1;
            }
            for rr in r..r + cell.row_span {
                assert!(rr < rows.len(), "row span past the table end");
                for cc in c..c + cell.col_span {
                    if grid[rr].len() <= cc {
                        grid[rr].resize(cc + 1, None);
                    }
                    assert!(grid[rr][cc].is_none(), "overlap at ({rr}, {cc})");
                    grid[rr][cc] = Some((r, i));
                }
            }
            c += cell.col_span;
        }
    }
    let width = grid.iter().map(Vec::len).max().unwrap_or(0);
    grid.into_iter()
        .enumerate()
        .map(|(r, row)| {
            assert_eq!(row.len(), width, "row {r} is not as wide as the table");
            row.into_iter()
                .enumerate()
                .map(|(c, p)| p.unwrap_or_else(|| panic!("hole at ({r}, {c})")))
                .collect()
        })
        .collect()
}

/// A cell read back: table, row label path, column label path, text.
pub type ReadCell = (xxgk_model::schema::TableId, String, String, String);

/// The distinct cells covering a run of positions, in order, without empty labels
/// and without `小计`, which labels the group it sits under (its subtotal).
fn path(rows: &[Vec<Spanned>], refs: impl Iterator<Item = (usize, usize)>) -> String {
    let mut seen: Vec<(usize, usize)> = Vec::new();
    for r in refs {
        if seen.last() != Some(&r) {
            seen.push(r);
        }
    }
    seen.iter()
        .map(|&(r, i)| rows[r][i].text.as_str())
        .filter(|t| !t.is_empty() && *t != xxgk_render::layout::SUBTOTAL)
        .collect::<Vec<_>>()
        .join("/")
}

/// Reads a printed table back by its labels, the way an importer would: table 三 by
/// the corner note's spans (header rows × label columns), table 四 by its header
/// rows over one data row, table 二 block by block.
pub fn read_back(id: xxgk_model::schema::TableId, rows: &[Vec<Spanned>]) -> Vec<ReadCell> {
    use xxgk_model::schema::TableId;
    let grid = expand(rows);
    let width = grid.first().map_or(0, Vec::len);
    let mut out = Vec::new();
    match id {
        TableId::Applications => {
            let (header, labels) = (rows[0][0].row_span, rows[0][0].col_span);
            for r in header..grid.len() {
                let row = path(rows, (0..labels).map(|c| grid[r][c]));
                for c in labels..width {
                    let column = path(rows, (1..header).map(|h| grid[h][c]));
                    let (cr, ci) = grid[r][c];
                    out.push((id, row.clone(), column, rows[cr][ci].text.clone()));
                }
            }
        }
        TableId::Reviews => {
            let last = grid.len() - 1;
            for c in 0..width {
                let full = path(rows, (0..last).map(|h| grid[h][c]));
                let (row, column) = full.rsplit_once('/').unwrap();
                let (cr, ci) = grid[last][c];
                out.push((
                    id,
                    row.to_owned(),
                    column.to_owned(),
                    rows[cr][ci].text.clone(),
                ));
            }
        }
        TableId::Proactive => {
            let mut caption: Option<String> = None;
            let mut columns: Vec<String> = Vec::new();
            for row in rows {
                if row.len() == 1 && row[0].col_span == width {
                    caption = Some(row[0].text.clone());
                } else if row[0].text == "信息内容" {
                    columns = row[1..].iter().map(|c| c.text.clone()).collect();
                } else {
                    let label = match &caption {
                        Some(c) => format!("{c}/{}", row[0].text),
                        None => row[0].text.clone(),
                    };
                    assert_eq!(
                        row.len(),
                        columns.len() + 1,
                        "{label}: cells do not match the header"
                    );
                    for (column, cell) in columns.iter().zip(&row[1..]) {
                        out.push((id, label.clone(), column.clone(), cell.text.clone()));
                    }
                }
            }
        }
    }
    out
}

/// Checks cells read back against the report: every cell the report holds is read
/// back under its labels with its text, and whatever else is read back is empty (a
/// position the report does not print).
pub fn assert_cells_match(report: &xxgk_model::Report, read: &[ReadCell], what: &str) {
    use std::collections::HashMap;
    let mut got: HashMap<(xxgk_model::schema::TableId, String, String), &str> = HashMap::new();
    for (t, r, c, text) in read {
        let previous = got.insert((*t, r.clone(), c.clone()), text);
        assert!(previous.is_none(), "{what}: {r} × {c} read twice");
    }
    let mut held = 0;
    for (key, cell) in report.cells() {
        let text = xxgk_render::zh::cell(cell);
        let found = got.remove(&(key.table, key.row.clone(), key.column.clone()));
        assert_eq!(found, Some(text.as_str()), "{what}: cell {key}");
        held += 1;
    }
    for ((t, r, c), text) in got {
        assert_eq!(text, "", "{what}: {t:?} {r} × {c} is not in the report");
    }
    assert!(held > 0 || report.cells().next().is_none());
}

/// Every grid position is covered by exactly one cell, and the grid has a width for
/// every column.
pub fn assert_well_formed(grid: &xxgk_render::layout::TableGrid) {
    let mut seen = vec![vec![0u32; grid.columns]; grid.rows().len()];
    for cell in grid.rows().iter().flatten() {
        assert!(cell.row_span >= 1 && cell.col_span >= 1);
        for r in cell.row..cell.row + cell.row_span {
            for c in cell.column..cell.column + cell.col_span {
                seen[r][c] += 1;
            }
        }
    }
    for (r, row) in seen.iter().enumerate() {
        for (c, n) in row.iter().enumerate() {
            assert_eq!(*n, 1, "position ({r}, {c}) covered {n} times");
        }
    }
    assert_eq!(grid.widths.len(), grid.columns);
}

/// Every table of a report lays out as a well-formed grid that prints each of its
/// cells once (table 四 prints nothing only when it holds no cell).
pub fn check_grids(report: &xxgk_model::Report) {
    use xxgk_model::schema::TableId;
    use xxgk_render::layout::{CellKind, table_grid};
    for id in TableId::ALL {
        let Some(section) = report.sections.table_section(id) else {
            continue;
        };
        let Some(table) = &section.table else {
            continue;
        };
        let Some(grid) = table_grid(id, table, section.note.as_deref()) else {
            assert!(table.cells().next().is_none(), "{id:?} prints nothing");
            continue;
        };
        assert_well_formed(&grid);
        let printed = grid
            .rows()
            .iter()
            .flatten()
            .filter(|c| c.kind == CellKind::Value)
            .count();
        assert_eq!(
            printed,
            table.cells().count(),
            "{id:?} prints every cell once"
        );
    }
}

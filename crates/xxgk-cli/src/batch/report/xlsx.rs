//! The office's workbook: 问题清单 (one row per finding), 报告一览 (one row per
//! file, those that could not be read or were skipped too), 单元格 (every cell
//! of every report, in the long format) and 汇总 (the official cells summed
//! over the reports read, per format version). Header rows frozen, filters on,
//! column widths set, numbers written as numbers.
//!
//! The sheets are written in `rust_xlsxwriter`'s constant-memory mode: each row
//! goes to a temporary file as it is written, so that a workbook of ten
//! thousand reports is not held in memory. A sheet holds at most 1,048,576
//! rows; the cells of more reports than fit go on to further sheets
//! (`单元格（续 2）` …) right after it; 汇总 stays the last sheet.

use std::io::{BufWriter, Seek, Write};

use anyhow::{Context, Result};
use rust_xlsxwriter::{Format, Workbook, Worksheet};
use xxgk::Totals;
use xxgk::model::FormatVersion;

use super::{Counts, Outcome, PROBLEM_COLUMNS, problems};
use crate::files::Streamed;

/// The last row index of a sheet.
const LAST_ROW: u32 = 1_048_575;

/// A column: its label and width (in characters).
type Column = (&'static str, f64);

const PROBLEMS: [f64; 13] = [
    28.0, 24.0, 8.0, 8.0, 6.0, 26.0, 70.0, 5.0, 28.0, 20.0, 18.0, 36.0, 50.0,
];

const OVERVIEW: [Column; 16] = [
    ("文件", 28.0),
    ("状态", 12.0),
    ("机关", 24.0),
    ("年度", 8.0),
    ("机关类别", 10.0),
    ("格式版本", 9.0),
    ("读作", 7.0),
    ("发布日期", 12.0),
    ("公布期限", 12.0),
    ("错误", 6.0),
    ("警告", 6.0),
    ("提示", 6.0),
    ("未读全的表", 11.0),
    ("上年报告", 28.0),
    ("原因", 16.0),
    ("说明", 60.0),
];

const CELLS: [Column; 9] = [
    ("文件", 28.0),
    ("机关", 24.0),
    ("年度", 8.0),
    ("格式版本", 9.0),
    ("表", 5.0),
    ("行", 36.0),
    ("列", 24.0),
    ("值", 10.0),
    ("单位", 6.0),
];

const TOTALS: [Column; 8] = [
    ("格式版本", 9.0),
    ("表", 5.0),
    ("行", 36.0),
    ("列", 24.0),
    ("合计", 12.0),
    ("单位", 6.0),
    ("填有数字的报告数", 16.0),
    ("空白、占位或缺少的报告数", 22.0),
];

/// A sheet being written: its index in the workbook and its next row.
struct Sheet {
    index: usize,
    row: u32,
    columns: u16,
    name: &'static str,
    part: u32,
}

/// The workbook being written.
pub(crate) struct Xlsx {
    out: Streamed,
    book: Workbook,
    header: Format,
    problems: Sheet,
    overview: Sheet,
    cells: Sheet,
}

/// A value as the sheet should hold it: a plain decimal number as a number.
fn number(value: &str) -> Option<f64> {
    let digits = value.strip_prefix('-').unwrap_or(value);
    let plain = !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && digits.bytes().filter(|b| *b == b'.').count() <= 1
        && !digits.starts_with('.')
        && !digits.ends_with('.');
    if plain { value.parse().ok() } else { None }
}

fn add_sheet(
    book: &mut Workbook,
    header: &Format,
    name: &'static str,
    part: u32,
    columns: &[Column],
) -> Result<Sheet> {
    let index = book.worksheets_mut().len();
    let sheet = book.add_worksheet_with_constant_memory();
    let title = if part == 1 {
        name.to_owned()
    } else {
        format!("{name}（续 {part}）")
    };
    sheet.set_name(title).context("无法建立工作表")?;
    for (col, (label, width)) in (0u16..).zip(columns) {
        sheet
            .set_column_width(col, *width)
            .and_then(|s| s.write_string_with_format(0, col, *label, header))
            .context("无法写入工作表")?;
    }
    sheet.set_freeze_panes(1, 0).context("无法写入工作表")?;
    Ok(Sheet {
        index,
        row: 1,
        columns: u16::try_from(columns.len()).unwrap_or(u16::MAX),
        name,
        part,
    })
}

/// Sets a sheet's filter over the rows written.
fn close(book: &mut Workbook, sheet: &Sheet) -> Result<()> {
    let ws = book
        .worksheet_from_index(sheet.index)
        .context("无法写入工作表")?;
    ws.autofilter(0, 0, sheet.row.saturating_sub(1).max(1), sheet.columns - 1)
        .context("无法写入工作表")?;
    Ok(())
}

/// A cell's value: a number where the text is one, else the text.
#[derive(Clone, Copy)]
enum Value<'a> {
    Text(&'a str),
    Number(f64),
}

fn write_row(ws: &mut Worksheet, row: u32, values: &[Value<'_>]) -> Result<()> {
    for (col, v) in (0u16..).zip(values) {
        match v {
            Value::Text("") => continue,
            Value::Text(t) => ws.write_string(row, col, *t),
            Value::Number(n) => ws.write_number(row, col, *n),
        }
        .context("无法写入工作表")?;
    }
    Ok(())
}

impl Xlsx {
    pub(crate) fn new(out: Streamed) -> Result<Xlsx> {
        let mut book = Workbook::new();
        let header = Format::new().set_bold().set_background_color("#DDEBF7");
        let problem_columns: Vec<Column> = PROBLEM_COLUMNS.into_iter().zip(PROBLEMS).collect();
        let problems = add_sheet(&mut book, &header, "问题清单", 1, &problem_columns)?;
        let overview = add_sheet(&mut book, &header, "报告一览", 1, &OVERVIEW)?;
        let cells = add_sheet(&mut book, &header, "单元格", 1, &CELLS)?;
        Ok(Xlsx {
            out,
            book,
            header,
            problems,
            overview,
            cells,
        })
    }

    /// The sheet to write the next row of `which` to, starting a further one
    /// when it is full.
    fn next_row(&mut self, which: Which) -> Result<(usize, u32)> {
        let columns: Vec<Column> = match which {
            Which::Problems => PROBLEM_COLUMNS.into_iter().zip(PROBLEMS).collect(),
            Which::Overview => OVERVIEW.to_vec(),
            Which::Cells => CELLS.to_vec(),
        };
        let sheet = match which {
            Which::Problems => &mut self.problems,
            Which::Overview => &mut self.overview,
            Which::Cells => &mut self.cells,
        };
        if sheet.row > LAST_ROW {
            close(&mut self.book, sheet)?;
            *sheet = add_sheet(
                &mut self.book,
                &self.header,
                sheet.name,
                sheet.part + 1,
                &columns,
            )?;
        }
        let at = (sheet.index, sheet.row);
        sheet.row += 1;
        Ok(at)
    }

    fn row(&mut self, which: Which, values: &[Value<'_>]) -> Result<()> {
        let (index, row) = self.next_row(which)?;
        let ws = self
            .book
            .worksheet_from_index(index)
            .context("无法写入工作表")?;
        write_row(ws, row, values)
    }

    pub(crate) fn add(&mut self, outcome: &Outcome) -> Result<()> {
        for p in problems(outcome) {
            let cells = p.cells();
            let values: Vec<Value<'_>> = cells
                .iter()
                .enumerate()
                .map(|(i, c)| match (i, c.parse::<i32>()) {
                    (2, Ok(year)) => Value::Number(f64::from(year)),
                    _ => Value::Text(c),
                })
                .collect();
            self.row(Which::Problems, &values)?;
        }
        match outcome {
            Outcome::Checked(done) => {
                let o = &done.overview;
                let published = o.published.map(|d| d.to_string()).unwrap_or_default();
                let deadline = o.deadline.map(|d| d.to_string()).unwrap_or_default();
                let unread: Vec<&str> = o.unread.iter().map(|t| t.numeral()).collect();
                let unread = unread.join("、");
                let state = crate::batch::table::state(done.has_errors, done.unpaired);
                let previous = match (&o.previous, done.unpaired) {
                    (Some(p), _) => p.clone(),
                    (None, true) => "未找到".to_owned(),
                    (None, false) => String::new(),
                };
                #[allow(clippy::cast_precision_loss)] // counts of findings are small.
                let count = |n: usize| Value::Number(n as f64);
                let values = [
                    Value::Text(&o.file),
                    Value::Text(&state),
                    Value::Text(&o.agency),
                    Value::Number(f64::from(o.year)),
                    Value::Text(o.kind.label()),
                    Value::Text(o.format.as_str()),
                    Value::Text(o.input),
                    Value::Text(&published),
                    Value::Text(&deadline),
                    count(o.summary.errors),
                    count(o.summary.warnings),
                    count(o.summary.infos),
                    Value::Text(&unread),
                    Value::Text(&previous),
                    Value::Text(""),
                    Value::Text(""),
                ];
                self.row(Which::Overview, &values)?;
                let year = f64::from(o.year);
                for r in &done.cells {
                    let value = number(&r.value).map_or(Value::Text(&r.value), Value::Number);
                    let values = [
                        Value::Text(&o.file),
                        Value::Text(&o.agency),
                        Value::Number(year),
                        Value::Text(o.format.as_str()),
                        Value::Text(r.key.table.numeral()),
                        Value::Text(&r.key.row),
                        Value::Text(&r.key.column),
                        value,
                        Value::Text(&r.unit),
                    ];
                    self.row(Which::Cells, &values)?;
                }
            }
            Outcome::Unreadable {
                name,
                reason,
                message,
            } => {
                let mut values: Vec<Value<'_>> = vec![Value::Text(""); 16];
                values[0] = Value::Text(name);
                values[1] = Value::Text("无法读取");
                values[14] = Value::Text(reason.label());
                values[15] = Value::Text(message);
                self.row(Which::Overview, &values)?;
            }
            Outcome::Skipped { name, why } => {
                let mut values: Vec<Value<'_>> = vec![Value::Text(""); 16];
                values[0] = Value::Text(name);
                values[1] = Value::Text("跳过");
                values[14] = Value::Text("未读取");
                values[15] = Value::Text(why);
                self.row(Which::Overview, &values)?;
            }
        }
        Ok(())
    }

    pub(crate) fn finish(mut self, _counts: &Counts, totals: &Totals) -> Result<()> {
        let mut sum = add_sheet(&mut self.book, &self.header, "汇总", 1, &TOTALS)?;
        for version in [FormatVersion::V2019, FormatVersion::V2021] {
            for (key, tally) in totals.cells(version) {
                let total = tally.sum.normalize().to_string();
                #[allow(clippy::cast_precision_loss)] // counts of reports are small.
                let values = [
                    Value::Text(version.as_str()),
                    Value::Text(key.table.numeral()),
                    Value::Text(&key.row),
                    Value::Text(&key.column),
                    if tally.numbers == 0 {
                        Value::Text("")
                    } else if tally.overflowed {
                        Value::Text("数字过大，无法求和")
                    } else {
                        number(&total).map_or(Value::Text(&total), Value::Number)
                    },
                    Value::Text(if tally.money { "万元" } else { "" }),
                    Value::Number(tally.numbers as f64),
                    Value::Number(tally.others as f64),
                ];
                let ws = self
                    .book
                    .worksheet_from_index(sum.index)
                    .context("无法写入工作表")?;
                write_row(ws, sum.row, &values)?;
                sum.row += 1;
            }
        }
        for sheet in [&self.problems, &self.overview, &self.cells, &sum] {
            close(&mut self.book, sheet)?;
        }
        let path = self.out.path().display().to_string();
        {
            let file = self.out.file()?;
            let mut writer = BufWriter::new(file);
            save(&mut self.book, &mut writer).with_context(|| format!("无法写入 {path}"))?;
            writer.flush().with_context(|| format!("无法写入 {path}"))?;
        }
        self.out.finish()
    }
}

fn save<W: Write + Seek + Send>(book: &mut Workbook, writer: W) -> Result<()> {
    book.save_to_writer(writer).context("无法生成工作簿")?;
    Ok(())
}

/// The sheets that grow with the files.
#[derive(Debug, Clone, Copy)]
enum Which {
    Problems,
    Overview,
    Cells,
}

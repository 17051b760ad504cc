//! What interpretation produces besides the report: the source map and the notes,
//! and the one place cells are written into a table.

use xxgk_model::schema::TableId;
use xxgk_model::{Cell, CellKey, Pointer, SourceMap, SourcePos, Table};

use super::columns::{Column, Fit, place};
use super::items::Field;
use crate::NoteCode;
use crate::cell::read_cell;
use crate::normalize::trim;
use crate::{ImportNote, RowForm};

/// Source map and notes being collected.
#[derive(Debug, Default)]
pub(crate) struct Out {
    pub(crate) source: SourceMap,
    pub(crate) notes: Vec<ImportNote>,
}

/// The JSON Pointer of a table row.
pub(crate) fn row_pointer(table: TableId, row: &str) -> Pointer {
    Pointer::row(table, row)
}

impl Out {
    /// Records a note.
    pub(crate) fn note(
        &mut self,
        code: NoteCode,
        message: String,
        pos: Option<SourcePos>,
        pointer: Option<Pointer>,
    ) {
        self.notes.push(ImportNote {
            code,
            message,
            pos,
            pointer,
        });
    }

    /// Says once per table what a report does in many of its cells: two or more
    /// `unit-dropped` notes of one table (a report writing `件` after every count)
    /// become one note naming the table, the count of cells and the units, at the
    /// first such cell.
    pub(crate) fn group_unit_notes(&mut self) {
        const CODE: NoteCode = NoteCode::UnitDropped;
        for id in TableId::ALL {
            let table = Pointer::table(id);
            let of_table = |n: &ImportNote| {
                n.code == CODE
                    && n.pointer
                        .as_ref()
                        .is_some_and(|p| p.starts_with(&table) && *p != table)
            };
            let found: Vec<&ImportNote> = self.notes.iter().filter(|n| of_table(n)).collect();
            if found.len() < 2 {
                continue;
            }
            let mut units: Vec<&str> = Vec::new();
            for n in &found {
                let unit = n
                    .message
                    .split_once("计量单位“")
                    .and_then(|(_, rest)| rest.split_once('”'))
                    .map(|(u, _)| u);
                if let Some(u) = unit
                    && !units.contains(&u)
                {
                    units.push(u);
                }
            }
            let grouped = ImportNote {
                code: CODE,
                message: format!(
                    "表{}中有 {} 个单元格在数字后写了计量单位（“{}”），单位不计入数值，按数字读取；第一个：{}",
                    id.numeral(),
                    found.len(),
                    units.join("”“"),
                    found[0].message
                ),
                pos: found[0].pos,
                pointer: Some(Pointer::table(id)),
            };
            let first = self.notes.iter().position(&of_table).unwrap_or(0);
            self.notes[first] = grouped;
            let mut i = 0;
            self.notes.retain(|n| {
                i += 1;
                i - 1 == first || !of_table(n)
            });
        }
    }

    /// Records where a part came from (the first position recorded wins).
    pub(crate) fn at(&mut self, pointer: Pointer, pos: SourcePos) {
        self.source.insert_first(pointer, pos);
    }

    /// Reads a value field into a cell of a table, with its source position and
    /// any note the reading needs. A cell already set (a row printed twice) is
    /// kept and the second value is noted.
    pub(crate) fn put(
        &mut self,
        table: &mut Table,
        id: TableId,
        row: &str,
        column: &str,
        field: &Field,
        unit: Option<xxgk_model::MoneyUnit>,
    ) {
        let key = CellKey::new(id, row, column);
        let pointer = key.json_pointer();
        let read = read_cell(&field.text);
        let mut cell = read.cell;
        if let (Cell::Number(n), Some(u)) = (&mut cell, unit)
            && n.unit.is_none()
        {
            n.unit = Some(u);
        }
        if let Some(existing) = table.get(row, column) {
            self.note(
                NoteCode::DuplicateCell,
                format!(
                    "{key}再次出现（“{}”），保留先出现的值“{}”",
                    field.text,
                    existing.to_text()
                ),
                Some(field.pos),
                Some(pointer),
            );
            return;
        }
        if let Some((code, message)) = read.note {
            self.note(
                code,
                format!("{key}：{message}"),
                Some(field.pos),
                Some(pointer.clone()),
            );
        }
        table.set(row, column, cell);
        self.at(pointer, field.pos);
    }

    /// Places a row's values under its columns and writes them into the table
    /// (the row kept even when every value is missing), with the row's position
    /// `pos` and a note on the fit at `at`; a column's own unit goes into its cells.
    #[expect(
        clippy::too_many_arguments,
        reason = "one place for every table's rows"
    )]
    pub(crate) fn row(
        &mut self,
        table: &mut Table,
        id: TableId,
        path: &str,
        values: &[Field],
        columns: &[Column],
        pos: SourcePos,
        at: SourcePos,
    ) {
        let (placed, fit) = place(values, columns);
        let pointer = row_pointer(id, path);
        self.fit(
            &fit,
            &format!("表{}“{path}”行", id.numeral()),
            values,
            columns.len(),
            at,
            pointer.clone(),
        );
        self.at(pointer, pos);
        table.row_entry(path);
        for (i, field) in placed {
            if let Some(c) = columns.get(i) {
                self.put(table, id, path, &c.label, &field, c.unit);
            }
        }
    }

    /// Whether a row of `form` with `values` cannot be put under `want` columns
    /// without guessing: a space-aligned row with fewer fields than columns, which
    /// the front end could not align with a full row of its run. A blank cell
    /// prints as nothing there, so which columns the values are under is unknown;
    /// the row is then not read, and a note (`values-unplaced`) names it and quotes
    /// its values.
    pub(crate) fn unaligned(
        &mut self,
        form: RowForm,
        what: &str,
        values: &[Field],
        want: usize,
        pos: SourcePos,
        pointer: Option<Pointer>,
    ) -> bool {
        if form != RowForm::SpaceAligned || values.len() >= want {
            return false;
        }
        let texts: Vec<&str> = values
            .iter()
            .map(|f| trim(&f.text))
            .filter(|t| !t.is_empty())
            .collect();
        if texts.is_empty() {
            return false;
        }
        self.note(
            NoteCode::ValuesUnplaced,
            format!(
                "{what}只印出 {} 个数值，少于 {want} 列；此文本按空格对齐、不印空白单元格，又没有可对照的完整行，无法确定各数值所在的列，未读入：“{}”",
                texts.len(),
                texts.join("”“")
            ),
            Some(pos),
            pointer,
        );
        true
    }

    /// Notes how a row's values were placed when it was not one for one (listing
    /// any values that could not be placed, so that nothing goes unsaid).
    pub(crate) fn fit(
        &mut self,
        fit: &Fit,
        what: &str,
        values: &[Field],
        want: usize,
        pos: SourcePos,
        pointer: Pointer,
    ) {
        let got = values.len();
        let (code, message) = match fit {
            Fit::Exact | Fit::Trimmed => return,
            Fit::Ambiguous => (
                NoteCode::ValuesAmbiguous,
                format!(
                    "{what}：{got} 个字段多于 {want} 列，两端的空字段去掉哪一端无法确定，按去掉行尾空字段读取"
                ),
            ),
            Fit::Short => (
                NoteCode::ValuesMissing,
                format!(
                    "{what}：只有 {got} 个数值字段，少于 {want} 列；按从左到右的顺序对应到前 {got} 列，其余列未读入（若原表中间有空白单元格，可能错位，请核对）"
                ),
            ),
            Fit::Long => {
                let rest: Vec<&str> = values.iter().skip(want).map(|f| &*f.text).collect();
                (
                    NoteCode::ValuesExtra,
                    format!(
                        "{what}：有 {got} 个数值字段，多于 {want} 列；按顺序读取前 {want} 个，未能对应到列的是“{}”",
                        rest.join("”“")
                    ),
                )
            }
        };
        self.note(code, message, Some(pos), Some(pointer));
    }
}

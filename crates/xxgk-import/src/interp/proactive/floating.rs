//! Table 二 in text with one cell a line: a block's rows of values split by its
//! header's columns, and values whose labels were printed elsewhere (before or
//! after their numbers) assigned by the block's official rows where that leaves
//! one way (see [`super::super::percell`]).

use xxgk_model::SourcePos;
use xxgk_model::schema::leaf_label;

use super::super::columns::{Column, place};
use super::super::items::{Field, Split};
use super::super::out::{Out, row_pointer};
use super::super::percell::{Floating, candidates, groups, has_row};
use super::{ID, Reader};

fn quoted(values: &[Field]) -> String {
    let texts: Vec<&str> = values.iter().map(|f| f.text.as_str()).collect();
    format!("“{}”", texts.join("”“"))
}

impl Reader {
    /// The columns of a row in the current block: the block's header, else the
    /// official columns of the row (or of the block's first row).
    fn line_columns(&self, path: Option<&str>) -> Vec<Column> {
        if !self.header.is_empty() {
            return self.header.clone();
        }
        let spec = self.version.spec().table(ID);
        let row = path.map(str::to_owned).or_else(|| {
            let g = self.group.as_deref()?;
            spec.rows
                .iter()
                .find(|r| xxgk_model::schema::parent_label(r.label) == Some(g))
                .map(|r| r.label.to_owned())
        });
        row.map(|p| self.official_columns(&p)).unwrap_or_default()
    }

    /// The values after a row label.
    pub(super) fn per_line(
        &mut self,
        s: &Split,
        path: &str,
        pos: SourcePos,
        blank_cells: bool,
        out: &mut Out,
    ) {
        let n = self.line_columns(Some(path)).len();
        let split = groups(&s.values, n, blank_cells);
        self.settle(Some(path), out);
        match split {
            Err(why) => out.note(
                "values-unplaced",
                format!(
                    "表二“{path}”行{}，未读入：{}",
                    why.message(n),
                    quoted(&s.values)
                ),
                Some(s.pos),
                Some(row_pointer(ID, path)),
            ),
            Ok(mut rows) if rows.len() > 1 => {
                let first = rows.remove(0);
                self.floating = Some(Floating {
                    anchor: Some((path.to_owned(), first, pos)),
                    after: self.last.clone(),
                    groups: rows,
                });
            }
            Ok(rows) => {
                let values = rows.into_iter().next().unwrap_or_default();
                self.write(path, &values, pos, s.pos, out);
            }
        }
        self.last = Some(path.to_owned());
    }

    /// Values after a header, without a label of their own.
    pub(super) fn float(&mut self, s: &Split, blank_cells: bool, out: &mut Out) {
        let n = self.line_columns(None).len();
        match groups(&s.values, n, blank_cells) {
            Err(why) => out.note(
                "values-unplaced",
                format!(
                    "表二中有一组没有行名的数值{}，未读入：{}",
                    why.message(n),
                    quoted(&s.values)
                ),
                Some(s.pos),
                None,
            ),
            Ok(rows) => match &mut self.floating {
                Some(f) => f.groups.extend(rows),
                None => {
                    self.floating = Some(Floating {
                        anchor: None,
                        after: self.last.clone(),
                        groups: rows,
                    });
                }
            },
        }
    }

    /// Assigns the waiting values within the current block, now that the next
    /// labelled row (`before`) or the block's end is known.
    pub(super) fn settle(&mut self, before: Option<&str>, out: &mut Out) {
        let Some(f) = self.floating.take() else {
            return;
        };
        let order: Vec<&'static str> = self
            .version
            .spec()
            .table(ID)
            .rows
            .iter()
            .map(|r| r.label)
            .collect();
        let table = &self.table;
        let found = self.group.as_deref().and_then(|g| {
            candidates(
                &order,
                &|r| has_row(table, r),
                f.after_row(),
                before,
                Some(g),
            )
        });
        let k = f.groups.len();
        match found {
            Some(rows) if rows.len() == k => {
                if let Some((path, values, pos)) = &f.anchor {
                    let at = values.first().map_or(*pos, |v| v.pos);
                    self.write(path, values, *pos, at, out);
                }
                for (row, values) in rows.iter().zip(&f.groups) {
                    let Some(at) = values.first().map(|v| v.pos) else {
                        continue;
                    };
                    out.note(
                        "row-displaced",
                        format!(
                            "表二中的数值{}没有紧随行名（文本把行名印在了别处），本栏中只缺“{}”行，按官方行序读作该行，请核对",
                            quoted(values),
                            leaf_label(row)
                        ),
                        Some(at),
                        Some(row_pointer(ID, row)),
                    );
                    self.write(row, values, at, at, out);
                }
            }
            found => {
                let missing = found.map_or_else(
                    || "无法按官方行序确定所属的行".to_owned(),
                    |rows| format!("本栏中缺少的官方行有 {} 行", rows.len()),
                );
                let what = match &f.anchor {
                    Some((path, _, _)) => format!(
                        "表二“{path}”行之后还有 {k} 组数值（文本把这些数值的行名印在了别处），而{missing}，该行及这些数值均未读入：{}",
                        f.quoted()
                    ),
                    None => format!(
                        "表二中有 {k} 组数值没有行名，而{missing}，未读入：{}",
                        f.quoted()
                    ),
                };
                let at = f
                    .anchor
                    .as_ref()
                    .map(|(_, _, p)| *p)
                    .or_else(|| f.groups.first().and_then(|g| g.first()).map(|v| v.pos));
                let pointer = f.anchor.as_ref().map(|(p, _, _)| row_pointer(ID, p));
                out.note("values-unplaced", what, at, pointer);
            }
        }
    }

    /// Writes one row's values (as many as its columns) into the table.
    fn write(
        &mut self,
        path: &str,
        values: &[Field],
        pos: SourcePos,
        at: SourcePos,
        out: &mut Out,
    ) {
        let columns = self.line_columns(Some(path));
        let (placed, fit) = place(values, &columns);
        let pointer = row_pointer(ID, path);
        out.fit(
            &fit,
            &format!("表二“{path}”行"),
            values,
            columns.len(),
            at,
            pointer.clone(),
        );
        out.at(pointer, pos);
        self.table.row_entry(path);
        for (i, field) in placed {
            if let Some(c) = columns.get(i) {
                out.put(&mut self.table, ID, path, &c.label, &field, c.unit);
            }
        }
    }
}

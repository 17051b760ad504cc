//! Finding an official row or column from a label as a person types it: brackets
//! and digits in either width, `1、` or `1.` or `1．`, spaces, quotes, `其它` for
//! `其他`, the group path left out, and a row's explanation in brackets left out
//! (`（二）部分公开` for `（二）部分公开（区分处理的，只计这一情形，不计其他情形）`).
//! When nothing matches, the error names the closest official label.
//!
//! ```
//! use xxgk_model::schema::{TableId, applications};
//! use xxgk_model::{BodyKind, Cell, CellKey, FormatVersion, Report};
//!
//! let key = CellKey::find(
//!     FormatVersion::V2021,
//!     TableId::Applications,
//!     "三、本年度办理结果/(二)部分公开",
//!     "自然人",
//! )
//! .unwrap();
//! assert_eq!(key.row, applications::PARTLY_GRANTED);
//!
//! let mut report = Report::blank("某某县水利局", 2025, BodyKind::Department).unwrap();
//! *report.find_cell_mut(TableId::Applications, "(二)部分公开", "自然人").unwrap() = Cell::int(2);
//! assert_eq!(report.cell(&key), Some(&Cell::int(2)));
//!
//! let err = CellKey::find(FormatVersion::V2021, TableId::Reviews, "行政复仪", "总计").unwrap_err();
//! assert!(err.to_string().contains("最接近的官方行名是“行政复议”"));
//! ```

use crate::chars::fold_width;
use crate::schema::{ColumnSpec, RowSpec, TableId, TableSpec};
use crate::{Cell, CellKey, FormatVersion, Report};

/// A label that names no official row or column, or more than one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum LabelError {
    /// No official row of the table is written so.
    #[error("{version}年格式的表{}中没有“{typed}”行，最接近的官方行名是“{closest}”", table.numeral())]
    UnknownRow {
        /// The format version.
        version: FormatVersion,
        /// The table.
        table: TableId,
        /// The label as given.
        typed: String,
        /// The official row label path most like it.
        closest: &'static str,
    },
    /// No official column of the row is written so.
    #[error("{version}年格式的表{}“{row}”行中没有“{typed}”列，最接近的官方列名是“{closest}”", table.numeral())]
    UnknownColumn {
        /// The format version.
        version: FormatVersion,
        /// The table.
        table: TableId,
        /// The official row.
        row: &'static str,
        /// The label as given.
        typed: String,
        /// The official column label path most like it.
        closest: &'static str,
    },
    /// The label may be any of several official rows.
    #[error("“{typed}”可指表{}的多行：“{}”；请写出完整的行名", table.numeral(), candidates.join("”“"))]
    AmbiguousRow {
        /// The table.
        table: TableId,
        /// The label as given.
        typed: String,
        /// The rows it may be.
        candidates: Vec<&'static str>,
    },
    /// The label may be any of several official columns.
    #[error("“{typed}”可指表{}的多列：“{}”；请写出完整的列名", table.numeral(), candidates.join("”“"))]
    AmbiguousColumn {
        /// The table.
        table: TableId,
        /// The label as given.
        typed: String,
        /// The columns it may be.
        candidates: Vec<&'static str>,
    },
    /// The cell is official but the report does not print it.
    #[error("报告中没有{0}")]
    NotPrinted(CellKey),
}

/// The form labels are compared in: width folded, spaces and quotes removed,
/// brackets as `(` `)`, `、` as `.`, `其它` as `其他`.
fn comparable(label: &str) -> String {
    let mut out = String::with_capacity(label.len());
    for c in label.chars().map(fold_width) {
        match c {
            c if c.is_whitespace() => {}
            '"' | '\'' | '“' | '”' | '‘' | '’' | '「' | '」' | '『' | '』' => {}
            '【' | '〔' | '[' => out.push('('),
            '】' | '〕' | ']' => out.push(')'),
            '、' | '。' => out.push('.'),
            '它' if out.ends_with('其') => out.push('他'),
            c => out.push(c),
        }
    }
    out
}

/// The label without the explanation in brackets that ends its last part
/// (`…/（二）部分公开（区分处理的…）` → `…/（二）部分公开`), in comparable form.
fn without_explanation(label: &str) -> Option<&str> {
    let body = label.strip_suffix(')')?;
    let open = body.rfind('(')?;
    let leaf_start = label.rfind('/').map_or(0, |i| i + 1);
    // The explanation follows words of the leaf; a leaf that is all brackets
    // (`（七）总计` has its numbering first) keeps them.
    (open > leaf_start && !body[leaf_start..open].ends_with(')')).then(|| &label[..open])
}

/// Whether a typed label names an official one: the same, or a part at its end
/// (the group path left out), with or without the explanation in brackets.
fn names(typed: &str, official: &str) -> bool {
    let ends = |label: &str| {
        label == typed
            || label
                .strip_suffix(typed)
                .is_some_and(|head| head.ends_with('/'))
    };
    ends(official) || without_explanation(official).is_some_and(ends)
}

/// How alike two labels are: twice their longest common subsequence over their
/// lengths, in characters, as a fraction (numerator, denominator).
fn likeness(a: &str, b: &str) -> (usize, usize) {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.is_empty() && b.is_empty() {
        return (1, 1);
    }
    let mut row = vec![0usize; b.len() + 1];
    for x in &a {
        let mut diagonal = 0;
        for (j, y) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if x == y {
                diagonal + 1
            } else {
                above.max(row[j])
            };
            diagonal = above;
        }
    }
    (2 * row[b.len()], a.len() + b.len())
}

/// Orders two fractions.
fn by_value(x: (usize, usize), y: (usize, usize)) -> std::cmp::Ordering {
    (x.0 * y.1).cmp(&(y.0 * x.1))
}

/// The one label of `labels` that `typed` names, or why none is.
enum Found<T> {
    One(T),
    Several(Vec<&'static str>),
    None(&'static str),
}

fn find<T: Copy>(labels: &[(&'static str, T)], typed: &str) -> Found<T> {
    let wanted = comparable(typed);
    let forms: Vec<String> = labels.iter().map(|(l, _)| comparable(l)).collect();
    let exact: Vec<usize> = (0..labels.len()).filter(|&i| forms[i] == wanted).collect();
    let hits: Vec<usize> = if exact.is_empty() {
        (0..labels.len())
            .filter(|&i| !wanted.is_empty() && names(&wanted, &forms[i]))
            .collect()
    } else {
        exact
    };
    match hits.as_slice() {
        [one] => Found::One(labels[*one].1),
        [] => {
            let score = |i: usize| {
                let leaf = forms[i].rsplit('/').next().unwrap_or(&forms[i]);
                let (whole, leaf) = (likeness(&wanted, &forms[i]), likeness(&wanted, leaf));
                if by_value(whole, leaf).is_lt() {
                    leaf
                } else {
                    whole
                }
            };
            let best = (0..labels.len())
                .max_by(|&a, &b| by_value(score(a), score(b)).then(b.cmp(&a)))
                .map_or("", |i| labels[i].0);
            Found::None(best)
        }
        several => Found::Several(several.iter().map(|&i| labels[i].0).collect()),
    }
}

impl TableSpec {
    /// The official row a person's label names (see the module docs for what is
    /// tolerated).
    pub fn find_row(
        &self,
        version: FormatVersion,
        typed: &str,
    ) -> Result<&'static RowSpec, LabelError> {
        let labels: Vec<(&'static str, &'static RowSpec)> =
            self.rows.iter().map(|r| (r.label, r)).collect();
        match find(&labels, typed) {
            Found::One(row) => Ok(row),
            Found::Several(candidates) => Err(LabelError::AmbiguousRow {
                table: self.id,
                typed: typed.to_owned(),
                candidates,
            }),
            Found::None(closest) => Err(LabelError::UnknownRow {
                version,
                table: self.id,
                typed: typed.to_owned(),
                closest,
            }),
        }
    }
}

impl RowSpec {
    /// The official column of this row a person's label names.
    pub fn find_column(
        &'static self,
        version: FormatVersion,
        table: TableId,
        typed: &str,
    ) -> Result<&'static ColumnSpec, LabelError> {
        let labels: Vec<(&'static str, &'static ColumnSpec)> =
            self.columns.iter().map(|c| (c.label, c)).collect();
        match find(&labels, typed) {
            Found::One(column) => Ok(column),
            Found::Several(candidates) => Err(LabelError::AmbiguousColumn {
                table,
                typed: typed.to_owned(),
                candidates,
            }),
            Found::None(closest) => Err(LabelError::UnknownColumn {
                version,
                table,
                row: self.label,
                typed: typed.to_owned(),
                closest,
            }),
        }
    }
}

impl CellKey {
    /// The key of the official cell a person's row and column labels name in a
    /// format version (brackets and digits of either width, `1、` for `1.`, the
    /// group path or a row's bracketed explanation left out).
    pub fn find(
        version: FormatVersion,
        table: TableId,
        row: &str,
        column: &str,
    ) -> Result<CellKey, LabelError> {
        let row = version.spec().table(table).find_row(version, row)?;
        let column = row.find_column(version, table, column)?;
        Ok(CellKey::new(table, row.label, column.label))
    }
}

impl Report {
    /// The official cell a person's row and column labels name (as
    /// [`CellKey::find`], in the report's format version), if the report prints it.
    pub fn find_cell(&self, table: TableId, row: &str, column: &str) -> Result<&Cell, LabelError> {
        let key = CellKey::find(self.meta.format, table, row, column)?;
        match self.cell(&key) {
            Some(cell) => Ok(cell),
            None => Err(LabelError::NotPrinted(key)),
        }
    }

    /// The official cell a person's row and column labels name, mutably.
    pub fn find_cell_mut(
        &mut self,
        table: TableId,
        row: &str,
        column: &str,
    ) -> Result<&mut Cell, LabelError> {
        let key = CellKey::find(self.meta.format, table, row, column)?;
        if self.cell(&key).is_none() {
            return Err(LabelError::NotPrinted(key));
        }
        self.cell_mut(&key).ok_or(LabelError::NotPrinted(key))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::{applications, proactive, reviews};

    fn row(
        version: FormatVersion,
        table: TableId,
        typed: &str,
    ) -> Result<&'static str, LabelError> {
        version
            .spec()
            .table(table)
            .find_row(version, typed)
            .map(|r| r.label)
    }

    #[test]
    fn labels_as_people_type_them() {
        let v = FormatVersion::V2021;
        let apps = TableId::Applications;
        for typed in [
            "三、本年度办理结果/(二)部分公开",
            "三、本年度办理结果/（二）部分公开",
            "(二)部分公开",
            " （二） 部分公开（区分处理的，只计这一情形，不计其他情形）",
            "三、本年度办理结果/(二)部分公开(区分处理的,只计这一情形,不计其他情形)",
        ] {
            assert_eq!(
                row(v, apps, typed),
                Ok(applications::PARTLY_GRANTED),
                "{typed}"
            );
        }
        assert_eq!(
            row(v, apps, "1、属于国家秘密"),
            Ok(applications::STATE_SECRET)
        );
        assert_eq!(
            row(v, apps, "（三）不予公开/１．属于国家秘密"),
            Ok(applications::STATE_SECRET)
        );
        assert_eq!(
            row(v, apps, "3.危及三安全一稳定"),
            Ok(applications::SECURITY_AND_STABILITY)
        );
        assert_eq!(row(v, apps, "3.其它"), Ok(applications::OTHER_REASONS));
        assert_eq!(row(v, apps, "（七）总计"), Ok(applications::RESULTS_TOTAL));
        assert_eq!(
            row(v, TableId::Reviews, "复议后起诉"),
            Ok(reviews::SUIT_AFTER_REVIEW)
        );
        assert_eq!(
            row(FormatVersion::V2019, TableId::Proactive, "规范性文件"),
            Ok(proactive::NORMATIVE_DOCUMENTS_2019)
        );
        assert_eq!(
            row(FormatVersion::V2019, apps, "(六)其他处理"),
            Ok(applications::OTHER_HANDLING)
        );
        let key = CellKey::find(v, TableId::Proactive, "行政事业性收费", "本年收费金额").unwrap();
        assert_eq!(key.column, proactive::FEE_AMOUNT);
        let key = CellKey::find(v, apps, "一、本年新收政府信息公开申请数量", "商业企业").unwrap();
        assert_eq!(key.column, applications::BUSINESS);
    }

    #[test]
    fn no_match_names_the_closest_label_and_several_are_listed() {
        let v = FormatVersion::V2021;
        let err = row(v, TableId::Applications, "2.其他法律行政止公开").unwrap_err();
        assert!(
            matches!(err, LabelError::UnknownRow { closest, .. } if closest == applications::BARRED_BY_LAW),
            "{err}"
        );
        // A 2019 row in a 2021 table: the 2021 row closest to it.
        let err = row(v, TableId::Proactive, "第二十条第（一）项/规范性文件").unwrap_err();
        assert!(
            err.to_string().contains(proactive::NORMATIVE_DOCUMENTS),
            "{err}"
        );
        let err = row(FormatVersion::V2019, TableId::Applications, "1.").unwrap_err();
        assert!(matches!(err, LabelError::UnknownRow { .. }), "{err}");
        let err = CellKey::find(v, TableId::Reviews, "行政复议", "维持").unwrap_err();
        assert!(
            err.to_string().contains("最接近的官方列名是“结果维持”"),
            "{err}"
        );
        let err = row(v, TableId::Applications, "").unwrap_err();
        assert!(matches!(err, LabelError::UnknownRow { .. }), "{err}");
    }

    #[test]
    fn a_report_finds_its_cells_by_typed_labels() {
        let mut report = Report::blank("某某局", 2025, crate::BodyKind::Department).unwrap();
        *report
            .find_cell_mut(
                TableId::Applications,
                "三、本年度办理结果/(二)部分公开",
                "自然人",
            )
            .unwrap() = Cell::int(4);
        let key = CellKey::new(
            TableId::Applications,
            applications::PARTLY_GRANTED,
            "自然人",
        );
        assert_eq!(report.cell(&key), Some(&Cell::int(4)));
        report
            .table_mut(TableId::Applications)
            .unwrap()
            .remove(applications::GRANTED);
        let err = report
            .find_cell(TableId::Applications, "(一)予以公开", "总计")
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "报告中没有表三“三、本年度办理结果/（一）予以公开”行“总计”列"
        );
    }
}

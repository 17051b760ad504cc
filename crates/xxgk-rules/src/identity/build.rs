//! Building the identities from a report's tables 三 and 四: which printed cells
//! make up each side, with fallbacks for the layouts real reports print.

use xxgk_model::schema::applications::{
    self, CARRIED_IN, CARRIED_OUT, NEW, ORGANISATIONS, RESULTS, RESULTS_TOTAL,
};
use xxgk_model::schema::{TableId, leaf_label, parent_label};
use xxgk_model::{CellKey, FormatVersion, Report, Table};

use super::{Family, Identity, Operand, Term};
use crate::labels::{row_name, table_name};

/// The terms of an operand named by a row or column label that may have parts:
/// - the printed parts; official parts that are not printed count as unknown,
///   unless as many parts are printed as there are official ones (a part printed
///   under another label — a typo, 企业 for 商业企业 — takes the place of the
///   official one it stands for);
/// - the label's own cell where no part is printed, or where it is printed with a
///   number and some part is not printed or holds none (a category printed as one
///   row with blank sub-rows beside it).
///
/// Whether a printed label agrees with its parts is the subtotal rule's question;
/// labels that are not official are reported by the structure rules.
fn group_terms(
    label: &str,
    official_parts: &[&str],
    printed_parts: &[&str],
    read: impl Fn(&str) -> Term,
) -> Vec<Term> {
    let own = read(label);
    if printed_parts.is_empty() && (own.printed || official_parts.is_empty()) {
        return vec![own];
    }
    let parts: Vec<Term> = part_labels(official_parts.to_vec(), printed_parts)
        .into_iter()
        .map(read)
        .collect();
    if own.count.is_some() && parts.iter().any(|t| t.count.is_none()) {
        return vec![own];
    }
    parts
}

/// The labels of a group's parts: the printed ones when there are as many as
/// official ones, else the official ones followed by the printed ones that are not
/// official (see [`group_terms`]).
fn part_labels<'a>(mut official: Vec<&'a str>, printed: &[&'a str]) -> Vec<&'a str> {
    if printed.len() >= official.len() {
        return printed.to_vec();
    }
    for p in printed {
        if !official.contains(p) {
            official.push(p);
        }
    }
    official
}

/// The labels among `labels` whose parent is `label`.
fn children<'a>(label: &str, labels: &[&'a str]) -> Vec<&'a str> {
    labels
        .iter()
        .copied()
        .filter(|l| parent_label(l) == Some(label))
        .collect()
}

/// The official parts of a row or column label in a list of official labels.
fn official_parts<'a>(label: &str, official: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    official
        .filter(|l| parent_label(l) == Some(label))
        .collect()
}

/// Official columns first, then the columns the given rows add, in printed order.
fn columns_of(table: &Table, rows: impl Fn(&str) -> bool) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for c in applications::COLUMNS {
        out.push(c.label);
    }
    for (label, row) in table.rows() {
        if !rows(label) {
            continue;
        }
        for (c, _) in row.iter() {
            if !out.contains(&c) {
                out.push(c);
            }
        }
    }
    out
}

fn push(out: &mut Vec<Identity>, identity: Identity) {
    if identity.terms().any(|t| t.printed) {
        out.push(identity);
    }
}

/// Every identity the report's tables 三 and 四 give.
pub(crate) fn identities(report: &Report) -> Vec<Identity> {
    let mut out = Vec::new();
    let version = report.meta.format;
    if let Some(t) = report.table(TableId::Applications) {
        balance(t, &mut out);
        results_total(version, t, &mut out);
        row_totals(t, &mut out);
        subtotals(version, TableId::Applications, t, &mut out);
    }
    if let Some(t) = report.table(TableId::Reviews) {
        reviews(t, &mut out);
        subtotals(version, TableId::Reviews, t, &mut out);
    }
    out
}

const T3: TableId = TableId::Applications;

fn balance(t: &Table, out: &mut Vec<Identity>) {
    let rows = [NEW, CARRIED_IN, RESULTS_TOTAL, CARRIED_OUT];
    for c in columns_of(t, |r| rows.contains(&r)) {
        let op = |name: &str, row: &str| Operand::single(name, Term::read(t, T3, row, c));
        push(
            out,
            Identity {
                family: Family::Balance,
                subject: format!("表三“{c}”列"),
                anchor: CellKey::new(T3, RESULTS_TOTAL, c),
                lhs: vec![op("第一项", NEW), op("第二项", CARRIED_IN)],
                rhs: vec![
                    op("第三项（七）总计", RESULTS_TOTAL),
                    op("第四项", CARRIED_OUT),
                ],
            },
        );
    }
}

/// The result categories of a version: （一）, （二）, then the categories with
/// sub-rows, in official order.
fn categories(version: FormatVersion) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for row in version.spec().table(T3).rows {
        let Some(rest) = row
            .label
            .strip_prefix(RESULTS)
            .and_then(|r| r.strip_prefix('/'))
        else {
            continue;
        };
        if row.label == RESULTS_TOTAL {
            continue;
        }
        let top = rest.split('/').next().unwrap_or(rest);
        let label = &row.label[..RESULTS.len() + 1 + top.len()];
        if !out.contains(&label) {
            out.push(label);
        }
    }
    out
}

fn results_total(version: FormatVersion, t: &Table, out: &mut Vec<Identity>) {
    let official: Vec<&str> = version
        .spec()
        .table(T3)
        .rows
        .iter()
        .map(|r| r.label)
        .collect();
    let printed: Vec<&str> = t.rows().map(|(l, _)| l).collect();
    // Each category's name, official parts and printed parts, once for all columns.
    let groups: Vec<(&str, String, Vec<&str>, Vec<&str>)> = categories(version)
        .into_iter()
        .map(|cat| {
            let official = official_parts(cat, official.iter().copied());
            (cat, row_name(cat), official, children(cat, &printed))
        })
        .collect();
    let in_results = |r: &str| r.starts_with(RESULTS);
    for c in columns_of(t, in_results) {
        let parts = groups
            .iter()
            .map(|(cat, name, official, printed)| Operand {
                name: name.clone(),
                terms: group_terms(cat, official, printed, |row| Term::read(t, T3, row, c)),
            })
            .collect();
        push(
            out,
            Identity {
                family: Family::ResultsTotal,
                subject: format!("表三“{c}”列"),
                anchor: CellKey::new(T3, RESULTS_TOTAL, c),
                lhs: vec![Operand::single(
                    "（七）总计",
                    Term::read(t, T3, RESULTS_TOTAL, c),
                )],
                rhs: parts,
            },
        );
    }
}

fn row_totals(t: &Table, out: &mut Vec<Identity>) {
    let official_columns: Vec<&str> = applications::COLUMNS.iter().map(|c| c.label).collect();
    let organisations = official_parts(ORGANISATIONS, official_columns.iter().copied());
    for (row, cells) in t.rows() {
        if cells.is_empty() {
            continue;
        }
        let printed: Vec<&str> = cells.iter().map(|(c, _)| c).collect();
        let read = |c: &str| Term::read(t, T3, row, c);
        let total = applications::TOTAL_COLUMN;
        push(
            out,
            Identity {
                family: Family::RowTotal,
                subject: format!("表三“{}”行", row_name(row)),
                anchor: CellKey::new(T3, row, total),
                lhs: vec![Operand::single("总计", read(total))],
                rhs: vec![
                    Operand::single("自然人", read(applications::NATURAL_PERSON)),
                    Operand {
                        name: ORGANISATIONS.to_owned(),
                        terms: group_terms(
                            ORGANISATIONS,
                            &organisations,
                            &children(ORGANISATIONS, &printed),
                            read,
                        ),
                    },
                ],
            },
        );
    }
}

fn reviews(t: &Table, out: &mut Vec<Identity>) {
    use xxgk_model::schema::reviews::{COLUMNS, TOTAL_COLUMN};
    let t4 = TableId::Reviews;
    for (row, cells) in t.rows() {
        if cells.is_empty() {
            continue;
        }
        let parts = COLUMNS
            .iter()
            .filter(|c| c.label != TOTAL_COLUMN)
            .map(|c| Operand::single(c.label, Term::read(t, t4, row, c.label)))
            .collect();
        push(
            out,
            Identity {
                family: Family::Reviews,
                subject: format!("表四“{row}”"),
                anchor: CellKey::new(t4, row, TOTAL_COLUMN),
                lhs: vec![Operand::single(
                    "总计",
                    Term::read(t, t4, row, TOTAL_COLUMN),
                )],
                rhs: parts,
            },
        );
    }
}

fn subtotals<'a>(version: FormatVersion, id: TableId, t: &'a Table, out: &mut Vec<Identity>) {
    let spec = version.spec().table(id);
    let official_rows: Vec<&str> = spec.rows.iter().map(|r| r.label).collect();
    let official_columns: Vec<&str> = spec
        .rows
        .first()
        .map(|r| r.columns.iter().map(|c| c.label).collect())
        .unwrap_or_default();
    // Each printed label with its parent, found once.
    let with_parents = |labels: Vec<&'a str>| -> Vec<(&'a str, Option<&'a str>)> {
        labels.into_iter().map(|l| (l, parent_label(l))).collect()
    };
    let parts_of = |label: &str, labels: &[(&'a str, Option<&'a str>)]| -> Vec<&'a str> {
        labels
            .iter()
            .filter(|(_, p)| *p == Some(label))
            .map(|(l, _)| *l)
            .collect()
    };
    let printed_rows = with_parents(t.rows().map(|(l, _)| l).collect());
    let table = table_name(id);
    for (row, cells) in t.rows() {
        // Subtotal rows: a printed row with printed sub-rows. The group label of the
        // results is not a subtotal: its parts include （七）总计 itself.
        let sub_rows = parts_of(row, &printed_rows);
        if !sub_rows.is_empty() && row != RESULTS {
            let parts = part_labels(
                official_parts(row, official_rows.iter().copied()),
                &sub_rows,
            );
            for (c, _) in cells.iter() {
                push(
                    out,
                    Identity {
                        family: Family::Subtotal,
                        subject: format!("{table}“{}”小计行“{c}”列", row_name(row)),
                        anchor: CellKey::new(id, row, c),
                        lhs: vec![Operand::single("小计", Term::read(t, id, row, c))],
                        rhs: parts
                            .iter()
                            .map(|p| Operand::single(leaf_label(p), Term::read(t, id, p, c)))
                            .collect(),
                    },
                );
            }
        }
        // Subtotal columns: a printed column with printed sub-columns in this row.
        let printed_columns = with_parents(cells.iter().map(|(c, _)| c).collect());
        for &(column, _) in &printed_columns {
            let sub_columns = parts_of(column, &printed_columns);
            if sub_columns.is_empty() {
                continue;
            }
            let parts = part_labels(
                official_parts(column, official_columns.iter().copied()),
                &sub_columns,
            );
            push(
                out,
                Identity {
                    family: Family::Subtotal,
                    subject: format!("{table}“{}”行“{column}”小计列", row_name(row)),
                    anchor: CellKey::new(id, row, column),
                    lhs: vec![Operand::single("小计", Term::read(t, id, row, column))],
                    rhs: parts
                        .iter()
                        .map(|p| Operand::single(leaf_label(p), Term::read(t, id, row, p)))
                        .collect(),
                },
            );
        }
    }
}

//! Building the identities from a report's tables 三 and 四: which printed cells
//! make up each side, with fallbacks for the layouts real reports print.

use xxgk_model::schema::applications::{
    self, CARRIED_IN, CARRIED_OUT, NEW, ORGANISATIONS, RESULTS, RESULTS_TOTAL,
};
use xxgk_model::schema::{TableId, leaf_label, parent_label};
use xxgk_model::{FormatVersion, Report, Table};

use super::{Family, Identity, Name, Operand, Subject, Term};

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
fn group_terms<'r>(
    label: &'r str,
    official_parts: &[&'r str],
    printed_parts: &[&'r str],
    read: impl Fn(&'r str) -> Term<'r>,
) -> Vec<Term<'r>> {
    let own = read(label);
    if printed_parts.is_empty() && (own.printed() || official_parts.is_empty()) {
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

fn push<'r>(out: &mut Vec<Identity<'r>>, identity: Identity<'r>) {
    if identity.terms().any(Term::printed) {
        out.push(identity);
    }
}

/// Every identity the report's tables 三 and 四 give.
pub(crate) fn identities(report: &Report) -> Vec<Identity<'_>> {
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

fn balance<'r>(t: &'r Table, out: &mut Vec<Identity<'r>>) {
    let rows = [NEW, CARRIED_IN, RESULTS_TOTAL, CARRIED_OUT];
    for c in columns_of(t, |r| rows.contains(&r)) {
        let op = |name: &'static str, row: &'static str| {
            Operand::single(name, Term::read(t, T3, row, c))
        };
        push(
            out,
            Identity::new(
                Family::Balance,
                Subject::Column(c),
                (T3, RESULTS_TOTAL, c),
                vec![op("第一项", NEW), op("第二项", CARRIED_IN)],
                vec![
                    op("第三项（七）总计", RESULTS_TOTAL),
                    op("第四项", CARRIED_OUT),
                ],
            ),
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

fn results_total<'r>(version: FormatVersion, t: &'r Table, out: &mut Vec<Identity<'r>>) {
    let official: Vec<&str> = version
        .spec()
        .table(T3)
        .rows
        .iter()
        .map(|r| r.label)
        .collect();
    let printed: Vec<&str> = t.rows().map(|(l, _)| l).collect();
    // Each category's official parts and printed parts, once for all columns.
    let groups: Vec<(&str, Vec<&str>, Vec<&str>)> = categories(version)
        .into_iter()
        .map(|cat| {
            let official = official_parts(cat, official.iter().copied());
            (cat, official, children(cat, &printed))
        })
        .collect();
    let in_results = |r: &str| r.starts_with(RESULTS);
    for c in columns_of(t, in_results) {
        let parts = groups
            .iter()
            .map(|(cat, official, printed)| Operand {
                name: Name::Row(cat),
                terms: group_terms(cat, official, printed, |row| Term::read(t, T3, row, c)),
            })
            .collect();
        push(
            out,
            Identity::new(
                Family::ResultsTotal,
                Subject::Column(c),
                (T3, RESULTS_TOTAL, c),
                vec![Operand::single(
                    "（七）总计",
                    Term::read(t, T3, RESULTS_TOTAL, c),
                )],
                parts,
            ),
        );
    }
}

fn row_totals<'r>(t: &'r Table, out: &mut Vec<Identity<'r>>) {
    let official_columns: Vec<&str> = applications::COLUMNS.iter().map(|c| c.label).collect();
    let organisations = official_parts(ORGANISATIONS, official_columns.iter().copied());
    for (row, cells) in t.rows() {
        if cells.is_empty() {
            continue;
        }
        let printed: Vec<&str> = cells.iter().map(|(c, _)| c).collect();
        let read = |c: &'r str| Term::read(t, T3, row, c);
        let total = applications::TOTAL_COLUMN;
        push(
            out,
            Identity::new(
                Family::RowTotal,
                Subject::Row(row),
                (T3, row, total),
                vec![Operand::single("总计", read(total))],
                vec![
                    Operand::single("自然人", read(applications::NATURAL_PERSON)),
                    Operand {
                        name: Name::Plain(ORGANISATIONS),
                        terms: group_terms(
                            ORGANISATIONS,
                            &organisations,
                            &children(ORGANISATIONS, &printed),
                            read,
                        ),
                    },
                ],
            ),
        );
    }
}

fn reviews<'r>(t: &'r Table, out: &mut Vec<Identity<'r>>) {
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
            Identity::new(
                Family::Reviews,
                Subject::Block(row),
                (t4, row, TOTAL_COLUMN),
                vec![Operand::single(
                    "总计",
                    Term::read(t, t4, row, TOTAL_COLUMN),
                )],
                parts,
            ),
        );
    }
}

fn subtotals<'r>(version: FormatVersion, id: TableId, t: &'r Table, out: &mut Vec<Identity<'r>>) {
    let spec = version.spec().table(id);
    let official_rows: Vec<&str> = spec.rows.iter().map(|r| r.label).collect();
    let official_columns: Vec<&str> = spec
        .rows
        .first()
        .map(|r| r.columns.iter().map(|c| c.label).collect())
        .unwrap_or_default();
    // Each printed label with its parent, found once.
    let with_parents = |labels: Vec<&'r str>| -> Vec<(&'r str, Option<&'r str>)> {
        labels.into_iter().map(|l| (l, parent_label(l))).collect()
    };
    let parts_of = |label: &str, labels: &[(&'r str, Option<&'r str>)]| -> Vec<&'r str> {
        labels
            .iter()
            .filter(|(_, p)| *p == Some(label))
            .map(|(l, _)| *l)
            .collect()
    };
    // The labels that are some printed label's parent: only these can be subtotals
    // (found once, so that most labels cost one short search, not a scan).
    let parents = |labels: &[(&'r str, Option<&'r str>)]| -> Vec<&'r str> {
        let mut out: Vec<&'r str> = Vec::new();
        for p in labels.iter().filter_map(|(_, p)| *p) {
            if !out.contains(&p) {
                out.push(p);
            }
        }
        out
    };
    let printed_rows = with_parents(t.rows().map(|(l, _)| l).collect());
    let row_parents = parents(&printed_rows);
    for (row, cells) in t.rows() {
        // Subtotal rows: a printed row with printed sub-rows. The group label of the
        // results is not a subtotal: its parts include （七）总计 itself.
        let sub_rows = if row_parents.contains(&row) {
            parts_of(row, &printed_rows)
        } else {
            Vec::new()
        };
        if !sub_rows.is_empty() && row != RESULTS {
            let parts = part_labels(
                official_parts(row, official_rows.iter().copied()),
                &sub_rows,
            );
            for (c, _) in cells.iter() {
                push(
                    out,
                    Identity::new(
                        Family::Subtotal,
                        Subject::SubtotalRow(id, row, c),
                        (id, row, c),
                        vec![Operand::single("小计", Term::read(t, id, row, c))],
                        parts
                            .iter()
                            .map(|p| Operand::single(leaf_label(p), Term::read(t, id, p, c)))
                            .collect(),
                    ),
                );
            }
        }
        // Subtotal columns: a printed column with printed sub-columns in this row.
        let printed_columns = with_parents(cells.iter().map(|(c, _)| c).collect());
        let column_parents = parents(&printed_columns);
        for &(column, _) in &printed_columns {
            if !column_parents.contains(&column) {
                continue;
            }
            let sub_columns = parts_of(column, &printed_columns);
            let parts = part_labels(
                official_parts(column, official_columns.iter().copied()),
                &sub_columns,
            );
            push(
                out,
                Identity::new(
                    Family::Subtotal,
                    Subject::SubtotalColumn(id, row, column),
                    (id, row, column),
                    vec![Operand::single("小计", Term::read(t, id, row, column))],
                    parts
                        .iter()
                        .map(|p| Operand::single(leaf_label(p), Term::read(t, id, row, p)))
                        .collect(),
                ),
            );
        }
    }
}

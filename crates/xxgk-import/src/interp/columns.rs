//! Putting a row's values under its columns: by grid column where the grid was
//! expanded and the header says where each column is, else by order, after
//! removing the empty fields a copy adds at the ends of a row.

use xxgk_model::MoneyUnit;

use super::items::Field;
use crate::normalize::trim;

/// A column values go under.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Column {
    /// The column label path in the model (official, or as published).
    pub(crate) label: String,
    /// The grid column of an expanded grid, when the header placed it.
    pub(crate) grid_col: Option<usize>,
    /// A unit the published column label states instead of the official one.
    pub(crate) unit: Option<MoneyUnit>,
}

impl Column {
    /// A column known by label only.
    pub(crate) fn new(label: impl Into<String>) -> Column {
        Column {
            label: label.into(),
            grid_col: None,
            unit: None,
        }
    }
}

/// How values were placed, when not simply one for one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Fit {
    /// One value per column, nothing removed.
    Exact,
    /// Empty fields at the ends were removed; only one way to do so.
    Trimmed,
    /// Empty fields at the ends were removed and it could have been done
    /// otherwise (`dropped_front` from the front, the rest from the back).
    Ambiguous,
    /// Fewer values than columns: the last columns have no field.
    Short,
    /// More non-empty values than columns: the first ones were used.
    Long,
}

/// Places values under columns. Returns (column index, value field) pairs and how
/// the fit went.
pub(crate) fn place(values: &[Field], columns: &[Column]) -> (Vec<(usize, Field)>, Fit) {
    if !columns.is_empty() && columns.iter().all(|c| c.grid_col.is_some()) {
        let placed: Vec<(usize, Field)> = columns
            .iter()
            .enumerate()
            .filter_map(|(i, c)| {
                let f = values.iter().find(|f| Some(f.col) == c.grid_col)?;
                Some((i, f.clone()))
            })
            .collect();
        // Values outside every placed column mean the header did not describe the row.
        let stray = values.iter().any(|f| {
            !trim(&f.text).is_empty() && !columns.iter().any(|c| c.grid_col == Some(f.col))
        });
        if !stray {
            let fit = if placed.len() == columns.len() {
                Fit::Exact
            } else {
                Fit::Short
            };
            return (placed, fit);
        }
    }
    by_order(values, columns.len())
}

/// Places values in order, removing empty fields at the ends when there are
/// too many (trailing ones first: a copy often ends each row with a tab).
pub(crate) fn by_order(values: &[Field], n: usize) -> (Vec<(usize, Field)>, Fit) {
    let m = values.len();
    if m == n {
        return (values.iter().cloned().enumerate().collect(), Fit::Exact);
    }
    if m < n {
        return (values.iter().cloned().enumerate().collect(), Fit::Short);
    }
    let empty = |f: &Field| trim(&f.text).is_empty();
    let lead = values.iter().take_while(|f| empty(f)).count();
    let trail = values.iter().rev().take_while(|f| empty(f)).count();
    let extra = m - n;
    let min_front = extra.saturating_sub(trail);
    let max_front = lead.min(extra);
    if min_front > max_front {
        // Too many filled values: keep the first n.
        let placed = values.iter().take(n).cloned().enumerate().collect();
        return (placed, Fit::Long);
    }
    let front = min_front;
    let placed = values[front..front + n]
        .iter()
        .cloned()
        .enumerate()
        .collect();
    // Another choice matters only where it would put other texts under the columns
    // (not when, say, every field is empty).
    let texts = |front: usize| values[front..front + n].iter().map(|f| trim(&f.text));
    let fit = if (min_front..=max_front).all(|f| texts(f).eq(texts(min_front))) {
        Fit::Trimmed
    } else {
        Fit::Ambiguous
    };
    (placed, fit)
}

#[cfg(test)]
mod tests {
    use xxgk_model::SourcePos;

    use super::*;

    fn fields(texts: &[&str]) -> Vec<Field> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| Field {
                text: (*t).into(),
                pos: SourcePos::Text {
                    line: 1,
                    column: u32::try_from(i + 1).unwrap(),
                },
                covered: false,
                col: i,
            })
            .collect()
    }

    fn texts(placed: &[(usize, Field)]) -> Vec<&str> {
        placed.iter().map(|(_, f)| &*f.text).collect()
    }

    #[test]
    fn empty_ends_are_trimmed_to_the_column_count() {
        let (p, fit) = by_order(&fields(&["", "1", "0", "1", ""]), 3);
        assert_eq!((texts(&p), fit), (vec!["1", "0", "1"], Fit::Trimmed));
        let (p, fit) = by_order(&fields(&["", "", "1", "2"]), 2);
        assert_eq!((texts(&p), fit), (vec!["1", "2"], Fit::Trimmed));
        let (p, fit) = by_order(&fields(&["1", "", ""]), 2);
        assert_eq!((texts(&p), fit), (vec!["1", ""], Fit::Trimmed));
        let (p, fit) = by_order(&fields(&["", "1", ""]), 2);
        assert_eq!((texts(&p), fit), (vec!["", "1"], Fit::Ambiguous));
        // Empty fields only: whichever are removed, the row reads the same.
        let (p, fit) = by_order(&fields(&["", "", ""]), 1);
        assert_eq!((texts(&p), fit), (vec![""], Fit::Trimmed));
        let (_, fit) = by_order(&fields(&["1", "2", "3"]), 2);
        assert_eq!(fit, Fit::Long);
        let (p, fit) = by_order(&fields(&["1"]), 2);
        assert_eq!((texts(&p), fit), (vec!["1"], Fit::Short));
    }

    #[test]
    fn grid_columns_place_values_by_position() {
        let values = fields(&["", "5", "", "7"]);
        let mut a = Column::new("a");
        a.grid_col = Some(1);
        let mut b = Column::new("b");
        b.grid_col = Some(3);
        let (p, fit) = place(&values, &[a, b]);
        assert_eq!((texts(&p), fit), (vec!["5", "7"], Fit::Exact));
    }
}

//! The running sums of one year's reports: one slot per official cell, one per
//! cell outside the official layout.

use indexmap::IndexMap;
use rust_decimal::Decimal;

use super::types::{Apart, ApartKind, Conversion, Gap, UnitChoice, Unsummed};
use crate::schema::{ValueKind, parent_label};
use crate::{Cell, CellKey, CountRead, FormatVersion, MoneyUnit, Number, Report, official_keys};

/// The running sums of one format version's official cells and of the cells
/// outside its layout.
#[derive(Debug)]
pub(super) struct Acc {
    version: FormatVersion,
    /// One slot per official key, in the order of [`official_keys`].
    cells: Vec<Slot>,
    extra: IndexMap<CellKey, Extra>,
}

/// One official cell's running sum.
#[derive(Debug)]
struct Slot {
    kind: ValueKind,
    /// The sum of the counts added so far (counts and changes).
    total: Decimal,
    /// The amounts, kept to be converted once the unit of the sum is known.
    amounts: Vec<(usize, Number)>,
    gaps: Vec<(usize, Gap)>,
}

/// A cell outside the official layout, summed apart.
#[derive(Debug)]
struct Extra {
    kind: ApartKind,
    reports: Vec<usize>,
    /// `None` once a report's cell is not a number, or of another unit.
    total: Option<Number>,
}

/// What [`Acc::finish`] gives besides the cells of the report.
pub(super) struct Totals {
    pub(super) unsummed: Vec<Unsummed>,
    pub(super) conversions: Vec<Conversion>,
    pub(super) units: Vec<(CellKey, UnitChoice)>,
    pub(super) apart: Vec<Apart>,
}

/// `a + b`, exactly, or `None` when the exact sum does not fit in a `Decimal`
/// (its own addition would round instead, or panic past its range).
///
/// ```
/// use rust_decimal::Decimal;
/// use xxgk_model::sum::exact_add;
///
/// assert_eq!(exact_add(Decimal::new(15, 1), Decimal::new(2, 0)), Some(Decimal::new(35, 1)));
/// assert_eq!(exact_add(Decimal::MAX, Decimal::ONE), None);
/// ```
pub fn exact_add(a: Decimal, b: Decimal) -> Option<Decimal> {
    let scale = a.scale().max(b.scale());
    let widen = |d: Decimal| {
        d.mantissa()
            .checked_mul(10i128.checked_pow(scale - d.scale())?)
    };
    let sum = widen(a)?.checked_add(widen(b)?)?;
    Decimal::try_from_i128_with_scale(sum, scale).ok()
}

/// An amount converted from one unit to another, exactly (a shift of the
/// decimal point by four places), or `None` when the result does not fit.
///
/// ```
/// use rust_decimal::Decimal;
/// use xxgk_model::MoneyUnit;
/// use xxgk_model::sum::convert;
///
/// let yuan = Decimal::new(12_500, 0);
/// assert_eq!(convert(yuan, MoneyUnit::Yuan, MoneyUnit::Wan), Some(Decimal::new(125, 2)));
/// ```
pub fn convert(value: Decimal, from: MoneyUnit, to: MoneyUnit) -> Option<Decimal> {
    let (m, s) = (value.mantissa(), value.scale());
    match (from, to) {
        (MoneyUnit::Yuan, MoneyUnit::Wan) => Decimal::try_from_i128_with_scale(m, s + 4)
            .ok()
            .map(|d| d.normalize()),
        (MoneyUnit::Wan, MoneyUnit::Yuan) if s >= 4 => Decimal::try_from_i128_with_scale(m, s - 4)
            .ok()
            .map(|d| d.normalize()),
        (MoneyUnit::Wan, MoneyUnit::Yuan) => {
            let m = m.checked_mul(10i128.pow(4 - s))?;
            Decimal::try_from_i128_with_scale(m, 0).ok()
        }
        _ => Some(value),
    }
}

/// What a row or column outside the official layout of `version` is.
fn apart_kind(version: FormatVersion, key: &CellKey) -> ApartKind {
    let spec = version.spec().table(key.table);
    match spec.row(&key.row) {
        Some(row)
            if row
                .columns
                .iter()
                .any(|c| parent_label(c.label) == Some(key.column.as_str())) =>
        {
            ApartKind::SubtotalColumn
        }
        None if spec
            .rows
            .iter()
            .any(|r| parent_label(r.label) == Some(key.row.as_str())) =>
        {
            ApartKind::SubtotalRow
        }
        _ => ApartKind::Added,
    }
}

impl Acc {
    pub(super) fn new(version: FormatVersion) -> Acc {
        let cells = official_keys(version)
            .iter()
            .map(|key| Slot {
                kind: key
                    .official(version)
                    .map_or(ValueKind::Count, |(_, c)| c.kind),
                total: Decimal::ZERO,
                amounts: Vec::new(),
                gaps: Vec::new(),
            })
            .collect();
        Acc {
            version,
            cells,
            extra: IndexMap::new(),
        }
    }

    pub(super) fn version(&self) -> FormatVersion {
        self.version
    }

    /// Adds report number `index` (of the reports summed).
    pub(super) fn add(&mut self, index: usize, report: &Report) {
        for (slot, key) in self.cells.iter_mut().zip(official_keys(self.version)) {
            slot.add(index, report.cell(key));
        }
        for (key, cell) in report.extra_cells() {
            let kind = apart_kind(self.version, &key);
            let extra = self.extra.entry(key).or_insert_with(|| Extra {
                kind,
                reports: Vec::new(),
                total: Some(Number {
                    value: Decimal::ZERO,
                    unit: None,
                }),
            });
            let first = extra.reports.is_empty();
            extra.reports.push(index);
            extra.total = match (extra.total, cell) {
                (Some(_), Cell::Number(n)) if first => Some(*n),
                (Some(t), Cell::Number(n)) if t.unit == n.unit => {
                    exact_add(t.value, n.value).map(|value| Number {
                        value,
                        unit: t.unit,
                    })
                }
                _ => None,
            };
        }
    }

    /// Writes the sums into `report` (a blank report of this version) and says
    /// what could not be summed, what was converted and what was summed apart.
    pub(super) fn finish(self, report: &mut Report) -> Totals {
        let mut totals = Totals {
            unsummed: Vec::new(),
            conversions: Vec::new(),
            units: Vec::new(),
            apart: Vec::new(),
        };
        for (slot, key) in self.cells.into_iter().zip(official_keys(self.version)) {
            let Slot {
                kind,
                total,
                amounts,
                mut gaps,
            } = slot;
            let value = match kind {
                ValueKind::Amount { unit } if gaps.is_empty() => {
                    let (choice, sum) = sum_amounts(key, unit, &amounts, &mut totals, &mut gaps);
                    sum.map(|value| {
                        totals.units.push((key.clone(), choice.clone()));
                        Number {
                            value,
                            // Under a label that states the unit, a bare number.
                            unit: if unit.is_some() {
                                None
                            } else {
                                Some(choice.unit())
                            },
                        }
                    })
                }
                ValueKind::Amount { .. } => None,
                ValueKind::Count | ValueKind::SignedCount => gaps.is_empty().then_some(Number {
                    value: total,
                    unit: None,
                }),
            };
            match value {
                Some(n) if gaps.is_empty() => {
                    if let Some(cell) = report.cell_mut(key) {
                        *cell = Cell::Number(n);
                    }
                }
                _ => totals.unsummed.push(Unsummed {
                    key: key.clone(),
                    gaps,
                }),
            }
        }
        totals.apart = self
            .extra
            .into_iter()
            .map(|(key, e)| Apart {
                key,
                kind: e.kind,
                reports: e.reports,
                total: e.total,
            })
            .collect();
        totals
    }
}

/// The unit of an amount cell's sum and the sum in it; conversions are recorded
/// in `totals`, and an amount that cannot be converted exactly is a gap.
fn sum_amounts(
    key: &CellKey,
    label: Option<MoneyUnit>,
    amounts: &[(usize, Number)],
    totals: &mut Totals,
    gaps: &mut Vec<(usize, Gap)>,
) -> (UnitChoice, Option<Decimal>) {
    let choice = label.map_or_else(
        || {
            let printed = |u| amounts.iter().filter(|(_, n)| n.unit == Some(u)).count();
            let (yuan, wan) = (printed(MoneyUnit::Yuan), printed(MoneyUnit::Wan));
            let unit = if yuan > wan {
                MoneyUnit::Yuan
            } else {
                MoneyUnit::Wan
            };
            UnitChoice::Majority { unit, yuan, wan }
        },
        UnitChoice::Label,
    );
    let to = choice.unit();
    let mut sum = Some(Decimal::ZERO);
    let mut conversions = Vec::new();
    for (report, n) in amounts {
        // A bare number is in the label's unit, or zero (checked on adding).
        let from = n.unit.or(label).unwrap_or(to);
        let Some(value) = convert(n.value, from, to) else {
            gaps.push((*report, Gap::OutOfRange(*n)));
            continue;
        };
        if from != to {
            conversions.push(Conversion {
                key: key.clone(),
                report: *report,
                from: *n,
                to: value,
                unit: to,
            });
        }
        sum = sum.and_then(|s| exact_add(s, value));
        if sum.is_none() {
            gaps.push((*report, Gap::OutOfRange(*n)));
        }
    }
    if gaps.is_empty() {
        totals.conversions.extend(conversions);
    }
    (choice, sum.filter(|_| gaps.is_empty()))
}

impl Slot {
    fn add(&mut self, index: usize, cell: Option<&Cell>) {
        let gap = match cell {
            None => Some(Gap::NotPrinted),
            Some(Cell::Blank) => Some(Gap::Blank),
            Some(Cell::Placeholder(p)) => Some(Gap::Placeholder(p.clone())),
            Some(Cell::Number(n)) => self.add_number(index, cell, n),
        };
        if let Some(gap) = gap {
            self.gaps.push((index, gap));
        }
    }

    /// Adds a number of this cell's kind; the gap when it cannot be added.
    fn add_number(&mut self, index: usize, cell: Option<&Cell>, n: &Number) -> Option<Gap> {
        let value = match self.kind {
            ValueKind::Count => match cell.map(Cell::count) {
                Some(CountRead::Count(v)) => Decimal::from(v),
                _ => return Some(Gap::Invalid(*n)),
            },
            ValueKind::SignedCount => {
                if n.unit.is_some() || !n.value.fract().is_zero() {
                    return Some(Gap::Invalid(*n));
                }
                n.value.trunc()
            }
            ValueKind::Amount { unit } => {
                if n.value.is_sign_negative() && !n.value.is_zero() {
                    return Some(Gap::Invalid(*n));
                }
                if unit.is_none() && n.unit.is_none() && !n.value.is_zero() {
                    return Some(Gap::UnitMissing(*n));
                }
                self.amounts.push((index, *n));
                return None;
            }
        };
        match exact_add(self.total, value) {
            Some(total) => {
                self.total = total;
                None
            }
            None => Some(Gap::OutOfRange(*n)),
        }
    }
}

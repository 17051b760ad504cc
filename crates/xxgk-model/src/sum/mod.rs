//! Summing reports cell by cell: the whole-city tables of a city's report from its
//! departments' and districts' reports (`xxgk sum`).
//!
//! Reports go in one by one ([`Summer::add`]); [`Summer::finish`] gives a
//! [`Summed`]: a report in the official format of the year whose official cells
//! are the sums of the reports' cells, and what a preparer needs to know about
//! it — which reports were summed, which were left out and why, which cells
//! could not be summed, how amounts of money were converted, and what the reports
//! print outside the official layout.
//!
//! The sums are exact and never guess:
//! - a cell that is blank, holds a placeholder (`/`, `—`), is not printed, or
//!   holds a number that cannot be one of its column (a negative or fractional
//!   count) in any report leaves the sum blank, never 0, and is listed
//!   ([`Unsummed`]);
//! - amounts of money are summed in one unit: the unit the column label states
//!   (2021 `本年收费金额（单位：万元）`), or else the unit most reports print
//!   (2019 `采购总金额`, 万元 on a tie); amounts in the other unit are converted
//!   exactly and listed ([`Conversion`]); a non-zero amount printed without a unit
//!   under a label without one cannot be summed;
//! - rows and columns outside the official layout (a local row of table 二,
//!   subtotal rows and columns) are never added into official cells: they are
//!   summed apart, where each report's cell is a number, and listed
//!   ([`Apart`]), not written into the result;
//! - the result is of one year and one format version: the year given, or the
//!   one year every report is of ([`SumError::SeveralYears`] otherwise); a report
//!   of another year, of the other format version, of an unknown year, or a
//!   second report of the same body and year is left out ([`LeftOut`]).
//!
//! The text sections 一, 五 and 六 of the result keep their official headings and
//! no text: the city's own report says what they say, and nothing here writes
//! prose for it.
//!
//! ```
//! use xxgk_model::sum::{SumOptions, Summer};
//! use xxgk_model::{BodyKind, Cell, CellKey, Report};
//! use xxgk_model::schema::TableId;
//!
//! let key = CellKey::new(TableId::Applications, "一、本年新收政府信息公开申请数量", "自然人");
//! let mut a = Report::blank("某某县水利局", 2025, BodyKind::Department).unwrap();
//! *a.cell_mut(&key).unwrap() = Cell::int(3);
//! let mut b = Report::blank("某某县教育局", 2025, BodyKind::Department).unwrap();
//! *b.cell_mut(&key).unwrap() = Cell::int(4);
//!
//! let mut summer = Summer::new(SumOptions::new("某某县人民政府"));
//! summer.add("水利局.toml", &a);
//! summer.add("教育局.toml", &b);
//! let summed = summer.finish().unwrap();
//! assert_eq!(summed.report.cell(&key), Some(&Cell::int(7)));
//! assert_eq!(summed.report.meta.year, 2025);
//! // Every other cell is blank in both reports: left blank, and listed.
//! assert_eq!(summed.unsummed.len(), 199);
//! ```

mod acc;
mod types;

#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, HashMap};

use crate::chars::fold_width;
use crate::{FormatVersion, Report};

use acc::Acc;
pub use acc::{convert, exact_add};
pub use types::{
    Apart, ApartKind, Conversion, Gap, Included, LeftOut, LeftOutReason, SumError, SumOptions,
    Summed, UnitChoice, Unsummed,
};

/// Sums reports one at a time (see the [module](self) documentation); memory
/// grows with the number of reports only by their names.
#[derive(Debug)]
pub struct Summer {
    options: SumOptions,
    /// The reports added so far, counted: the input order of each entry.
    seen: usize,
    /// Left out whatever the year turns out to be.
    left_out: Vec<(usize, LeftOut)>,
    /// One group per report year.
    groups: BTreeMap<i32, Group>,
}

/// The reports of one year.
#[derive(Debug)]
struct Group {
    acc: Acc,
    included: Vec<(usize, Included)>,
    left_out: Vec<(usize, LeftOut)>,
    /// Normalised agency name → the name of the file summed for it.
    agencies: HashMap<String, String>,
}

/// An agency's name as compared for duplicates: widths folded, spaces removed.
fn agency_key(agency: &str) -> String {
    agency
        .chars()
        .map(fold_width)
        .filter(|c| !c.is_whitespace())
        .collect()
}

impl Summer {
    /// A summer with nothing added.
    pub fn new(options: SumOptions) -> Summer {
        Summer {
            options,
            seen: 0,
            left_out: Vec::new(),
            groups: BTreeMap::new(),
        }
    }

    /// Adds a report, under the name messages give it (its file). Whether it is
    /// summed or left out is known from [`Summer::finish`].
    pub fn add(&mut self, name: &str, report: &Report) {
        let order = self.seen;
        self.seen += 1;
        let meta = &report.meta;
        let left_out = |reason| LeftOut {
            name: name.to_owned(),
            agency: meta.agency.clone(),
            year: meta.year,
            reason,
        };
        let Ok(version) = FormatVersion::of_year(meta.year) else {
            let reason = if meta.year <= 0 {
                LeftOutReason::YearUnknown
            } else {
                LeftOutReason::NoOfficialFormat
            };
            self.left_out.push((order, left_out(reason)));
            return;
        };
        if let Some(wanted) = self.options.year
            && wanted != meta.year
        {
            self.left_out
                .push((order, left_out(LeftOutReason::OtherYear { wanted })));
            return;
        }
        let group = self.groups.entry(meta.year).or_insert_with(|| Group {
            acc: Acc::new(version),
            included: Vec::new(),
            left_out: Vec::new(),
            agencies: HashMap::new(),
        });
        if meta.format != version {
            let reason = LeftOutReason::OtherVersion { wanted: version };
            group.left_out.push((order, left_out(reason)));
            return;
        }
        let key = agency_key(&meta.agency);
        if !key.is_empty() {
            if let Some(first) = group.agencies.get(&key) {
                let reason = LeftOutReason::Duplicate { of: first.clone() };
                group.left_out.push((order, left_out(reason)));
                return;
            }
            group.agencies.insert(key, name.to_owned());
        }
        group.acc.add(group.included.len(), report);
        group.included.push((
            order,
            Included {
                name: name.to_owned(),
                agency: meta.agency.clone(),
                kind: meta.kind,
            },
        ));
    }

    /// The sum of the reports of the year (see the [module](self) documentation).
    ///
    /// Fails when the reports are of several years and no year was given
    /// ([`SumError::SeveralYears`]), or when no report could be summed
    /// ([`SumError::NothingSummed`], with what was left out and why).
    pub fn finish(self) -> Result<Summed, SumError> {
        let Summer {
            options,
            mut left_out,
            mut groups,
            ..
        } = self;
        if options.year.is_none() && groups.len() > 1 {
            let years = groups
                .iter()
                .map(|(year, g)| {
                    let mut names: Vec<(usize, String)> = g
                        .included
                        .iter()
                        .map(|(i, r)| (*i, r.name.clone()))
                        .chain(g.left_out.iter().map(|(i, l)| (*i, l.name.clone())))
                        .collect();
                    names.sort_by_key(|(i, _)| *i);
                    (*year, names.into_iter().map(|(_, n)| n).collect())
                })
                .collect();
            return Err(SumError::SeveralYears(years));
        }
        let Some((year, group)) = groups.pop_first() else {
            left_out.sort_by_key(|(i, _)| *i);
            return Err(SumError::NothingSummed(
                left_out.into_iter().map(|(_, l)| l).collect(),
            ));
        };
        left_out.extend(group.left_out);
        left_out.sort_by_key(|(i, _)| *i);
        let left_out: Vec<LeftOut> = left_out.into_iter().map(|(_, l)| l).collect();
        if group.included.is_empty() {
            return Err(SumError::NothingSummed(left_out));
        }
        let reports: Vec<Included> = group.included.into_iter().map(|(_, r)| r).collect();
        let mut report = Report::blank_of(options.agency, year, options.kind, group.acc.version());
        let totals = group.acc.finish(&mut report);
        Ok(Summed {
            report,
            reports,
            left_out,
            unsummed: totals.unsummed,
            conversions: totals.conversions,
            units: totals.units,
            apart: totals.apart,
        })
    }
}

/// Sums reports given with their names (see [`Summer`]).
pub fn sum<'a>(
    reports: impl IntoIterator<Item = (&'a str, &'a Report)>,
    options: SumOptions,
) -> Result<Summed, SumError> {
    let mut summer = Summer::new(options);
    for (name, report) in reports {
        summer.add(name, report);
    }
    summer.finish()
}

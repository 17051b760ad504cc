//! A claim against its readings: consistent when some reading can be what the text
//! states (an approximate figure within its band, a rounded one within half its
//! step), else the readings it misses; and a stated percentage against the shares
//! the table gives.

use rust_decimal::Decimal;
use xxgk_model::Report;

use super::number::Approx;
use super::readings::{Reading, readings};
use super::{Claim, Measure, Party, Stated, Target};

/// What a claim comes to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// The table has nothing to compare with (no table, or only blank cells).
    Open,
    /// Some reading fits.
    Fits,
    /// No reading fits: the readings, the usual one first.
    Differs(Vec<Reading>),
}

/// The band a figure's approximation allows: a tenth of its order of magnitude
/// (`80余` is 80 to 90, `近690` is 590 to 690), at least its step.
fn band(value: Decimal, step: Decimal) -> Decimal {
    let mut b = Decimal::ONE;
    while b * Decimal::TEN <= value {
        b *= Decimal::TEN;
    }
    b.max(step)
}

/// The values a statement allows, as bounds (`None`: no upper bound).
pub(crate) fn allowed(stated: &Stated) -> (Decimal, Option<Decimal>) {
    let Stated::Figure(f, _) = stated else {
        return (Decimal::ZERO, Some(Decimal::ZERO));
    };
    let v = f.value;
    let half = f.step / Decimal::TWO;
    let (lo, hi) = if f.step > Decimal::ONE {
        (v - half, Some(v + half))
    } else {
        (v, Some(v))
    };
    let b = band(v, f.step);
    match f.approx {
        Approx::Exact => (lo, hi),
        Approx::AtLeast => (lo, Some(v + b)),
        Approx::MoreThan => (lo, None),
        Approx::AtMost => ((v - b).max(Decimal::ZERO), hi),
        Approx::About => (
            (v - b / Decimal::TWO).max(Decimal::ZERO),
            Some(v + b / Decimal::TWO),
        ),
    }
}

/// A claim against the report's tables.
pub(crate) fn verdict(report: &Report, claim: &Claim) -> Verdict {
    let all = readings(report, &claim.target);
    if all.is_empty()
        || all
            .iter()
            .all(|r| r.value.lo == Decimal::ZERO && r.value.hi.is_none())
    {
        return Verdict::Open;
    }
    let (lo, hi) = allowed(&claim.stated);
    if all.iter().any(|r| r.value.meets(lo, hi)) {
        Verdict::Fits
    } else {
        Verdict::Differs(all)
    }
}

/// A stated share against the shares the table gives: `None` when it fits (or
/// cannot be judged), else the shares computed from the usual bases, as
/// (base, percentage).
pub(crate) fn share_differs(report: &Report, claim: &Claim) -> Option<Vec<(Decimal, Decimal)>> {
    let share = claim.share.as_ref()?;
    let Stated::Figure(f, _) = &claim.stated else {
        return None;
    };
    if !f.is_exact() {
        return None;
    }
    let mut bases: Vec<Decimal> = claim.bases.clone();
    for measure in [Measure::Handled, Measure::Received] {
        let target = Target::Applications {
            measure,
            party: Party::Total,
        };
        for r in readings(report, &target) {
            if r.value.is_exact() {
                bases.push(r.value.lo);
            }
        }
    }
    bases.retain(|b| *b > Decimal::ZERO);
    bases.sort();
    bases.dedup();
    if bases.is_empty() {
        return None;
    }
    let hundred = Decimal::ONE_HUNDRED;
    let fits = |base: &Decimal| {
        let exact = f.value * hundred / *base;
        let d = exact - share.value;
        // Rounded to the step, or cut off at it.
        d.abs() <= share.step / Decimal::TWO || (d >= Decimal::ZERO && d < share.step)
    };
    if bases.iter().any(fits) {
        return None;
    }
    Some(
        bases
            .iter()
            .map(|b| (*b, (f.value * hundred / *b).round_dp(share.step.scale())))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::number::figures;

    fn bounds(text: &str) -> (Decimal, Option<Decimal>) {
        let f = figures(text).remove(0);
        allowed(&Stated::Figure(f, text.to_owned()))
    }

    fn d(v: i64) -> Decimal {
        Decimal::from(v)
    }

    #[test]
    fn approximations_allow_a_band() {
        assert_eq!(bounds("75件"), (d(75), Some(d(75))));
        assert_eq!(bounds("80余件"), (d(80), Some(d(90))));
        assert_eq!(bounds("近690条"), (d(590), Some(d(690))));
        assert_eq!(bounds("约300件"), (d(250), Some(d(350))));
        assert_eq!(bounds("超过1000件"), (d(1000), None));
        assert_eq!(bounds("5500余条"), (d(5500), Some(d(6500))));
        assert_eq!(bounds("1.2万条"), (d(11_500), Some(d(12_500))));
        assert_eq!(
            bounds("5件左右"),
            (Decimal::new(45, 1), Some(Decimal::new(55, 1)))
        );
    }
}

//! Summing fictional reports: sums, blanks, units, versions, years, duplicates,
//! rows outside the official layout.

#![allow(clippy::many_single_char_names)] // reports a, b, c and the sum s.

use std::str::FromStr;

use rust_decimal::Decimal;

use super::acc::{convert, exact_add};
use super::*;
use crate::schema::{TableId, ValueKind, applications, proactive};
use crate::{BodyKind, Cell, CellKey, MoneyUnit, Number, SectionId, official_keys};

/// A report of `agency` for `year` with every official cell a number: counts
/// `base + i` for the i-th official key, amounts `base.5` (bare, or 万元 where the
/// label states no unit).
fn filled(agency: &str, year: i32, base: i64) -> Report {
    let mut r = Report::blank(agency, year, BodyKind::Department).unwrap();
    let version = r.meta.format;
    for (i, key) in official_keys(version).iter().enumerate() {
        let kind = key.official(version).unwrap().1.kind;
        let cell = match kind {
            ValueKind::Count | ValueKind::SignedCount => {
                Cell::int(base + i64::try_from(i).unwrap())
            }
            ValueKind::Amount { unit } => Cell::Number(Number {
                value: Decimal::new(base * 10 + 5, 1),
                unit: if unit.is_some() {
                    None
                } else {
                    Some(MoneyUnit::Wan)
                },
            }),
        };
        *r.cell_mut(key).unwrap() = cell;
    }
    r
}

fn key(table: TableId, row: &str, column: &str) -> CellKey {
    CellKey::new(table, row, column)
}

fn new_np() -> CellKey {
    key(
        TableId::Applications,
        applications::NEW,
        applications::NATURAL_PERSON,
    )
}

fn fee() -> CellKey {
    key(TableId::Proactive, proactive::FEES, proactive::FEE_AMOUNT)
}

fn procurement() -> CellKey {
    key(
        TableId::Proactive,
        proactive::CENTRAL_PROCUREMENT_2019,
        proactive::PROCUREMENT_AMOUNT_2019,
    )
}

fn n(text: &str) -> Cell {
    Cell::from_str(text).unwrap()
}

fn sum_of(reports: &[(&str, &Report)]) -> Result<Summed, SumError> {
    sum(reports.iter().copied(), SumOptions::new("某某市人民政府"))
}

#[test]
fn every_official_cell_is_the_sum_of_the_reports_cells() {
    let a = filled("某某县水利局", 2024, 1);
    let b = filled("某某县教育局", 2024, 100);
    let c = filled("某某县民政局", 2024, 1000);
    let s = sum_of(&[("a", &a), ("b", &b), ("c", &c)]).unwrap();
    assert!(s.unsummed.is_empty(), "{:?}", s.unsummed);
    assert!(s.left_out.is_empty());
    let version = FormatVersion::V2021;
    for (i, k) in official_keys(version).iter().enumerate() {
        let got = s.report.cell(k).and_then(Cell::number).unwrap().value;
        let i = i64::try_from(i).unwrap();
        let want = match k.official(version).unwrap().1.kind {
            // 1.5 + 100.5 + 1000.5 万元
            ValueKind::Amount { .. } => Decimal::new(11025, 1),
            _ => Decimal::from(1 + 100 + 1000 + 3 * i),
        };
        assert_eq!(got, want, "{k}");
    }
    // Counts stay whole numbers, serialised as integers.
    let cell = s.report.cell(&new_np()).unwrap();
    assert_eq!(serde_json::to_string(cell).unwrap(), "1131");
    assert_eq!(s.reports.len(), 3);
    assert_eq!(s.reports[1].agency, "某某县教育局");
}

#[test]
fn the_result_is_a_report_of_the_options_with_empty_text_sections() {
    let a = filled("某某县水利局", 2020, 1);
    let options = SumOptions::new("某某市合计").kind(BodyKind::Other);
    let s = sum([("a", &a)], options).unwrap();
    let meta = &s.report.meta;
    assert_eq!(
        (meta.agency.as_str(), meta.year, meta.kind, meta.format),
        ("某某市合计", 2020, BodyKind::Other, FormatVersion::V2019)
    );
    for id in [SectionId::Overview, SectionId::Problems, SectionId::Other] {
        let Some(crate::SectionRef::Text(t)) = s.report.sections.get(id) else {
            panic!("{id:?} missing");
        };
        assert!(t.heading.is_some() && t.body.is_empty(), "{id:?}");
    }
    assert!(s.report.preamble.is_empty() && s.report.closing.is_empty());
}

#[test]
fn a_blank_placeholder_or_missing_cell_leaves_the_sum_blank_and_is_listed() {
    let a = filled("某某县水利局", 2024, 1);
    let mut b = filled("某某县教育局", 2024, 2);
    let mut c = filled("某某县民政局", 2024, 3);
    *b.cell_mut(&new_np()).unwrap() = Cell::Blank;
    *c.cell_mut(&new_np()).unwrap() = Cell::Placeholder("/".into());
    // c prints no table 四 at all.
    c.sections.reviews = None;
    let s = sum_of(&[("a", &a), ("b", &b), ("c", &c)]).unwrap();
    assert_eq!(s.report.cell(&new_np()), Some(&Cell::Blank));
    let first = &s.unsummed[0];
    assert_eq!(first.key, new_np());
    assert_eq!(
        first.gaps,
        vec![(1, Gap::Blank), (2, Gap::Placeholder("/".into()))]
    );
    // The 15 cells of table 四, blank, each naming c.
    let reviews: Vec<&Unsummed> = s
        .unsummed
        .iter()
        .filter(|u| u.key.table == TableId::Reviews)
        .collect();
    assert_eq!(reviews.len(), 15);
    assert!(reviews.iter().all(|u| u.gaps == vec![(2, Gap::NotPrinted)]));
    for u in &reviews {
        assert_eq!(s.report.cell(&u.key), Some(&Cell::Blank));
    }
    assert_eq!(s.unsummed.len(), 16);
}

#[test]
fn numbers_a_column_cannot_hold_are_not_added() {
    let a = filled("某某县水利局", 2024, 1);
    let mut b = filled("某某县教育局", 2024, 2);
    *b.cell_mut(&new_np()).unwrap() = n("-3");
    let total = key(
        TableId::Applications,
        applications::NEW,
        applications::TOTAL_COLUMN,
    );
    *b.cell_mut(&total).unwrap() = n("2.5");
    let s = sum_of(&[("a", &a), ("b", &b)]).unwrap();
    assert_eq!(s.report.cell(&new_np()), Some(&Cell::Blank));
    assert_eq!(s.report.cell(&total), Some(&Cell::Blank));
    let gaps: Vec<&Gap> = s.unsummed.iter().map(|u| &u.gaps[0].1).collect();
    assert!(matches!(
        gaps.as_slice(),
        [Gap::Invalid(_), Gap::Invalid(_)]
    ));
}

#[test]
fn signed_changes_of_2019_add_with_their_signs() {
    let change = key(
        TableId::Proactive,
        proactive::LICENSING,
        proactive::ITEMS_CHANGE_2019,
    );
    let mut a = filled("某某县水利局", 2019, 1);
    let mut b = filled("某某县教育局", 2019, 1);
    *a.cell_mut(&change).unwrap() = Cell::int(-7);
    *b.cell_mut(&change).unwrap() = Cell::int(3);
    let s = sum_of(&[("a", &a), ("b", &b)]).unwrap();
    assert_eq!(s.report.cell(&change), Some(&Cell::int(-4)));
}

#[test]
fn fees_are_summed_in_wan_as_the_label_states_and_yuan_converted_exactly() {
    let mut a = filled("某某县水利局", 2024, 1);
    let mut b = filled("某某县教育局", 2024, 1);
    let mut c = filled("某某县民政局", 2024, 1);
    *a.cell_mut(&fee()).unwrap() = n("12.50");
    *b.cell_mut(&fee()).unwrap() = n("3940元");
    *c.cell_mut(&fee()).unwrap() = n("0.3万元");
    let s = sum_of(&[("a", &a), ("b", &b), ("c", &c)]).unwrap();
    // 12.50 + 0.394 + 0.3, a bare number under the 万元 label.
    assert_eq!(s.report.cell(&fee()), Some(&n("13.194")));
    assert_eq!(s.conversions.len(), 1);
    let conv = &s.conversions[0];
    assert_eq!(
        (conv.report, conv.to, conv.unit),
        (1, Decimal::new(394, 3), MoneyUnit::Wan)
    );
    assert_eq!(s.units, vec![(fee(), UnitChoice::Label(MoneyUnit::Wan))]);
}

#[test]
fn procurement_amounts_of_2019_are_summed_in_the_unit_most_print() {
    let mut a = filled("某某县水利局", 2019, 1);
    let mut b = filled("某某县教育局", 2019, 1);
    let mut c = filled("某某县民政局", 2019, 1);
    *a.cell_mut(&procurement()).unwrap() = n("251000元");
    *b.cell_mut(&procurement()).unwrap() = n("34.5万元");
    *c.cell_mut(&procurement()).unwrap() = n("100.25元");
    let s = sum_of(&[("a", &a), ("b", &b), ("c", &c)]).unwrap();
    // Two in 元, one in 万元: 251000 + 345000 + 100.25 元, the unit in the cell
    // (the label states none).
    assert_eq!(s.report.cell(&procurement()), Some(&n("596100.25元")));
    assert_eq!(
        s.units,
        vec![(
            procurement(),
            UnitChoice::Majority {
                unit: MoneyUnit::Yuan,
                yuan: 2,
                wan: 1
            }
        )]
    );
    assert_eq!(s.conversions.len(), 1);
    assert_eq!(s.conversions[0].to, Decimal::from(345_000));

    // A tie goes to 万元; a zero needs no unit.
    *c.cell_mut(&procurement()).unwrap() = Cell::int(0);
    let s = sum_of(&[("a", &a), ("b", &b), ("c", &c)]).unwrap();
    assert_eq!(s.report.cell(&procurement()), Some(&n("59.6万元")));

    // A non-zero bare amount under a label without a unit cannot be summed.
    *c.cell_mut(&procurement()).unwrap() = Cell::int(80);
    let s = sum_of(&[("a", &a), ("b", &b), ("c", &c)]).unwrap();
    assert_eq!(s.report.cell(&procurement()), Some(&Cell::Blank));
    assert!(s.units.is_empty() && s.conversions.is_empty());
    assert!(matches!(
        s.unsummed.as_slice(),
        [Unsummed { gaps, .. }] if matches!(gaps.as_slice(), [(2, Gap::UnitMissing(_))])
    ));
}

#[test]
fn conversions_and_additions_are_exact_or_refused() {
    let d = |s: &str| Decimal::from_str(s).unwrap();
    assert_eq!(
        convert(d("3940"), MoneyUnit::Yuan, MoneyUnit::Wan),
        Some(d("0.394"))
    );
    assert_eq!(
        convert(d("1.23456"), MoneyUnit::Wan, MoneyUnit::Yuan),
        Some(d("12345.6"))
    );
    assert_eq!(
        convert(d("7"), MoneyUnit::Wan, MoneyUnit::Yuan),
        Some(d("70000"))
    );
    // 28 decimal places already: a further shift would round.
    assert_eq!(
        convert(
            d("0.0000000000000000000000000001"),
            MoneyUnit::Yuan,
            MoneyUnit::Wan
        ),
        None
    );
    assert_eq!(convert(Decimal::MAX, MoneyUnit::Wan, MoneyUnit::Yuan), None);
    assert_eq!(exact_add(d("0.1"), d("2")), Some(d("2.1")));
    assert_eq!(exact_add(Decimal::MAX, Decimal::ONE), None);
    // Decimal's own addition would round this one.
    assert_eq!(exact_add(Decimal::MAX, d("0.5")), None);
}

#[test]
fn reports_of_the_other_version_are_left_out_and_alone_give_no_sum() {
    let a = filled("某某县水利局", 2024, 1);
    // A 2024 report printed in the 2019 trial format.
    let mut old = filled("某某县教育局", 2020, 1);
    old.meta.year = 2024;
    let s = sum_of(&[("a", &a), ("old", &old)]).unwrap();
    assert_eq!(s.reports.len(), 1);
    assert_eq!(
        s.left_out[0].reason,
        LeftOutReason::OtherVersion {
            wanted: FormatVersion::V2021
        }
    );
    assert!(s.left_out[0].reason.to_string().contains("2021 年格式"));
    assert_eq!(s.report.cell(&new_np()), a.cell(&new_np()));
    match sum_of(&[("old", &old)]) {
        Err(SumError::NothingSummed(left)) => assert_eq!(left.len(), 1),
        other => panic!("{other:?}"),
    }
}

#[test]
fn several_years_are_refused_unless_a_year_is_given() {
    let a = filled("某某县水利局", 2024, 1);
    let b = filled("某某县教育局", 2023, 1);
    let c = filled("某某县民政局", 2024, 1);
    let mut unknown = filled("某某县财政局", 2024, 1);
    unknown.meta.year = 0;
    let all = [("a", &a), ("b", &b), ("c", &c), ("u", &unknown)];
    match sum_of(&all) {
        Err(e @ SumError::SeveralYears(_)) => {
            let SumError::SeveralYears(years) = &e else {
                unreachable!()
            };
            assert_eq!(
                years,
                &vec![
                    (2023, vec!["b".to_owned()]),
                    (2024, vec!["a".to_owned(), "c".to_owned()])
                ]
            );
            assert!(e.to_string().contains("2024 年度 2 份（a、c）"), "{e}");
        }
        other => panic!("{other:?}"),
    }
    let options = SumOptions::new("某某市人民政府").year(2024);
    let s = sum(all.iter().copied(), options).unwrap();
    let left: Vec<(&str, &LeftOutReason)> = s
        .left_out
        .iter()
        .map(|l| (l.name.as_str(), &l.reason))
        .collect();
    assert_eq!(
        left,
        vec![
            ("b", &LeftOutReason::OtherYear { wanted: 2024 }),
            ("u", &LeftOutReason::YearUnknown)
        ]
    );
    assert_eq!(s.reports.len(), 2);
}

#[test]
fn a_second_report_of_the_same_body_and_year_is_left_out() {
    let a = filled("某某县水利局", 2024, 1);
    let mut again = filled("某某县 水利局", 2024, 5);
    again.meta.agency = "某某县　水利局".into();
    let b = filled("某某县教育局", 2024, 1);
    // Without a name, a report cannot be told a duplicate: summed.
    let nameless = filled("", 2024, 1);
    let s = sum_of(&[("a", &a), ("again", &again), ("b", &b), ("x", &nameless)]).unwrap();
    assert_eq!(s.reports.len(), 3);
    assert_eq!(s.left_out.len(), 1);
    assert_eq!(
        s.left_out[0].reason,
        LeftOutReason::Duplicate { of: "a".into() }
    );
    // 1 + 10 (the index of the key) from each of the three reports summed.
    assert_eq!(s.report.cell(&new_np()), Some(&Cell::int(33)));
}

/// An [`Apart`] as compared: row, column, kind, reports, total.
type ApartRow<'a> = (&'a str, &'a str, ApartKind, &'a [usize], Option<Cell>);

#[test]
fn local_rows_and_subtotals_are_summed_apart_never_into_official_cells() {
    let local = "第二十条第（一）项/其他主动公开文件";
    let subtotal = "三、本年度办理结果/（三）不予公开";
    let mut a = filled("某某县水利局", 2024, 1);
    let mut b = filled("某某县教育局", 2024, 1);
    let c = filled("某某县民政局", 2024, 1);
    for (r, v) in [(&mut a, 5), (&mut b, 7)] {
        r.table_mut(TableId::Proactive)
            .unwrap()
            .set(local, proactive::ISSUED, Cell::int(v));
        let t3 = r.table_mut(TableId::Applications).unwrap();
        t3.set(subtotal, applications::NATURAL_PERSON, Cell::int(99));
        t3.set(
            applications::NEW,
            applications::ORGANISATIONS,
            Cell::int(50),
        );
    }
    b.table_mut(TableId::Applications)
        .unwrap()
        .set(subtotal, applications::BUSINESS, Cell::Blank);
    let s = sum_of(&[("a", &a), ("b", &b), ("c", &c)]).unwrap();
    // The result holds the official layout only, each cell the plain sum.
    assert_eq!(s.report.extra_cells().count(), 0);
    assert_eq!(s.report.cell(&new_np()), Some(&Cell::int(33)));
    let apart: Vec<ApartRow<'_>> = s
        .apart
        .iter()
        .map(|x| {
            (
                x.key.row.as_str(),
                x.key.column.as_str(),
                x.kind,
                x.reports.as_slice(),
                x.total.map(Cell::Number),
            )
        })
        .collect();
    assert_eq!(
        apart,
        vec![
            (
                local,
                proactive::ISSUED,
                ApartKind::Added,
                &[0, 1][..],
                Some(Cell::int(12))
            ),
            (
                applications::NEW,
                applications::ORGANISATIONS,
                ApartKind::SubtotalColumn,
                &[0, 1][..],
                Some(Cell::int(100))
            ),
            (
                subtotal,
                applications::NATURAL_PERSON,
                ApartKind::SubtotalRow,
                &[0, 1][..],
                Some(Cell::int(198))
            ),
            (
                subtotal,
                applications::BUSINESS,
                ApartKind::SubtotalRow,
                &[1][..],
                None
            ),
        ]
    );
}

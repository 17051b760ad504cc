//! The laws of the rules, as properties (`PROPTEST_CASES` sets the number of cases;
//! CI runs 1000):
//! - a generated report that satisfies every identity draws no error;
//! - changing any one cell of table 三 or 四 of such a report draws an error whose
//!   location or related locations name that cell;
//! - no report the model can hold makes checking panic, whatever the options;
//! - the cell-by-cell sum (`xxgk_model::sum`) of consistent reports of one year
//!   draws no error, whatever layouts they print;
//! - a consistent report whose narrative states its table figures (in Arabic,
//!   full-width or Chinese numerals) draws no narrative finding, and changing one
//!   stated figure draws a finding at that figure naming it.

use chrono::NaiveDate;
use proptest::collection::vec;
use proptest::prelude::*;
use rust_decimal::Decimal;
use xxgk_model::schema::applications::{
    self, CARRIED_IN, CARRIED_OUT, NEW, ORGANISATIONS, OTHER_HANDLING, RESULTS, RESULTS_TOTAL,
};
use xxgk_model::schema::{TableId, ValueKind, parent_label, reviews};
use xxgk_model::{
    Block, BodyKind, Cell, CellKey, FormatVersion, MoneyUnit, Number, Period, Pointer, Report,
    SourceMap, SourcePos,
};
use xxgk_rules::{CheckOptions, Config, Findings, Level, Severity, check, check_with};

/// Layouts real reports print besides the official one; each keeps the identities.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Layout {
    Official,
    /// A `法人或其他组织` column holding the sum of its five parts.
    OrganisationColumn,
    /// Subtotal rows （三）…（六） above their sub-rows.
    CategoryRows,
    /// 2021 only: （六）其他处理 as one row in place of its three sub-rows.
    SingleOtherHandling,
}

fn layout() -> impl Strategy<Value = Layout> {
    prop_oneof![
        4 => Just(Layout::Official),
        1 => Just(Layout::OrganisationColumn),
        1 => Just(Layout::CategoryRows),
        1 => Just(Layout::SingleOtherHandling),
    ]
}

/// Mostly zeros and small counts, now and then a large one.
fn count() -> impl Strategy<Value = u64> {
    prop_oneof![3 => Just(0u64), 3 => 0u64..20, 1 => 0u64..100_000]
}

fn kind() -> impl Strategy<Value = BodyKind> {
    prop_oneof![
        Just(BodyKind::Government),
        Just(BodyKind::Department),
        Just(BodyKind::Other)
    ]
}

/// The six applicant columns of table 三 (all but 总计).
fn applicant_columns() -> Vec<&'static str> {
    applications::COLUMNS
        .iter()
        .map(|c| c.label)
        .filter(|c| *c != applications::TOTAL_COLUMN)
        .collect()
}

/// The result rows of a version that hold a count of their own (not （七）总计).
fn result_rows(version: FormatVersion) -> Vec<&'static str> {
    applications::result_rows(version).collect()
}

/// Everything drawn for one report.
#[derive(Debug, Clone)]
struct Drawn {
    version: FormatVersion,
    year_offset: i32,
    kind: BodyKind,
    layout: Layout,
    /// Per applicant column: the result rows' counts.
    results: Vec<Vec<u64>>,
    /// Per applicant column: carried out.
    carried_out: Vec<u64>,
    /// Per applicant column: the share (per mille) of the year's work carried in.
    carried_in_share: Vec<u64>,
    /// Table 四: three blocks of four parts.
    reviews: Vec<Vec<u64>>,
    /// Table 二: one value per official cell.
    proactive: Vec<i64>,
    published_day: u32,
    period: bool,
}

fn drawn(version: FormatVersion) -> impl Strategy<Value = Drawn> {
    let n = result_rows(version).len();
    let t2 = version.spec().table(TableId::Proactive).cell_count();
    (
        (0i32..2, kind(), layout()),
        vec(vec(count(), n), 6),
        vec(count(), 6),
        vec(0u64..=1000, 6),
        vec(vec(count(), 4), 3),
        vec(0i64..10_000_000, t2),
        (1u32..=31, any::<bool>()),
    )
        .prop_map(
            move |(
                (year_offset, kind, layout),
                results,
                carried_out,
                carried_in_share,
                reviews,
                proactive,
                (published_day, period),
            )| Drawn {
                version,
                year_offset,
                kind,
                layout,
                results,
                carried_out,
                carried_in_share,
                reviews,
                proactive,
                published_day,
                period,
            },
        )
}

fn int(v: u64) -> Cell {
    Cell::Number(Number {
        value: v.into(),
        unit: None,
    })
}

/// Builds a report in which every identity holds.
fn build(d: &Drawn) -> Report {
    let year = match d.version {
        FormatVersion::V2019 => 2019 + d.year_offset,
        FormatVersion::V2021 => 2021 + d.year_offset * 4,
    };
    let mut r = Report::blank("青禾县某某局", year, d.kind).unwrap();
    r.meta.published = NaiveDate::from_ymd_opt(year + 1, 1, d.published_day);
    r.meta.period = d.period.then(|| Period {
        start: NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or_default(),
        end: NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or_default(),
    });
    let s = &mut r.sections;
    for (section, text) in [
        (
            &mut s.overview,
            "全年依法主动公开政府信息；政务公开纳入工作考核，开展社会评议，未发生责任追究。",
        ),
        (&mut s.problems, "栏目更新不够及时，下一步建立台账。"),
        (&mut s.other, "本年度未收取信息处理费。"),
    ] {
        if let Some(section) = section.as_mut() {
            section.body = vec![Block::Paragraph(text.into())];
        }
    }
    fill_proactive(&mut r, d);
    fill_applications(&mut r, d);
    fill_reviews(&mut r, d);
    r
}

fn fill_proactive(r: &mut Report, d: &Drawn) {
    let spec = d.version.spec().table(TableId::Proactive);
    let cells = spec
        .rows
        .iter()
        .flat_map(|row| row.columns.iter().map(move |c| (row.label, c)));
    for ((row, column), &v) in cells.zip(&d.proactive) {
        let cell = match column.kind {
            ValueKind::Count => int(v.unsigned_abs() % 5_000),
            ValueKind::SignedCount => Cell::int(v % 500 - 250),
            // Below the implausibility ceiling, in 分 at most; the 2019 amount
            // carries its unit.
            ValueKind::Amount { unit } => Cell::Number(Number {
                value: Decimal::new(v, 2),
                unit: if unit.is_some() {
                    None
                } else {
                    Some(MoneyUnit::Wan)
                },
            }),
        };
        r.table_entry(TableId::Proactive)
            .set(row, column.label, cell);
    }
}

fn fill_applications(r: &mut Report, d: &Drawn) {
    let rows = result_rows(d.version);
    let columns = applicant_columns();
    let t = r.table_entry(TableId::Applications);
    let mut row_totals = vec![0u64; rows.len()];
    let (mut new_total, mut in_total, mut done_total, mut out_total) = (0, 0, 0, 0);
    for (c, column) in columns.iter().enumerate() {
        let done: u64 = d.results[c].iter().sum();
        let owed = done + d.carried_out[c];
        let carried_in = owed * d.carried_in_share[c] / 1000;
        let new = owed - carried_in;
        for (i, row) in rows.iter().enumerate() {
            t.set(*row, *column, int(d.results[c][i]));
            row_totals[i] += d.results[c][i];
        }
        t.set(NEW, *column, int(new));
        t.set(CARRIED_IN, *column, int(carried_in));
        t.set(RESULTS_TOTAL, *column, int(done));
        t.set(CARRIED_OUT, *column, int(d.carried_out[c]));
        new_total += new;
        in_total += carried_in;
        done_total += done;
        out_total += d.carried_out[c];
    }
    let total = applications::TOTAL_COLUMN;
    for (i, row) in rows.iter().enumerate() {
        t.set(*row, total, int(row_totals[i]));
    }
    t.set(NEW, total, int(new_total));
    t.set(CARRIED_IN, total, int(in_total));
    t.set(RESULTS_TOTAL, total, int(done_total));
    t.set(CARRIED_OUT, total, int(out_total));
    match d.layout {
        Layout::OrganisationColumn => organisation_column(r),
        Layout::CategoryRows => category_rows(r, d.version, false),
        Layout::SingleOtherHandling if d.version == FormatVersion::V2021 => {
            category_rows(r, d.version, true);
        }
        // The official layout, or a single （六） row in a 2019 report, where it is
        // official.
        Layout::Official | Layout::SingleOtherHandling => {}
    }
}

/// Adds a `法人或其他组织` column, the sum of its parts, to every row of table 三.
fn organisation_column(r: &mut Report) {
    let Some(t) = r.table_mut(TableId::Applications) else {
        return;
    };
    for (_, row) in t.rows_mut() {
        let sum: u64 = row
            .iter()
            .filter(|(c, _)| parent_label(c) == Some(ORGANISATIONS))
            .filter_map(|(_, cell)| cell.as_count())
            .sum();
        row.insert(ORGANISATIONS, int(sum));
    }
}

/// Adds subtotal rows over the categories with sub-rows, or (with `replace`) puts
/// the （六） row in place of its sub-rows.
fn category_rows(r: &mut Report, version: FormatVersion, replace: bool) {
    let Some(t) = r.table_mut(TableId::Applications) else {
        return;
    };
    let mut categories: Vec<&str> = Vec::new();
    for row in result_rows(version) {
        if let Some(parent) = parent_label(row).filter(|p| *p != RESULTS)
            && !categories.contains(&parent)
        {
            categories.push(parent);
        }
    }
    for category in categories {
        if replace && category != OTHER_HANDLING {
            continue;
        }
        let parts: Vec<String> = t
            .rows()
            .map(|(l, _)| l.to_owned())
            .filter(|l| parent_label(l) == Some(category))
            .collect();
        let mut sums: Vec<(String, u64)> = Vec::new();
        for part in &parts {
            for (column, cell) in t
                .row(part)
                .map(|row| row.iter().collect::<Vec<_>>())
                .unwrap_or_default()
            {
                let v = cell.as_count().unwrap_or(0);
                match sums.iter_mut().find(|(c, _)| c == column) {
                    Some((_, s)) => *s += v,
                    None => sums.push((column.to_owned(), v)),
                }
            }
        }
        if replace {
            for part in &parts {
                t.remove(part);
            }
        }
        for (column, sum) in sums {
            t.set(category, column, int(sum));
        }
    }
}

fn fill_reviews(r: &mut Report, d: &Drawn) {
    let t = r.table_entry(TableId::Reviews);
    for (row, parts) in reviews::ROWS.iter().zip(&d.reviews) {
        let columns = reviews::COLUMNS
            .iter()
            .filter(|c| c.label != reviews::TOTAL_COLUMN);
        for (column, v) in columns.zip(parts) {
            t.set(row.label, column.label, int(*v));
        }
        t.set(row.label, reviews::TOTAL_COLUMN, int(parts.iter().sum()));
    }
}

fn consistent() -> impl Strategy<Value = Drawn> {
    prop_oneof![drawn(FormatVersion::V2019), drawn(FormatVersion::V2021)]
}

/// One to four consistent reports of one version.
fn consistent_of_one_version() -> impl Strategy<Value = Vec<Drawn>> {
    prop_oneof![
        vec(drawn(FormatVersion::V2019), 1..5),
        vec(drawn(FormatVersion::V2021), 1..5)
    ]
}

fn names(findings: &Findings, key: &CellKey) -> bool {
    findings.diagnostics.iter().any(|d| {
        d.severity == Severity::Error
            && (d.location.key.as_ref() == Some(key)
                || d.related
                    .iter()
                    .any(|r| r.location.key.as_ref() == Some(key)))
    })
}

proptest! {
    #![proptest_config(ProptestConfig::default())]

    #[test]
    fn consistent_reports_draw_no_error(d in consistent()) {
        let report = build(&d);
        let findings = check(&report);
        prop_assert!(!findings.has_errors(), "{:#?}", findings);
        if d.layout == Layout::Official {
            prop_assert!(findings.is_empty(), "{:#?}", findings);
        }
    }

    #[test]
    fn the_sum_of_consistent_reports_draws_no_error(ds in consistent_of_one_version()) {
        // One year, one body each.
        let reports: Vec<(String, Report)> = ds
            .iter()
            .enumerate()
            .map(|(i, d)| {
                let mut r = build(&Drawn { year_offset: 0, ..d.clone() });
                r.meta.agency = format!("青禾县第{i}局");
                (format!("{i}.toml"), r)
            })
            .collect();
        let summed = xxgk_model::sum::sum(
            reports.iter().map(|(n, r)| (n.as_str(), r)),
            xxgk_model::sum::SumOptions::new("青禾县人民政府"),
        )
        .unwrap();
        prop_assert_eq!(summed.reports.len(), ds.len());
        let findings = check(&summed.report);
        prop_assert!(!findings.has_errors(), "{:#?}", findings);
        // Every official cell is printed by a report whose layout keeps the
        // official rows: then every cell of the sum is a number.
        if ds.iter().all(|d| d.version == FormatVersion::V2019 || d.layout != Layout::SingleOtherHandling) {
            prop_assert!(summed.unsummed.is_empty(), "{:?}", summed.unsummed);
            prop_assert!(findings.by_code("C004").next().is_none());
        }
    }

    #[test]
    fn changing_any_cell_of_tables_3_and_4_draws_an_error_naming_it(
        d in consistent(),
        pick in any::<prop::sample::Index>(),
        delta in 1u64..1000,
        down in any::<bool>(),
    ) {
        let mut report = build(&d);
        let keys: Vec<CellKey> = report
            .cells()
            .filter(|(k, _)| matches!(k.table, TableId::Applications | TableId::Reviews))
            .map(|(k, _)| k)
            .collect();
        let key = pick.get(&keys).clone();
        let old = report.cell(&key).and_then(Cell::as_count).unwrap_or(0);
        let new = if down && old >= delta { old - delta } else { old + delta };
        if let Some(cell) = report.cell_mut(&key) {
            *cell = int(new);
        }
        let findings = check(&report);
        prop_assert!(names(&findings, &key), "{} {} → {}: {:#?}", key, old, new, findings);
    }
}

/// No report, previous report or option makes checking panic.
#[test]
fn checking_never_panics() {
    let strategy = (
        xxgk_model::strategy::report(),
        proptest::option::of(xxgk_model::strategy::report()),
        0u32..50,
        any::<bool>(),
    );
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig::default());
    runner
        .run(&strategy, |(report, previous, line, off)| {
            never_panics(&report, previous.as_ref(), line, off)
        })
        .unwrap();
}

fn never_panics(
    report: &Report,
    previous: Option<&Report>,
    line: u32,
    off: bool,
) -> Result<(), TestCaseError> {
    let mut map = SourceMap::new();
    let sections = Pointer::root().child("sections");
    map.insert(sections.clone(), SourcePos::Text { line, column: 1 });
    let mut config = Config::default();
    if off {
        config.set_level("T301", Level::Off).unwrap();
        config
            .set_level("S003", Level::On(Severity::Error))
            .unwrap();
    }
    let mut options = CheckOptions::default().config(&config).source(&map);
    options.previous = previous;
    let findings = check_with(report, &options);
    let s = findings.summary;
    prop_assert_eq!(s.errors + s.warnings + s.infos, findings.diagnostics.len());
    prop_assert_eq!(findings.has_errors(), s.errors > 0);
    if off {
        prop_assert!(findings.by_code("T301").next().is_none());
        prop_assert!(
            findings
                .by_code("S003")
                .all(|d| d.severity == Severity::Error)
        );
    }
    for d in &findings.diagnostics {
        prop_assert!(!d.message.is_empty() && !d.message.contains('\n'));
        prop_assert!(d.location.pointer.depth() > 0);
        if d.location.pointer.starts_with(&sections) && d.location.pointer != sections {
            prop_assert!(d.location.source.is_some());
        }
    }
    Ok(())
}

/// How a figure is written in the narrative.
#[derive(Debug, Clone, Copy)]
enum Written {
    Arabic,
    FullWidth,
    Chinese,
    Spaced,
}

fn written() -> impl Strategy<Value = Written> {
    prop_oneof![
        Just(Written::Arabic),
        Just(Written::FullWidth),
        Just(Written::Chinese),
        Just(Written::Spaced),
    ]
}

/// A count in Chinese numerals (`三十五`, `一千零五`, `两万零三百`), below 10⁸.
fn chinese(n: u64) -> String {
    const DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    fn group(n: u64, out: &mut String) {
        let mut zero = false;
        for (i, unit) in [(3u32, "千"), (2, "百"), (1, "十"), (0, "")] {
            let d = (n / 10u64.pow(i)) % 10;
            if d == 0 {
                zero = !out.is_empty();
                continue;
            }
            if zero {
                out.push('零');
                zero = false;
            }
            // 十五, not 一十五, at the start of a number.
            if !(d == 1 && i == 1 && out.is_empty()) {
                out.push(DIGITS[usize::try_from(d).unwrap_or(0)]);
            }
            out.push_str(unit);
        }
    }
    let mut out = String::new();
    if n >= 10_000 {
        group(n / 10_000, &mut out);
        out.push('万');
        if n % 10_000 != 0 && n % 10_000 < 1000 {
            out.push('零');
        }
    }
    let mut rest = String::new();
    group(n % 10_000, &mut rest);
    out.push_str(&rest);
    out
}

/// A count as the narrative writes it, with its unit 件.
fn write_count(n: u64, how: Written) -> String {
    match how {
        Written::Chinese if n > 0 && n < 100_000_000 => format!("{}件", chinese(n)),
        Written::FullWidth => {
            let digits: String = n
                .to_string()
                .chars()
                .map(|c| char::from_u32(c as u32 + 0xFEE0).unwrap_or(c))
                .collect();
            format!("{digits}件")
        }
        Written::Spaced => format!("{n} 件"),
        _ => format!("{n}件"),
    }
}

fn t3_total(r: &Report, row: &str) -> u64 {
    r.cell(&CellKey::new(
        TableId::Applications,
        row,
        applications::TOTAL_COLUMN,
    ))
    .and_then(Cell::as_count)
    .unwrap_or(0)
}

/// The total of a category of table 三's results: its sub-rows, or its own row.
fn category_total(r: &Report, numbering: &str) -> u64 {
    let table = r.table(TableId::Applications).unwrap();
    let prefix = format!("{RESULTS}/{numbering}");
    let rows: Vec<&str> = table
        .rows()
        .map(|(l, _)| l)
        .filter(|l| l.starts_with(&prefix))
        .collect();
    let subs: Vec<&&str> = rows
        .iter()
        .filter(|l| l.matches('/').count() >= 2)
        .collect();
    if subs.is_empty() {
        rows.iter().map(|l| t3_total(r, l)).sum()
    } else {
        subs.iter().map(|l| t3_total(r, l)).sum()
    }
}

fn t4_total(r: &Report, row: &str) -> u64 {
    r.cell(&CellKey::new(TableId::Reviews, row, reviews::TOTAL_COLUMN))
        .and_then(Cell::as_count)
        .unwrap_or(0)
}

/// The statements of a narrative that states the report's table figures: the
/// words before each figure, the figure, and the words after it.
fn statements(r: &Report) -> Vec<(&'static str, u64, &'static str)> {
    let row = |n: &str| {
        r.spec()
            .table(TableId::Applications)
            .rows
            .iter()
            .map(|s| s.label)
            .find(|l| l.starts_with(&format!("{RESULTS}/{n}")))
            .unwrap()
    };
    let np = r
        .cell(&CellKey::new(TableId::Applications, NEW, "自然人"))
        .and_then(Cell::as_count)
        .unwrap_or(0);
    let (docs_row, made) = match r.meta.format {
        FormatVersion::V2021 => ("第二十条第（一）项/行政规范性文件", "本年制发件数"),
        FormatVersion::V2019 => ("第二十条第（一）项/规范性文件", "本年新制作数量"),
    };
    let docs = r
        .cell(&CellKey::new(TableId::Proactive, docs_row, made))
        .and_then(Cell::as_count)
        .unwrap_or(0);
    let [review, direct, after] = [
        reviews::ROWS[0].label,
        reviews::ROWS[1].label,
        reviews::ROWS[2].label,
    ];
    vec![
        ("本局共收到政府信息公开申请", t3_total(r, NEW), "，"),
        ("其中自然人", np, "；"),
        ("上年结转", t3_total(r, CARRIED_IN), "。"),
        ("办结", t3_total(r, RESULTS_TOTAL), "，"),
        ("其中予以公开", t3_total(r, row("（一）")), "，"),
        ("部分公开", t3_total(r, row("（二）")), "，"),
        ("不予公开", category_total(r, "（三）"), "，"),
        ("无法提供", category_total(r, "（四）"), "，"),
        ("不予处理", category_total(r, "（五）"), "，"),
        ("其他处理", category_total(r, "（六）"), "；"),
        ("结转下年度继续办理", t3_total(r, CARRIED_OUT), "。"),
        ("本年度发生政府信息公开行政复议", t4_total(r, review), "，"),
        ("行政诉讼", t4_total(r, direct) + t4_total(r, after), "。"),
        ("本年新制作行政规范性文件", docs, "。"),
    ]
}

/// Writes the statements as one paragraph of section 一 and returns, for each
/// figure, its text and character range in the paragraph.
fn state(
    r: &mut Report,
    statements: &[(&str, u64, &str)],
    how: &[Written],
) -> Vec<(String, usize, usize)> {
    let mut text = format!("{}年，", r.meta.year);
    let mut figures = Vec::new();
    for (i, (before, n, after)) in statements.iter().enumerate() {
        text.push_str(before);
        let figure = write_count(*n, how[i % how.len()]);
        let start = text.chars().count();
        text.push_str(&figure);
        figures.push((figure.clone(), start, text.chars().count()));
        text.push_str(after);
    }
    if let Some(overview) = r.sections.overview.as_mut() {
        overview.body.push(Block::Paragraph(text));
    }
    figures
}

/// The narrative findings.
fn narrative_findings(findings: &Findings) -> Vec<String> {
    findings
        .diagnostics
        .iter()
        .filter(|d| d.code.starts_with('N'))
        .map(|d| format!("{} {}", d.code, d.message))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::default())]

    #[test]
    fn a_narrative_stating_the_tables_draws_nothing_and_one_changed_figure_is_named(
        d in consistent(),
        how in vec(written(), 1..5),
        pick in any::<prop::sample::Index>(),
    ) {
        let mut report = build(&d);
        let mut said = statements(&report);
        let mut stated = report.clone();
        state(&mut stated, &said, &how);
        let findings = check(&stated);
        prop_assert!(narrative_findings(&findings).is_empty(), "{:#?}", narrative_findings(&findings));

        // Larger than any sum of the tables' cells: no reading can give it.
        let i = pick.index(said.len());
        let beyond: u64 = said.iter().map(|(_, n, _)| n).sum::<u64>() * 2 + 1;
        said[i].1 += beyond;
        let figures = state(&mut report, &said, &how);
        let (figure, start, end) = &figures[i];
        let findings = check(&report);
        let named = findings.by_code("N003").any(|d| {
            d.location.span.is_some_and(|s| (s.start, s.end) == (*start, *end))
                && d.message.contains(figure.trim())
        });
        prop_assert!(named, "{} → {}: {:#?}", said[i].0, figure, narrative_findings(&findings));
    }
}

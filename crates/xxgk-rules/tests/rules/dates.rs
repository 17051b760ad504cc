//! Rules about dates (D…).

use super::*;

#[test]
fn d001_published_late() {
    let mut draws = dept(2025);
    draws.meta.published = NaiveDate::from_ymd_opt(2026, 2, 1);
    // The deadline day itself is on time.
    let mut passes = dept(2025);
    passes.meta.published = NaiveDate::from_ymd_opt(2026, 1, 31);
    run("D001", &draws, &passes);
}

#[test]
fn d001_uses_the_configured_local_deadline() {
    let config = Config::from_toml("[deadlines]\ndepartment = \"01-20\"\n").unwrap();
    let mut report = dept(2025);
    report.meta.published = NaiveDate::from_ymd_opt(2026, 1, 25);
    assert!(check(&report).is_empty());
    let options = CheckOptions::default().config(&config);
    let findings = check_with(&report, &options);
    let d: Vec<_> = findings.by_code("D001").collect();
    assert_eq!(d.len(), 1);
    assert_eq!(
        d[0].message,
        "发布日期 2026-01-25 晚于公布期限 2026-01-20（本地规定）"
    );
}

#[test]
fn d002_published_before_year_end() {
    let mut draws = dept(2025);
    draws.meta.published = NaiveDate::from_ymd_opt(2025, 12, 31);
    let mut passes = dept(2025);
    passes.meta.published = NaiveDate::from_ymd_opt(2026, 1, 1);
    run("D002", &draws, &passes);
}

#[test]
fn d003_period_not_report_year() {
    let mut draws = dept(2025);
    let mut period = draws.meta.period.unwrap();
    period.start = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
    period.end = NaiveDate::from_ymd_opt(2024, 12, 31).unwrap();
    draws.meta.period = Some(period);
    run("D003", &draws, &dept(2025));
}

/// A report whose year is not known (an importer records 0) draws none of the
/// checks that depend on the year — deadlines, the period, the format version,
/// the fee statement, the year of last year's report — however its dates read.
#[test]
fn an_unknown_year_draws_no_check_that_needs_the_year() {
    let year_rules = ["D001", "D002", "D003", "S005", "S006", "R001", "X001"];
    // A 2021-format report published late, with a period and no fee statement.
    let mut report = dept(2025);
    report.meta.published = NaiveDate::from_ymd_opt(2026, 6, 1);
    report.sections.other = None;
    let known = check_with(&report, &CheckOptions::default().previous(&dept(2020)));
    for code in ["D001", "X001"] {
        assert!(known.by_code(code).next().is_some(), "{code}: {known:#?}");
    }
    report.meta.year = 0;
    let unknown = check_with(&report, &CheckOptions::default().previous(&dept(2020)));
    for code in year_rules {
        assert!(
            unknown.by_code(code).next().is_none(),
            "{code}: {unknown:#?}"
        );
    }
    // The checks that do not depend on the year still run.
    assert!(unknown.by_code("S001").next().is_some(), "{unknown:#?}");
}

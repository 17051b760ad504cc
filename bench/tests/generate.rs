//! The generator makes what it says: reports of the size asked for, in each form,
//! that read back to the model's cells and check as cleanly as the example.

use xxgk_bench::generate::{self, Form};
use xxgk_bench::stage::{Stage, measured, prepare};
use xxgk_import::{ImportOptions, import};
use xxgk_model::FormatVersion;
use xxgk_model::long::long_records;

const VERSIONS: [FormatVersion; 2] = [FormatVersion::V2021, FormatVersion::V2019];

/// The codes of what the rules find in a report.
fn codes(report: &xxgk_model::Report) -> Vec<String> {
    let mut codes: Vec<String> = xxgk_rules::check(report)
        .diagnostics
        .iter()
        .map(|d| d.code.clone())
        .collect();
    codes.sort();
    codes
}

#[test]
fn the_2021_example_checks_without_errors() {
    let findings = xxgk_rules::check(&generate::example(FormatVersion::V2021));
    assert_eq!(findings.summary.errors, 0, "{findings:#?}");
}

#[test]
fn generated_reports_are_the_size_asked_for_and_deterministic() {
    for version in VERSIONS {
        for form in Form::ALL {
            let base = generate::bytes(version, form, 0).unwrap().len();
            let asked = base * 4 + 50_000;
            let made = generate::bytes(version, form, asked).unwrap();
            let within = made.len().abs_diff(asked);
            assert!(
                within <= asked / 50,
                "{version:?} {form:?}: asked {asked}, made {}",
                made.len()
            );
            if form != Form::Docx {
                assert_eq!(made, generate::bytes(version, form, asked).unwrap());
            }
        }
    }
}

#[test]
fn generated_reports_read_back_to_the_same_cells() {
    for version in VERSIONS {
        let expected = long_records(&generate::example(version));
        for form in Form::ALL {
            let bytes = generate::bytes(version, form, 120_000).unwrap();
            let name = format!("generated.{}", form.extension());
            let imported = import(&bytes, &ImportOptions::default().file_name(&name)).unwrap();
            let cells = long_records(&imported.report);
            let values = |records: &[xxgk_model::long::LongRecord]| {
                records
                    .iter()
                    .map(|r| (r.key.clone(), r.value.clone()))
                    .collect::<Vec<_>>()
            };
            assert_eq!(values(&cells), values(&expected), "{version:?} {form:?}");
            // The added prose states nothing the rules compare: the same findings
            // as the example's.
            assert_eq!(
                codes(&imported.report),
                codes(&generate::example(version)),
                "{version:?} {form:?}"
            );
        }
    }
}

#[test]
fn every_stage_runs_on_a_generated_report() {
    for form in Form::ALL {
        let bytes = generate::bytes(FormatVersion::V2021, form, 20_000).unwrap();
        let name = format!("generated.{}", form.extension());
        for stage in Stage::ALL {
            if stage == Stage::Decode && form == Form::Docx {
                continue;
            }
            let input = prepare(stage, &name, &bytes).unwrap();
            let size = measured(stage, &input, &name).unwrap();
            // Decoding, a front end and a renderer give something; an import or a
            // check may give no note and no finding.
            if !matches!(stage, Stage::Interpret | Stage::Import | Stage::Check) {
                assert!(size > 0, "{stage} on {form:?} gave nothing");
            }
        }
    }
}

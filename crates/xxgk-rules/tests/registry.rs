//! The registry: codes unique, well-formed and sorted; names unique kebab-case;
//! every explanation has its five headings with content and cites its basis.

use xxgk_rules::docs::HEADINGS;
use xxgk_rules::registry::{find, rules};

#[test]
fn codes_are_unique_well_formed_and_sorted() {
    let codes: Vec<&str> = rules().iter().map(|r| r.code).collect();
    let mut sorted = codes.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(codes, sorted, "codes must be unique and sorted");
    for code in codes {
        let b = code.as_bytes();
        assert!(
            b.len() == 4 && b[0].is_ascii_uppercase() && b[1..].iter().all(u8::is_ascii_digit),
            "{code}: a letter and three digits"
        );
    }
}

#[test]
fn names_are_unique_kebab_case() {
    let mut names: Vec<&str> = rules().iter().map(|r| r.name).collect();
    for name in &names {
        assert!(
            !name.starts_with('-')
                && !name.ends_with('-')
                && !name.contains("--")
                && name.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
            "{name}"
        );
    }
    names.sort_unstable();
    let n = names.len();
    names.dedup();
    assert_eq!(names.len(), n, "names must be unique");
}

/// The text under each `## ` heading of an explanation.
fn sections(text: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for line in text.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            out.push((h.trim().to_owned(), String::new()));
        } else if let Some((_, body)) = out.last_mut() {
            body.push_str(line);
            body.push('\n');
        } else {
            assert!(
                line.trim().is_empty(),
                "text before the first heading: {line}"
            );
        }
    }
    out
}

#[test]
fn every_explanation_has_its_headings_and_cites_its_basis() {
    for rule in rules() {
        let parts = sections(rule.explanation);
        let headings: Vec<&str> = parts.iter().map(|(h, _)| h.as_str()).collect();
        assert_eq!(headings, HEADINGS, "{}: headings", rule.code);
        for (heading, body) in &parts {
            assert!(
                !body.trim().is_empty() && !body.contains("TODO"),
                "{} {heading} is empty",
                rule.code
            );
        }
        let basis = &parts[4].1;
        assert!(
            basis.contains("条例") || basis.contains("国办公开办函") || basis.contains("国办函"),
            "{}: 依据 must cite the regulation or the format document",
            rule.code
        );
        assert!(!rule.summary.is_empty() && !rule.summary.contains('\n'));
    }
}

#[test]
fn rules_are_found_by_code_or_name() {
    for rule in rules() {
        assert_eq!(find(rule.code).map(|r| r.code), Some(rule.code));
        assert_eq!(
            find(&rule.code.to_lowercase()).map(|r| r.code),
            Some(rule.code)
        );
        assert_eq!(find(rule.name).map(|r| r.code), Some(rule.code));
    }
    assert!(find("Z999").is_none());
    assert!(find("no-such-rule").is_none());
}

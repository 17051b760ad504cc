//! Running heads and feet of the pages of text extracted from a PDF.

use super::line::{Kind, Line};
use crate::normalize::{is_space, trim};

/// Running heads and feet of a PDF's pages (`pdftotext` starts each page with a
/// form feed): the same short line first or last on three or more pages, and on
/// at least half of them, is page matter like a page number; lines that differ
/// in their numbers only are the same (a browser's `file:///…/report.html  2/9`).
/// Lines that may be table rows (a tab, or fields set apart by two spaces
/// without a number) are left alone: a table continued on the next page repeats
/// its header.
pub(crate) fn mark_running_lines(lines: &mut [Line<'_>]) {
    let mut pages: Vec<std::ops::Range<usize>> = Vec::new();
    let mut start = 0;
    for (i, l) in lines.iter().enumerate() {
        if i > start && l.text.contains('\u{c}') {
            pages.push(start..i);
            start = i;
        }
    }
    pages.push(start..lines.len());
    if pages.len() < 3 {
        return;
    }
    let key = |l: &Line<'_>| -> Option<String> {
        let t = trim(l.text.trim_matches('\u{c}'));
        let spaced = t.contains("  ") || t.contains('\u{3000}');
        let numbered = t.chars().any(|c| c.is_ascii_digit());
        let candidate = l.kind == Kind::Text
            && t.chars().filter(|c| !is_space(*c)).count() <= 80
            && !t.contains('\t')
            && (!spaced || numbered);
        candidate.then(|| {
            let mut k = String::new();
            for c in t.chars().filter(|c| !is_space(*c)) {
                if c.is_ascii_digit() {
                    if !k.ends_with('#') {
                        k.push('#');
                    }
                } else {
                    k.push(c);
                }
            }
            k
        })
    };
    let content = |l: &&Line<'_>| !matches!(l.kind, Kind::Blank | Kind::Footer);
    let mut edges: Vec<(usize, String, usize)> = Vec::new();
    for (p, range) in pages.iter().enumerate() {
        let page = &lines[range.clone()];
        let first = page.iter().position(|l| content(&l));
        let last = page.iter().rposition(|l| content(&l));
        for at in first.into_iter().chain(last) {
            if let Some(k) = key(&page[at]) {
                edges.push((range.start + at, k, p));
            }
        }
    }
    let pages_with = |k: &str| {
        let mut ps: Vec<usize> = edges.iter().filter(|e| e.1 == k).map(|e| e.2).collect();
        ps.dedup();
        ps.len()
    };
    let running: Vec<usize> = edges
        .iter()
        .filter(|(_, k, _)| {
            let n = pages_with(k);
            n >= 3 && n * 2 >= pages.len()
        })
        .map(|e| e.0)
        .collect();
    for i in running {
        lines[i].kind = Kind::Footer;
    }
}

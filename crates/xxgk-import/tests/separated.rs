//! Text whose cells a converter joined with one fixed separator — four spaces
//! or one ideographic space for each tab — keeps its blank cells: `k`
//! separators are `k - 1` blank cells, so such text reads as the tab-separated
//! copy does, blank cells included.

mod fixture_support;

use fixture_support::{fixture_text, import_named};
use xxgk_import::Imported;

fn read(text: &str) -> Imported {
    import_named("report.txt", text)
}

/// The clean report with the organisation cells of table 三 left blank (`0`
/// removed where an organisation column holds it).
fn with_blank_cells() -> String {
    let text = fixture_text("clean-2025.txt");
    let start = text.find("一、本年新收政府信息公开申请数量").unwrap();
    let end = text.find("四、政府信息公开行政复议").unwrap();
    let rows: Vec<String> = text[start..end]
        .lines()
        .map(|l| {
            let mut fields: Vec<&str> = l.split('\t').collect();
            let n = fields.len();
            if n >= 8 {
                for f in &mut fields[n - 6..n - 1] {
                    if *f == "0" {
                        *f = "";
                    }
                }
            }
            fields.join("\t")
        })
        .collect();
    format!("{}{}\n{}", &text[..start], rows.join("\n"), &text[end..])
}

#[test]
fn four_spaces_or_an_ideographic_space_for_each_tab_keep_blank_cells() {
    let tabs = with_blank_cells();
    let by_tabs = read(&tabs);
    let csv = xxgk_model::long::to_csv(&by_tabs.report);
    let blanks = csv.lines().filter(|l| l.ends_with(",,")).count();
    assert!(blanks > 50, "{blanks} blank cells");
    for sep in ["    ", "\u{3000}"] {
        let i = read(&tabs.replace('\t', sep));
        assert_eq!(
            xxgk_model::long::to_csv(&i.report),
            csv,
            "{sep:?}: {:#?}",
            i.notes
        );
        assert!(i.unread_tables().is_empty(), "{sep:?}: {:#?}", i.notes);
    }
}

/// Text laid out by position (gaps of any width) is not read so: a row of
/// `pdftotext -layout` whose gaps are not all multiples of one width keeps the
/// laid-out reading.
#[test]
fn gaps_of_mixed_widths_are_a_laid_out_table() {
    let tabs = with_blank_cells();
    let mut n = 0;
    let mixed: String = tabs
        .chars()
        .map(|c| {
            if c == '\t' {
                n += 1;
                if n % 2 == 0 {
                    "   ".to_owned()
                } else {
                    "    ".to_owned()
                }
            } else {
                c.to_string()
            }
        })
        .collect();
    let i = read(&mixed);
    // No value is put under another column than the tab copy's.
    let by_tabs = read(&tabs);
    for (key, cell) in i.report.cells() {
        if let Some(c) = cell.as_count() {
            assert_eq!(
                by_tabs
                    .report
                    .cell(&key)
                    .and_then(xxgk_model::Cell::as_count),
                Some(c),
                "{key}"
            );
        }
    }
}

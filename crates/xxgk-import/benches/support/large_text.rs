//! Large text inputs for measuring the text front end: a report whose narrative
//! paragraphs are repeated until the text reaches a given size. The report stays a
//! report (its title, sections and tables are where they were), so the whole
//! pipeline runs: every repeated paragraph is a narrative line the front end
//! classifies, joins and keeps.

/// `report` with its narrative paragraphs (lines of at least 20 characters that
/// end a sentence and hold no tab) repeated after the first of them until the
/// text is at least `size` bytes. A report without such a line is repeated whole.
pub(crate) fn large_text(report: &str, size: usize) -> String {
    let lines: Vec<&str> = report.lines().collect();
    let narrative: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|l| {
            let t = l.trim();
            t.chars().count() >= 20 && !t.contains('\t') && t.ends_with(['。', '；', '！'])
        })
        .collect();
    let mut out = String::with_capacity(size + report.len());
    if narrative.is_empty() {
        while out.len() < size {
            out.push_str(report);
            out.push('\n');
        }
        return out;
    }
    let first = lines
        .iter()
        .position(|l| *l == narrative[0])
        .unwrap_or_default();
    for line in &lines[..=first] {
        out.push_str(line);
        out.push('\n');
    }
    let rest: usize = lines[first + 1..].iter().map(|l| l.len() + 1).sum();
    'fill: loop {
        for line in &narrative {
            if out.len() + rest >= size {
                break 'fill;
            }
            out.push_str(line);
            out.push('\n');
        }
    }
    for line in &lines[first + 1..] {
        out.push_str(line);
        out.push('\n');
    }
    out
}

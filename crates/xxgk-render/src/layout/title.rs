//! Where a long title breaks.

/// Twice the width of a text in ems: ASCII characters are half as wide as Chinese
/// ones (so a result of 40 is 20 ems).
pub(crate) fn title_ems(text: &str) -> usize {
    text.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
}

/// Where a title is best broken over two lines, as official documents break it:
/// before the year (`青禾县人民政府` / `2025年政府信息公开工作年度报告`) or before
/// `政府信息公开工作年度报告`, whichever leaves the lines most even. `None` for a
/// title with neither, or already holding a line break.
pub(crate) fn title_break(title: &str) -> Option<usize> {
    if title.contains('\n') {
        return None;
    }
    let mut candidates: Vec<usize> = Vec::new();
    // Before a year: four ASCII digits, not part of a longer number, then 年.
    for (i, _) in title.char_indices() {
        let rest = &title[i..];
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        let starts_run = i == 0 || !title.as_bytes()[i - 1].is_ascii_digit();
        if digits == 4 && starts_run && rest[4..].starts_with('年') {
            candidates.push(i);
        }
    }
    if let Some(i) = title.find("政府信息公开工作年度报告") {
        candidates.push(i);
    }
    candidates
        .into_iter()
        .filter(|&i| i > 0 && i < title.len())
        .min_by_key(|&i| title_ems(&title[..i]).abs_diff(title_ems(&title[i..])))
}

//! Character width as reports print it: full-width ASCII variants (`１２`, `（`,
//! `，`) and the ideographic space read as their ASCII forms. Folding is for
//! reading and comparing only; nothing the report says is rewritten.

/// Folds a full-width ASCII variant (U+FF01–U+FF5E) to ASCII and the ideographic
/// space U+3000 to a space; any other character is returned as it is.
///
/// ```
/// use xxgk_model::chars::fold_width;
/// assert_eq!(fold_width('１'), '1');
/// assert_eq!(fold_width('（'), '(');
/// assert_eq!(fold_width('\u{3000}'), ' ');
/// assert_eq!(fold_width('、'), '、');
/// ```
pub fn fold_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// The value of a decimal digit, ASCII (`7`) or full-width (`７`).
///
/// ```
/// use xxgk_model::chars::digit_value;
/// assert_eq!(digit_value('7'), Some(7));
/// assert_eq!(digit_value('７'), Some(7));
/// assert_eq!(digit_value('七'), None);
/// ```
pub fn digit_value(c: char) -> Option<u32> {
    fold_width(c).to_digit(10)
}

/// Whether a character is a decimal digit, ASCII or full-width.
pub fn is_digit(c: char) -> bool {
    digit_value(c).is_some()
}

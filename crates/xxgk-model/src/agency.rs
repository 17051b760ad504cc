//! Agency names compared as the same body: the name a report's title gives is
//! written in many ways (full-width or half-width letters and brackets, spaces
//! between characters, 〔〕 or （）), and two reports of one body must be
//! recognised as such to be compared year on year.

/// The characters that do not tell one body from another: white space, brackets
/// and quotation marks, the middle dot.
fn ignored(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '(' | ')'
                | '（'
                | '）'
                | '〔'
                | '〕'
                | '['
                | ']'
                | '【'
                | '】'
                | '《'
                | '》'
                | '"'
                | '\''
                | '“'
                | '”'
                | '‘'
                | '’'
                | '·'
                | '•'
                | '・'
        )
}

/// The name of a body as compared: full-width ASCII made half-width, Latin
/// letters in lower case, white space, brackets and quotation marks dropped.
/// Two names with the same normalised form name the same body.
///
/// ```
/// use xxgk_model::agency::normalise;
/// assert_eq!(normalise("某某县 水利局"), normalise("某某县水利局"));
/// assert_eq!(normalise("某某市（ＡＢ）局"), normalise("某某市(ab)局"));
/// assert_ne!(normalise("某某县水利局"), normalise("某某县交通运输局"));
/// ```
pub fn normalise(name: &str) -> String {
    name.chars()
        .map(|c| match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(u32::from(c) - 0xfee0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        })
        .filter(|c| !ignored(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

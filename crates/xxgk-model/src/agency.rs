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

/// The characters that end the name of a place: a province, city, district,
/// county, prefecture, banner or league.
const PLACE_ENDS: &[char] = &['省', '市', '区', '县', '州', '旗', '盟'];

/// The forms a body's name is compared in: the normalised name, then the name
/// without each leading place name (`淮安市洪泽区人民政府` →
/// `洪泽区人民政府`), as long as what is left still starts with a place
/// (`人民政府` alone names no body).
///
/// ```
/// use xxgk_model::agency::forms;
/// assert_eq!(forms("江苏省淮安市洪泽区人民政府"), ["江苏省淮安市洪泽区人民政府", "淮安市洪泽区人民政府", "洪泽区人民政府"]);
/// ```
pub fn forms(name: &str) -> Vec<String> {
    let full = normalise(name);
    let mut out = vec![full.clone()];
    let mut rest = full.as_str();
    while let Some(i) = rest.find(PLACE_ENDS) {
        let end = i + rest[i..].chars().next().map_or(0, char::len_utf8);
        let shorter = &rest[end..];
        // What is left must name a place of its own, of two characters or more.
        match shorter.find(PLACE_ENDS) {
            Some(j) if shorter[..j].chars().count() >= 2 => {
                out.push(shorter.to_owned());
                rest = shorter;
            }
            _ => break,
        }
    }
    out
}

/// Whether two names name the same body: equal once normalised, or one is the
/// other with the place above it named before ([`forms`]).
///
/// ```
/// use xxgk_model::agency::same_body;
/// assert!(same_body("淮安市洪泽区人民政府", "洪泽区 人民政府"));
/// assert!(!same_body("淮安市洪泽区人民政府", "淮安市人民政府"));
/// assert!(!same_body("某某县水利局", "某某县交通运输局"));
/// ```
pub fn same_body(a: &str, b: &str) -> bool {
    let (fa, fb) = (forms(a), forms(b));
    fb.contains(&fa[0]) || fa.contains(&fb[0])
}

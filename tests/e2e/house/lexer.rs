//! A small lexer for Rust source: enough to tell code from comments and string
//! literals, so that the house checks read paths in code only and see every
//! string literal with its line.

/// A source file split into its code (comments removed, each string and char
/// literal replaced by `""`) and its string literals.
pub(crate) struct Lexed {
    /// The code without comments and with empty literals.
    pub(crate) code: String,
    /// Each string literal's content (escapes as written) and its line, from 1.
    pub(crate) strings: Vec<(String, usize)>,
}

/// Splits `src` into code and string literals.
pub(crate) fn lex(src: &str) -> Lexed {
    let chars: Vec<char> = src.chars().collect();
    let mut code = String::with_capacity(src.len());
    let mut strings = Vec::new();
    let mut line = 1;
    let mut i = 0;
    let at = |k: usize| chars.get(k).copied().unwrap_or('\0');
    while i < chars.len() {
        let c = chars[i];
        if c == '\n' {
            line += 1;
            code.push(c);
            i += 1;
        } else if c == '/' && at(i + 1) == '/' {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && at(i + 1) == '*' {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && at(i + 1) == '*' {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && at(i + 1) == '/' {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    if chars[i] == '\n' {
                        line += 1;
                        code.push('\n');
                    }
                    i += 1;
                }
            }
        } else if let Some(hashes) = raw_string_start(&chars, i) {
            // r"…", r#"…"#, br"…": no escapes, ends at a quote and the hashes.
            let start_line = line;
            let mut j = i;
            while chars[j] != '"' {
                j += 1;
            }
            j += 1;
            let mut content = String::new();
            while j < chars.len() {
                if chars[j] == '"' && (1..=hashes).all(|h| at(j + h) == '#') {
                    j += 1 + hashes;
                    break;
                }
                if chars[j] == '\n' {
                    line += 1;
                }
                content.push(chars[j]);
                j += 1;
            }
            strings.push((content, start_line));
            code.push_str("\"\"");
            i = j;
        } else if c == '"' || (c == 'b' && at(i + 1) == '"' && !ident_char(before(&chars, i))) {
            let start_line = line;
            let mut j = if c == 'b' { i + 2 } else { i + 1 };
            let mut content = String::new();
            while j < chars.len() && chars[j] != '"' {
                if chars[j] == '\\' {
                    content.push(chars[j]);
                    j += 1;
                }
                if j < chars.len() {
                    if chars[j] == '\n' {
                        line += 1;
                    }
                    content.push(chars[j]);
                }
                j += 1;
            }
            strings.push((content, start_line));
            code.push_str("\"\"");
            i = j + 1;
        } else if c == '\'' {
            // A char literal ('x', '\n', '\u{3000}') or a lifetime ('a).
            if at(i + 1) == '\\' {
                let mut j = i + 2;
                while j < chars.len() && chars[j] != '\'' {
                    j += 1;
                }
                code.push_str("''");
                i = j + 1;
            } else if at(i + 2) == '\'' {
                code.push_str("''");
                i += 3;
            } else {
                code.push(c);
                i += 1;
            }
        } else {
            code.push(c);
            i += 1;
        }
    }
    Lexed { code, strings }
}

/// The character before `i`, or a space.
fn before(chars: &[char], i: usize) -> char {
    i.checked_sub(1).map_or(' ', |k| chars[k])
}

fn ident_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The number of `#`s of a raw string starting at `i`, if one does.
fn raw_string_start(chars: &[char], i: usize) -> Option<usize> {
    if ident_char(before(chars, i)) {
        return None;
    }
    let mut j = i;
    if chars.get(j) == Some(&'b') {
        j += 1;
    }
    if chars.get(j) != Some(&'r') {
        return None;
    }
    j += 1;
    let hashes = chars[j..].iter().take_while(|c| **c == '#').count();
    (chars.get(j + hashes) == Some(&'"')).then_some(hashes)
}

#[test]
fn comments_and_literals_are_told_from_code() {
    let src = "let a = \"x//y\"; // note \"z\"\n/* b /* c */ */ let c = 'd'; let e: &'static str = r#\"q\"#;";
    let lexed = lex(src);
    assert_eq!(
        lexed.code,
        "let a = \"\"; \n let c = ''; let e: &'static str = \"\";"
    );
    let strings: Vec<&str> = lexed.strings.iter().map(|(s, _)| s.as_str()).collect();
    assert_eq!(strings, ["x//y", "q"]);
    assert_eq!(lexed.strings[1].1, 2);
}

//! Bytes → text: the character encoding of a file (byte order mark, an HTML page's
//! declared charset, or detection), line ends normalised to `\n`, and notes for
//! whatever could not be decoded exactly.
//!
//! Reports reach us as UTF-8 (with or without a byte order mark), as GBK/GB18030 (old
//! CMS pages, text saved by Chinese Windows), and as UTF-16 (Windows "Unicode" text).
//! The rules, in order:
//! 1. a byte order mark decides (UTF-8, UTF-16LE, UTF-16BE);
//! 2. UTF-16 without a mark is recognised by its zero bytes (ASCII characters such as
//!    digits and line ends have a zero high byte), with a note;
//! 3. a charset declared in the first [`PRESCAN_BYTES`] bytes (`<meta charset=…>`,
//!    `<meta http-equiv=… content="…; charset=…">`, `<?xml … encoding=…?>`) is read,
//!    and weighed against the content: valid UTF-8 is UTF-8 (pages are often
//!    converted to UTF-8 by whoever saved them and keep their old declaration, while
//!    GBK text of some length is practically never valid UTF-8), a declared
//!    multi-byte encoding in which the bytes decode cleanly is honoured, and
//!    otherwise the reading with the fewest malformed sequences among UTF-8, the
//!    declared encoding and GB18030 wins; a note says when the declaration was
//!    overruled;
//! 4. without a declaration, anything that is not UTF-8 is read as GB18030 (a
//!    superset of GBK and GB2312), with a note.
//!
//! Malformed byte sequences become U+FFFD and each line holding one gets a note.
//! Line ends are normalised: `\r\n` and a lone `\r` become `\n`. Since a lone `\r`
//! ends a line in the original too, a line and column of the normalised text are the
//! line and column of the original file.

mod lines;
mod prescan;

pub(crate) use lines::LineCursor;
pub use lines::LineIndex;

use std::borrow::Cow;

use encoding_rs::{DecoderResult, Encoding, GB18030, GBK, UTF_8, UTF_16BE, UTF_16LE};
use xxgk_model::SourcePos;

use crate::ImportNote;
use crate::NoteCode;

/// How many leading bytes are searched for a declared charset.
pub(crate) const PRESCAN_BYTES: usize = 2048;

/// How many lines with undecodable bytes get a note of their own; the rest are
/// counted in one summary note.
const MAX_LINE_NOTES: usize = 20;

/// Text decoded from the bytes of a file (for the front ends that read text,
/// [`crate::read_html`] and [`crate::read_text`]).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Decoded {
    /// The text, without a byte order mark, with every line end as `\n`.
    pub text: String,
    /// The encoding the bytes were read in, by its WHATWG name (`UTF-8`, `GBK`,
    /// `gb18030`, `UTF-16LE`, `UTF-16BE`, …).
    pub encoding: &'static str,
    /// What was guessed or could not be decoded (codes `encoding-guessed`,
    /// `encoding-mismatch`, `encoding-unknown`, `encoding-invalid`).
    pub notes: Vec<ImportNote>,
}

/// Decodes the bytes of a text or HTML file. Never fails: bytes that cannot be
/// decoded become U+FFFD, with a note naming their line.
///
/// ```
/// let d = xxgk_import::decode(b"\xef\xbb\xbf\xe4\xb8\x80\r\n\xe4\xba\x8c\r");
/// assert_eq!(d.text, "一\n二\n");
/// assert_eq!(d.encoding, "UTF-8");
/// assert!(d.notes.is_empty());
/// ```
pub fn decode(bytes: &[u8]) -> Decoded {
    let mut notes = Vec::new();
    let (encoding, body, valid) = choose(bytes, &mut notes);
    let (raw, errors) = match valid {
        // Valid UTF-8, as choosing the encoding found: borrowed as it is.
        Some(text) if encoding == UTF_8 => (Cow::Borrowed(text), Vec::new()),
        _ => decode_in(encoding, body),
    };
    let text = normalise(raw, &errors, encoding, &mut notes);
    Decoded {
        text,
        encoding: encoding.name(),
        notes,
    }
}

/// Picks the encoding and returns the bytes to decode (without a byte order mark),
/// and the bytes as text when telling the encoding found them valid UTF-8.
fn choose<'a>(
    bytes: &'a [u8],
    notes: &mut Vec<ImportNote>,
) -> (&'static Encoding, &'a [u8], Option<&'a str>) {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return (encoding, &bytes[bom..], None);
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        notes.push(note(
            NoteCode::EncodingGuessed,
            format!(
                "文件没有字节顺序标记，按其中的零字节判断为 {} 编码",
                encoding.name()
            ),
        ));
        return (encoding, bytes, None);
    }
    let declared =
        prescan::declared_charset(&bytes[..bytes.len().min(PRESCAN_BYTES)]).and_then(|label| {
            match Encoding::for_label(label.as_bytes()) {
                // A page cannot declare UTF-16 in ASCII bytes; browsers read it as UTF-8.
                Some(e) if e == UTF_16LE || e == UTF_16BE => Some((UTF_8, label)),
                Some(e) => Some((e, label)),
                None => {
                    notes.push(note(
                        NoteCode::EncodingUnknown,
                        format!("页面声明的编码“{label}”无法识别，已按内容判断编码"),
                    ));
                    None
                }
            }
        });
    let (chosen, valid) = by_content(declared.as_ref().map(|(e, _)| *e), bytes);
    match declared {
        Some((declared, label)) if chosen != declared => notes.push(note(
            NoteCode::EncodingMismatch,
            format!(
                "页面声明的编码是“{label}”，但内容不是该编码，已按 {} 解码",
                chosen.name()
            ),
        )),
        None if chosen != UTF_8 => notes.push(note(
            NoteCode::EncodingGuessed,
            format!(
                "文件未声明编码且不是有效的 UTF-8，已按 {} 解码",
                if chosen == GB18030 {
                    "GB18030（兼容 GBK、GB2312）"
                } else {
                    chosen.name()
                }
            ),
        )),
        _ => {}
    }
    (chosen, bytes, valid)
}

/// How many non-ASCII characters of valid UTF-8 outweigh a declared legacy encoding
/// in which the bytes also decode cleanly (short GBK text can be valid UTF-8 by
/// chance; eight characters in a row practically never are).
const UTF8_EVIDENCE: usize = 8;

/// The encoding the content fits best, given the declared one (if any):
/// - pure ASCII: the declared encoding, or UTF-8;
/// - valid UTF-8: UTF-8 (pages converted to UTF-8 by whoever saved them often keep
///   their old declaration), unless a declared multi-byte encoding also decodes the
///   bytes cleanly and the UTF-8 reading has fewer than [`UTF8_EVIDENCE`] non-ASCII
///   characters;
/// - damaged UTF-8 (at least [`UTF8_EVIDENCE`] non-ASCII characters, and four for
///   each malformed sequence): UTF-8;
/// - a declared multi-byte encoding that decodes cleanly;
/// - otherwise the one of UTF-8, the declared encoding and GB18030 with the fewest
///   malformed sequences (ties in that order; GB18030 first when nothing is
///   declared and neither is clean, since that is what Chinese Windows writes).
///
/// Returns the bytes as text too when they are valid UTF-8 (so that they are
/// validated once).
fn by_content<'a>(
    declared: Option<&'static Encoding>,
    bytes: &'a [u8],
) -> (&'static Encoding, Option<&'a str>) {
    if bytes.is_ascii() {
        return (declared.unwrap_or(UTF_8), std::str::from_utf8(bytes).ok());
    }
    let legacy = declared.filter(|e| *e != UTF_8 && !e.is_single_byte());
    let legacy_clean = legacy.filter(|e| count_malformed(e, bytes) == 0);
    if let Ok(text) = std::str::from_utf8(bytes) {
        // Valid UTF-8: its non-ASCII characters (a lead byte starts each) are
        // counted only as far as the choice needs.
        let chars = bytes
            .iter()
            .filter(|&&b| b >= 0xC0)
            .take(UTF8_EVIDENCE)
            .count();
        return match legacy_clean {
            Some(e) if chars < UTF8_EVIDENCE => (e, None),
            _ => (UTF_8, Some(text)),
        };
    }
    (
        by_damaged_content(declared, legacy, legacy_clean, bytes),
        None,
    )
}

/// [`by_content`] for bytes that are not valid UTF-8.
fn by_damaged_content(
    declared: Option<&'static Encoding>,
    legacy: Option<&'static Encoding>,
    legacy_clean: Option<&'static Encoding>,
    bytes: &[u8],
) -> &'static Encoding {
    let (utf8_chars, utf8_malformed) = utf8_profile(bytes);
    // Damaged UTF-8 (a file cut short, a stray byte): GB18030 accepts almost any byte
    // pair, so counting its errors would prefer it; the share of valid sequences says
    // more.
    if utf8_chars >= UTF8_EVIDENCE && utf8_chars >= 4 * utf8_malformed {
        return UTF_8;
    }
    if let Some(e) = legacy_clean {
        return e;
    }
    let gb_family = |e: &&'static Encoding| *e == GB18030 || *e == GBK;
    let mut candidates: Vec<&'static Encoding> = Vec::with_capacity(3);
    if declared.is_some() {
        candidates.push(UTF_8);
        candidates.extend(legacy.filter(|e| !gb_family(e)));
        candidates.push(GB18030);
    } else {
        candidates.extend([GB18030, UTF_8]);
    }
    let mut best = (candidates[0], count_malformed(candidates[0], bytes));
    for &e in &candidates[1..] {
        if best.1 == 0 {
            break;
        }
        let n = count_malformed(e, bytes);
        if n < best.1 {
            best = (e, n);
        }
    }
    match declared {
        Some(d) if gb_family(&d) && best.0 == GB18030 => d,
        _ => best.0,
    }
}

/// The number of non-ASCII characters in the valid stretches of `bytes` read as
/// UTF-8, and the number of malformed stretches.
fn utf8_profile(bytes: &[u8]) -> (usize, usize) {
    let (mut chars, mut malformed) = (0, 0);
    for chunk in bytes.utf8_chunks() {
        chars += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        malformed += usize::from(!chunk.invalid().is_empty());
    }
    (chars, malformed)
}

/// The number of malformed sequences met decoding `bytes` in `encoding`.
fn count_malformed(encoding: &'static Encoding, bytes: &[u8]) -> usize {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut buffer = [0u8; 8192];
    let mut src = bytes;
    let mut count = 0;
    loop {
        let (result, read, _) = decoder.decode_to_utf8_without_replacement(src, &mut buffer, true);
        src = &src[read..];
        match result {
            DecoderResult::InputEmpty => return count,
            DecoderResult::OutputFull => {}
            DecoderResult::Malformed(..) => count += 1,
        }
    }
}

/// UTF-16 without a byte order mark, recognised by zero bytes at one parity only:
/// ASCII characters (digits, spaces, line ends) have a zero high byte, while UTF-8
/// and GB18030 text never holds a zero byte.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 4 {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in sample.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    let pairs = sample.len() / 2;
    // Text in UTF-8 or GBK has no zero bytes; in UTF-16 every ASCII character
    // (digits, line ends) has one, at one parity. Ideographs such as 一 (U+4E00)
    // have one at the other parity, far fewer.
    let enough = (odd + even) * 50 >= pairs;
    if enough && odd >= 2 * even {
        Some(UTF_16LE)
    } else if enough && even >= 2 * odd {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Decodes `bytes` in `encoding`, replacing each malformed sequence with U+FFFD, and
/// returns the byte offsets (in the decoded text) of those replacements. Valid
/// UTF-8 is borrowed, not copied.
fn decode_in<'a>(encoding: &'static Encoding, bytes: &'a [u8]) -> (Cow<'a, str>, Vec<usize>) {
    if encoding == UTF_8 {
        if let Ok(text) = std::str::from_utf8(bytes) {
            return (Cow::Borrowed(text), Vec::new());
        }
    }
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let capacity = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len().saturating_mul(3));
    let mut out = String::with_capacity(capacity);
    let mut errors = Vec::new();
    let mut src = bytes;
    loop {
        let (result, read) = decoder.decode_to_string_without_replacement(src, &mut out, true);
        src = &src[read..];
        match result {
            DecoderResult::InputEmpty => break,
            DecoderResult::OutputFull => {
                let more = decoder
                    .max_utf8_buffer_length_without_replacement(src.len())
                    .unwrap_or(src.len().saturating_mul(3));
                out.reserve(more.max(16));
            }
            DecoderResult::Malformed(..) => {
                errors.push(out.len());
                out.push(char::REPLACEMENT_CHARACTER);
            }
        }
    }
    (Cow::Owned(out), errors)
}

/// Turns `\r\n` and lone `\r` into `\n` and notes the lines holding replacements.
fn normalise(
    raw: Cow<'_, str>,
    errors: &[usize],
    encoding: &'static Encoding,
    notes: &mut Vec<ImportNote>,
) -> String {
    if !errors.is_empty() {
        note_errors(&raw, errors, encoding, notes);
    }
    if !raw.as_bytes().contains(&b'\r') {
        return raw.into_owned();
    }
    let mut text = String::with_capacity(raw.len());
    let mut rest: &str = &raw;
    while let Some(i) = rest.find('\r') {
        text.push_str(&rest[..i]);
        text.push('\n');
        rest = &rest[i + 1..];
        if let Some(after) = rest.strip_prefix('\n') {
            rest = after;
        }
    }
    text.push_str(rest);
    text
}

/// One note per line with replacement characters (the first [`MAX_LINE_NOTES`]),
/// then one note for the rest.
fn note_errors(
    raw: &str,
    errors: &[usize],
    encoding: &'static Encoding,
    notes: &mut Vec<ImportNote>,
) {
    let index = LineIndex::new(raw);
    let mut per_line: Vec<(SourcePos, usize)> = Vec::new();
    let mut cursor = index.cursor();
    for &offset in errors {
        let pos = cursor.pos(offset);
        match per_line.last_mut() {
            Some((first, n)) if first.line() == pos.line() => *n += 1,
            _ => per_line.push((pos, 1)),
        }
    }
    let name = encoding.name();
    for &(pos, n) in per_line.iter().take(MAX_LINE_NOTES) {
        let line = pos.line().unwrap_or(0);
        notes.push(ImportNote {
            code: NoteCode::EncodingInvalid,
            message: format!("第{line}行有{n}处字节无法按 {name} 解码，已替换为“\u{FFFD}”"),
            pos: Some(pos),
            pointer: None,
        });
    }
    if per_line.len() > MAX_LINE_NOTES {
        let lines = per_line.len() - MAX_LINE_NOTES;
        let count: usize = per_line[MAX_LINE_NOTES..].iter().map(|(_, n)| n).sum();
        notes.push(ImportNote {
            code: NoteCode::EncodingInvalid,
            message: format!("另有{lines}行共{count}处字节无法按 {name} 解码，已替换为“\u{FFFD}”"),
            pos: Some(per_line[MAX_LINE_NOTES].0),
            pointer: None,
        });
    }
}

fn note(code: NoteCode, message: String) -> ImportNote {
    ImportNote {
        code,
        message,
        pos: None,
        pointer: None,
    }
}

#[cfg(test)]
mod tests;

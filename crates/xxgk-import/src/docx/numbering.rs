//! Automatic numbering (`w:numPr`): the number Word shows before a paragraph
//! (`一、`, `（二）`, `3.`) is not in the paragraph's text but in
//! `word/numbering.xml`, given by the paragraph's own `w:numPr` or by its style's
//! (`word/styles.xml`). A report whose headings are numbered so (WPS and Word
//! templates often do) would otherwise lose the numerals its sections are
//! recognised by, so the shown number is put in front of the text.
//!
//! Counting follows Word: a list instance (`w:num`) counts its levels; instances
//! of one abstract list without a `w:startOverride` continue one count; a level
//! restarts after a paragraph of a higher level. Bullets add nothing.

use std::collections::HashMap;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::names::attr;

/// Levels of a list.
const LEVELS: usize = 9;

#[derive(Debug, Clone, Default)]
struct Level {
    start: u32,
    format: String,
    text: String,
    /// `w:suff`: what follows the number (`tab` unless `space` or `nothing`).
    suffix: String,
}

#[derive(Debug, Clone, Default)]
struct Num {
    abstract_id: String,
    /// `w:lvlOverride/w:startOverride` by level.
    starts: HashMap<usize, u32>,
}

/// The numbering definitions of a Word file, and the counts so far.
#[derive(Debug, Default)]
pub(super) struct Numbering {
    abstracts: HashMap<String, Vec<Level>>,
    nums: HashMap<String, Num>,
    /// The `w:numPr` of paragraph styles: style id → (numId, level).
    styles: HashMap<String, (String, usize)>,
    counts: HashMap<String, [Option<u32>; LEVELS]>,
}

fn val(e: &BytesStart) -> Option<String> {
    attr(e, b"val")
}

fn level_of(e: &BytesStart) -> usize {
    attr(e, b"ilvl")
        .and_then(|v| v.trim().parse::<usize>().ok())
        .unwrap_or(0)
        .min(LEVELS - 1)
}

impl Numbering {
    /// Reads `word/numbering.xml` and `word/styles.xml` (either may be absent or
    /// broken: what was read is used).
    pub(super) fn read(numbering: Option<&str>, styles: Option<&str>) -> Numbering {
        let mut n = Numbering::default();
        if let Some(xml) = numbering {
            n.read_numbering(xml);
        }
        if let Some(xml) = styles {
            n.read_styles(xml);
        }
        n
    }

    fn read_numbering(&mut self, xml: &str) {
        let mut reader = Reader::from_str(xml);
        let mut abstract_id: Option<String> = None;
        let mut num: Option<(String, Num)> = None;
        let mut level: Option<usize> = None;
        loop {
            let (e, empty) = match reader.read_event() {
                Ok(Event::Start(e)) => (e, false),
                Ok(Event::Empty(e)) => (e, true),
                Ok(Event::End(e)) => {
                    match e.local_name().as_ref() {
                        b"abstractNum" => abstract_id = None,
                        b"num" => {
                            if let Some((id, n)) = num.take() {
                                self.nums.insert(id, n);
                            }
                        }
                        b"lvl" | b"lvlOverride" => level = None,
                        _ => {}
                    }
                    continue;
                }
                Ok(Event::Eof) | Err(_) => break,
                _ => continue,
            };
            match e.local_name().as_ref() {
                b"abstractNum" if !empty => {
                    abstract_id = attr(&e, b"abstractNumId");
                }
                b"num" if !empty => {
                    num = attr(&e, b"numId").map(|id| (id, Num::default()));
                }
                b"abstractNumId" => {
                    if let (Some((_, n)), Some(v)) = (&mut num, val(&e)) {
                        n.abstract_id = v;
                    }
                }
                b"lvl" | b"lvlOverride" if !empty => level = Some(level_of(&e)),
                b"startOverride" => {
                    if let (Some((_, n)), Some(l)) = (&mut num, level) {
                        let start = val(&e).and_then(|v| v.trim().parse().ok()).unwrap_or(1);
                        n.starts.insert(l, start);
                    }
                }
                b"start" | b"numFmt" | b"lvlText" | b"suff" if num.is_none() => {
                    let (Some(id), Some(l)) = (&abstract_id, level) else {
                        continue;
                    };
                    let levels = self.abstracts.entry(id.clone()).or_default();
                    if levels.len() <= l {
                        levels.resize_with(l + 1, || Level {
                            start: 1,
                            ..Level::default()
                        });
                    }
                    let v = val(&e).unwrap_or_default();
                    let lv = &mut levels[l];
                    match e.local_name().as_ref() {
                        b"start" => lv.start = v.trim().parse().unwrap_or(1),
                        b"numFmt" => lv.format = v,
                        b"lvlText" => lv.text = v,
                        _ => lv.suffix = v,
                    }
                }
                _ => {}
            }
        }
    }

    fn read_styles(&mut self, xml: &str) {
        let mut reader = Reader::from_str(xml);
        let mut style: Option<String> = None;
        let mut num: Option<String> = None;
        let mut level = 0;
        loop {
            match reader.read_event() {
                Ok(Event::Start(e)) if e.local_name().as_ref() == b"style" => {
                    style = attr(&e, b"styleId");
                    num = None;
                    level = 0;
                }
                Ok(Event::Start(e) | Event::Empty(e)) if style.is_some() => {
                    match e.local_name().as_ref() {
                        b"numId" => num = val(&e),
                        b"ilvl" => {
                            level = val(&e)
                                .and_then(|v| v.trim().parse::<usize>().ok())
                                .unwrap_or(0)
                                .min(LEVELS - 1);
                        }
                        _ => {}
                    }
                }
                Ok(Event::End(e)) if e.local_name().as_ref() == b"style" => {
                    if let (Some(s), Some(n)) = (style.take(), num.take()) {
                        self.styles.insert(s, (n, level));
                    }
                }
                Ok(Event::Eof) | Err(_) => break,
                _ => {}
            }
        }
    }

    /// The number shown before the next paragraph with numbering `num` (its own
    /// `w:numPr`: numId and level, either may be missing) or style `style`, and
    /// counts it. `None` for no numbering, `numId` 0 or a bullet.
    pub(super) fn next(
        &mut self,
        num: (Option<&str>, Option<usize>),
        style: Option<&str>,
    ) -> Option<String> {
        let by_style = style.and_then(|s| self.styles.get(s)).cloned();
        let (id, level) = match (num, by_style) {
            ((Some(id), l), s) => (id.to_owned(), l.or(s.as_ref().map(|s| s.1)).unwrap_or(0)),
            ((None, l), Some((id, sl))) => (id, l.unwrap_or(sl)),
            ((None, _), None) => return None,
        };
        let n = self.nums.get(&id)?;
        let levels = self.abstracts.get(&n.abstract_id)?;
        let key = if n.starts.is_empty() {
            format!("a{}", n.abstract_id)
        } else {
            format!("n{id}")
        };
        let start = |l: usize| {
            n.starts
                .get(&l)
                .copied()
                .or_else(|| levels.get(l).map(|lv| lv.start))
                .unwrap_or(1)
        };
        let counts = self.counts.entry(key).or_insert([None; LEVELS]);
        counts[level] = Some(counts[level].map_or(start(level), |c| c.saturating_add(1)));
        for c in &mut counts[level + 1..] {
            *c = None;
        }
        let lv = levels.get(level)?;
        if lv.format == "bullet" {
            return None;
        }
        let mut shown = String::new();
        let mut chars = lv.text.chars().peekable();
        while let Some(c) = chars.next() {
            let digit = chars.peek().and_then(|d| d.to_digit(10));
            match digit {
                Some(d @ 1..=9) if c == '%' => {
                    chars.next();
                    let l = usize::try_from(d - 1).unwrap_or(0);
                    let value = counts[l].unwrap_or_else(|| start(l));
                    let format = levels.get(l).map_or("decimal", |lv| lv.format.as_str());
                    shown.push_str(&format_number(value, format));
                }
                _ => shown.push(c),
            }
        }
        let bare = shown.chars().last().is_some_and(char::is_alphanumeric);
        if bare && lv.suffix != "nothing" {
            shown.push(' ');
        }
        (!shown.trim().is_empty()).then_some(shown)
    }
}

/// `value` written in Word's number format `format`.
fn format_number(value: u32, format: &str) -> String {
    const DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    const LEGAL: [char; 10] = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
    const STEMS: [char; 10] = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'];
    match format {
        "chineseCounting"
        | "chineseCountingThousand"
        | "japaneseCounting"
        | "taiwaneseCounting"
        | "koreanCounting" => counting(value, &DIGITS, '十'),
        "chineseLegalSimplified" => counting(value, &LEGAL, '拾'),
        "ideographDigital" | "taiwaneseDigital" | "japaneseDigitalTenThousand" => value
            .to_string()
            .chars()
            .map(|d| DIGITS[d.to_digit(10).unwrap_or(0) as usize])
            .collect(),
        "ideographTraditional" if (1..=10).contains(&value) => {
            STEMS[(value - 1) as usize].to_string()
        }
        "decimalFullWidth" | "decimalFullWidth2" => value
            .to_string()
            .chars()
            .map(|d| char::from_u32(u32::from(d) - u32::from('0') + 0xFF10).unwrap_or(d))
            .collect(),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" if (1..=20).contains(&value) => {
            char::from_u32(0x2460 + value - 1).map_or_else(|| value.to_string(), String::from)
        }
        "upperLetter" | "lowerLetter" if value >= 1 => {
            let base = if format == "upperLetter" { b'A' } else { b'a' };
            let letter = char::from(base + u8::try_from((value - 1) % 26).unwrap_or(0));
            letter.to_string().repeat(((value - 1) / 26 + 1) as usize)
        }
        "upperRoman" | "lowerRoman" => {
            let r = roman(value);
            if format == "lowerRoman" {
                r.to_lowercase()
            } else {
                r
            }
        }
        "none" => String::new(),
        _ => value.to_string(),
    }
}

/// `value` (below 100 in Chinese counting; larger ones as digits) in the
/// counting style: 十, 十一, 二十, 二十一.
fn counting(value: u32, digits: &[char; 10], ten: char) -> String {
    match value {
        0..=9 => digits[value as usize].to_string(),
        10..=99 => {
            let (tens, units) = (value / 10, value % 10);
            let mut s = String::new();
            if tens > 1 {
                s.push(digits[tens as usize]);
            }
            s.push(ten);
            if units > 0 {
                s.push(digits[units as usize]);
            }
            s
        }
        _ => value
            .to_string()
            .chars()
            .map(|d| digits[d.to_digit(10).unwrap_or(0) as usize])
            .collect(),
    }
}

fn roman(mut value: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    if value == 0 || value > 3999 {
        return value.to_string();
    }
    let mut s = String::new();
    for (n, r) in TABLE {
        while value >= n {
            s.push_str(r);
            value -= n;
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

    fn numbering() -> Numbering {
        let numbering = format!(
            r#"<w:numbering {W}>
            <w:abstractNum w:abstractNumId="0">
              <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
              <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
              <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
            </w:abstractNum>
            <w:abstractNum w:abstractNumId="1">
              <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="●"/></w:lvl>
            </w:abstractNum>
            <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
            <w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>
            <w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="2"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
            <w:num w:numId="4"><w:abstractNumId w:val="1"/></w:num>
            </w:numbering>"#
        );
        let styles = format!(
            r#"<w:styles {W}><w:style w:type="paragraph" w:styleId="Heading1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>"#
        );
        Numbering::read(Some(&numbering), Some(&styles))
    }

    #[test]
    fn levels_count_and_restart_as_word_shows_them() {
        let mut n = numbering();
        let mut next = |id: &str, l: usize| n.next((Some(id), Some(l)), None);
        assert_eq!(next("1", 0).as_deref(), Some("一、"));
        assert_eq!(next("1", 1).as_deref(), Some("（一）"));
        assert_eq!(next("1", 1).as_deref(), Some("（二）"));
        assert_eq!(next("1", 2).as_deref(), Some("1."));
        // Another instance of the same list continues its count.
        assert_eq!(next("2", 0).as_deref(), Some("二、"));
        assert_eq!(next("2", 1).as_deref(), Some("（一）"));
        // An instance with a start override counts on its own.
        assert_eq!(next("3", 2).as_deref(), Some("5."));
        assert_eq!(next("4", 0), None);
        assert_eq!(next("0", 0), None);
        assert_eq!(next("9", 0), None);
    }

    #[test]
    fn a_style_gives_its_numbering() {
        let mut n = numbering();
        assert_eq!(
            n.next((None, None), Some("Heading1")).as_deref(),
            Some("一、")
        );
        assert_eq!(
            n.next((None, None), Some("Heading1")).as_deref(),
            Some("二、")
        );
        assert_eq!(n.next((None, None), Some("Normal")), None);
    }

    #[test]
    fn formats() {
        assert_eq!(format_number(11, "chineseCounting"), "十一");
        assert_eq!(format_number(20, "chineseCountingThousand"), "二十");
        assert_eq!(format_number(3, "chineseLegalSimplified"), "叁");
        assert_eq!(format_number(2, "decimalEnclosedCircle"), "②");
        assert_eq!(format_number(12, "decimalFullWidth"), "１２");
        assert_eq!(format_number(4, "upperRoman"), "IV");
        assert_eq!(format_number(27, "lowerLetter"), "aa");
        assert_eq!(format_number(105, "ideographDigital"), "一〇五");
    }
}

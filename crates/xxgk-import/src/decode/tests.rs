use crate::NoteCode;
use encoding_rs::GBK;
use proptest::prelude::*;

use super::*;

fn gbk(s: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = GBK.encode(s);
    assert!(!unmappable);
    bytes.into_owned()
}

fn codes(d: &Decoded) -> Vec<NoteCode> {
    d.notes.iter().map(|n| n.code).collect()
}

#[test]
fn utf8_with_and_without_bom() {
    let d = decode("一、总体情况\n".as_bytes());
    assert_eq!((d.text.as_str(), d.encoding), ("一、总体情况\n", "UTF-8"));
    assert!(d.notes.is_empty());
    let d = decode(b"\xef\xbb\xbfabc");
    assert_eq!((d.text.as_str(), d.encoding), ("abc", "UTF-8"));
}

#[test]
fn crlf_and_lone_cr_become_lf_keeping_line_numbers() {
    let d = decode(b"a\r\nb\rc\n\r\nd\r");
    assert_eq!(d.text, "a\nb\nc\n\nd\n");
    assert_eq!(
        LineIndex::new("a\r\nb\rc\n\r\nd\r").line_count(),
        LineIndex::new(&d.text).line_count()
    );
}

#[test]
fn utf16_with_bom() {
    let mut le = vec![0xff, 0xfe];
    let mut be = vec![0xfe, 0xff];
    for unit in "表三\r\n12".encode_utf16() {
        le.extend(unit.to_le_bytes());
        be.extend(unit.to_be_bytes());
    }
    for (bytes, name) in [(le, "UTF-16LE"), (be, "UTF-16BE")] {
        let d = decode(&bytes);
        assert_eq!((d.text.as_str(), d.encoding), ("表三\n12", name));
        assert!(d.notes.is_empty());
    }
}

#[test]
fn utf16_without_bom_is_recognised_with_a_note() {
    let mut le = Vec::new();
    for unit in "行政复议\t0\t1\t2\n".encode_utf16() {
        le.extend(unit.to_le_bytes());
    }
    let d = decode(&le);
    assert_eq!(
        (d.text.as_str(), d.encoding),
        ("行政复议\t0\t1\t2\n", "UTF-16LE")
    );
    assert_eq!(codes(&d), [NoteCode::EncodingGuessed]);
}

#[test]
fn utf16_without_bom_holding_ideographs_with_a_zero_byte() {
    // 一 is U+4E00: a zero byte at the other parity; so are 、 (U+3001) and others.
    let text = "一、总体情况\n本年度收到申请 12 件，办结 11 件。\n二、主动公开政府信息情况\n";
    for (bytes, name) in [
        (
            text.encode_utf16()
                .flat_map(u16::to_le_bytes)
                .collect::<Vec<u8>>(),
            "UTF-16LE",
        ),
        (
            text.encode_utf16()
                .flat_map(u16::to_be_bytes)
                .collect::<Vec<u8>>(),
            "UTF-16BE",
        ),
    ] {
        let d = decode(&bytes);
        assert_eq!((d.text.as_str(), d.encoding), (text, name));
    }
}

#[test]
fn declared_gbk_is_honoured() {
    let mut bytes = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body>".to_vec();
    bytes.extend(gbk("二、主动公开政府信息情况</body>"));
    let d = decode(&bytes);
    assert_eq!(d.encoding, "GBK");
    assert!(d.text.ends_with("二、主动公开政府信息情况</body>"));
    assert!(d.notes.is_empty(), "{:?}", d.notes);
}

#[test]
fn undeclared_gbk_is_read_as_gb18030_with_a_note() {
    let d = decode(&gbk("三、收到和处理政府信息公开申请情况\r\n"));
    assert_eq!(d.encoding, "gb18030");
    assert_eq!(d.text, "三、收到和处理政府信息公开申请情况\n");
    assert_eq!(codes(&d), [NoteCode::EncodingGuessed]);
}

#[test]
fn a_wrong_declaration_gives_way_to_the_content() {
    // Declared UTF-8, written in GBK.
    let mut bytes = b"<meta charset=\"utf-8\">".to_vec();
    bytes.extend(gbk("四、行政复议"));
    let d = decode(&bytes);
    assert_eq!(d.encoding, "gb18030");
    assert!(d.text.ends_with("四、行政复议"));
    assert_eq!(codes(&d), [NoteCode::EncodingMismatch]);
    // Declared GBK, converted to UTF-8 by whoever saved it.
    let d = decode("<meta charset=\"gbk\">五、存在的主要问题".as_bytes());
    assert_eq!(d.encoding, "UTF-8");
    assert!(d.text.ends_with("五、存在的主要问题"));
    assert_eq!(codes(&d), [NoteCode::EncodingMismatch]);
    // An unknown label.
    let d = decode("<meta charset=\"x-nonsense\">六".as_bytes());
    assert_eq!(d.encoding, "UTF-8");
    assert_eq!(codes(&d), [NoteCode::EncodingUnknown]);
}

#[test]
fn malformed_bytes_become_replacement_characters_with_a_note_per_line() {
    let mut bytes = "本报告由某某县某某局编制。第一行\n第二行"
        .as_bytes()
        .to_vec();
    bytes.truncate(bytes.len() - 1); // cut the last character in half
    bytes.extend(b"\r\nok\xff\xfe\r\n\xff");
    let d = decode(&bytes);
    assert_eq!(d.encoding, "UTF-8");
    assert_eq!(
        d.text,
        "本报告由某某县某某局编制。第一行\n第二\u{FFFD}\nok\u{FFFD}\u{FFFD}\n\u{FFFD}"
    );
    assert_eq!(codes(&d), [NoteCode::EncodingInvalid; 3]);
    let lines: Vec<_> = d.notes.iter().map(|n| n.pos).collect();
    assert_eq!(
        lines,
        [
            Some(SourcePos::Text { line: 2, column: 3 }),
            Some(SourcePos::Text { line: 3, column: 3 }),
            Some(SourcePos::Text { line: 4, column: 1 }),
        ]
    );
    assert!(
        d.notes[1].message.contains("第3行有2处"),
        "{}",
        d.notes[1].message
    );
}

#[test]
fn notes_on_malformed_bytes_are_bounded() {
    let bytes: Vec<u8> = (0..500).flat_map(|_| [b'a', 0xff, b'\n']).collect();
    let d = decode(&bytes);
    assert_eq!(d.notes[0].code, NoteCode::EncodingGuessed);
    assert_eq!(d.notes.len(), 1 + MAX_LINE_NOTES + 1);
    assert!(d.notes.last().unwrap().message.contains("另有480行共480处"));
}

proptest! {
    #[test]
    fn never_panics_and_positions_fit(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let d = decode(&bytes);
        prop_assert!(!d.text.contains('\r'));
        let index = LineIndex::new(&d.text);
        for note in &d.notes {
            if let Some(SourcePos::Text { line, column }) = note.pos {
                let text = index.line_text(line).expect("line inside the text");
                prop_assert!(column as usize <= text.chars().count() + 1);
            }
        }
    }

    #[test]
    fn utf8_text_is_kept_except_line_ends(s in "\\PC*[\r\n]*\\PC*") {
        let d = decode(s.as_bytes());
        prop_assert_eq!(d.text, s.replace("\r\n", "\n").replace('\r', "\n"));
    }

    #[test]
    fn gbk_round_trips(s in "[一-龥a-z0-9（）、，。\n]{1,40}") {
        let mut bytes = b"<meta charset=gbk>".to_vec();
        bytes.extend(gbk(&s));
        let d = decode(&bytes);
        prop_assert_eq!(&d.text[18..], s.as_str());
    }
}

use super::main_part;
use super::parse::{Item, parse};

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

fn texts(xml: &str) -> Vec<String> {
    parse(&format!(
        "<w:document {W}><w:body>{xml}</w:body></w:document>"
    ))
    .items
    .into_iter()
    .filter_map(|i| match i {
        Item::Para { text, .. } => Some(text),
        Item::Table(_) => None,
    })
    .collect()
}

#[test]
fn the_main_part_is_found_through_the_package_relationships() {
    let rels = br#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
        <Relationship Id="a" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
        <Relationship Id="b" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/document2.xml"/>
        </Relationships>"#;
    assert_eq!(main_part(rels).as_deref(), Some("word/document2.xml"));
    assert_eq!(main_part(b"<Relationships/>"), None);
    assert_eq!(main_part(b"\xff\xfe<"), None);
}

#[test]
fn layout_whitespace_page_breaks_and_other_namespaces_add_no_text() {
    assert_eq!(
        texts(
            "<w:p>\n  <w:r>\n    <w:t>甲</w:t>\n  </w:r>\n  <w:r><w:br w:type=\"page\"/><w:t>乙</w:t></w:r></w:p>"
        ),
        ["甲乙"]
    );
    assert_eq!(
        texts("<w:p><w:r><x:t xmlns:x=\"urn:other\">不是正文</x:t><w:t>是</w:t></w:r></w:p>"),
        ["是"]
    );
    assert_eq!(
        texts("<w:p><w:r><w:t>&#x4E00;&lt;&amp;</w:t></w:r></w:p>"),
        ["一<&"]
    );
}

#[test]
fn deep_nesting_is_flattened_not_recursed() {
    let deep = "<w:tbl><w:tr><w:tc>".repeat(200) + "<w:p><w:r><w:t>底</w:t></w:r></w:p>";
    let parsed = parse(&format!(
        "<w:document {W}><w:body>{deep}</w:body></w:document>"
    ));
    let mut depth = 0;
    let mut items = &parsed.items;
    while let Some(Item::Table(t)) = items.first() {
        depth += 1;
        items = &t.rows[0].cells[0].items;
    }
    assert!(depth <= 32, "{depth}");
    assert!(matches!(items.first(), Some(Item::Para { text, .. }) if text == "底"));
}

//! The parts of the Word package other than the body: content types, relationships,
//! styles, settings, fonts, the page-number footer and the document properties.
//!
//! Written for this project, after ECMA-376 (Office Open XML, `WordprocessingML`). Child
//! elements appear in the order the schema requires, which Word enforces.

use std::fmt::Write as _;

use xxgk_model::Report;

use crate::escape;
use crate::zh;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

pub(crate) const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>
<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>
<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>
</Types>
"#;

pub(crate) const PACKAGE_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>
</Relationships>
"#;

/// The relationship id of the footer, referenced from the body's section properties.
pub(crate) const FOOTER_ID: &str = "rIdFooter1";

pub(crate) const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>
<Relationship Id="rIdFonts" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/>
<Relationship Id="rIdFooter1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>
</Relationships>
"#;

/// Font names: the names Chinese Windows gives the fonts of official documents.
pub(crate) const FANGSONG: &str = "仿宋";
pub(crate) const HEITI: &str = "黑体";
pub(crate) const KAITI: &str = "楷体";
pub(crate) const SONGTI: &str = "宋体";
pub(crate) const TITLE_FONT: &str = "方正小标宋简体";
const LATIN: &str = "Times New Roman";

/// Style ids used by the body.
pub(crate) mod style {
    pub(crate) const TITLE: &str = "Title";
    pub(crate) const HEADING1: &str = "Heading1";
    pub(crate) const HEADING2: &str = "Heading2";
    pub(crate) const NOTE: &str = "SectionNote";
    pub(crate) const CLOSING: &str = "Closing";
    pub(crate) const TABLE_TEXT: &str = "TableText";
    pub(crate) const TABLE_LABEL: &str = "TableLabel";
    pub(crate) const TABLE_NOTE: &str = "TableNote";
}

fn fonts(east_asia: &str) -> String {
    format!(
        r#"<w:rFonts w:ascii="{LATIN}" w:hAnsi="{LATIN}" w:eastAsia="{east_asia}" w:cs="{LATIN}"/>"#
    )
}

/// A paragraph style: id, name, base, paragraph properties, run properties.
fn paragraph_style(id: &str, name: &str, based_on: Option<&str>, ppr: &str, rpr: &str) -> String {
    let based = based_on.map_or(String::new(), |b| format!(r#"<w:basedOn w:val="{b}"/>"#));
    format!(
        r#"<w:style w:type="paragraph" w:styleId="{id}"><w:name w:val="{name}"/>{based}<w:next w:val="Normal"/><w:qFormat/><w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>
"#
    )
}

/// Line pitch of the body: exactly 28 pt, the usual setting for 三号 text.
const BODY_LINE: u32 = 560;
/// Two characters of 三号 (16 pt) text, the first-line indent of a paragraph.
const INDENT_2CH: &str = r#"<w:ind w:firstLineChars="200" w:firstLine="640"/>"#;
const NO_INDENT: &str = r#"<w:ind w:firstLineChars="0" w:firstLine="0"/>"#;

pub(crate) fn styles() -> String {
    let mut s = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W}">
<w:docDefaults><w:rPrDefault><w:rPr>{body_fonts}<w:kern w:val="2"/><w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:widowControl/><w:spacing w:before="0" w:after="0" w:line="{BODY_LINE}" w:lineRule="exact"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:pPr>{INDENT_2CH}</w:pPr></w:style>
<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
"#,
        body_fonts = fonts(FANGSONG),
    );
    s.push_str(&paragraph_style(
        style::TITLE,
        "Title",
        Some("Normal"),
        &format!(
            r#"<w:keepNext/><w:spacing w:before="0" w:after="560" w:line="700" w:lineRule="exact"/>{NO_INDENT}<w:jc w:val="center"/>"#
        ),
        &format!(r#"{}<w:sz w:val="44"/><w:szCs w:val="44"/>"#, fonts(TITLE_FONT)),
    ));
    s.push_str(&paragraph_style(
        style::HEADING1,
        "heading 1",
        Some("Normal"),
        r#"<w:keepNext/><w:keepLines/><w:outlineLvl w:val="0"/>"#,
        &fonts(HEITI),
    ));
    s.push_str(&paragraph_style(
        style::HEADING2,
        "heading 2",
        Some("Normal"),
        r#"<w:keepNext/><w:keepLines/><w:outlineLvl w:val="1"/>"#,
        &fonts(KAITI),
    ));
    s.push_str(&paragraph_style(
        style::NOTE,
        "Section Note",
        Some("Normal"),
        "<w:keepNext/>",
        "",
    ));
    s.push_str(&paragraph_style(
        style::CLOSING,
        "Closing",
        Some("Normal"),
        r#"<w:ind w:right="640" w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="right"/>"#,
        "",
    ));
    // Table text: 宋体 五号 (10.5 pt), single spacing, centred, as the template sets it.
    s.push_str(&paragraph_style(
        style::TABLE_TEXT,
        "Table Text",
        Some("Normal"),
        &format!(
            r#"<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>{NO_INDENT}<w:jc w:val="center"/>"#
        ),
        &format!(
            r#"{}<w:kern w:val="0"/><w:sz w:val="21"/><w:szCs w:val="21"/>"#,
            fonts(SONGTI)
        ),
    ));
    s.push_str(&paragraph_style(
        style::TABLE_LABEL,
        "Table Label",
        Some(style::TABLE_TEXT),
        r#"<w:jc w:val="left"/>"#,
        "",
    ));
    s.push_str(&paragraph_style(
        style::TABLE_NOTE,
        "Table Note",
        Some(style::TABLE_LABEL),
        "",
        &fonts(KAITI),
    ));
    s.push_str(&paragraph_style(
        "Footer",
        "footer",
        Some("Normal"),
        &format!(r#"<w:spacing w:line="240" w:lineRule="auto"/>{NO_INDENT}<w:jc w:val="center"/>"#),
        &format!(r#"{}<w:sz w:val="28"/><w:szCs w:val="28"/>"#, fonts(SONGTI)),
    ));
    s.push_str("</w:styles>\n");
    s
}

pub(crate) fn settings() -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="{W}">
<w:zoom w:percent="100"/>
<w:defaultTabStop w:val="420"/>
<w:characterSpacingControl w:val="compressPunctuation"/>
<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>
<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>
</w:settings>
"#
    )
}

pub(crate) fn font_table() -> String {
    let mut s = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:fonts xmlns:w="{W}">
"#
    );
    for (name, alt) in [
        (FANGSONG, "FangSong"),
        (HEITI, "SimHei"),
        (KAITI, "KaiTi"),
        (SONGTI, "SimSun"),
        (TITLE_FONT, SONGTI),
    ] {
        let _ = writeln!(
            s,
            r#"<w:font w:name="{name}"><w:altName w:val="{alt}"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>"#
        );
    }
    let _ = writeln!(
        s,
        r#"<w:font w:name="{LATIN}"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>"#
    );
    s.push_str("</w:fonts>\n");
    s
}

/// The footer: the page number as official documents print it, `— 1 —`.
pub(crate) fn footer() -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:ftr xmlns:w="{W}" xmlns:r="{R}">
<w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr><w:r><w:t xml:space="preserve">— </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> —</w:t></w:r></w:p>
</w:ftr>
"#
    )
}

/// Core properties: title, issuing body, statistical period and publication date as
/// the report holds them. No clock is read, so the same report gives the same bytes.
pub(crate) fn core(report: &Report, title: &str) -> String {
    let mut s = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
"#,
    );
    let _ = writeln!(s, "<dc:title>{}</dc:title>", escape::text(title));
    let _ = writeln!(
        s,
        "<dc:creator>{}</dc:creator>",
        escape::text(&report.meta.agency)
    );
    let mut description = Vec::new();
    if let Some(p) = &report.meta.period {
        description.push(format!("统计期限：{}", zh::period(p)));
    }
    if let Some(d) = report.meta.published {
        description.push(format!("发布日期：{}", zh::date(d)));
    }
    if !description.is_empty() {
        let _ = writeln!(
            s,
            "<dc:description>{}</dc:description>",
            escape::text(&description.join("；"))
        );
    }
    s.push_str("<dc:language>zh-CN</dc:language>\n");
    if let Some(d) = report.meta.published {
        let _ = writeln!(
            s,
            "<dcterms:created xsi:type=\"dcterms:W3CDTF\">{}T00:00:00Z</dcterms:created>",
            d.format("%Y-%m-%d")
        );
    }
    s.push_str("</cp:coreProperties>\n");
    s
}

pub(crate) const APP: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>xxgk</Application></Properties>
"#;

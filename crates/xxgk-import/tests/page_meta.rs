//! Metadata a web page prints outside the report body: the date in an article's
//! header as content management systems print it, a metadata table, the page's
//! `<title>`. They give the publication date (and the title when the body prints
//! none), and nothing of them becomes report text. A scraper's fetch time, the
//! day's date of a page header and the dates of related articles after the body
//! are not the publication date.

mod fe_support;

use xxgk_import::{ImportOptions, Imported, import, import_with_document};
use xxgk_model::{MetaField, Pointer, SourcePos};

/// A page: `<title>`, chrome before the body, the body (a report without a title
/// and without a signature), chrome after it.
fn page(title: &str, before: &str, after: &str) -> String {
    format!(
        "<html><head><title>{title}</title></head><body>\n\
         <div class=\"nav\">首页 &gt; 政府信息公开 &gt; 年报</div>\n\
         <div class=\"header\">{before}</div>\n\
         <div class=\"article\">\n\
         <p>一、总体情况</p><p>2024年，我局稳步推进政府信息公开工作。</p>\n\
         <p>四、政府信息公开行政复议、行政诉讼情况</p>\n\
         <table><tr><td>行政复议</td><td>结果维持</td><td>结果纠正</td><td>其他结果</td>\
         <td>尚未审结</td><td>总计</td></tr>\
         <tr><td>行政复议</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr></table>\n\
         <p>五、存在的主要问题及改进情况</p><p>解读形式还比较单一。</p>\n\
         <p>六、其他需要报告的事项</p><p>无。</p>\n\
         </div>\n\
         <div class=\"related\">{after}</div>\n\
         </body></html>"
    )
}

const TITLE: &str = "青禾县农业农村局2024年政府信息公开工作年度报告";

fn read(html: &str) -> Imported {
    import(html.as_bytes(), &ImportOptions::default()).unwrap()
}

fn published(html: &str) -> Option<String> {
    read(html).report.meta.published.map(|d| d.to_string())
}

/// The ways CMS pages print an article's date above it.
#[test]
fn the_date_of_an_article_header_is_the_publication_date() {
    let title = format!("{TITLE}_年报_青禾县人民政府");
    for (header, want) in [
        (
            "<span>来源：本站</span> <span>发布时间：2025-01-17 10:32</span>",
            "2025-01-17",
        ),
        ("<p>日期：2025年01月17日</p>", "2025-01-17"),
        ("<span>[ 2025-01-17 ]</span>", "2025-01-17"),
        (
            "<p>来源：青禾县农业农村局 发布日期：2025-01-18 浏览次数：35</p>",
            "2025-01-18",
        ),
        // The space between two fields lost (a line break between two spans of
        // ideographs, which a browser's collapsing may remove).
        (
            "<span>来源：青禾县人民政府</span>\n      <span>时间：2025-01-19 15:22</span>",
            "2025-01-19",
        ),
        (
            "<table><tr><td>索引号</td><td>0001/2025-00002</td><td>公开日期</td>\
             <td>2025-01-20</td></tr><tr><td>发布机构</td><td>青禾县农业农村局</td>\
             <td>文号</td><td></td></tr></table>",
            "2025-01-20",
        ),
    ] {
        let html = page(&title, header, "");
        assert_eq!(published(&html).as_deref(), Some(want), "{header}");
    }
}

/// A scraper's fetch time and the day's date in a page header are other times; so
/// are the dates of related articles listed after the body, stated or in brackets.
#[test]
fn other_dates_of_the_page_are_not_the_publication_date() {
    let related = "<ul><li>青禾县农业农村局2023年政府信息公开工作年度报告 发布时间：2024-01-15</li>\
                   <li>关于春耕生产的通知</li></ul><p>[ 2024-03-02 ]</p>";
    for header in [
        "<div><strong>采集时间：</strong>2027-12-30T21:37:37+08:00</div>",
        "<p>2027年12月30日 星期四</p>",
        "<p>来源：本站 更新时间：2027-12-30</p>",
    ] {
        let html = page(TITLE, header, related);
        assert_eq!(published(&html), None, "{header}");
    }
    // Two different dates in brackets: which one is the article's is not known.
    let html = page(
        TITLE,
        "<p>[ 2025-01-17 ]</p><p>相关：</p><p>[ 2024-12-02 ]</p>",
        "",
    );
    assert_eq!(published(&html), None);
}

/// A date stated in the body (a `发布日期` line before section 一) wins over the
/// page's; a page's stated date wins over a bracketed one and over the signature.
#[test]
fn the_body_states_first() {
    let html = page(TITLE, "<p>发布时间：2025-01-17</p>", "").replace(
        "<p>一、总体情况</p>",
        "<p>发布日期：2025-01-16</p><p>一、总体情况</p>",
    );
    assert_eq!(published(&html).as_deref(), Some("2025-01-16"));
    let signed = page(TITLE, "<p>发布时间：2025-01-17</p>", "").replace(
        "<p>无。</p>",
        "<p>无。</p><p>青禾县农业农村局</p><p>2025年1月10日</p>",
    );
    assert_eq!(published(&signed).as_deref(), Some("2025-01-17"));
    let bracketed = signed.replace("发布时间：2025-01-17", "[ 2025-01-17 ]");
    assert_eq!(published(&bracketed).as_deref(), Some("2025-01-10"));
}

/// The page's metadata is metadata only: the title taken from `<title>` when the
/// body prints none, the date with the position of its line; nothing of the chrome
/// is report text.
#[test]
fn page_metadata_is_never_report_text() {
    let title = format!("{TITLE}_政府信息公开年报_青禾县人民政府");
    let html = page(&title, "<p>来源：本站 发布时间：2025-01-17 10:32</p>", "");
    let (i, doc) = import_with_document(html.as_bytes(), &ImportOptions::default()).unwrap();
    let m = &i.report.meta;
    assert_eq!(m.title.as_deref(), Some(TITLE));
    assert_eq!(m.agency, "青禾县农业农村局");
    assert_eq!(m.year, 2024);
    assert!(i.report.preamble.is_empty());
    let text = toml::to_string(&i.report).unwrap();
    assert!(!text.contains("发布时间"), "{text}");
    assert!(!text.contains("首页"), "{text}");
    // Where the date came from: the header's line of the page.
    assert_eq!(
        i.source.get(&Pointer::meta(MetaField::Published)),
        Some(SourcePos::Text {
            line: 3,
            column: 24
        })
    );
    let doc = doc.unwrap();
    let meta: Vec<&str> = doc.page_meta.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(
        meta,
        ["来源：本站 发布时间：2025-01-17 10:32", title.as_str()]
    );
}

/// The pingtan-2019 page prints its date in the article header (`时间：…`), outside
/// the element that holds the report: its publication date, as its Word
/// conversion has it. The shuyang page's metadata table gives its `公开日期`.
#[test]
#[ignore = "needs the corpus: set XXGK_CORPUS"]
fn corpus_pages_date_their_reports_from_their_headers() {
    let read = |name: &str| {
        let bytes = std::fs::read(fe_support::corpus().join(name)).unwrap();
        import(&bytes, &ImportOptions::default()).unwrap()
    };
    let i = read("pingtan-2019.html");
    assert_eq!(
        i.report.meta.published.map(|d| d.to_string()).as_deref(),
        Some("2020-01-20")
    );
    // The source map names the header's line (where its paragraph starts).
    let at = |i: &Imported| {
        let line = i
            .source
            .get(&Pointer::meta(MetaField::Published))
            .unwrap()
            .line()
            .unwrap();
        let source = i.source_text.as_deref().unwrap();
        let from = usize::try_from(line).unwrap() - 1;
        source
            .lines()
            .skip(from)
            .take(3)
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert!(at(&i).contains("时间：2020-01-20"), "{}", at(&i));
    assert!(!toml::to_string(&i.report).unwrap().contains("时间：2020"));
    let i = read("shuyang-fgj-2023.html");
    assert_eq!(
        i.report.meta.published.map(|d| d.to_string()).as_deref(),
        Some("2024-01-17")
    );
    let line = i
        .source
        .get(&Pointer::meta(MetaField::Published))
        .unwrap()
        .line()
        .unwrap() as usize;
    let text = i
        .source_text
        .as_deref()
        .unwrap()
        .lines()
        .nth(line - 1)
        .unwrap();
    assert!(!text.contains("采集时间"), "{text}");
}

/// A page's heading holding the title broken by `<br>` or into paragraphs: the
/// first part (the agency) is the title's too, not page matter left out.
#[test]
fn a_title_broken_in_the_page_heading_keeps_its_first_part() {
    for heading in [
        "<h1>青禾县农业农村局<br>2024年政府信息公开工作年度报告</h1>",
        "<h1><p>青禾县农业农村局</p><p>2024年政府信息公开工作年度报告</p></h1>",
        "<div class=\"title\"><span>青禾县农业农村局</span><br/><span>2024年政府信息公开工作年度报告</span></div>",
    ] {
        let i = read(&page("某某网", heading, ""));
        assert_eq!(i.report.meta.title.as_deref(), Some(TITLE), "{heading}");
        assert_eq!(i.report.meta.agency, "青禾县农业农村局", "{heading}");
    }
    // A page's path printed just before the heading stays out.
    let i = read(&page(
        "某某网",
        "<div class=\"crumb\">当前位置：首页 &gt; 年报</div><h1>2024年政府信息公开工作年度报告</h1>",
        "",
    ));
    assert_eq!(
        i.report.meta.title.as_deref(),
        Some("2024年政府信息公开工作年度报告")
    );
}

//! Web pages end to end: a GBK-encoded page with merged cells inside a portal's
//! page chrome, and table 四 printed as three rows of five.

use xxgk_import::{ImportOptions, InputKind, import};
use xxgk_model::schema::TableId;
use xxgk_model::{Cell, CellKey, SourcePos};

fn count(r: &xxgk_model::Report, t: TableId, row: &str, col: &str) -> Option<u64> {
    r.cell(&CellKey::new(t, row, col)).and_then(Cell::as_count)
}

fn td(text: &str, attrs: &str) -> String {
    format!("<td {attrs}><p><span>{text}</span></p></td>")
}

fn page() -> String {
    let orgs: String = [
        "商业<br>企业",
        "科研<br>机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
    ]
    .iter()
    .map(|o| td(o, ""))
    .collect();
    let vals = |v: [u32; 7]| {
        v.iter()
            .map(|n| td(&format!("&nbsp;{n}&nbsp;"), ""))
            .collect::<String>()
    };
    let t3 = [
        td(
            "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
            "colspan=3 rowspan=3",
        ) + &td("申请人情况", "colspan=7"),
        td("自然人", "rowspan=2") + &td("法人或其他组织", "colspan=5") + &td("总计", "rowspan=2"),
        orgs,
        td("一、本年新收政府信息公开申请数量", "colspan=3") + &vals([4, 1, 0, 0, 0, 0, 5]),
        td("三、本年度办理结果", "rowspan=4")
            + &td("（一）予以公开", "colspan=2")
            + &vals([3, 1, 0, 0, 0, 0, 4]),
        td("（三）不予公开", "rowspan=2")
            + &td("1.属于国家秘密", "")
            + &vals([0, 0, 0, 0, 0, 0, 0]),
        td("3.危及“三安全一稳定”", "") + &vals([1, 0, 0, 0, 0, 0, 1]),
        td("（七）总计", "colspan=2") + &vals([4, 1, 0, 0, 0, 0, 5]),
    ];
    let t3: String = t3.iter().map(|r| ["<tr>", r, "</tr>"].concat()).collect();
    let leaves: String = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
        .iter()
        .map(|l| td(l, ""))
        .collect();
    let block = |name: &str, v: [u32; 5]| {
        format!(
            "<tr>{}{}</tr>",
            td(name, ""),
            v.iter().map(|n| td(&n.to_string(), "")).collect::<String>()
        )
    };
    format!(
        "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gbk\">\
         <title>青禾县林业局2020年政府信息公开工作年度报告</title><script>var a = '<p>一、总体情况</p>';</script></head>\
         <body><div class=\"nav\">首页 &gt; 政务公开 &gt; 年度报告</div><div class=\"content\">\
         <h2>青禾县林业局2020年政府信息公开工作年度报告</h2>\
         <p>本报告统计期限自2020年1月1日至2020年12月31日。</p>\
         <p>一、总体情况</p><p>&nbsp;&nbsp;2020年，我局依法公开森林防火、林木采伐许可等信息。</p>\
         <p>三、收到和处理政府信息公开申请情况</p><table border=1>{t3}</table>\
         <p>四、政府信息公开行政复议、行政诉讼情况</p>\
         <table border=1><tr>{}{leaves}</tr>{}{}{}</table>\
         <p>五、存在的主要问题及改进情况</p><p>信息更新还不够及时。</p>\
         <p>六、其他需要报告的事项</p><p>无。</p></div>\
         <div class=\"footer\">版权所有：青禾县人民政府</div></body></html>",
        td("", ""),
        block("行政复议", [1, 0, 0, 0, 1]),
        block("未经复议直接起诉", [0, 0, 0, 1, 1]),
        block("复议后起诉", [0, 0, 0, 0, 0]),
    )
}

#[test]
fn a_gbk_page_with_merged_cells_imports() {
    let html = page();
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(&html);
    assert!(!unmappable);
    let imported = import(&bytes, &ImportOptions::default()).unwrap();
    assert_eq!(imported.kind, InputKind::Html);
    assert!(imported.notes.is_empty(), "{:?}", imported.notes);
    let r = &imported.report;
    assert_eq!(r.meta.agency, "青禾县林业局");
    assert_eq!(r.meta.year, 2020);
    let a = TableId::Applications;
    assert_eq!(
        count(
            r,
            a,
            "一、本年新收政府信息公开申请数量",
            "法人或其他组织/商业企业"
        ),
        Some(1)
    );
    assert_eq!(
        count(r, a, "三、本年度办理结果/（一）予以公开", "总计"),
        Some(4)
    );
    assert_eq!(
        count(
            r,
            a,
            "三、本年度办理结果/（三）不予公开/3.危及“三安全一稳定”",
            "自然人"
        ),
        Some(1)
    );
    assert!(
        r.table(a)
            .unwrap()
            .row("三、本年度办理结果/（三）不予公开/2.其他法律行政法规禁止公开")
            .is_none()
    );
    assert_eq!(
        count(r, a, "三、本年度办理结果/（七）总计", "总计"),
        Some(5)
    );
    assert!(
        r.sections.proactive.is_none(),
        "no table 二 printed, none made up"
    );
    // Table 四 as three labelled rows of five.
    assert_eq!(count(r, TableId::Reviews, "行政复议", "结果维持"), Some(1));
    assert_eq!(
        count(r, TableId::Reviews, "行政诉讼/未经复议直接起诉", "尚未审结"),
        Some(1)
    );
    assert_eq!(
        count(r, TableId::Reviews, "行政诉讼/复议后起诉", "总计"),
        Some(0)
    );
    let body = xxgk_model::joined(&r.sections.overview.as_ref().unwrap().body);
    assert_eq!(body, "2020年，我局依法公开森林防火、林木采伐许可等信息。");
    // Positions point into the page's lines.
    let key = CellKey::new(a, "一、本年新收政府信息公开申请数量", "总计");
    assert!(matches!(
        imported.source.get(&key.json_pointer()),
        Some(SourcePos::Text { line: 1, .. })
    ));
    assert!(imported.source_text.is_some());
}

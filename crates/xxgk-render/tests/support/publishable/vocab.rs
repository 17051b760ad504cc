//! Words and sentence parts of annual reports, for generating report text that reads
//! like what a preparer writes. Every sentence is composed here from these parts;
//! none is taken from a published report.

use proptest::prelude::*;
use proptest::sample::select;

/// The first part of an invented place name.
pub const PLACE_STEMS: &[&str] = &[
    "青禾", "云溪", "松阳", "白石", "临川", "北塘", "南湖", "石门", "东坪", "西岭", "柳江", "金沙",
    "平川", "桃源", "安澜",
];

/// The level of a place.
pub const PLACE_LEVELS: &[&str] = &["县", "市", "区"];

/// Departments of a government, as they end an agency's name.
pub const DEPARTMENTS: &[&str] = &[
    "水利局",
    "教育局",
    "财政局",
    "民政局",
    "统计局",
    "自然资源和规划局",
    "住房和城乡建设局",
    "市场监督管理局",
    "退役军人事务局",
    "发展和改革委员会",
    "卫生健康委员会",
    "人民政府办公室",
];

/// Kinds of development zones whose 管理委员会 reports as a government.
pub const ZONES: &[&str] = &[
    "经济开发区",
    "高新技术产业开发区",
    "经济技术开发区",
    "综合保税区",
];

/// Chinese numerals one to nine, for sub-heading numbering.
pub const NUMERALS: &[&str] = &["一", "二", "三", "四", "五", "六", "七", "八", "九"];

/// What a sub-heading may be about (after its numbering).
const TOPICS: &[&str] = &[
    "主动公开情况",
    "依申请公开情况",
    "政府信息管理情况",
    "平台建设情况",
    "监督保障情况",
    "加强组织领导",
    "完善工作制度",
    "强化业务培训",
    "深化政策解读",
    "拓展公开渠道",
    "规范申请办理",
    "改进措施",
    "存在的不足",
    "下一步工作打算",
];

/// How a paragraph opens.
const OPENINGS: &[&str] = &["本年度", "过去一年", "报告期内", "今年以来", "全年"];

/// What the body did.
const ACTIONS: &[&str] = &[
    "认真贯彻落实《中华人民共和国政府信息公开条例》",
    "坚持以公开为常态、不公开为例外",
    "不断健全政务公开工作机制",
    "持续加强政府网站和政务新媒体建设",
    "进一步规范依申请公开办理流程",
    "围绕群众关切做好政策解读",
    "扎实推进基层政务公开标准化规范化",
    "积极回应社会关切",
];

/// Results counted in a sentence; `{}` takes a number.
const RESULTS: &[&str] = &[
    "全年主动公开政府信息{}条",
    "发布政策解读材料{}篇",
    "办理政府信息公开申请{}件",
    "组织业务培训{}次",
    "更新公开目录{}项",
    "通过政务新媒体发布信息{}条",
    "答复网民留言{}件",
];

/// Shortcomings and plans, for sections 五 and 六.
const REMARKS: &[&str] = &[
    "公开内容的全面性和及时性仍有提升空间",
    "政策解读的形式还不够丰富",
    "工作人员业务能力有待进一步提高",
    "将继续加大培训力度",
    "将进一步完善公开目录",
    "将加强对基层政务公开工作的指导",
];

/// Text printed just before a table.
pub const TABLE_LEADS: &[&str] = &[
    "具体情况见下表：",
    "本年度相关数据统计如下。",
    "有关情况统计如下：",
];

/// Text printed after a table.
pub const TABLE_TAILS: &[&str] = &[
    "注：表中数据统计口径与上年度一致。",
    "以上数据均截至本年度12月31日。",
];

/// What section 六 says when the body has nothing else to report.
pub const NOTHING_ELSE: &[&str] = &[
    "本年度无其他需要报告的事项。",
    "本机关本年度未收取信息处理费。",
];

/// A sub-heading on a line of its own: numbered `（一）` or `1.`, short, no sentence.
pub fn sub_heading() -> impl Strategy<Value = String> {
    (any::<bool>(), 0..NUMERALS.len(), select(TOPICS)).prop_map(|(paren, n, topic)| {
        if paren {
            format!("（{}）{topic}", NUMERALS[n])
        } else {
            format!("{}.{topic}", n + 1)
        }
    })
}

/// A paragraph of narrative text: one or more sentences, ending in `。`.
pub fn paragraph() -> impl Strategy<Value = String> {
    prop_oneof![
        // What was done and what came of it.
        (
            select(OPENINGS),
            select(ACTIONS),
            select(ACTIONS),
            select(RESULTS),
            0u32..5000
        )
            .prop_map(|(open, a, b, result, n)| {
                format!(
                    "{open}，{a}，{b}，{}。",
                    result.replace("{}", &n.to_string())
                )
            }),
        // Points counted 一是…二是….
        proptest::collection::vec(select(REMARKS), 2..4).prop_map(|points| {
            let parts: Vec<String> = points
                .iter()
                .enumerate()
                .map(|(i, p)| format!("{}是{p}", NUMERALS[i]))
                .collect();
            format!("{}。", parts.join("；"))
        }),
        // An inline lead: a numbered point that runs on in the same paragraph.
        (
            0..NUMERALS.len(),
            select(TOPICS),
            select(ACTIONS),
            select(RESULTS),
            1u32..999
        )
            .prop_map(|(n, topic, action, result, count)| {
                format!(
                    "（{}）{topic}。{action}，{}。",
                    NUMERALS[n],
                    result.replace("{}", &count.to_string())
                )
            }),
        // A remark.
        (select(OPENINGS), select(REMARKS)).prop_map(|(open, r)| format!("{open}{r}。")),
    ]
}

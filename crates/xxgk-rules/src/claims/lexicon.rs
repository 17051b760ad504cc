//! The words: what names a table quantity right before a figure, the verbs that
//! say which count, the filler allowed between, and the words that make a figure
//! something other than a statement about the report year.

use super::{Block, Decision, DocKind, DocMeasure, Measure, Outcome, Party, Result4};

/// What the words right before a figure name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Head {
    /// Applications, named (`政府信息公开申请`, `依申请公开`).
    Applications,
    /// `申请` alone: applications where the passage is about them.
    BareApplications,
    /// A verb of table 三 without its noun (`答复`, `办结`): the sentence's subject.
    Verb(Measure),
    /// 上年结转, 结转下年度.
    Carried(Measure),
    /// An outcome of table 三.
    Outcome(Outcome),
    /// An applicant column of table 三 (the sentence's count).
    Party(Party),
    /// A block of table 四.
    Block(Block),
    /// A result of table 四 (the sentence's block).
    Result(Result4),
    /// 规章, 规范性文件.
    Documents(DocKind),
    /// 行政许可决定 …
    Decision(Decision),
    /// 行政事业性收费.
    Fees,
}

/// Heads, matched as the longest suffix of the words before a figure.
pub(super) const HEADS: &[(&str, Head)] = &[
    ("政府信息公开申请", Head::Applications),
    ("信息公开申请", Head::Applications),
    ("公开申请", Head::Applications),
    ("依申请公开政府信息", Head::Applications),
    ("政府信息依申请公开", Head::Applications),
    ("依申请信息公开", Head::Applications),
    ("依申请公开", Head::Applications),
    ("依申请", Head::Applications),
    ("申请件", Head::BareApplications),
    ("申请", Head::BareApplications),
    ("收到", Head::Verb(Measure::Received)),
    ("受理", Head::Verb(Measure::Received)),
    ("新收", Head::Verb(Measure::Received)),
    ("接收", Head::Verb(Measure::Received)),
    ("办结", Head::Verb(Measure::Handled)),
    ("答复", Head::Verb(Measure::Handled)),
    ("回复", Head::Verb(Measure::Handled)),
    ("办理完毕", Head::Verb(Measure::Handled)),
    ("上年结转", Head::Carried(Measure::CarriedIn)),
    ("上年度结转", Head::Carried(Measure::CarriedIn)),
    ("上一年度结转", Head::Carried(Measure::CarriedIn)),
    ("结转下年度", Head::Carried(Measure::CarriedOut)),
    ("结转下一年度", Head::Carried(Measure::CarriedOut)),
    ("结转下年度继续办理", Head::Carried(Measure::CarriedOut)),
    ("结转至下年度", Head::Carried(Measure::CarriedOut)),
    ("结转到下年度", Head::Carried(Measure::CarriedOut)),
    ("予以公开及部分公开", Head::Outcome(Outcome::OpenOrPartly)),
    ("予以公开和部分公开", Head::Outcome(Outcome::OpenOrPartly)),
    ("予以公开或部分公开", Head::Outcome(Outcome::OpenOrPartly)),
    ("予以公开、部分公开", Head::Outcome(Outcome::OpenOrPartly)),
    ("公开及部分公开", Head::Outcome(Outcome::OpenOrPartly)),
    ("公开和部分公开", Head::Outcome(Outcome::OpenOrPartly)),
    ("全部或部分公开", Head::Outcome(Outcome::OpenOrPartly)),
    ("全部公开和部分公开", Head::Outcome(Outcome::OpenOrPartly)),
    ("予以公开", Head::Outcome(Outcome::Open)),
    ("同意公开", Head::Outcome(Outcome::Open)),
    ("全部公开", Head::Outcome(Outcome::Open)),
    ("部分公开", Head::Outcome(Outcome::Partly)),
    ("不予公开", Head::Outcome(Outcome::Withheld)),
    ("无法提供", Head::Outcome(Outcome::Unavailable)),
    ("不予处理", Head::Outcome(Outcome::NotProcessed)),
    ("其他处理", Head::Outcome(Outcome::Other)),
    ("自然人", Head::Party(Party::Natural)),
    ("法人或其他组织", Head::Party(Party::Organisations)),
    ("法人和其他组织", Head::Party(Party::Organisations)),
    ("法人及其他组织", Head::Party(Party::Organisations)),
    ("法人", Head::Party(Party::Organisations)),
    (
        "商业企业",
        Head::Party(Party::Org("法人或其他组织/商业企业")),
    ),
    ("企业", Head::Party(Party::Org("法人或其他组织/商业企业"))),
    (
        "科研机构",
        Head::Party(Party::Org("法人或其他组织/科研机构")),
    ),
    (
        "社会公益组织",
        Head::Party(Party::Org("法人或其他组织/社会公益组织")),
    ),
    (
        "法律服务机构",
        Head::Party(Party::Org("法人或其他组织/法律服务机构")),
    ),
    ("行政复议", Head::Block(Block::Review)),
    ("复议", Head::Block(Block::Review)),
    ("复议申请", Head::Block(Block::Review)),
    ("行政复议申请", Head::Block(Block::Review)),
    ("申请行政复议", Head::Block(Block::Review)),
    ("行政诉讼", Head::Block(Block::Litigation)),
    ("诉讼", Head::Block(Block::Litigation)),
    ("行政应诉", Head::Block(Block::Litigation)),
    ("应诉", Head::Block(Block::Litigation)),
    ("提起行政诉讼", Head::Block(Block::Litigation)),
    ("未经复议直接起诉", Head::Block(Block::Direct)),
    ("直接起诉", Head::Block(Block::Direct)),
    ("复议后起诉", Head::Block(Block::AfterReview)),
    ("结果维持", Head::Result(Result4::Upheld)),
    ("维持", Head::Result(Result4::Upheld)),
    ("结果纠正", Head::Result(Result4::Corrected)),
    ("纠正", Head::Result(Result4::Corrected)),
    ("纠错", Head::Result(Result4::Corrected)),
    ("被纠错", Head::Result(Result4::Corrected)),
    ("其他结果", Head::Result(Result4::Other)),
    ("尚未审结", Head::Result(Result4::Pending)),
    ("未审结", Head::Result(Result4::Pending)),
    ("正在审理", Head::Result(Result4::Pending)),
    ("规章", Head::Documents(DocKind::Rules)),
    ("政府规章", Head::Documents(DocKind::Rules)),
    ("规范性文件", Head::Documents(DocKind::Normative)),
    ("行政规范性文件", Head::Documents(DocKind::Normative)),
    ("行政许可决定", Head::Decision(Decision::Licence)),
    ("许可决定", Head::Decision(Decision::Licence)),
    ("行政处罚决定", Head::Decision(Decision::Penalty)),
    ("处罚决定", Head::Decision(Decision::Penalty)),
    ("行政强制决定", Head::Decision(Decision::Enforcement)),
    ("强制决定", Head::Decision(Decision::Enforcement)),
    ("行政事业性收费", Head::Fees),
];

/// The nouns that set a sentence's subject: applications and the blocks of table 四.
pub(super) const NOUNS: &[(&str, Head)] = &[
    ("政府信息公开申请", Head::Applications),
    ("信息公开申请", Head::Applications),
    ("公开申请", Head::Applications),
    ("依申请公开", Head::Applications),
    ("依申请", Head::Applications),
    ("行政复议", Head::Block(Block::Review)),
    ("复议", Head::Block(Block::Review)),
    ("行政诉讼", Head::Block(Block::Litigation)),
    ("诉讼", Head::Block(Block::Litigation)),
];

/// Words allowed between a head and its figure, longest first.
pub(super) const FILLERS: &[&str] = &[
    "分别为",
    "合计为",
    "总数为",
    "共计",
    "合计",
    "总计",
    "总数",
    "数量",
    "件数",
    "累计",
    "共有",
    "达到",
    "金额",
    "案件",
    "事项",
    "共",
    "为",
    "达",
    "是",
    "有",
    "计",
    "案",
    "的",
    "数",
    "：",
    ":",
    "了",
];

/// Verbs that say which count of table 三 a noun is, searched before the figure.
pub(super) const MEASURES: &[(&str, Measure)] = &[
    ("收到", Measure::Received),
    ("受理", Measure::Received),
    ("新收", Measure::Received),
    ("接收", Measure::Received),
    ("接到", Measure::Received),
    ("提交", Measure::Received),
    ("办结", Measure::Handled),
    ("答复", Measure::Handled),
    ("回复", Measure::Handled),
    ("办理完毕", Measure::Handled),
    ("处理完毕", Measure::Handled),
    ("办理", Measure::Processed),
    ("上年结转", Measure::CarriedIn),
    ("上年度结转", Measure::CarriedIn),
    ("上一年度结转", Measure::CarriedIn),
];

/// Words that say which column of table 二's documents, searched before the figure.
pub(super) const DOC_MEASURES: &[(&str, DocMeasure)] = &[
    ("现行有效", DocMeasure::Valid),
    ("有效", DocMeasure::Valid),
    ("制发", DocMeasure::Made),
    ("制定", DocMeasure::Made),
    ("制作", DocMeasure::Made),
    ("新增", DocMeasure::Made),
    ("出台", DocMeasure::Made),
    ("印发", DocMeasure::Made),
    ("废止", DocMeasure::Repealed),
    ("失效", DocMeasure::Repealed),
    ("公开", DocMeasure::Published),
    ("公布", DocMeasure::Published),
    ("发布", DocMeasure::Published),
];

/// Actions that make a stock of documents a count of some work at some time.
pub(super) const ACTIONS: &[&str] = &[
    "集中发布",
    "集中公开",
    "集中公布",
    "清理",
    "梳理",
    "汇编",
    "上传",
    "录入",
    "发布",
    "公布",
    "公开",
];

/// Words that make a figure a change, a rate or an aim rather than a count of the year.
pub(super) const NOT_A_COUNT: &[&str] = &[
    "增加",
    "增长",
    "减少",
    "下降",
    "上升",
    "提高",
    "回落",
    "降低",
    "增幅",
    "降幅",
    "同比",
    "环比",
    "相比",
    "比上年",
    "较上年",
    "比去年",
    "较去年",
    "平均",
    "日均",
    "人均",
    "月均",
    "每月",
    "每周",
    "每年",
    "计划",
    "力争",
    "目标",
    "预计",
    "争取",
    "拟",
];

/// Words naming the channel an application came by: a count by channel is a part.
pub(super) const CHANNELS: &[&str] = &[
    "通过",
    "经由",
    "当面",
    "现场",
    "网上",
    "网络",
    "线上",
    "线下",
    "信函",
    "邮寄",
    "传真",
    "电子邮件",
    "邮件",
    "书面",
    "口头",
];

/// Words that make a count all of them, whatever the channel (`各类`, `共计`).
pub(super) const TOTALS: &[&str] = &["各类", "全部", "所有", "共", "合计", "总计", "总数"];

/// Words that speak of another year than the report's.
pub(super) const OTHER_YEAR: &[&str] = &["上年", "去年", "上一年", "前年", "往年", "同期"];

/// Words naming a part of the body (unless the body's own name holds them).
pub(super) const PARTS: &[&str] = &[
    "代表",
    "机关本级",
    "局机关",
    "局本级",
    "本级",
    "办公室",
    "办公厅",
    "政府办",
    "下属",
    "所属",
    "直属",
    "各部门",
    "各单位",
    "各乡镇",
    "各街道",
    "各镇",
    "区直",
    "县直",
    "市直",
];

/// Words naming a whole area (a department's report speaking of it).
pub(super) const AREAS: &[&str] = &[
    "全市", "全区", "全县", "全省", "全州", "全盟", "全旗", "各级",
];

/// Words naming a part of the year or several years.
pub(super) const TIMES: &[&str] = &[
    "上半年",
    "下半年",
    "季度",
    "年初",
    "年中",
    "截至目前",
    "截止目前",
    "目前",
    "近年来",
    "近三年",
    "近两年",
    "近五年",
    "历年",
    "多年来",
    "累计",
];

/// Words that put a 累计 back into the year.
pub(super) const WHOLE_YEAR: &[&str] = &["全年", "本年", "今年", "年内", "年度", "当年"];

/// Denials, longest first.
pub(super) const DENIALS: &[&str] = &[
    "没有收到",
    "未收到",
    "未接到",
    "未受理",
    "未发生",
    "未出现",
    "未产生",
    "未有",
    "暂无",
    "尚无",
    "并无",
    "均无",
    "没有",
    "尚未",
    "均未",
    "暂未",
    "从未",
    "无",
    "未",
];

/// Denials that need a verb after them (`未制定`; `未规范性文件` is no sentence).
pub(super) const DENIALS_NEEDING_VERB: &[&str] = &["尚未", "均未", "暂未", "从未", "未"];

/// Words allowed between a denial and its noun, longest first.
pub(super) const DENIAL_GAPS: &[&str] = &[
    "政府信息公开",
    "信息公开",
    "引起的",
    "引发的",
    "收到",
    "接到",
    "受理",
    "发生",
    "出现",
    "产生",
    "制定",
    "制发",
    "出台",
    "印发",
    "发布",
    "废止",
    "新增",
    "办理",
    "涉及",
    "任何",
    "各类",
    "相关",
    "有关",
    "新的",
    "提起",
    "提出",
    "因",
    "由",
    "新",
    "的",
    "被",
];

/// Verbs among the gaps (a denial that needs a verb needs one of these).
pub(super) const DENIAL_VERBS: &[&str] = &[
    "收到", "接到", "受理", "发生", "出现", "产生", "制定", "制发", "出台", "印发", "发布", "废止",
    "新增", "办理", "涉及", "提起", "提出",
];

/// What may follow `申请` when it is not the application itself.
pub(super) const NOT_APPLICATION_AFTER: &[&str] = &["人", "费", "书", "表", "材料", "单", "方"];

/// Words after a figure that make it the count carried to next year.
pub(super) const NEXT_YEAR: &[&str] = &["下年度", "下一年度", "下年", "次年"];

/// Verbs that go with [`NEXT_YEAR`] for carrying over.
pub(super) const CARRY: &[&str] = &["结转", "顺延", "转入", "继续办理", "延期"];

/// Words after `占` that introduce a share of the figure before.
pub(super) const SHARE_LEADS: &[&str] = &["占比为", "占比", "比例为", "比重为", "占"];

/// The longest entry of `words` that `text` ends with.
pub(super) fn suffix<'w, T: Copy>(text: &str, words: &'w [(&'w str, T)]) -> Option<(&'w str, T)> {
    words
        .iter()
        .filter(|(w, _)| text.ends_with(w))
        .max_by_key(|(w, _)| w.len())
        .map(|(w, t)| (*w, *t))
}

/// Words to find in many texts, indexed once by their first character.
#[derive(Debug)]
pub(super) struct Finder<'w, T> {
    words: Vec<(&'w str, T)>,
    /// (first character, index into `words`), sorted.
    firsts: Vec<(char, usize)>,
}

impl<'w, T: Copy> Finder<'w, T> {
    pub(super) fn new(words: Vec<(&'w str, T)>) -> Finder<'w, T> {
        let mut firsts: Vec<(char, usize)> = words
            .iter()
            .enumerate()
            .filter_map(|(k, (w, _))| w.chars().next().map(|c| (c, k)))
            .collect();
        firsts.sort_unstable();
        Finder { words, firsts }
    }

    /// Every occurrence of the words in `text`, by byte offset, in order: one pass
    /// over the characters, a word compared only where its first character is.
    pub(super) fn occurrences(&self, text: &str) -> Vec<(usize, &'w str, T)> {
        let mut out = Vec::new();
        for (i, c) in text.char_indices() {
            let from = self.firsts.partition_point(|(f, _)| *f < c);
            for &(_, k) in self.firsts[from..].iter().take_while(|(f, _)| *f == c) {
                let (w, t) = self.words[k];
                if text[i..].starts_with(w) {
                    out.push((i, w, t));
                }
            }
        }
        out
    }
}

/// Whether `c` is the first character of `word`.
// `str::starts_with(char)` goes through a pattern searcher and a byte comparison
// call; decoding one character is what this hot loop can afford.
#[allow(clippy::chars_next_cmp)]
fn starts(word: &str, c: char) -> bool {
    word.chars().next() == Some(c)
}

/// The entry of `words` whose last occurrence in `text` ends last (the longest on
/// a tie): the one nearest the end.
pub(super) fn last<'w, T: Copy>(text: &str, words: &[(&'w str, T)]) -> Option<(usize, &'w str, T)> {
    text.char_indices()
        .flat_map(|(i, c)| {
            words
                .iter()
                .filter(move |(w, _)| starts(w, c) && text[i..].starts_with(w))
                .map(move |(w, t)| (i, *w, *t))
        })
        .max_by_key(|(at, w, _)| (at + w.len(), w.len()))
}

/// The word of `words` that `text` holds first (the longest where two start
/// together).
pub(super) fn any<'w>(text: &str, words: &[&'w str]) -> Option<&'w str> {
    text.char_indices().find_map(|(i, c)| {
        words
            .iter()
            .filter(|w| starts(w, c) && text[i..].starts_with(**w))
            .max_by_key(|w| w.len())
            .copied()
    })
}

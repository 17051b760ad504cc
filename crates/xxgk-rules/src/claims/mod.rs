//! What the narrative states that a table also holds: each statement of a quantity
//! (`全年共受理政府信息公开申请75件`, `予以公开及部分公开36件，占90%`,
//! `本局暂未制定规范性文件`), with its place (passage pointer and character
//! range), the table quantity it is about ([`Target`]), and what in the sentence
//! says its scope may not be the table's ([`Scope`]).
//!
//! The reading is deliberately narrow: a figure becomes a claim only when the words
//! right before it name a quantity of the tables (`申请`, `予以公开`, `行政复议`,
//! `规范性文件` …, with at most a few filler words such as `共计` between), so a
//! figure about anything else (`网络问政120件`, `政策性文件9件`, `规范性文件类信息40条`)
//! is never compared with a table. [`readings`] gives every legitimate reading of a
//! target in the report's tables; a claim that matches one of them is consistent.
//!
//! Modules: [`number`] reads figures (Arabic, full-width and Chinese numerals, 万 and
//! 亿, approximations, percentages); `lexicon` holds the words; `extract` walks the
//! sentences, `denial` reads denials and `scope` what says a scope may differ;
//! [`readings`] and [`compare`] hold the tables' side.

pub(crate) mod compare;
mod denial;
mod extract;
mod lexicon;
pub(crate) mod number;
mod place;
pub(crate) mod readings;
mod scope;
#[cfg(test)]
mod tests;

use rust_decimal::Decimal;
use xxgk_model::{Pointer, SectionId};

pub(crate) use extract::claims;
use number::Figure;

/// Which count of table 三 a statement is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Measure {
    /// 收到, 受理, 新收: 一 (or 一 + 二).
    Received,
    /// 办结, 答复: （七）总计 (or （七）总计 − 二).
    Handled,
    /// 办理: received or handled.
    Processed,
    /// A noun without a verb (`政府信息公开申请75件`): received or handled.
    Unspecified,
    /// 上年结转: 二.
    CarriedIn,
    /// 结转下年度: 四.
    CarriedOut,
    /// One outcome of 三.
    Outcome(Outcome),
}

/// An outcome of table 三's row 三.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// （一）予以公开.
    Open,
    /// （二）部分公开.
    Partly,
    /// （一） + （二）.
    OpenOrPartly,
    /// （三）不予公开.
    Withheld,
    /// （四）无法提供.
    Unavailable,
    /// （五）不予处理.
    NotProcessed,
    /// （六）其他处理.
    Other,
}

/// An applicant column of table 三.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Party {
    /// 总计.
    Total,
    /// 自然人.
    Natural,
    /// 法人或其他组织 (the five columns together).
    Organisations,
    /// One column under 法人或其他组织 (its full label).
    Org(&'static str),
}

impl Party {
    /// The column of table 三 (`总计`, `自然人`, `法人或其他组织`, or one under it).
    pub(crate) fn column(self) -> &'static str {
        match self {
            Party::Total => xxgk_model::schema::applications::TOTAL_COLUMN,
            Party::Natural => xxgk_model::schema::applications::NATURAL_PERSON,
            Party::Organisations => xxgk_model::schema::applications::ORGANISATIONS,
            Party::Org(c) => c,
        }
    }
}

/// A block of table 四.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Block {
    /// 行政复议.
    Review,
    /// 行政诉讼: both rows.
    Litigation,
    /// 行政诉讼/未经复议直接起诉.
    Direct,
    /// 行政诉讼/复议后起诉.
    AfterReview,
}

/// A column of table 四.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Result4 {
    /// 总计.
    Total,
    /// 结果维持.
    Upheld,
    /// 结果纠正.
    Corrected,
    /// 其他结果.
    Other,
    /// 尚未审结.
    Pending,
}

/// A row of table 二's documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DocKind {
    /// 规章.
    Rules,
    /// (行政)规范性文件.
    Normative,
}

/// Which column of table 二's documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DocMeasure {
    /// 制发, 制定, 出台.
    Made,
    /// 废止.
    Repealed,
    /// 现行有效.
    Valid,
    /// 公开, 发布: made this year or in force.
    Published,
    /// No verb: any column.
    Any,
}

/// A row of table 二's decisions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Decision {
    /// 行政许可.
    Licence,
    /// 行政处罚.
    Penalty,
    /// 行政强制.
    Enforcement,
}

/// The table quantity a statement is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target {
    /// Table 三.
    Applications {
        /// Which count.
        measure: Measure,
        /// Which column.
        party: Party,
    },
    /// Table 四.
    Reviews {
        /// Which block.
        block: Block,
        /// Which column.
        result: Result4,
    },
    /// Table 二, 规章 and 规范性文件.
    Documents {
        /// Which row.
        kind: DocKind,
        /// Which column.
        measure: DocMeasure,
    },
    /// Table 二, 处理决定数量.
    Decisions(Decision),
    /// Table 二, 行政事业性收费 本年收费金额.
    Fees,
}

impl Target {
    /// Whether this is the count of applications received (N001's subject).
    pub(crate) fn is_received(&self) -> bool {
        matches!(
            self,
            Target::Applications {
                measure: Measure::Received,
                party: Party::Total
            }
        )
    }
}

/// Why a statement's scope may not be the table's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Scope {
    /// A part of the body speaks (`县政府办代表县政府`, `局机关`, `各乡镇`).
    Part(String),
    /// A department's report speaking of a whole area (`全市`).
    Area(String),
    /// A part of the year, or several years (`上半年`, `截至目前`, `累计`).
    Time(String),
    /// Another unit than the table's 件 (`人次`).
    Unit(String),
    /// 行政复议/行政诉讼 without saying they concern information disclosure.
    Category,
    /// A stock stated through an action at some time (`集中公布现行有效…`).
    Action(String),
}

impl Scope {
    /// Why, in Chinese, for messages.
    pub(crate) fn reason(&self) -> String {
        match self {
            Scope::Part(w) => format!("句中“{w}”表明说的可能是本机关的一部分"),
            Scope::Area(w) => format!("句中“{w}”表明说的可能是整个地区，而不只是本部门"),
            Scope::Time(w) => format!("句中“{w}”表明说的可能不是整个报告年度"),
            Scope::Unit(w) => format!("正文以“{w}”计，表格以“件”计"),
            Scope::Category => {
                "句中未说明是政府信息公开引起的，可能是全部行政复议或诉讼案件".to_owned()
            }
            Scope::Action(w) => format!("句中“{w}”说的可能是某一时点或某项工作的数量"),
        }
    }
}

/// What a statement says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Stated {
    /// A figure, with its text as written.
    Figure(Figure, String),
    /// None at all, with the words that say so (`暂无制定`).
    Nothing(String),
}

impl Stated {
    /// The statement for messages: `64件`, `0`.
    pub(crate) fn shown(&self) -> String {
        match self {
            Stated::Figure(_, text) => text.trim().to_owned(),
            Stated::Nothing(_) => "0".to_owned(),
        }
    }
}

/// A percentage stated after a figure (`占12.25%`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Share {
    /// The percentage.
    pub(crate) value: Decimal,
    /// The step it is written to (0.01 for `12.25%`).
    pub(crate) step: Decimal,
    /// As written.
    pub(crate) text: String,
    /// Character range in the passage.
    pub(crate) span: (usize, usize),
}

/// One statement of the narrative about a table quantity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Claim {
    /// The section it is in.
    pub(crate) section: SectionId,
    /// The passage's JSON Pointer.
    pub(crate) pointer: Pointer,
    /// Character range of the statement in the passage (start, end), from 0.
    pub(crate) span: (usize, usize),
    /// The words quoted in messages (the clause around the statement).
    pub(crate) quote: String,
    /// What it says.
    pub(crate) stated: Stated,
    /// What it is about.
    pub(crate) target: Target,
    /// Why its scope may differ from the table's, if the sentence says so.
    pub(crate) scope: Option<Scope>,
    /// A percentage stated right after it.
    pub(crate) share: Option<Share>,
    /// Figures of the same sentence a percentage may be taken of (`办结75件`).
    pub(crate) bases: Vec<Decimal>,
}

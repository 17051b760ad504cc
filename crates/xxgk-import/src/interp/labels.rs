//! Matching published row labels to the official rows of a table, by label and
//! never by position: exact (ignoring layout), known variants, truncated labels,
//! and — conservatively — misspelt labels within the same group.

use xxgk_model::schema::{TableSpec, leaf_label, parent_label};

use crate::NoteCode;
use crate::normalize::{bare_key, char_len, fold_width, leading_number, similarity, strip_spaces};

/// Word variants that name an official label in the other format version
/// (published, official), compared as bare keys.
const VARIANTS: &[(&str, &str)] = &[
    ("规范性文件", "行政规范性文件"),
    ("行政规范性文件", "规范性文件"),
    ("政府集中采购项目", "政府集中采购"),
    ("行政事业性收费项目", "行政事业性收费"),
    ("合计", "总计"),
];

/// How far a published label is from the official one it was matched to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Tolerance {
    /// Same words, other separators or numbering (`1、` for `1.`).
    Variant,
    /// A known other wording (`规范性文件` for `行政规范性文件`) or a shortened label.
    Wording,
    /// A misspelling, matched by similarity within its group.
    Typo,
}

impl Tolerance {
    /// The note code for this tolerance.
    pub(crate) fn code(&self) -> NoteCode {
        match self {
            Tolerance::Variant => NoteCode::LabelVariant,
            Tolerance::Wording => NoteCode::LabelWording,
            Tolerance::Typo => NoteCode::LabelTypo,
        }
    }
}

/// What a published label names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Hit {
    /// An official data row, by its label path.
    Row(&'static str, Option<Tolerance>),
    /// A group label (`（三）不予公开`, `第二十条第（一）项`), by its path.
    Group(String, Option<Tolerance>),
    /// Nothing official.
    None,
}

struct Entry {
    path: String,
    leaf: &'static str,
    bare: String,
    number: Option<String>,
    group: String,
}

/// The official rows and groups of one table of one version.
pub(crate) struct Index {
    rows: Vec<(Entry, &'static str)>,
    groups: Vec<Entry>,
}

fn entry(path: &str, leaf: &'static str) -> Entry {
    Entry {
        path: path.to_owned(),
        leaf,
        bare: bare_key(leaf),
        number: leading_number(leaf),
        group: parent_label(path).unwrap_or("").to_owned(),
    }
}

impl Index {
    /// The index of a table spec.
    pub(crate) fn new(spec: &'static TableSpec) -> Index {
        let rows: Vec<(Entry, &'static str)> = spec
            .rows
            .iter()
            .map(|r| (entry(r.label, leaf_label(r.label)), r.label))
            .collect();
        let mut groups: Vec<Entry> = Vec::new();
        for r in spec.rows {
            let mut p = parent_label(r.label);
            while let Some(path) = p {
                if !groups.iter().any(|g| g.path == path) && !rows.iter().any(|(_, l)| *l == path) {
                    groups.push(entry(path, leaf_label(path)));
                }
                p = parent_label(path);
            }
        }
        Index { rows, groups }
    }

    /// The official path of a group by its label (`（三）不予公开`), if any.
    pub(crate) fn group_by_label(&self, label: &str) -> Option<&str> {
        let bare = bare_key(label);
        self.groups
            .iter()
            .find(|g| g.bare == bare)
            .map(|g| g.path.as_str())
    }

    /// Whether a label is a piece of a group's label (`无法提` of `（四）无法提供`),
    /// as a PDF prints a group label centred beside its rows, broken over lines.
    pub(crate) fn in_group_label(&self, label: &str) -> bool {
        let bare = bare_key(label);
        !bare.is_empty() && self.groups.iter().any(|g| g.bare.contains(&bare))
    }

    /// Matches a published label; `hint` is the group path the row sits in, if known.
    pub(crate) fn lookup(&self, label: &str, hint: Option<&str>) -> Hit {
        let bare = bare_key(label);
        if bare.is_empty() {
            return Hit::None;
        }
        let number = leading_number(label);
        let in_hint = |e: &Entry| hint.is_none_or(|h| e.group == h || e.group.starts_with(h));
        let conflicts = |e: &Entry| {
            let number_differs = matches!((&number, &e.number), (Some(a), Some(b)) if a != b);
            number_differs && !in_hint(e)
        };

        // Exact words.
        let mut exact: Vec<&(Entry, &'static str)> =
            self.rows.iter().filter(|(e, _)| e.bare == bare).collect();
        if exact.len() > 1 {
            let narrowed: Vec<_> = exact.iter().copied().filter(|(e, _)| in_hint(e)).collect();
            if !narrowed.is_empty() {
                exact = narrowed;
            }
        }
        if exact.len() > 1 && number.is_some() {
            exact.retain(|(e, _)| e.number == number);
        }
        if let [(e, path)] = exact.as_slice()
            && !conflicts(e)
        {
            return Hit::Row(path, variant(label, e.leaf));
        }
        if let Some(g) = self.groups.iter().find(|g| g.bare == bare) {
            return Hit::Group(g.path.clone(), variant(label, g.leaf));
        }

        // Known other wordings.
        for (from, to) in VARIANTS {
            if bare == *from
                && let Some((e, path)) = self.rows.iter().find(|(e, _)| e.bare == *to && in_hint(e))
                && !self.rows.iter().any(|(e, _)| e.bare == *from)
                && !conflicts(e)
            {
                return Hit::Row(path, Some(Tolerance::Wording));
            }
        }

        // A shortened label (`（二）部分公开`) or one with its group in front.
        let len = char_len(&bare);
        let partial: Vec<&(Entry, &'static str)> = self
            .rows
            .iter()
            .filter(|(e, _)| {
                (len >= 4 && e.bare.starts_with(&bare))
                    || (char_len(&e.bare) >= 4 && bare.ends_with(&e.bare))
            })
            .filter(|(e, _)| in_hint(e) && !conflicts(e))
            .collect();
        if let [(_, path)] = partial.as_slice() {
            return Hit::Row(path, Some(Tolerance::Wording));
        }

        // A misspelling: similar words, same number, same group (only for text of
        // a label's length: a paragraph in a label cell is not a typo).
        if len > 64 {
            return Hit::None;
        }
        let mut scored: Vec<(f64, &(Entry, &'static str))> = self
            .rows
            .iter()
            .filter(|(e, _)| {
                in_hint(e) && !matches!((&number, &e.number), (Some(a), Some(b)) if a != b)
            })
            .map(|r| (similarity(&bare, &r.0.bare), r))
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        if let Some((best, (_, path))) = scored.first()
            && *best >= 0.75
            && scored.get(1).is_none_or(|(s, _)| *s < best - 0.05)
        {
            return Hit::Row(path, Some(Tolerance::Typo));
        }
        Hit::None
    }
}

/// `Variant` when the published label differs from the official one in more
/// than spaces and character width.
fn variant(published: &str, official: &str) -> Option<Tolerance> {
    let fold = |s: &str| strip_spaces(s).chars().map(fold_width).collect::<String>();
    (fold(published) != fold(official)).then_some(Tolerance::Variant)
}

#[cfg(test)]
mod tests {
    use xxgk_model::FormatVersion;
    use xxgk_model::schema::TableId;

    use super::*;

    fn index(v: FormatVersion, t: TableId) -> Index {
        Index::new(v.spec().table(t))
    }

    #[test]
    fn applications_rows_match_by_words() {
        let ix = index(FormatVersion::V2021, TableId::Applications);
        assert_eq!(
            ix.lookup("1. 属于国家秘密", None),
            Hit::Row("三、本年度办理结果/（三）不予公开/1.属于国家秘密", None)
        );
        assert_eq!(
            ix.lookup("3、其他", None),
            Hit::Row(
                "三、本年度办理结果/（六）其他处理/3.其他",
                Some(Tolerance::Variant)
            )
        );
        assert_eq!(
            ix.lookup("2.其他法律行政止公开", None),
            Hit::Row(
                "三、本年度办理结果/（三）不予公开/2.其他法律行政法规禁止公开",
                Some(Tolerance::Typo)
            )
        );
        assert_eq!(
            ix.lookup("(三) 不予公开", None),
            Hit::Group("三、本年度办理结果/（三）不予公开".into(), None)
        );
        assert!(matches!(
            ix.lookup("（二）部分公开", None),
            Hit::Row(_, Some(Tolerance::Wording))
        ));
        assert_eq!(ix.lookup("9.属于其他情形", None), Hit::None);
        assert_eq!(
            ix.lookup("6.其他", Some("三、本年度办理结果/（五）不予处理")),
            Hit::None
        );
    }

    #[test]
    fn the_2019_single_other_row_is_a_row_and_a_2021_group() {
        let ix = index(FormatVersion::V2019, TableId::Applications);
        assert!(matches!(ix.lookup("（六）其他处理", None), Hit::Row(..)));
        let ix = index(FormatVersion::V2021, TableId::Applications);
        assert!(matches!(ix.lookup("（六）其他处理", None), Hit::Group(..)));
    }

    #[test]
    fn proactive_wordings_of_the_other_version() {
        let ix = index(FormatVersion::V2021, TableId::Proactive);
        assert_eq!(
            ix.lookup("规范性文件", Some("第二十条第（一）项")),
            Hit::Row(
                "第二十条第（一）项/行政规范性文件",
                Some(Tolerance::Wording)
            )
        );
        assert_eq!(
            ix.lookup("其他主动公开文件", Some("第二十条第（一）项")),
            Hit::None
        );
        let ix = index(FormatVersion::V2019, TableId::Proactive);
        assert_eq!(
            ix.lookup("规范性文件", None),
            Hit::Row("第二十条第（一）项/规范性文件", None)
        );
        assert_eq!(
            ix.group_by_label("第二十条 第（九）项"),
            Some("第二十条第（九）项")
        );
    }
}

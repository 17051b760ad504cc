//! What `xxgk sum` says: what was summed, what was not and why, the cells left
//! blank, the units of money, the rows and columns summed apart; and the comment
//! block on top of the TOML it writes.

use std::collections::HashMap;
use std::fmt::Write as _;

use xxgk_model::schema::TableId;
use xxgk_model::sum::{Apart, ApartKind, Gap, LeftOut, Summed, UnitChoice};
use xxgk_model::{BodyKind, FormatVersion, Meta};

/// Reports named in one line at most; the rest are counted.
const NAMED: usize = 5;

/// The files that gave no report, and what the reports read could not give.
#[derive(Debug, Default)]
pub(super) struct Unread {
    /// Files that could not be read, each as its error says it.
    pub(super) files: Vec<String>,
    /// Paths passed over, with the reason.
    pub(super) skipped: Vec<String>,
    /// Reports with tables not read in full, by name.
    pub(super) tables: HashMap<String, Vec<TableId>>,
}

impl Unread {
    /// Whether every file given was read.
    pub(super) fn all_read(&self) -> bool {
        self.files.is_empty()
    }

    /// Whether a report's table was not read in full.
    fn was_unread(&self, name: &str, table: TableId) -> bool {
        self.tables.get(name).is_some_and(|t| t.contains(&table))
    }

    /// The files not read and the paths passed over.
    pub(super) fn text(&self) -> String {
        let mut out = String::new();
        if !self.files.is_empty() {
            let _ = writeln!(out, "无法读取 {} 个文件，未汇总：", self.files.len());
            for f in &self.files {
                let _ = writeln!(out, "  {f}");
            }
        }
        if !self.skipped.is_empty() {
            let _ = writeln!(out, "跳过 {} 项：", self.skipped.len());
            for s in &self.skipped {
                let _ = writeln!(out, "  {s}");
            }
        }
        out
    }
}

/// The reports left out and why.
pub(super) fn left_out(left: &[LeftOut]) -> String {
    let mut out = String::new();
    if left.is_empty() {
        return out;
    }
    let _ = writeln!(out, "未汇总 {} 份报告：", left.len());
    for l in left {
        let _ = writeln!(
            out,
            "  {}（{}）：{}",
            l.name,
            report_name(&l.agency, l.year),
            l.reason
        );
    }
    out
}

/// A report's agency and year as messages name a report.
fn report_name(agency: &str, year: i32) -> String {
    let meta = Meta::new(agency, year, BodyKind::Other, FormatVersion::for_year(year));
    xxgk::text::report_name(&meta)
}

/// Names of reports by index, the first few, then how many more.
fn names(summed: &Summed, indices: impl ExactSizeIterator<Item = usize>) -> String {
    let total = indices.len();
    let shown: Vec<&str> = indices
        .take(NAMED)
        .filter_map(|i| summed.reports.get(i).map(|r| r.name.as_str()))
        .collect();
    if total > shown.len() {
        format!("{} 等 {total} 份", shown.join("、"))
    } else {
        shown.join("、")
    }
}

/// Everything the command says before the result is written.
pub(super) fn listing(summed: &Summed, unread: &Unread) -> String {
    let report = &summed.report;
    let version = report.meta.format;
    let mut out = format!(
        "汇总 {} 年度报告，{} 年格式（{}）。\n",
        report.meta.year,
        version,
        version.spec().document
    );
    let _ = writeln!(out, "已汇总 {} 份报告：", summed.reports.len());
    for r in &summed.reports {
        let agency = if r.agency.trim().is_empty() {
            "（发布机关不明）"
        } else {
            r.agency.as_str()
        };
        let _ = write!(out, "  {}：{agency}（{}）", r.name, r.kind.label());
        if let Some(tables) = unread.tables.get(&r.name) {
            let t: Vec<String> = tables
                .iter()
                .map(|t| format!("表{}", t.numeral()))
                .collect();
            let _ = write!(out, "；{}未能完整读出", t.join("、"));
        }
        out.push('\n');
    }
    out.push_str(&left_out(&summed.left_out));
    out.push_str(&unread.text());
    let cells = xxgk_model::official_keys(version).len();
    let _ = writeln!(
        out,
        "表格：{cells} 个单元格中 {} 个为各报告之和，{} 个留空。",
        cells - summed.unsummed.len(),
        summed.unsummed.len()
    );
    if !summed.unsummed.is_empty() {
        out.push_str("留空的单元格（有报告没有可以相加的数，汇总不作 0 计）：\n");
        for u in &summed.unsummed {
            let mut gaps: Vec<String> = u
                .gaps
                .iter()
                .take(NAMED)
                .map(|(i, gap)| {
                    let name = summed.reports.get(*i).map_or("", |r| r.name.as_str());
                    if *gap == Gap::NotPrinted && unread.was_unread(name, u.key.table) {
                        // Printed, but not read: say so, not that it is missing.
                        format!("{name} 未能读出")
                    } else {
                        format!("{name} {gap}")
                    }
                })
                .collect();
            if u.gaps.len() > NAMED {
                gaps.push(format!("等 {} 份", u.gaps.len()));
            }
            let _ = writeln!(out, "  {}：{}", u.key, gaps.join("；"));
        }
    }
    units(summed, &mut out);
    apart(summed, &mut out);
    out
}

/// The unit each amount was summed in, and the amounts converted.
fn units(summed: &Summed, out: &mut String) {
    for (key, choice) in &summed.units {
        let why = match choice {
            UnitChoice::Label(_) => "列标题所注单位".to_owned(),
            UnitChoice::Majority { yuan, wan, .. } => {
                format!(
                    "列标题未注单位，按多数报告所用单位；以元填写 {yuan} 份，以万元填写 {wan} 份"
                )
            }
            _ => String::new(),
        };
        let _ = writeln!(out, "金额：{key}按{}相加（{why}）。", choice.unit());
        for c in summed.conversions.iter().filter(|c| c.key == *key) {
            let name = summed.reports.get(c.report).map_or("", |r| r.name.as_str());
            let _ = writeln!(out, "  {name} 的“{}”折合 {}{}", c.from, c.to, c.unit);
        }
    }
}

/// The rows and columns outside the official layout, by row.
fn apart(summed: &Summed, out: &mut String) {
    if summed.apart.is_empty() {
        return;
    }
    out.push_str("统一格式之外的行、列，未计入汇总表（需要时按下列合计自行添加）：\n");
    // By row, in the order first printed; found through an index, not a scan.
    let mut rows: Vec<(TableId, &str, ApartKind, Vec<&Apart>)> = Vec::new();
    let mut index: HashMap<(TableId, &str, ApartKind), usize> = HashMap::new();
    for a in &summed.apart {
        let at = *index
            .entry((a.key.table, a.key.row.as_str(), a.kind))
            .or_insert_with(|| {
                rows.push((a.key.table, a.key.row.as_str(), a.kind, Vec::new()));
                rows.len() - 1
            });
        if let Some(row) = rows.get_mut(at) {
            row.3.push(a);
        }
    }
    for (table, row, kind, cells) in rows {
        let mut reports: Vec<usize> = cells
            .iter()
            .flat_map(|a| a.reports.iter().copied())
            .collect();
        reports.sort_unstable();
        reports.dedup();
        let totals: Vec<String> = cells
            .iter()
            .map(|a| {
                let total = a
                    .total
                    .map_or_else(|| "不能相加".to_owned(), |n| n.to_string());
                format!("“{}” {total}", a.key.column)
            })
            .collect();
        let _ = writeln!(
            out,
            "  表{}“{row}”行，{}（{} 印出）：{}",
            table.numeral(),
            kind.label(),
            names(summed, reports.into_iter()),
            totals.join("；")
        );
    }
}

/// The last line, once the file is written.
pub(super) fn done(summed: &Summed, path: &str) -> String {
    let meta = &summed.report.meta;
    format!(
        "已写入 {path}：{}（{}）{} 年度，{} 份报告的合计。正文第一、五、六部分留空，请写入本级报告的文字。",
        meta.agency,
        meta.kind.label(),
        meta.year,
        summed.reports.len()
    )
}

/// The comment block on top of the TOML written: what was summed, so that the
/// file says where its figures come from (comments: the file loads unchanged).
pub(super) fn toml_header(summed: &Summed, unread: &Unread) -> String {
    let meta = &summed.report.meta;
    let mut out = format!(
        "# 由 xxgk sum 汇总：{} 年度 {} 份报告的表格逐项相加。\n",
        meta.year,
        summed.reports.len()
    );
    for r in &summed.reports {
        let _ = writeln!(out, "#   {}：{}", one_line(&r.name), one_line(&r.agency));
    }
    let not_read = summed.left_out.len() + unread.files.len();
    if not_read > 0 {
        let _ = writeln!(
            out,
            "# 未汇总 {not_read} 个文件（原因见运行 xxgk sum 时的输出）。"
        );
    }
    if !summed.unsummed.is_empty() {
        let _ = writeln!(
            out,
            "# 留空的单元格 {} 个：有报告没有可以相加的数，汇总不作 0 计。",
            summed.unsummed.len()
        );
    }
    out.push_str(
        "# 正文第一、五、六部分留空：请写入本级报告的文字（xxgk 不代写正文）。\n\
         # 填写后运行 xxgk check 本文件，用 xxgk render 排版。\n\n",
    );
    out
}

/// A name made safe for one comment line: a line break would end the comment.
fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

//! The long-format CSV of `docs/cells.md`: one line per cell,
//! `table,row,column,value,unit`, official keys first in key-list order, then the
//! cells a report adds, in printed order.
//!
//! Only text is produced and read here; writing files is the CLI's business.
//!
//! Spreadsheets (Excel, WPS, `LibreOffice` Calc) evaluate a field that starts with
//! `=`, `+`, `-` or `@` (or a tab or carriage return before one) as a formula, so
//! a label such as `=HYPERLINK(…)` copied from a report would run when the CSV is
//! opened. Every field of the CSV that starts so is written with a leading `'`
//! ([`neutralise`]), as spreadsheet guidance advises; a number (`-3`, a negative
//! 本年增/减) stays a number, and a field of one character (a `-` placeholder) is
//! no formula and stays as it is. A field that starts with `'` gets one more, so
//! [`parse_long_csv`] gives back exactly what was written ([`restore`]).

use crate::schema::ValueKind;
use crate::{Cell, CellKey, CellText, FormatVersion, ModelError, MoneyUnit, Report, official_keys};

/// One line of the long-format CSV.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LongRecord {
    /// The cell's key.
    pub key: CellKey,
    /// The number as published, normalised (ASCII digits, no separators, `-` for a
    /// negative change); empty for a blank or absent cell; the placeholder text for a
    /// placeholder.
    pub value: String,
    /// For money: `万元` or `元`, from the cell or else from the column label; else empty.
    pub unit: String,
}

/// The header line of one report's CSV.
pub const HEADER: &str = "table,row,column,value,unit";
/// The header line of a CSV of several reports.
pub const HEADER_WITH_SOURCE: &str = "source,table,row,column,value,unit";

fn record(report: &Report, key: &CellKey) -> LongRecord {
    let cell = report.cell(key);
    let label_unit = label_unit(key, report.meta.format);
    let (value, unit) = match cell {
        None | Some(Cell::Blank) => (String::new(), None),
        Some(Cell::Placeholder(p)) => (p.clone(), None),
        Some(Cell::Number(n)) => (n.value.to_string(), n.unit.or(label_unit)),
    };
    // Blank and placeholder cells carry no unit.
    let unit = unit.map(|u| u.as_str().to_owned()).unwrap_or_default();
    LongRecord {
        key: key.clone(),
        value,
        unit,
    }
}

/// The records of one report: every official key of its format version (absent
/// cells with an empty value), then every added cell in printed order.
pub fn long_records(report: &Report) -> Vec<LongRecord> {
    let official = official_keys(report.meta.format);
    let mut out: Vec<LongRecord> = official.iter().map(|k| record(report, k)).collect();
    out.extend(report.extra_cells().map(|(k, _)| record(report, &k)));
    out
}

/// Quotes a CSV field when it needs it (RFC 4180).
pub fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

/// The characters that make a spreadsheet read a field as a formula.
const FORMULA_TRIGGERS: &[char] = &['=', '+', '-', '@', '\t', '\r'];

/// A plain decimal number (`-3`, `12.5`, `+1`): left as it is.
fn is_number(s: &str) -> bool {
    let digits = s.strip_prefix(['-', '+']).unwrap_or(s);
    let (int, frac) = digits.split_once('.').unwrap_or((digits, "0"));
    !int.is_empty()
        && !frac.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac.bytes().all(|b| b.is_ascii_digit())
}

/// A CSV field made safe to open in a spreadsheet: a field that a spreadsheet
/// would take for a formula gets a leading `'` (numbers and one-character fields
/// excepted), and so does a field that already starts with `'`.
///
/// ```
/// use xxgk_model::long::{neutralise, restore};
///
/// assert_eq!(neutralise("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
/// assert_eq!(neutralise("@SUM(1)"), "'@SUM(1)");
/// assert_eq!(neutralise("-3"), "-3");
/// assert_eq!(neutralise("-"), "-");
/// assert_eq!(neutralise("规章"), "规章");
/// assert_eq!(restore(&neutralise("'=1")), "'=1");
/// ```
pub fn neutralise(s: &str) -> std::borrow::Cow<'_, str> {
    let risky = s.starts_with(FORMULA_TRIGGERS) && s.chars().nth(1).is_some() && !is_number(s);
    if risky || s.starts_with('\'') {
        format!("'{s}").into()
    } else {
        s.into()
    }
}

/// A field as [`neutralise`] found it: one leading `'` is dropped when what
/// follows it would have been neutralised.
pub fn restore(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(rest) if neutralise(rest).len() > rest.len() => rest,
        _ => s,
    }
}

fn push_record(out: &mut String, source: Option<&str>, r: &LongRecord) {
    if let Some(source) = source {
        out.push_str(&csv_field(&neutralise(source)));
        out.push(',');
    }
    let fields = [
        r.key.table.numeral(),
        &r.key.row,
        &r.key.column,
        &r.value,
        &r.unit,
    ];
    let line: Vec<String> = fields.iter().map(|f| csv_field(&neutralise(f))).collect();
    out.push_str(&line.join(","));
    out.push('\n');
}

/// The CSV of one report, with its header line.
pub fn to_csv(report: &Report) -> String {
    let mut out = String::from(HEADER);
    out.push('\n');
    for r in long_records(report) {
        push_record(&mut out, None, &r);
    }
    out
}

/// The CSV of several reports, each line led by its `source` (e.g. the path given
/// on the command line).
pub fn to_csv_with_source<'a>(reports: impl IntoIterator<Item = (&'a str, &'a Report)>) -> String {
    let mut out = String::from(HEADER_WITH_SOURCE);
    out.push('\n');
    for (source, report) in reports {
        for r in long_records(report) {
            push_record(&mut out, Some(source), &r);
        }
    }
    out
}

/// Splits CSV text into records of fields (RFC 4180: quoted fields may hold commas,
/// quotes and line breaks). Errors name the line.
pub fn parse_csv(text: &str) -> Result<Vec<Vec<String>>, ModelError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    let mut line = 1;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                '\n' => {
                    line += 1;
                    field.push(c);
                }
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.is_empty() => quoted = true,
            ',' => row.push(std::mem::take(&mut field)),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
                line += 1;
            }
            _ => field.push(c),
        }
    }
    if quoted {
        return Err(ModelError::InvalidCsv {
            line,
            reason: "引号未闭合".to_owned(),
        });
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    Ok(rows)
}

/// Reads the CSV of one report (header `table,row,column,value,unit`).
pub fn parse_long_csv(text: &str) -> Result<Vec<LongRecord>, ModelError> {
    let mut out = Vec::new();
    for (i, fields) in parse_csv(text)?.into_iter().enumerate() {
        let line = i + 1;
        if i == 0 && fields.join(",") == HEADER {
            continue;
        }
        let fields: Vec<String> = fields.iter().map(|f| restore(f).to_owned()).collect();
        let [table, row, column, value, unit] =
            <[String; 5]>::try_from(fields).map_err(|f| ModelError::InvalidCsv {
                line,
                reason: format!("应有 5 列，实有 {} 列", f.len()),
            })?;
        let key = CellKey::parse(&format!("{table},{row},{column}")).map_err(|e| {
            ModelError::InvalidCsv {
                line,
                reason: e.to_string(),
            }
        })?;
        out.push(LongRecord { key, value, unit });
    }
    Ok(out)
}

/// The unit a column label states, for an official amount column of a version.
fn label_unit(key: &CellKey, version: FormatVersion) -> Option<MoneyUnit> {
    match key.official(version)?.1.kind {
        ValueKind::Amount { unit } => unit,
        _ => None,
    }
}

impl LongRecord {
    /// The cell this record describes in a report of `version`: the value, with the
    /// unit kept in the cell only where the column label does not already state it
    /// (`7730.28` under `本年收费金额（单位：万元）` stays a bare number, while
    /// `34.5` with unit `万元` under `采购总金额` becomes `34.5万元`). An empty value
    /// reads as a blank cell.
    pub fn cell(&self, version: FormatVersion) -> Result<Cell, ModelError> {
        self.read(version).map(|r| r.cell)
    }

    /// The cell, as [`LongRecord::cell`], with the count unit split off a value
    /// such as `12件` (see [`Cell::read`]).
    pub fn read(&self, version: FormatVersion) -> Result<CellText, ModelError> {
        let in_label = label_unit(&self.key, version).is_some_and(|u| u.as_str() == self.unit);
        let text = if self.unit.is_empty() || in_label {
            self.value.clone()
        } else {
            format!("{}{}", self.value, self.unit)
        };
        Cell::read(&text)
    }
}

/// Sets the cells the records describe, creating tables and rows as needed (in
/// record order). Records with an empty value set blank cells: the CSV cannot tell
/// a blank cell from an absent one.
pub fn apply_records(report: &mut Report, records: &[LongRecord]) -> Result<(), ModelError> {
    let version = report.meta.format;
    for r in records {
        let cell = r.cell(version)?;
        report
            .table_entry(r.key.table)
            .set(r.key.row.clone(), r.key.column.clone(), cell);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::BodyKind;
    use crate::schema::TableId;

    #[test]
    fn csv_fields_round_trip_through_quoting() {
        let text = "a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"multi\nline\",x,\n";
        let rows = parse_csv(text).unwrap();
        assert_eq!(rows[0], ["a", "b,c", "say \"hi\""]);
        assert_eq!(rows[1], ["multi\nline", "x", ""]);
        assert_eq!(csv_field("b,c"), "\"b,c\"");
        assert!(parse_csv("\"open").is_err());
    }

    #[test]
    fn formulas_are_neutralised_and_read_back() {
        let mut r = Report::blank("某某局", 2023, BodyKind::Government).unwrap();
        let table = r.table_mut(TableId::Proactive).unwrap();
        for (i, label) in [
            "=HYPERLINK(\"http://x.invalid\",\"点\")",
            "@SUM(1)",
            "+1+1",
            "'=2",
            "\t=3",
        ]
        .into_iter()
        .enumerate()
        {
            table.set(
                format!("第二十条第（一）项/{label}"),
                "本年制发件数",
                Cell::int(1),
            );
            table.set(format!("=本地{i}"), "本年增/减", "-3".parse().unwrap());
        }
        let csv = to_csv(&r);
        for line in csv.lines() {
            for field in parse_csv(line).unwrap().concat() {
                let bare = field.trim_start_matches('\'');
                assert!(
                    field.starts_with('\'')
                        || !bare.starts_with(FORMULA_TRIGGERS)
                        || is_number(&field)
                        || field.len() == 1,
                    "{field}"
                );
            }
        }
        assert!(csv.contains(",本年增/减,-3,"), "{csv}");
        assert!(csv.contains("'=本地0"));
        let back = parse_long_csv(&csv).unwrap();
        let extra: Vec<&str> = back[200..].iter().map(|x| x.key.row.as_str()).collect();
        assert!(extra.contains(&"第二十条第（一）项/'=2"), "{extra:?}");
        assert!(extra.contains(&"=本地4"), "{extra:?}");
        assert!(back.iter().any(|x| x.value == "-3"));
    }

    #[test]
    fn units_come_from_the_cell_or_the_label() {
        let mut r = Report::blank("某某局", 2020, BodyKind::Department).unwrap();
        let buy = CellKey::new(
            TableId::Proactive,
            "第二十条第（九）项/政府集中采购",
            "采购总金额",
        );
        *r.cell_mut(&buy).unwrap() = "34.5 万元".parse().unwrap();
        let recs = long_records(&r);
        let rec = recs.iter().find(|x| x.key == buy).unwrap();
        assert_eq!((rec.value.as_str(), rec.unit.as_str()), ("34.5", "万元"));

        let mut r = Report::blank("某某局", 2024, BodyKind::Department).unwrap();
        let fee = CellKey::new(
            TableId::Proactive,
            "第二十条第（八）项/行政事业性收费",
            "本年收费金额（单位：万元）",
        );
        *r.cell_mut(&fee).unwrap() = "96171.6".parse().unwrap();
        let recs = long_records(&r);
        assert_eq!(recs.len(), 200);
        let rec = recs.iter().find(|x| x.key == fee).unwrap();
        assert_eq!((rec.value.as_str(), rec.unit.as_str()), ("96171.6", "万元"));
        assert_eq!(r.meta.format, FormatVersion::V2021);
        // Read back, the fee is a bare number again: its unit is the label's.
        assert_eq!(rec.cell(FormatVersion::V2021).unwrap().to_text(), "96171.6");
    }

    #[test]
    fn absent_tables_give_empty_values_and_extras_come_last() {
        let mut r = Report::blank("某某局", 2023, BodyKind::Government).unwrap();
        r.sections.reviews = None;
        r.table_mut(TableId::Applications).unwrap().set(
            "三、本年度办理结果/（六）其他处理",
            "总计",
            Cell::int(0),
        );
        let csv = to_csv(&r);
        let recs = parse_long_csv(&csv).unwrap();
        assert_eq!(recs.len(), 201);
        assert!(
            recs.iter()
                .filter(|x| x.key.table == TableId::Reviews)
                .all(|x| x.value.is_empty())
        );
        assert_eq!(recs[200].key.row, "三、本年度办理结果/（六）其他处理");
        assert_eq!(recs[200].value, "0");
    }
}

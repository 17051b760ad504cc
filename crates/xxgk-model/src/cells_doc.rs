//! `docs/cells.md`, generated from the official layout of [`crate::schema`] so that
//! the list of cells the documentation gives cannot drift from the one the code
//! uses.

use std::fmt::Write as _;

use crate::schema::{TableId, ValueKind};
use crate::{FormatVersion, MoneyUnit, official_keys};

/// The opening of the page: what a key is and the long-format CSV.
const INTRO: &str = "\
<!-- Generated from the official layout in crates/xxgk-model (xxgk_model::cells_markdown):
     do not edit by hand. Regenerate with
     XXGK_BLESS=1 cargo test -p xxgk-model --test docs_current -->

# Official cells and their keys

Each number of tables 二, 三 and 四 of an annual report has a key made of the official
labels: `table,row,column`. Exports, diagnostics and the model file name a cell by its
key, so a cell keeps its name whichever layout the report was published in.

- `table` is `二`, `三` or `四`.
- `row` is the official row label. A row that sits under a group label in the official
  table is written as a path, the parts joined by `/`:
  `三、本年度办理结果/（三）不予公开/1.属于国家秘密`. Labels are as the official tables
  print them: full-width parentheses `（）`, an ASCII digit and full stop in
  `1.属于国家秘密`, curly quotes in `“三安全一稳定”`.
- `column` is the official column label, as a path in the same way
  (`法人或其他组织/商业企业`). In table 二 of the 2019 format a label holds a slash of
  its own (`本年增/减`): a column is always compared as a whole.

In a model file (docs/model.md) a cell sits at `sections.<section>.table.\"<row>\".\"<column>\"`;
its JSON Pointer is `/sections/<section>/table/<row>/<column>` with `/` inside a label
written `~1`.

## The long-format CSV

`xxgk export --csv` writes one line per cell under the header
`table,row,column,value,unit`; with several reports a first column `source` holds the
file each line comes from. Written to a file, the CSV starts with a UTF-8 byte order
mark so that spreadsheet programs read the Chinese labels.

- The official cells come first, in the order of the lists below, then the rows and
  columns a report adds, with their labels as printed.
- `value` is the number as the report prints it, written with ASCII digits, without
  thousands separators, with a decimal point where the report has one and `-` before a
  decrease. It is empty for a blank cell, and for a cell the report does not print at
  all. A placeholder (`/`, `—`, `无`) is written as printed.
- `unit` is empty for counts. For an amount it is `万元` or `元`: the unit printed in
  the cell, else the unit the column label states.

`xxgk check`, `render`, `import` and `export` read such a CSV back as a report of one
agency and year (tables only); a CSV of several reports is refused.

";

/// What a column holds, in a word.
fn kind(kind: ValueKind) -> &'static str {
    match kind {
        ValueKind::Count => "count",
        ValueKind::SignedCount => "signed count",
        ValueKind::Amount {
            unit: Some(MoneyUnit::Wan),
        } => "amount, 万元",
        ValueKind::Amount {
            unit: Some(MoneyUnit::Yuan),
        } => "amount, 元",
        ValueKind::Amount { unit: None } => "amount, unit in the cell",
    }
}

/// The whole of `docs/cells.md`.
pub fn cells_markdown() -> String {
    let mut out = String::from(INTRO);
    for (version, years) in [
        (FormatVersion::V2021, "reports of 2021 and later"),
        (
            FormatVersion::V2019,
            "the trial format, for the 2019 and 2020 reports",
        ),
    ] {
        let spec = version.spec();
        let _ = writeln!(
            out,
            "## The {} format ({}): {} cells\n\nFor {years}.\n",
            version,
            spec.document,
            official_keys(version).len()
        );
        for id in TableId::ALL {
            let table = spec.table(id);
            let _ = writeln!(
                out,
                "### 表{} ({} cells)\n\n| # | row | column | value |\n|---:|---|---|---|",
                id.numeral(),
                table.cell_count()
            );
            let mut n = 0;
            for row in table.rows {
                for column in row.columns {
                    n += 1;
                    let _ = writeln!(
                        out,
                        "| {n} | `{}` | `{}` | {} |",
                        row.label,
                        column.label,
                        kind(column.kind)
                    );
                }
            }
            out.push('\n');
        }
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push('\n');
    out
}

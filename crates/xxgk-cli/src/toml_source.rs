//! A source map for a TOML model file: where each key and array element of the
//! serialised model is written, so that `xxgk check` can show the line of the file
//! a preparer edits under each diagnostic.

use toml::de::{DeTable, DeValue};
use xxgk_import::LineIndex;
use xxgk_model::{Pointer, SourceMap};

/// The positions of a model file's keys and array elements by JSON Pointer, or
/// `None` when the text is not TOML (reading the model reports that).
///
/// The top-level `/sections` is left out: a finding about a missing section would
/// otherwise fall back to the line of whichever section comes first.
pub(crate) fn source_map(text: &str) -> Option<SourceMap> {
    let root = DeTable::parse(text).ok()?;
    let lines = LineIndex::new(text);
    let mut map = SourceMap::new();
    table(root.get_ref(), &Pointer::root(), &lines, &mut map);
    Some(map)
}

fn table(t: &DeTable<'_>, pointer: &Pointer, lines: &LineIndex<&str>, map: &mut SourceMap) {
    for (key, value) in t {
        let child = pointer.child(key.get_ref());
        if child.depth() > 1 || key.get_ref() != "sections" {
            map.insert(child.clone(), lines.pos(key.span().start));
        }
        self::value(value.get_ref(), &child, lines, map);
    }
}

fn value(v: &DeValue<'_>, pointer: &Pointer, lines: &LineIndex<&str>, map: &mut SourceMap) {
    match v {
        DeValue::Table(t) => table(t, pointer, lines, map),
        DeValue::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let child = pointer.index(i);
                // A block `[[…body]] paragraph = "…"` is shown at its text, not at
                // the header line.
                let start = match item.get_ref() {
                    DeValue::Table(t) => t.iter().next().map(|(k, _)| k.span().start),
                    _ => None,
                };
                map.insert(child.clone(), lines.pos(start.unwrap_or(item.span().start)));
                value(item.get_ref(), &child, lines, map);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use xxgk_model::SourcePos;

    use super::*;

    #[test]
    fn keys_and_array_elements_get_their_line_and_column() {
        let text = "[meta]\nyear = 2020\n\n[sections.applications.table.\"一、本年新收政府信息公开申请数量\"]\n\"自然人\" = 1\n\n[[sections.overview.body]]\nparagraph = \"甲\"\n\n[[sections.overview.body]]\nheading = \"乙\"\n";
        let map = source_map(text).unwrap();
        let at = |p: &str| {
            map.get(&p.parse().unwrap()).and_then(|pos| match pos {
                SourcePos::Text { line, column } => Some((line, column)),
                _ => None,
            })
        };
        assert_eq!(at("/meta/year"), Some((2, 1)));
        assert_eq!(
            at("/sections/applications/table/一、本年新收政府信息公开申请数量/自然人"),
            Some((5, 1))
        );
        assert_eq!(at("/sections/overview/body/1/heading"), Some((11, 1)));
        assert_eq!(at("/sections/overview/body/1"), Some((11, 1)));
        assert_eq!(at("/sections"), None);
        assert!(source_map("not = [toml").is_none());
    }
}

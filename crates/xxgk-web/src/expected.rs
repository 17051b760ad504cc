//! What a total should be, for the `应为 57` the 填报 page shows beside a wrong
//! total: the rules say it (`Diagnostic::expected`, the sum of the other side of
//! the identity); nothing here reads it back from a message.

use std::collections::BTreeMap;

use xxgk_rules::Diagnostic;

/// The expected value of each cell a finding names as a wrong total, by the
/// cell's JSON Pointer (the first finding's, where several name one cell).
pub(crate) fn expected(diagnostics: &[Diagnostic]) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for d in diagnostics {
        if d.location.key.is_none() {
            continue;
        }
        if let Some(value) = d.expected {
            out.entry(d.location.pointer.as_str().to_owned())
                .or_insert_with(|| value.to_string());
        }
    }
    out
}

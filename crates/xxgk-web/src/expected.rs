//! What a total should be, read from an identity finding's message, for the
//! `应为 57` the 填报 page shows beside a wrong total.
//!
//! The identity rules write `主语：甲 1 + 乙 0 = 1，但总计 2` — the side with
//! several operands, its sum after ` = `, then the single cell that disagrees.
//! Only that shape is read: a finding whose message says it otherwise gets no
//! expected value, never a guessed one.

use std::collections::BTreeMap;

use xxgk_rules::Diagnostic;

/// The expected value of each cell a finding names as a wrong total, by the
/// cell's JSON Pointer.
pub(crate) fn expected(diagnostics: &[Diagnostic]) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for d in diagnostics {
        if d.location.key.is_none() {
            continue;
        }
        if let Some(value) = sum_of_other_side(&d.message) {
            out.entry(d.location.pointer.as_str().to_owned())
                .or_insert(value);
        }
    }
    out
}

/// `…：a 1 + b 0 = 1，但总计 2` → `1` (the sum when the other side is one cell).
fn sum_of_other_side(message: &str) -> Option<String> {
    let (_, sides) = message.split_once('：')?;
    let (lhs, rhs) = sides.rsplit_once("，但")?;
    let single = |side: &str| !side.contains(" + ") && !side.contains(" = ");
    let sum = |side: &str| {
        let (_, n) = side.rsplit_once(" = ")?;
        n.bytes().all(|b| b.is_ascii_digit()).then(|| n.to_owned())
    };
    if single(rhs) {
        sum(lhs)
    } else if single(lhs) {
        sum(rhs)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::sum_of_other_side;

    #[test]
    fn the_sum_of_the_side_with_several_operands() {
        assert_eq!(
            sum_of_other_side("表四“行政复议”：结果维持 1 + 结果纠正 0 = 1，但总计 2").as_deref(),
            Some("1")
        );
        assert_eq!(
            sum_of_other_side("表三“自然人”列：（七）总计 5，但（一） 1 + （二） 3 = 4").as_deref(),
            Some("4")
        );
    }

    #[test]
    fn no_value_when_both_sides_add_up_or_a_sum_is_partial() {
        assert_eq!(
            sum_of_other_side("表三：甲 1 + 乙 0 = 1，但丙 0 + 丁 0 = 0"),
            None
        );
        assert_eq!(
            sum_of_other_side("表四：结果维持 1 + 结果纠正 空白 ≥ 1，但总计 0"),
            None
        );
        assert_eq!(sum_of_other_side("没有冒号"), None);
    }
}

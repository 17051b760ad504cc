//! Which import notes `xxgk check` shows beside its findings.
//!
//! A note is *significant* when the reading it describes may differ from what the
//! report says — something was guessed, dropped or could not be read — so that a
//! finding (or the absence of one) may come from the reading rather than from the
//! report. A certain tolerance of substance (another wording of a label, a subtotal
//! shape, a unit the column states) is significant where a diagnostic names the
//! row or cell it concerns, since the finding is about what was read there. A
//! tolerance of form only (`1、` read as `1.`, a page footer of a fixed pattern, page
//! matter before the title, how the bytes were decoded when they decoded cleanly)
//! is never significant: a preparer, or an oversight office checking hundreds of
//! reports, does not need it to judge the findings, and `--notes` lists it.

use std::collections::{HashMap, HashSet};

use xxgk_import::{ImportNote, NoteClass};
use xxgk_model::Pointer;
use xxgk_rules::{Diagnostic, Location, WhichReport};

/// Whether a note concerns a place of a diagnostic: the same model part, or the
/// row or table a cell of the diagnostic is in. The definition that [`Places`]
/// and [`ByPart`] compute by lookup; the tests hold them to it.
#[cfg(test)]
pub(crate) fn concerns(note: &ImportNote, d: &Diagnostic, document: WhichReport) -> bool {
    let Some(pointer) = &note.pointer else {
        return false;
    };
    std::iter::once(&d.location)
        .chain(d.related.iter().map(|r| &r.location))
        .filter(|l| l.document == document)
        .any(|l| within(&l.pointer, pointer))
}

/// Whether a part is at least a table or a metadata field (a note on a whole
/// section or on the metadata concerns no one finding).
fn deep_enough(part: &Pointer) -> bool {
    part.table_id().is_some() || part.meta_field().is_some()
}

/// `place` is `part` or lies inside it, where `part` is at least a table (a note
/// on a whole section or on the metadata concerns no one finding).
#[cfg(test)]
fn within(place: &Pointer, part: &Pointer) -> bool {
    place == part || (deep_enough(part) && place.starts_with(part))
}

/// The parts a place lies in, as `within` counts them: the place itself, then
/// each of its ancestors that is at least a table.
fn parts_of(place: &Pointer) -> impl Iterator<Item = Pointer> {
    place
        .ancestors()
        .enumerate()
        .filter(|(i, p)| *i == 0 || deep_enough(p))
        .map(|(_, p)| p)
}

/// The places of all diagnostics' locations, and the parts they lie in, so that
/// whether a note concerns some diagnostic is one lookup (matching every note
/// with every diagnostic costs their product: minutes for a table of 10 000
/// local rows).
#[derive(Debug, Default)]
pub(crate) struct Places {
    parts: HashMap<WhichReport, HashSet<Pointer>>,
}

impl Places {
    /// The places of `diagnostics`.
    pub(crate) fn new(diagnostics: &[Diagnostic]) -> Places {
        let mut parts: HashMap<WhichReport, HashSet<Pointer>> = HashMap::new();
        for l in diagnostics.iter().flat_map(locations) {
            parts
                .entry(l.document)
                .or_default()
                .extend(parts_of(&l.pointer));
        }
        Places { parts }
    }

    /// Whether a note of `document` concerns a place of some diagnostic.
    pub(crate) fn named(&self, note: &ImportNote, document: WhichReport) -> bool {
        let parts = self.parts.get(&document);
        note.pointer
            .as_ref()
            .is_some_and(|p| parts.is_some_and(|s| s.contains(p)))
    }

    /// Whether `check` shows a note by default: never a tolerance of form, a
    /// tolerance of substance where a diagnostic names its place, and always
    /// what was guessed, dropped or not read.
    pub(crate) fn significant(&self, note: &ImportNote, document: WhichReport) -> bool {
        match note.code.class() {
            NoteClass::Form => false,
            NoteClass::Substance => self.named(note, document),
            _ => true,
        }
    }
}

/// A diagnostic's location and related locations.
fn locations(d: &Diagnostic) -> impl Iterator<Item = &Location> {
    std::iter::once(&d.location).chain(d.related.iter().map(|r| &r.location))
}

/// Import notes by the part they name, for finding those that concern a
/// diagnostic without looking at every note.
pub(crate) struct ByPart<'a> {
    notes: HashMap<WhichReport, HashMap<&'a Pointer, Vec<usize>>>,
}

impl<'a> ByPart<'a> {
    /// Indexes `notes` (of the documents given) by their pointers.
    pub(crate) fn new(notes: impl Iterator<Item = (WhichReport, &'a ImportNote)>) -> ByPart<'a> {
        let mut by: HashMap<WhichReport, HashMap<&Pointer, Vec<usize>>> = HashMap::new();
        for (i, (document, note)) in notes.enumerate() {
            if let Some(p) = &note.pointer {
                by.entry(document)
                    .or_default()
                    .entry(p)
                    .or_default()
                    .push(i);
            }
        }
        ByPart { notes: by }
    }

    /// The indices of the notes that concern `d`, in order, each once.
    pub(crate) fn concerning(&self, d: &Diagnostic) -> Vec<usize> {
        let mut out: Vec<usize> = locations(d)
            .flat_map(|l| parts_of(&l.pointer).map(move |p| (l.document, p)))
            .filter_map(|(document, p)| self.notes.get(&document)?.get(&p))
            .flatten()
            .copied()
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// Whether `check` shows a note by default.
#[cfg(test)]
pub(crate) fn significant(
    note: &ImportNote,
    diagnostics: &[Diagnostic],
    document: WhichReport,
) -> bool {
    let indexed = Places::new(diagnostics).significant(note, document);
    let direct = match note.code.class() {
        NoteClass::Form => false,
        NoteClass::Substance => diagnostics.iter().any(|d| concerns(note, d, document)),
        _ => true,
    };
    assert_eq!(indexed, direct, "the index and the pairwise match disagree");
    indexed
}

#[cfg(test)]
mod tests {
    use xxgk_import::NoteCode;
    use xxgk_rules::{Location, Related, Severity};

    use super::*;

    fn note(code: NoteCode, pointer: Option<&str>) -> ImportNote {
        let note = ImportNote::new(code, "");
        match pointer {
            Some(p) => note.on(pointer_of(p)),
            None => note,
        }
    }

    fn pointer_of(p: &str) -> Pointer {
        p.parse().unwrap()
    }

    fn diagnostic(pointer: &str, related: &[&str]) -> Diagnostic {
        related.iter().fold(
            Diagnostic::new(
                "T401",
                "reviews-total-mismatch",
                Severity::Error,
                "",
                Location::at(pointer_of(pointer)),
            ),
            |d, p| d.with_related(Related::new("", Location::at(pointer_of(p)))),
        )
    }

    const ROW: &str = "/sections/applications/table/三、本年度办理结果~1（三）不予公开~12.其他法律行政法规禁止公开";

    #[test]
    fn guesses_and_losses_are_significant_tolerances_of_form_are_not() {
        let d = diagnostic(&format!("{ROW}/自然人"), &[]);
        for code in [
            NoteCode::CellUnreadable,
            NoteCode::ValuesMissing,
            NoteCode::LabelTypo,
            NoteCode::StrayText,
        ] {
            assert!(
                significant(&note(code, None), &[], WhichReport::Current),
                "{code}"
            );
        }
        for code in [
            NoteCode::LabelVariant,
            NoteCode::PageFooter,
            NoteCode::TextBeforeTitle,
        ] {
            let on_row = note(code, Some(ROW));
            assert!(
                !significant(&on_row, std::slice::from_ref(&d), WhichReport::Current),
                "{code}"
            );
        }
    }

    #[test]
    fn a_tolerance_of_substance_is_significant_on_a_row_a_finding_names() {
        let cell = format!("{ROW}/自然人");
        let d = diagnostic("/sections/applications/table", &[&cell]);
        let on_row = note(NoteCode::LabelWording, Some(ROW));
        assert!(!significant(&on_row, &[], WhichReport::Current));
        assert!(significant(
            &on_row,
            std::slice::from_ref(&d),
            WhichReport::Current
        ));
        // Not for last year's report, nor for another row.
        assert!(!significant(
            &on_row,
            std::slice::from_ref(&d),
            WhichReport::Previous
        ));
        let other = note(
            NoteCode::LabelWording,
            Some("/sections/applications/table/四、结转下年度继续办理"),
        );
        assert!(!significant(
            &other,
            std::slice::from_ref(&d),
            WhichReport::Current
        ));
        // A note on a whole section concerns no one finding in it.
        let section = note(NoteCode::LabelWording, Some("/sections/applications"));
        assert!(!significant(&section, &[d], WhichReport::Current));
        // The prefix of a pointer is not a part of it.
        assert!(!within(
            &pointer_of("/sections/proactive/table/第二十条第（一）项~1规章2"),
            &pointer_of("/sections/proactive/table/第二十条第（一）项~1规章")
        ));
    }

    /// The lookups give what the pairwise definition gives, for notes on cells,
    /// rows, tables, sections, metadata and pointers that merely share a prefix.
    #[test]
    fn lookups_agree_with_the_pairwise_match() {
        let t = "/sections/proactive/table";
        let row = format!("{t}/第二十条第（一）项~1规章");
        let pointers = [
            format!("{row}/本年制发件数"),
            row.clone(),
            format!("{row}2"),
            t.to_owned(),
            "/sections/proactive".to_owned(),
            "/meta/year".to_owned(),
            "/meta".to_owned(),
        ];
        let notes: Vec<ImportNote> = pointers
            .iter()
            .map(|p| note(NoteCode::LabelWording, Some(p)))
            .chain([note(NoteCode::LabelWording, None)])
            .collect();
        let diagnostics: Vec<Diagnostic> = pointers
            .iter()
            .map(|p| diagnostic(p, &[]))
            .chain([diagnostic(
                "/sections/reviews",
                &[&pointers[0], "/meta/year"],
            )])
            .collect();
        for document in [WhichReport::Current, WhichReport::Previous] {
            let shown: Vec<(WhichReport, &ImportNote)> =
                notes.iter().map(|n| (document, n)).collect();
            let by = ByPart::new(shown.into_iter());
            for d in &diagnostics {
                let pairwise: Vec<usize> = (0..notes.len())
                    .filter(|&i| concerns(&notes[i], d, document))
                    .collect();
                let expected = if document == WhichReport::Current {
                    pairwise
                } else {
                    Vec::new()
                };
                assert_eq!(by.concerning(d), expected, "{}", d.location.pointer);
            }
            for n in &notes {
                // `significant` asserts the index and the pairwise match agree.
                significant(n, &diagnostics, document);
            }
        }
    }
}

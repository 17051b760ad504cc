//! XML names of the main document part: namespace prefixes, resolved in constant
//! time per element, and attributes by their local name.
//!
//! quick-xml's `NsReader` looks a prefix up by walking back through every binding
//! in scope, so a part of nested elements that each declare a namespace costs the
//! square of its depth (300 000 levels, under 1 MB zipped: minutes). Here each
//! prefix has its own stack of bindings, so a lookup is one hash lookup, and the
//! nesting depth is bounded ([`MAX_XML_DEPTH`]).

use std::collections::HashMap;

use quick_xml::events::BytesStart;

/// The deepest the elements of a part may nest: far beyond any Word file (tens
/// of levels), and a bound on what a hostile part can make us keep per level.
pub const MAX_XML_DEPTH: usize = 10_000;

/// An element would nest deeper than [`MAX_XML_DEPTH`].
#[derive(Debug, PartialEq, Eq)]
pub(super) struct TooDeep;

/// A namespace name seen in the part (see [`Scopes::uri`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct NsId(u32);

/// The bindings in scope.
#[derive(Default)]
pub(super) struct Scopes {
    /// Prefix (empty for the default namespace) → its bindings, innermost last.
    bound: HashMap<Vec<u8>, Vec<NsId>, foldhash::fast::RandomState>,
    /// For each open element, the prefixes it declared.
    open: Vec<Vec<Vec<u8>>>,
    /// Every namespace name declared, each once: an element's namespace is an
    /// index here, so that resolving one copies nothing.
    uris: Vec<Vec<u8>>,
    ids: HashMap<Vec<u8>, NsId, foldhash::fast::RandomState>,
}

impl Scopes {
    /// Enters an element: its declarations come into scope, and its name's
    /// namespace is returned. An empty element (`empty`) leaves at once.
    /// [`TooDeep`] when the element would nest deeper than [`MAX_XML_DEPTH`].
    pub(super) fn enter(&mut self, e: &BytesStart, empty: bool) -> Result<Option<NsId>, TooDeep> {
        if !empty && self.open.len() >= MAX_XML_DEPTH {
            return Err(TooDeep);
        }
        let mut declared = Vec::new();
        // Most elements declare nothing: their attributes are parsed only when
        // `xmlns` occurs in the tag.
        if e.attributes_raw().windows(5).any(|w| w == b"xmlns") {
            for a in e.attributes().with_checks(false).flatten() {
                let key = a.key.as_ref();
                let prefix = if key == b"xmlns" {
                    Vec::new()
                } else if let Some(p) = key.strip_prefix(b"xmlns:") {
                    p.to_vec()
                } else {
                    continue;
                };
                let id = self.intern(&a.value);
                self.bound.entry(prefix.clone()).or_default().push(id);
                declared.push(prefix);
            }
        }
        let ns = self.resolve(e.name().as_ref());
        if empty {
            self.release(declared);
        } else {
            self.open.push(declared);
        }
        Ok(ns)
    }

    /// Leaves the innermost open element; returns the namespace of `name` as it
    /// was bound inside it.
    pub(super) fn leave(&mut self, name: &[u8]) -> Option<NsId> {
        let ns = self.resolve(name);
        if let Some(declared) = self.open.pop() {
            self.release(declared);
        }
        ns
    }

    /// The name of a namespace.
    pub(super) fn uri(&self, id: NsId) -> &[u8] {
        self.uris.get(id.0 as usize).map_or(&[], Vec::as_slice)
    }

    fn intern(&mut self, uri: &[u8]) -> NsId {
        if let Some(&id) = self.ids.get(uri) {
            return id;
        }
        let id = NsId(u32::try_from(self.uris.len()).unwrap_or(u32::MAX));
        self.uris.push(uri.to_vec());
        self.ids.insert(uri.to_vec(), id);
        id
    }

    /// The namespace a qualified name's prefix is bound to.
    fn resolve(&self, qname: &[u8]) -> Option<NsId> {
        let prefix = match qname.iter().position(|&b| b == b':') {
            Some(i) => &qname[..i],
            None => &[][..],
        };
        self.bound
            .get(prefix)
            .and_then(|stack| stack.last())
            .copied()
            .filter(|&id| !self.uri(id).is_empty())
    }

    fn release(&mut self, declared: Vec<Vec<u8>>) {
        for prefix in declared {
            if let Some(stack) = self.bound.get_mut(&prefix) {
                stack.pop();
            }
        }
    }
}

/// The value of attribute `name` (any prefix).
pub(super) fn attr(e: &BytesStart, name: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(std::borrow::Cow::into_owned)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn start(xml: &str) -> BytesStart<'_> {
        let mut r = quick_xml::Reader::from_str(xml);
        match r.read_event() {
            Ok(quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e)) => {
                e.into_owned()
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn prefixes_resolve_innermost_first_and_go_out_of_scope() {
        let mut s = Scopes::default();
        let mut enter = |xml: &str, empty: bool| {
            let id = s.enter(&start(xml), empty).unwrap();
            id.map(|id| s.uri(id).to_vec())
        };
        assert_eq!(
            enter(r#"<w:a xmlns:w="u1" xmlns="d">"#, false),
            Some(b"u1".to_vec())
        );
        assert_eq!(enter(r#"<w:b xmlns:w="u2">"#, false), Some(b"u2".to_vec()));
        assert_eq!(enter("<c/>", true), Some(b"d".to_vec()));
        let left = s.leave(b"w:b").map(|id| s.uri(id).to_vec());
        assert_eq!(left, Some(b"u2".to_vec()));
        let mut enter = |xml: &str, empty: bool| {
            let id = s.enter(&start(xml), empty).unwrap();
            id.map(|id| s.uri(id).to_vec())
        };
        assert_eq!(enter("<w:d/>", true), Some(b"u1".to_vec()));
        assert_eq!(enter("<x:e/>", true), None);
        let left = s.leave(b"w:a").map(|id| s.uri(id).to_vec());
        assert_eq!(left, Some(b"u1".to_vec()));
        assert_eq!(s.enter(&start("<w:f/>"), true), Ok(None));
    }

    #[test]
    fn depth_is_bounded() {
        let mut s = Scopes::default();
        let e = start("<a>");
        for _ in 0..MAX_XML_DEPTH {
            assert!(s.enter(&e, false).is_ok());
        }
        assert_eq!(s.enter(&e, false), Err(TooDeep));
        assert!(s.enter(&e, true).is_ok());
    }
}

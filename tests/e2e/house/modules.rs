//! The modules of a crate and the paths between them, to find dependency cycles
//! between sibling modules (`a` uses `b` and `b` uses `a`, directly or through
//! other siblings). A module's use of its own parent or children is part of its
//! composition and does not count; test code (`#[cfg(test)]` items and modules)
//! does not count either.
//!
//! Paths are resolved as the compiler does, as far as cycles need it: `crate::`,
//! `super::`, `self::`, child modules, and names a module brings in with `use`
//! (also re-exports such as `pub use decode::LineIndex` in `lib.rs`, followed to
//! the module that defines the item).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use super::lexer::lex;

/// A module path inside its crate (`[]` is the crate root).
pub(crate) type ModPath = Vec<String>;

/// One module: its children and the names its `use` declarations bring in.
#[derive(Debug, Default)]
struct Module {
    children: BTreeSet<String>,
    /// Name → the path it stands for, as written (`crate::…`, `super::…`, …).
    uses: BTreeMap<String, Vec<String>>,
    /// Every path written in the module's code.
    refs: Vec<Vec<String>>,
}

/// The modules of one crate.
#[derive(Debug, Default)]
pub(crate) struct Crate {
    modules: BTreeMap<ModPath, Module>,
}

impl Crate {
    /// Reads a crate from its root file (`src/lib.rs` or `src/main.rs`).
    pub(crate) fn read(root: &Path) -> Crate {
        let mut krate = Crate::default();
        let dir = root.parent().expect("src");
        krate.load(Vec::new(), root, dir);
        krate
    }

    /// Reads the module at `path` from `file`, whose child modules are files in `dir`.
    fn load(&mut self, path: ModPath, file: &Path, dir: &Path) {
        let src =
            std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let code = without_tests(&lex(&src).code);
        self.parse(path, &code, dir);
    }

    fn parse(&mut self, path: ModPath, code: &str, dir: &Path) {
        let mut module = Module::default();
        let mut rest = String::new();
        let tokens = tokenize(code);
        let mut i = 0;
        while i < tokens.len() {
            if tokens[i] == "mod" && i + 2 < tokens.len() && is_ident(&tokens[i + 1]) {
                let name = tokens[i + 1].clone();
                let mut child = path.clone();
                child.push(name.clone());
                module.children.insert(name.clone());
                if tokens[i + 2] == ";" {
                    let file = [
                        dir.join(format!("{name}.rs")),
                        dir.join(&name).join("mod.rs"),
                    ]
                    .into_iter()
                    .find(|f| f.exists())
                    .unwrap_or_else(|| panic!("module {name} not found in {}", dir.display()));
                    self.load(child, &file, &dir.join(&name));
                    i += 3;
                    continue;
                }
                if tokens[i + 2] == "{" {
                    let end = closing(&tokens, i + 2);
                    let inner = tokens[i + 3..end].join(" ");
                    self.parse(child, &inner, &dir.join(&name));
                    i = end + 1;
                    continue;
                }
            }
            if tokens[i] == "use" {
                let end = (i..tokens.len())
                    .find(|&k| tokens[k] == ";")
                    .unwrap_or(tokens.len());
                let mut pairs = Vec::new();
                use_tree(&tokens[i + 1..end], &mut Vec::new(), &mut pairs);
                for (name, full) in pairs {
                    module.refs.push(full.clone());
                    if name != "_" {
                        module.uses.insert(name, full);
                    }
                }
                i = end + 1;
                continue;
            }
            rest.push_str(&tokens[i]);
            rest.push(' ');
            i += 1;
        }
        module.refs.extend(paths(&tokenize(&rest)));
        self.modules.insert(path, module);
    }

    /// The module a path written in module `from` names (the module that defines
    /// the item it ends in), or `None` for a path outside the crate.
    fn resolve(&self, from: &[String], tokens: &[String], depth: usize) -> Option<ModPath> {
        if depth > 16 || tokens.is_empty() {
            return None;
        }
        let mut cur: ModPath = from.to_vec();
        let mut rest = tokens;
        match tokens[0].as_str() {
            "crate" => {
                cur = Vec::new();
                rest = &tokens[1..];
            }
            "self" => rest = &tokens[1..],
            "super" => {
                while rest.first().is_some_and(|t| t == "super") {
                    cur.pop();
                    rest = &rest[1..];
                }
            }
            name => {
                let module = self.modules.get(&cur)?;
                if !module.children.contains(name) {
                    let full = module.uses.get(name)?;
                    let mut path = full.clone();
                    path.extend(tokens[1..].iter().cloned());
                    return self.resolve(from, &path, depth + 1);
                }
            }
        }
        for (k, t) in rest.iter().enumerate() {
            let module = self.modules.get(&cur)?;
            if module.children.contains(t) {
                cur.push(t.clone());
            } else if let Some(full) = module.uses.get(t) {
                let mut path = full.clone();
                path.extend(rest[k + 1..].iter().cloned());
                return self.resolve(&cur.clone(), &path, depth + 1);
            } else {
                break;
            }
        }
        Some(cur)
    }

    /// Edges between sibling modules: (parent, from child, to child) → the first
    /// path written that makes the edge (`module: path`).
    fn edges(&self) -> BTreeMap<(ModPath, String, String), String> {
        let mut out = BTreeMap::new();
        for (from, module) in &self.modules {
            for r in &module.refs {
                let Some(to) = self.resolve(from, r, 0) else {
                    continue;
                };
                let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
                if common == from.len() || common == to.len() {
                    continue;
                }
                out.entry((
                    from[..common].to_vec(),
                    from[common].clone(),
                    to[common].clone(),
                ))
                .or_insert_with(|| format!("{}: {}", from.join("::"), r.join("::")));
            }
        }
        out
    }

    /// The cycles between sibling modules: each strongly connected group of two or
    /// more siblings, as `parent: a ↔ b ↔ c` (members sorted), with the paths
    /// that tie them (`a → b (a::x: crate::b::Y)`).
    pub(crate) fn cycles(&self) -> Vec<(String, Vec<String>)> {
        let edges = self.edges();
        let mut by_parent: BTreeMap<&ModPath, BTreeMap<String, BTreeSet<String>>> = BTreeMap::new();
        for (parent, a, b) in edges.keys() {
            by_parent
                .entry(parent)
                .or_default()
                .entry(a.clone())
                .or_default()
                .insert(b.clone());
        }
        let mut out = Vec::new();
        for (parent, graph) in by_parent {
            for group in groups(&graph) {
                let name = if parent.is_empty() {
                    "crate".to_owned()
                } else {
                    parent.join("::")
                };
                let why = edges
                    .iter()
                    .filter(|((p, a, b), _)| p == parent && group.contains(a) && group.contains(b))
                    .map(|((_, a, b), r)| format!("{a} → {b} ({r})"))
                    .collect();
                out.push((format!("{name}: {}", group.join(" ↔ ")), why));
            }
        }
        out
    }
}

/// The strongly connected groups of two or more nodes (by reachability both ways:
/// the graphs are a dozen nodes).
fn groups(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    let reach = |start: &String| {
        let mut seen = BTreeSet::new();
        let mut stack = vec![start.clone()];
        while let Some(n) = stack.pop() {
            for m in graph.get(&n).into_iter().flatten() {
                if seen.insert(m.clone()) {
                    stack.push(m.clone());
                }
            }
        }
        seen
    };
    let nodes: BTreeSet<&String> = graph.keys().chain(graph.values().flatten()).collect();
    let reaches: BTreeMap<&String, BTreeSet<String>> =
        nodes.iter().map(|n| (*n, reach(n))).collect();
    let mut done = BTreeSet::new();
    let mut out = Vec::new();
    for n in &nodes {
        if done.contains(*n) {
            continue;
        }
        let group: Vec<String> = nodes
            .iter()
            .filter(|m| reaches[*n].contains(**m) && reaches[**m].contains(*n))
            .map(|m| (*m).clone())
            .collect();
        done.extend(group.iter().cloned());
        if group.len() > 1 {
            out.push(group);
        }
    }
    out
}

/// The code without test items: each `#[cfg(test)]` item (a module, a function, a
/// `use`) is removed.
fn without_tests(code: &str) -> String {
    let tokens = tokenize(code);
    let mut out = String::new();
    let mut i = 0;
    while i < tokens.len() {
        let attr = ["#", "[", "cfg", "(", "test", ")", "]"];
        if tokens.len() >= i + attr.len() && tokens[i..i + attr.len()].iter().eq(attr.iter()) {
            let mut j = i + attr.len();
            // The item ends at its first `;` outside braces or with its first block.
            let is_use = tokens[j..].iter().take(3).any(|t| t == "use");
            loop {
                match tokens.get(j).map(String::as_str) {
                    None => break,
                    Some(";") => {
                        j += 1;
                        break;
                    }
                    Some("{") if !is_use => {
                        j = closing(&tokens, j) + 1;
                        break;
                    }
                    Some(_) => j += 1,
                }
            }
            i = j;
            continue;
        }
        out.push_str(&tokens[i]);
        out.push(' ');
        i += 1;
    }
    out
}

/// The index of the `}` closing the `{` at `open`.
fn closing(tokens: &[String], open: usize) -> usize {
    let mut depth = 0;
    for (k, t) in tokens.iter().enumerate().skip(open) {
        match t.as_str() {
            "{" => depth += 1,
            "}" => {
                depth -= 1;
                if depth == 0 {
                    return k;
                }
            }
            _ => {}
        }
    }
    tokens.len()
}

/// Identifiers, `::`, and every other character as a token of its own.
fn tokenize(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let chars: Vec<char> = code.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
        } else if c.is_alphanumeric() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            out.push(chars[start..i].iter().collect());
        } else if c == ':' && chars.get(i + 1) == Some(&':') {
            out.push("::".to_owned());
            i += 2;
        } else {
            out.push(c.to_string());
            i += 1;
        }
    }
    out
}

fn is_ident(t: &str) -> bool {
    t.chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_')
}

/// The paths written in code: identifiers joined by `::` (`crate::a::b`, `x::y`).
fn paths(tokens: &[String]) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if is_ident(&tokens[i]) && (i == 0 || tokens[i - 1] != "::") {
            let mut path = vec![tokens[i].clone()];
            let mut j = i + 1;
            while j + 1 < tokens.len() && tokens[j] == "::" && is_ident(&tokens[j + 1]) {
                path.push(tokens[j + 1].clone());
                j += 2;
            }
            out.push(path);
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

/// Expands a use tree (`crate::{a, b::{c as d, self}}`) into (name, path) pairs.
fn use_tree(tokens: &[String], prefix: &mut Vec<String>, out: &mut Vec<(String, Vec<String>)>) {
    let mut i = 0;
    let depth = prefix.len();
    while i < tokens.len() {
        match tokens[i].as_str() {
            "::" => i += 1,
            "{" => {
                let end = closing(tokens, i);
                let inner = &tokens[i + 1..end];
                let mut start = 0;
                let mut level = 0;
                for (k, t) in inner
                    .iter()
                    .enumerate()
                    .chain([(inner.len(), &",".to_owned())])
                {
                    match t.as_str() {
                        "{" => level += 1,
                        "}" => level -= 1,
                        "," if level == 0 => {
                            if k > start {
                                use_tree(&inner[start..k], prefix, out);
                            }
                            start = k + 1;
                        }
                        _ => {}
                    }
                }
                break;
            }
            "*" => break,
            "as" => {
                if let Some(alias) = tokens.get(i + 1) {
                    out.push((alias.clone(), prefix.clone()));
                }
                prefix.truncate(depth);
                return;
            }
            "self" if i == 0 && depth > 0 => {
                let name = prefix.last().cloned().unwrap_or_default();
                out.push((name, prefix.clone()));
                i += 1;
                if tokens.get(i).map(String::as_str) == Some("as") {
                    out.pop();
                    if let Some(alias) = tokens.get(i + 1) {
                        out.push((alias.clone(), prefix.clone()));
                    }
                }
                prefix.truncate(depth);
                return;
            }
            t => {
                prefix.push(t.to_owned());
                i += 1;
                if i == tokens.len() {
                    out.push((t.to_owned(), prefix.clone()));
                }
            }
        }
    }
    prefix.truncate(depth);
}

#[test]
fn use_trees_expand_to_names_and_paths() {
    let tokens = tokenize("crate::{a, b::{c as d, self}, e::*}");
    let mut out = Vec::new();
    use_tree(&tokens, &mut Vec::new(), &mut out);
    let shown: Vec<String> = out
        .iter()
        .map(|(n, p)| format!("{n}={}", p.join("::")))
        .collect();
    assert_eq!(shown, ["a=crate::a", "d=crate::b::c", "b=crate::b"]);
}

#[test]
fn test_items_are_left_out() {
    let code = "use a::b; #[cfg(test)] use c::{d, e}; #[cfg(test)] fn f() { g::h(); } fn i() {}";
    assert_eq!(without_tests(code), "use a :: b ; fn i ( ) { } ");
}

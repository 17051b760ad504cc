//! The user guide (docs/guide.md) and the README walked from top to bottom as a new
//! user would, so that neither can drift from what the program does:
//!
//! - every command of a `sh` block is run (in a fresh folder holding the bundled
//!   examples and the files a reader of the guide brings: a published page, copied
//!   text, last year's report), and must succeed (`xxgk check` may find errors);
//! - a `text` block opening with `$ command` is run and its output compared line
//!   for line with what the block shows, a line holding only `…` standing for any
//!   number of lines;
//! - a `rust` block after `<!-- 摘自：FILE -->` is an excerpt of FILE, a program of
//!   the repository that CI builds and tests (`crates/xxgk/examples/…`), so that
//!   the code shown compiles and does what the text says;
//! - a `toml` block is what the comment before it says: `编辑：FILE` is changed
//!   into FILE as the guide tells a reader to (a key replaces the line of that key,
//!   commented or not, under its table header; `[[…]]` blocks replace the commented
//!   example block), `文件：FILE` is saved as FILE, `错误示例：FILE` is added at the
//!   end of FILE and taken back after the next example.
//!
//! The walk is the guide's story: init, filling in by editing, check, render, then
//! checking published files, configuration, a folder with its report files and
//! pairing of years, import and export.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use crate::root;

/// A fenced code block of a Markdown file.
#[derive(Debug)]
struct Block {
    /// The info string (`sh`, `text`, `toml`).
    info: String,
    /// The lines between the fences.
    text: String,
    /// A one-line HTML comment right before the fence (`<!-- 编辑：FILE -->`).
    note: Option<String>,
    /// The line of the opening fence.
    line: usize,
}

fn blocks(md: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut note: Option<String> = None;
    let mut open: Option<Block> = None;
    for (i, line) in md.lines().enumerate() {
        if let Some(block) = &mut open {
            if line.trim_start().starts_with("```") {
                out.push(open.take().unwrap());
            } else {
                block.text.push_str(line);
                block.text.push('\n');
            }
            continue;
        }
        if let Some(info) = line.trim_start().strip_prefix("```") {
            open = Some(Block {
                info: info.trim().to_owned(),
                text: String::new(),
                note: note.take(),
                line: i + 1,
            });
            continue;
        }
        let t = line.trim();
        note = t
            .strip_prefix("<!--")
            .and_then(|c| c.strip_suffix("-->"))
            .map(|c| c.trim().to_owned());
    }
    out
}

/// A folder to walk a document in, with the bundled examples.
struct Walk {
    dir: tempfile::TempDir,
    /// The directory of the `xxgk` binary, put first on `PATH`.
    bin: PathBuf,
    /// A file an `错误示例` changed, with its text before, restored after the next
    /// example.
    restore: Option<(PathBuf, String)>,
}

impl Walk {
    fn new() -> Walk {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("examples")).unwrap();
        for name in ["qinghe-gov-2025.toml", "qinghe-water-2020.toml"] {
            fs::copy(
                root().join("examples").join(name),
                dir.path().join("examples").join(name),
            )
            .unwrap();
        }
        let bin = Path::new(env!("CARGO_BIN_EXE_xxgk"))
            .parent()
            .unwrap()
            .to_owned();
        Walk {
            dir,
            bin,
            restore: None,
        }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Runs a shell command line in the folder, with `xxgk` on the path.
    fn sh(&self, line: &str) -> Output {
        let path = std::env::var_os("PATH").unwrap_or_default();
        let mut paths = vec![self.bin.clone()];
        paths.extend(std::env::split_paths(&path));
        std::process::Command::new("sh")
            .arg("-c")
            .arg(line)
            .current_dir(self.dir.path())
            .env("PATH", std::env::join_paths(paths).unwrap())
            .output()
            .unwrap()
    }

    /// Runs `xxgk` with arguments (for preparing files), asserting success.
    fn xxgk(&self, args: &str) {
        let out = self.sh(&format!("xxgk {args}"));
        assert!(
            out.status.success(),
            "xxgk {args}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// The files a reader of the guide has at hand: published reports of an
    /// agency (a page, copied text, last year's text), a folder of them, and last
    /// year's model file of the agency the guide fills in.
    fn reader_files(&self) {
        let gov = "examples/qinghe-gov-2025.toml";
        self.xxgk(&format!("render {gov} --to html -o 某局2025年报.html"));
        self.xxgk(&format!("render {gov} --to txt -o 某局2025年报.txt"));
        let last_year = fs::read_to_string(self.path(gov))
            .unwrap()
            .replace("2025", "2024")
            .replace("2026", "2025");
        fs::write(self.path("某局-2024.toml"), last_year).unwrap();
        self.xxgk("render 某局-2024.toml --to txt -o 某局2024年报.txt");
        fs::remove_file(self.path("某局-2024.toml")).unwrap();
        fs::create_dir(self.path("年报")).unwrap();
        for name in ["某局2025年报.html", "某局2024年报.txt"] {
            fs::copy(self.path(name), self.path("年报").join(name)).unwrap();
        }
        self.xxgk("init --year 2024 --agency 某某县水利局 --kind department");
    }

    /// Runs one line of a `sh` block as a reader would type it.
    fn command(&self, doc: &str, block: &Block, line: &str) {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            return;
        }
        let line = match line.strip_prefix("cargo run -q -p xxgk-cli --") {
            Some(rest) => format!("xxgk{rest}"),
            None if line.starts_with("cargo install") => {
                assert!(
                    line.contains("--locked"),
                    "{doc}:{}: `{line}` resolves newer dependencies than Cargo.lock",
                    block.line
                );
                return;
            }
            None if line.starts_with("cargo ") || line.contains(" cargo ") => return,
            None => line.to_owned(),
        };
        let out = self.sh(&line);
        let code = out.status.code();
        // check and sum exit 1 to say what they list: findings, reports not summed.
        let allowed: &[i32] = if line.contains("xxgk check") || line.contains("xxgk sum") {
            &[0, 1]
        } else {
            &[0]
        };
        assert!(
            code.is_some_and(|c| allowed.contains(&c)),
            "{doc}:{}: `{line}` exited with {code:?}:\n{}{}",
            block.line,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        let words: Vec<&str> = line.split_whitespace().collect();
        if let Some(i) = words.iter().position(|w| *w == "-o")
            && let Some(file) = words.get(i + 1)
            && *file != "-"
        {
            assert!(
                self.path(file).is_file(),
                "{doc}:{}: `{line}` wrote no {file}",
                block.line
            );
        }
    }

    /// Runs the `$ command` of a `text` block and compares its output.
    fn example(&mut self, doc: &str, block: &Block) {
        let mut lines = block.text.lines();
        let first = lines.next().unwrap_or_default();
        let Some(command) = first.strip_prefix("$ ") else {
            panic!(
                "{doc}:{}: a text block shows the output of a command: open it with `$ command`",
                block.line
            );
        };
        let expected: Vec<&str> = lines.collect();
        let out = self.sh(command);
        let mut actual = String::from_utf8_lossy(&out.stdout).into_owned();
        actual.push_str(&String::from_utf8_lossy(&out.stderr));
        let actual: Vec<&str> = actual.lines().collect();
        if let Err(why) = matches(&expected, &actual) {
            panic!(
                "{doc}:{}: the output of `{command}` differs from what the block shows ({why}).\n\
                 --- shown ---\n{}\n--- printed ---\n{}",
                block.line,
                expected.join("\n"),
                actual.join("\n")
            );
        }
        let code = out.status.code();
        let error = expected.first().is_some_and(|l| l.starts_with("错误："));
        let allowed: &[i32] = if error {
            &[2]
        } else if command.starts_with("xxgk check") || command.starts_with("xxgk sum") {
            &[0, 1]
        } else {
            &[0]
        };
        assert!(
            code.is_some_and(|c| allowed.contains(&c)),
            "{doc}:{}: `{command}` exited with {code:?}",
            block.line
        );
        if let Some((path, text)) = self.restore.take() {
            fs::write(path, text).unwrap();
        }
    }

    /// A `toml` block: an edit, a file, or an example of a mistake.
    fn toml(&mut self, doc: &str, block: &Block) {
        let note = block.note.as_deref().unwrap_or_else(|| {
            panic!(
                "{doc}:{}: say what the TOML block is for: <!-- 编辑：FILE -->, <!-- 文件：FILE --> or <!-- 错误示例：FILE -->",
                block.line
            )
        });
        let (what, name) = note
            .split_once('：')
            .unwrap_or_else(|| panic!("{doc}:{}: {note}", block.line));
        let path = self.path(name.trim());
        match what {
            "编辑" => {
                let text = fs::read_to_string(&path).unwrap();
                let edited = edit(&text, &block.text)
                    .unwrap_or_else(|why| panic!("{doc}:{}: {why}", block.line));
                fs::write(&path, edited).unwrap();
            }
            "文件" => fs::write(&path, &block.text).unwrap(),
            "错误示例" => {
                let text = fs::read_to_string(&path).unwrap();
                fs::write(&path, format!("{text}\n{}", block.text)).unwrap();
                self.restore = Some((path, text));
            }
            _ => panic!("{doc}:{}: unknown note {note}", block.line),
        }
    }

    /// Walks a document's blocks in order.
    fn walk(&mut self, doc: &str) -> usize {
        let md = fs::read_to_string(root().join(doc)).unwrap();
        let blocks = blocks(&md);
        for block in &blocks {
            match block.info.as_str() {
                "sh" => {
                    for line in block.text.lines() {
                        self.command(doc, block, line);
                    }
                }
                "text" => self.example(doc, block),
                "toml" => self.toml(doc, block),
                "rust" => excerpt(doc, block),
                other => panic!(
                    "{doc}:{}: a `{other}` block is not walked; use sh, text, toml or rust",
                    block.line
                ),
            }
        }
        assert!(
            self.restore.is_none(),
            "{doc}: an 错误示例 with no example after it"
        );
        blocks.len()
    }
}

/// A `rust` block is an excerpt of the file its note names (`摘自：FILE`, from
/// the repository's root).
fn excerpt(doc: &str, block: &Block) {
    let file = block
        .note
        .as_deref()
        .and_then(|n| n.strip_prefix("摘自："))
        .unwrap_or_else(|| {
            panic!(
                "{doc}:{}: a rust block needs <!-- 摘自：FILE -->",
                block.line
            )
        });
    let text = fs::read_to_string(root().join(file)).unwrap();
    assert!(
        text.contains(&block.text),
        "{doc}:{}: the block is not in {file} as shown",
        block.line
    );
}

/// Whether the printed lines are the shown ones, a shown line `…` standing for any
/// number of printed lines.
fn matches(shown: &[&str], printed: &[&str]) -> Result<(), String> {
    let shown: Vec<&str> = shown.iter().map(|l| l.trim_end()).collect();
    let printed: Vec<&str> = printed.iter().map(|l| l.trim_end()).collect();
    let parts: Vec<&[&str]> = shown.split(|l| *l == "…").collect();
    let mut at = 0;
    for (i, part) in parts.iter().enumerate() {
        let first = i == 0;
        let last = i == parts.len() - 1;
        if part.is_empty() {
            continue;
        }
        let found = if first {
            printed.starts_with(part).then_some(0)
        } else if last {
            let start = printed.len().checked_sub(part.len());
            start.filter(|s| *s >= at && printed[*s..] == **part)
        } else {
            (at..=printed.len().saturating_sub(part.len()))
                .find(|s| printed[*s..].starts_with(part))
        };
        let Some(start) = found else {
            return Err(format!("not found: “{}”", part[0]));
        };
        at = start + part.len();
        if first && last && at != printed.len() {
            return Err("more lines printed than shown".into());
        }
    }
    Ok(())
}

/// The key of a `key = value` line, commented (`# key = …`) or not, unquoted.
fn key(line: &str) -> Option<String> {
    let line = line.trim().trim_start_matches('#').trim();
    if line.starts_with('[') {
        return None;
    }
    let (k, _) = line.split_once('=')?;
    let k = k.trim().trim_matches('"');
    (!k.is_empty() && !k.contains(' ')).then(|| k.to_owned())
}

/// A table header line (`[a.b]` or `[[a.b]]`), commented or not.
fn header(line: &str) -> Option<&str> {
    let t = line.trim();
    t.starts_with('[').then_some(t)
}

/// Changes `text` as the guide tells a reader to, with the snippet's lines.
fn edit(text: &str, snippet: &str) -> Result<String, String> {
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    let mut table: Option<String> = None;
    let mut array: Vec<String> = Vec::new();
    let mut array_header: Option<String> = None;
    let flush = |lines: &mut Vec<String>, header: &str, body: &mut Vec<String>| {
        // `[[a.body]]` blocks replace the commented example `# [[a.body]]` and its
        // commented lines.
        let commented = format!("# {header}");
        let Some(at) = lines.iter().position(|l| l.trim() == commented) else {
            return Err(format!("no commented example `{commented}` to enable"));
        };
        let mut end = at + 1;
        while end < lines.len() && lines[end].starts_with("# ") && key(&lines[end]).is_some() {
            end += 1;
        }
        while body.last().is_some_and(String::is_empty) {
            body.pop();
        }
        lines.splice(at..end, body.drain(..));
        Ok(())
    };
    for line in snippet.lines() {
        if let Some(h) = header(line) {
            if h.starts_with("[[") {
                if array_header.as_deref() != Some(h) {
                    if let Some(prev) = array_header.take() {
                        flush(&mut lines, &prev, &mut array)?;
                    }
                    array_header = Some(h.to_owned());
                }
                array.push(line.to_owned());
                table = None;
            } else {
                if let Some(prev) = array_header.take() {
                    flush(&mut lines, &prev, &mut array)?;
                }
                if !lines.iter().any(|l| l.trim() == h) {
                    return Err(format!("no table header {h} in the file"));
                }
                table = Some(h.to_owned());
            }
            continue;
        }
        if array_header.is_some() {
            array.push(line.to_owned());
            continue;
        }
        let Some(k) = key(line) else {
            continue;
        };
        // The line of this key: under the table header, or anywhere in the file
        // (commented or not) when the snippet names no header.
        let (start, end) = match &table {
            Some(h) => {
                let start = lines.iter().position(|l| l.trim() == *h).unwrap() + 1;
                let end = lines[start..]
                    .iter()
                    .position(|l| l.starts_with('['))
                    .map_or(lines.len(), |i| start + i);
                (start, end)
            }
            None => (0, lines.len()),
        };
        let found: Vec<usize> = (start..end)
            .filter(|i| key(&lines[*i]).as_deref() == Some(k.as_str()))
            .collect();
        match found.as_slice() {
            [one] => line.clone_into(&mut lines[*one]),
            [] => return Err(format!("no line `{k} = …` to change")),
            _ => {
                return Err(format!(
                    "`{k}` is in the file more than once: say under which table"
                ));
            }
        }
    }
    if let Some(prev) = array_header.take() {
        flush(&mut lines, &prev, &mut array)?;
    }
    Ok(lines.join("\n") + "\n")
}

#[test]
fn the_guide_walks_from_init_to_export() {
    let mut walk = Walk::new();
    walk.reader_files();
    let n = walk.walk("docs/guide.md");
    assert!(n >= 15, "{n} blocks");
    // The story's products.
    for file in [
        "某某县水利局-2025.toml",
        "年度报告.docx",
        "年度报告.html",
        "某局-2025.toml",
        "单元格.csv",
        "某局-2025.csv",
        "检查结果.xlsx",
        "问题清单.csv",
        "检查结果.json",
        "检查结果.sarif",
        "配对检查结果.xlsx",
    ] {
        assert!(walk.path(file).is_file(), "{file}");
    }
    // Filled in as the guide says, the report holds what the guide wrote.
    let text = fs::read_to_string(walk.path("某某县水利局-2025.toml")).unwrap();
    let report: xxgk_model::Report = toml::from_str(&text).unwrap();
    assert_eq!(
        report.meta.published.map(|d| d.to_string()).as_deref(),
        Some("2026-01-20")
    );
    assert_eq!(report.sections.overview.unwrap().body.len(), 2);
}

#[test]
fn the_readme_examples_run() {
    let mut walk = Walk::new();
    walk.walk("README.md");
}

#[test]
fn the_walk_notices_drift() {
    assert!(matches(&["a", "…", "c"], &["a", "b", "b", "c"]).is_ok());
    assert!(matches(&["a", "c"], &["a", "b", "c"]).is_err());
    assert!(matches(&["…", "b"], &["a", "b", "c"]).is_err());
    assert!(matches(&["…", "b", "…"], &["a", "b", "c"]).is_ok());
    assert!(matches(&["a"], &["a", "b"]).is_err());
    let file = "[meta]\nyear = 2025\n# published = 2026-01-20\n\n[sections.overview]\nheading = \"一\"\n# [[sections.overview.body]]\n# paragraph = \"……\"\n";
    let edited = edit(
        file,
        "published = 2026-02-01\n\n[[sections.overview.body]]\nparagraph = \"甲\"\n\n[[sections.overview.body]]\nparagraph = \"乙\"\n",
    )
    .unwrap();
    assert!(edited.contains("\npublished = 2026-02-01\n"), "{edited}");
    assert!(!edited.contains("# [[sections"), "{edited}");
    assert_eq!(edited.matches("[[sections.overview.body]]").count(), 2);
    assert!(edit(file, "[meta]\nagency = \"甲\"\n").is_err());
    assert!(edit(file, "[sections.nowhere]\nx = 1\n").is_err());
}

/// Whether the JSON the program printed is what a document shows: objects with the
/// same keys, each value as shown; an array shown empty is empty, else the shown
/// elements are among the printed ones, in order; a string shown ending in `……` is
/// cut short there.
fn json_shown(
    shown: &serde_json::Value,
    printed: &serde_json::Value,
    at: &str,
) -> Result<(), String> {
    use serde_json::Value;
    match (shown, printed) {
        (Value::Object(s), Value::Object(p)) => {
            let keys = |m: &serde_json::Map<String, Value>| m.keys().cloned().collect::<Vec<_>>();
            let (mut ks, mut kp) = (keys(s), keys(p));
            ks.sort();
            kp.sort();
            if ks != kp {
                return Err(format!("{at}: keys {ks:?} shown, {kp:?} printed"));
            }
            for (k, v) in s {
                json_shown(v, &p[k], &format!("{at}/{k}"))?;
            }
            Ok(())
        }
        (Value::Array(s), Value::Array(p)) => {
            if s.is_empty() != p.is_empty() {
                return Err(format!(
                    "{at}: {} elements shown, {} printed",
                    s.len(),
                    p.len()
                ));
            }
            let mut rest = p.iter();
            for (i, v) in s.iter().enumerate() {
                if !rest.any(|q| json_shown(v, q, "").is_ok()) {
                    return Err(format!(
                        "{at}/{i}: shown element not printed (in this order)"
                    ));
                }
            }
            Ok(())
        }
        (Value::String(s), Value::String(p)) => match s.strip_suffix("……") {
            Some(prefix) if p.starts_with(prefix) => Ok(()),
            _ if s == p => Ok(()),
            _ => Err(format!("{at}: “{s}” shown, “{p}” printed")),
        },
        _ if shown == printed => Ok(()),
        _ => Err(format!("{at}: {shown} shown, {printed} printed")),
    }
}

#[test]
fn the_json_example_of_diagnostics_md_is_what_check_prints() {
    let md = fs::read_to_string(root().join("docs/diagnostics.md")).unwrap();
    let block = blocks(&md)
        .into_iter()
        .find(|b| b.info == "json")
        .expect("a json block");
    let shown: serde_json::Value = serde_json::from_str(&block.text).unwrap();
    let out = crate::xxgk()
        .current_dir(root())
        .args([
            "check",
            "examples/qinghe-water-2020.toml",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let printed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    if let Err(why) = json_shown(&shown, &printed, "") {
        panic!("docs/diagnostics.md:{}: {why}", block.line);
    }
    assert!(
        json_shown(
            &serde_json::json!({"a": [1]}),
            &serde_json::json!({"a": [2, 1]}),
            ""
        )
        .is_ok()
    );
    assert!(
        json_shown(
            &serde_json::json!({"a": "甲……"}),
            &serde_json::json!({"a": "甲乙"}),
            ""
        )
        .is_ok()
    );
    assert!(
        json_shown(
            &serde_json::json!({"a": 2}),
            &serde_json::json!({"a": 4}),
            ""
        )
        .is_err()
    );
    assert!(
        json_shown(
            &serde_json::json!({"a": []}),
            &serde_json::json!({"a": [1]}),
            ""
        )
        .is_err()
    );
}

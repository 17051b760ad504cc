//! Speed of the front ends: `read_html` on the largest corpus page (when
//! `XXGK_CORPUS` is set) and on a synthetic page, `decode` on both, `read_docx` on a
//! synthetic Word file.

#![allow(missing_docs, clippy::print_stderr)] // a benchmark reports to the terminal

use std::fmt::Write as _;
use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use xxgk_import::{decode, read_docx, read_html};

/// A page of `sections` sections, each a heading, paragraphs, and a table with
/// merged cells, inside navigation and footer chrome.
fn synthetic_page(sections: usize) -> String {
    let mut page = String::from(
        "<!DOCTYPE html><html><head><meta charset=utf-8><title>年报</title>\
         <style>td{border:1px solid}</style><script>var a = '<p>';</script></head><body>\
         <div class=nav><a href=/>首页</a><a href=/x>政务公开</a></div><div class=content>\
         <h1>某县某局2025年政府信息公开工作年度报告</h1>\n",
    );
    for s in 0..sections {
        let numeral = ["一", "二", "三", "四", "五", "六"][s % 6];
        let _ = writeln!(
            page,
            "<p class=MsoNormal><span>{numeral}、第{s}部分</span><o:p></o:p></p>"
        );
        for k in 0..8 {
            let _ = writeln!(
                page,
                "<p style='text-indent:2em'><span>第{k}段，本年度共办理事项&nbsp;{k}&nbsp;件，\
                 其中<b>按期办结</b>{k}件，满意率为百分之百。</span></p>"
            );
        }
        page.push_str("<table border=1><tr><td rowspan=3 colspan=3>（勾稽关系）</td><td colspan=7>申请人情况</td></tr>\n");
        for r in 0..25 {
            let _ = write!(page, "<tr><td colspan=2><p>第{r}行</p></td>");
            for c in 0..8 {
                let _ = write!(page, "<td><p><span>{}&nbsp;</span></p></td>", r * c);
            }
            page.push_str("</tr>\n");
        }
        page.push_str("</table>\n");
    }
    page.push_str("</div><div class=footer>版权所有</div></body></html>");
    page
}

fn synthetic_docx() -> Vec<u8> {
    use std::io::Write;
    let mut body = String::new();
    for s in 0..20 {
        let _ = write!(
            body,
            "<w:p><w:r><w:t>第{s}部分，本年度共办理事项若干件。</w:t></w:r></w:p>"
        );
        body.push_str("<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"3\"/><w:vMerge w:val=\"restart\"/></w:tcPr><w:p><w:r><w:t>说明</w:t></w:r></w:p></w:tc></w:tr>");
        for r in 0..25 {
            body.push_str(
                "<w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"3\"/><w:vMerge/></w:tcPr><w:p/></w:tc>",
            );
            for c in 0..7 {
                let _ = write!(
                    body,
                    "<w:tc><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc>",
                    r * c
                );
            }
            body.push_str("</w:tr>");
        }
        body.push_str("</w:tbl>");
    }
    let xml = format!(
        "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
    );
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file(
        "word/document.xml",
        zip::write::SimpleFileOptions::default(),
    )
    .unwrap();
    zip.write_all(xml.as_bytes()).unwrap();
    zip.finish().unwrap().into_inner()
}

fn corpus_page() -> Option<(String, Vec<u8>)> {
    let dir = PathBuf::from(std::env::var_os("XXGK_CORPUS")?);
    let dir = if dir.is_relative() {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../..")
            .join(dir)
    } else {
        dir
    };
    let mut largest: Option<(u64, PathBuf)> = None;
    for entry in std::fs::read_dir(&dir).ok()? {
        let path = entry.ok()?.path();
        if path.extension().is_some_and(|e| e == "html") {
            let len = std::fs::metadata(&path).ok()?.len();
            if largest.as_ref().is_none_or(|(l, _)| len > *l) {
                largest = Some((len, path));
            }
        }
    }
    let (_, path) = largest?;
    Some((
        path.file_name()?.to_string_lossy().into_owned(),
        std::fs::read(path).ok()?,
    ))
}

fn bench(c: &mut Criterion) {
    let page = synthetic_page(12);
    let mut group = c.benchmark_group("front-end");
    group.throughput(Throughput::Bytes(page.len() as u64));
    group.bench_function(
        format!("read_html synthetic {} KB", page.len() / 1024),
        |b| {
            b.iter(|| read_html(black_box(&page)));
        },
    );
    group.bench_function("decode synthetic", |b| {
        b.iter(|| decode(black_box(page.as_bytes())));
    });
    match corpus_page() {
        Some((name, bytes)) => {
            let text = decode(&bytes).text;
            group.throughput(Throughput::Bytes(bytes.len() as u64));
            group.bench_function(format!("read_html {name}"), |b| {
                b.iter(|| read_html(black_box(&text)));
            });
            group.bench_function(format!("decode {name}"), |b| {
                b.iter(|| decode(black_box(&bytes)));
            });
        }
        None => eprintln!("XXGK_CORPUS not set or holds no .html page: corpus benchmark skipped"),
    }
    let docx = synthetic_docx();
    group.throughput(Throughput::Bytes(docx.len() as u64));
    group.bench_function("read_docx synthetic", |b| {
        b.iter(|| read_docx(black_box(&docx)).unwrap());
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

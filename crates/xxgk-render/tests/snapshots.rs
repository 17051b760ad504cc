//! Snapshots of every format for the bundled examples (the Word file as its
//! `document.xml` and the list of its parts), to review any change of output.

use std::path::PathBuf;

use xxgk_model::Report;
use xxgk_render::{
    HtmlOptions, TextOptions, docx_document_xml, to_docx, to_html, to_markdown, to_text,
};

fn example(name: &str) -> Report {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/examples")
        .join(format!("{name}.toml"));
    toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

const EXAMPLES: [&str; 2] = ["qinghe-gov-2025", "qinghe-water-2020"];

#[test]
fn text() {
    for name in EXAMPLES {
        let r = example(name);
        insta::assert_snapshot!(format!("{name}.txt"), to_text(&r, &TextOptions::default()));
    }
    let r = example("qinghe-gov-2025");
    insta::assert_snapshot!(
        "qinghe-gov-2025.expanded.txt",
        to_text(&r, &TextOptions::default().expand_merged(true))
    );
}

#[test]
fn markdown() {
    for name in EXAMPLES {
        insta::assert_snapshot!(format!("{name}.md"), to_markdown(&example(name)));
    }
}

#[test]
fn html() {
    for name in EXAMPLES {
        insta::assert_snapshot!(
            format!("{name}.html"),
            to_html(&example(name), &HtmlOptions::default())
        );
    }
    insta::assert_snapshot!(
        "qinghe-water-2020.fragment.html",
        to_html(
            &example("qinghe-water-2020"),
            &HtmlOptions::default().fragment(true)
        )
    );
}

#[test]
fn docx() {
    for name in EXAMPLES {
        let r = example(name);
        insta::assert_snapshot!(format!("{name}.document.xml"), docx_document_xml(&r));
        let bytes = to_docx(&r).unwrap();
        let zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
        let names: Vec<&str> = zip.file_names().collect();
        insta::assert_snapshot!(format!("{name}.docx-parts"), names.join("\n"));
        // The same report gives the same bytes.
        assert_eq!(to_docx(&r).unwrap(), bytes);
    }
}

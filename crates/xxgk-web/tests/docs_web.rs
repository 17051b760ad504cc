//! The curl examples of the workspace's docs/web.md run against a real server on
//! a free port (left out of the package: it reads the workspace's docs).

use std::path::Path;
use std::process::Command;

/// A fictional report file for the examples.
const REPORT: &str =
    "某某县水利局2025年政府信息公开工作年度报告\n一、总体情况\n全年主动公开信息120条。\n";

#[tokio::test(flavor = "multi_thread")]
async fn every_curl_example_of_docs_web_md_succeeds() {
    let doc =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/web.md"))
            .unwrap();
    let examples: Vec<&str> = doc.lines().filter(|l| l.starts_with("curl ")).collect();
    assert!(examples.len() >= 7, "docs/web.md has its examples");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let server = tokio::spawn(xxgk_web::Web::new().serve(listener));
    let dir = std::env::temp_dir().join(format!("xxgk-web-docs-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("报告.txt"), REPORT).unwrap();
    for example in examples {
        let line = example.replace("127.0.0.1:8421", &format!("127.0.0.1:{port}"));
        let out = tokio::task::spawn_blocking({
            let dir = dir.clone();
            move || {
                Command::new("sh")
                    .arg("-c")
                    .arg(&line)
                    .current_dir(&dir)
                    .output()
                    .expect("sh and curl")
            }
        })
        .await
        .unwrap();
        assert!(
            out.status.success(),
            "{example}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let said = String::from_utf8_lossy(&out.stdout);
        if !example.contains(" -o ") {
            assert!(!said.trim().is_empty(), "{example} printed nothing");
        }
    }
    assert!(
        std::fs::read(dir.join("报告.docx"))
            .unwrap()
            .starts_with(b"PK")
    );
    std::fs::remove_dir_all(&dir).unwrap();
    server.abort();
}

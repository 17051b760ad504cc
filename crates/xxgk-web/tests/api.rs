//! The API in process (tower's `oneshot`, no socket), and one request over a real
//! socket.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;
use xxgk_web::Web;

/// A fictional report: table 四's 行政复议 总计 is 2 where its results add up to 1.
const REPORT: &str = "某某县水利局2025年政府信息公开工作年度报告\n\
    一、总体情况\n全年主动公开信息120条。\n\
    四、政府信息公开行政复议、行政诉讼情况\n\
    行政复议\t行政诉讼\n\
    结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t复议后起诉\n\
    结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n\
    1\t0\t0\t0\t2\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n";

async fn send(web: Web, request: Request<Body>) -> (StatusCode, Vec<u8>, Option<String>) {
    let response = web.router().oneshot(request).await.unwrap();
    let status = response.status();
    let mime = response
        .headers()
        .get(header::CONTENT_TYPE)
        .map(|v| v.to_str().unwrap().to_owned());
    let body = response
        .into_body()
        .collect()
        .await
        .unwrap()
        .to_bytes()
        .to_vec();
    (status, body, mime)
}

fn get(uri: &str) -> Request<Body> {
    Request::get(uri)
        .header(header::HOST, "127.0.0.1:8421")
        .body(Body::empty())
        .unwrap()
}

fn post(uri: &str, body: impl Into<Body>) -> Request<Body> {
    Request::post(uri)
        .header(header::HOST, "127.0.0.1:8421")
        .body(body.into())
        .unwrap()
}

fn json(body: &[u8]) -> Value {
    serde_json::from_slice(body).unwrap()
}

#[tokio::test]
async fn check_answers_with_the_envelope_the_report_and_the_marked_page() {
    let (status, body, mime) = send(
        Web::new(),
        post("/api/check?name=%E6%8A%A5%E5%91%8A.txt", REPORT),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(mime.as_deref(), Some("application/json"));
    let answer = json(&body);
    insta::assert_json_snapshot!("check_envelope", answer["envelope"]);
    // The wrong total is marked in the page, and its expected value is given.
    let total = "/sections/reviews/table/行政复议/总计";
    assert_eq!(answer["expected"][total], "1");
    let html = answer["html"].as_str().unwrap();
    assert!(html.contains(&format!("data-pointer=\"{total}\"")));
    assert_eq!(answer["report"]["meta"]["agency"], "某某县水利局");
    // The envelope is the library's: it reads back as one.
    let envelope = serde_json::to_string(&answer["envelope"]).unwrap();
    assert!(xxgk::Envelope::from_json(&envelope).is_ok());
}

#[tokio::test]
async fn overrides_in_the_query_apply() {
    let (status, body, _) = send(
        Web::new(),
        post("/api/check?name=a.txt&year=2024&kind=government", REPORT),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let answer = json(&body);
    assert_eq!(answer["envelope"]["report"]["year"], 2024);
    assert_eq!(answer["envelope"]["report"]["kind"], "government");
}

#[tokio::test]
async fn blank_gives_the_form_of_the_years_format() {
    let (status, body, _) = send(
        Web::new(),
        get("/api/blank?year=2021&kind=department&agency=%E6%9F%90%E6%9F%90%E5%8E%BF%E6%B0%B4%E5%88%A9%E5%B1%80"),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let answer = json(&body);
    assert_eq!(answer["cells"], 200);
    assert_eq!(answer["report"]["meta"]["format"], "2021");
    assert_eq!(
        answer["html"]
            .as_str()
            .unwrap()
            .matches("data-cell=")
            .count(),
        200
    );
    let (status, body, _) = send(Web::new(), get("/api/blank?year=2020&kind=other&agency=x")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(json(&body)["report"]["meta"]["format"], "2019");
    let (status, body, _) = send(Web::new(), get("/api/blank?year=1990&kind=other&agency=x")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(json(&body)["error"].as_str().unwrap().contains("1990"));
}

#[tokio::test]
async fn render_writes_each_format_and_word_reads_back_to_the_same_cells() {
    let (_, body, _) = send(Web::new(), post("/api/check?name=a.txt", REPORT)).await;
    let model = serde_json::to_vec(&json(&body)["report"]).unwrap();
    for (to, mime, start) in [
        (
            "docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            &b"PK"[..],
        ),
        ("html", "text/html; charset=utf-8", b"<!doctype html>"),
        (
            "txt",
            "text/plain; charset=utf-8",
            "某某县水利局".as_bytes(),
        ),
        ("toml", "application/toml; charset=utf-8", b"[meta]"),
        ("json", "application/json", b"{"),
    ] {
        let (status, bytes, m) = send(
            Web::new(),
            post(&format!("/api/render?to={to}&name=m.json"), model.clone()),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{to}");
        assert_eq!(m.as_deref(), Some(mime), "{to}");
        assert!(bytes.starts_with(start), "{to}");
        if to == "docx" {
            let (_, again, _) = send(Web::new(), post("/api/check?name=r.docx", bytes)).await;
            let again = json(&again);
            assert_eq!(
                again["report"]["sections"]["reviews"],
                json(&body)["report"]["sections"]["reviews"]
            );
        }
    }
    let (status, _, _) = send(Web::new(), post("/api/render?to=pdf&name=m.json", model)).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn explain_and_rules_say_what_the_cli_says() {
    let (status, body, _) = send(Web::new(), get("/api/explain/T401")).await;
    assert_eq!(status, StatusCode::OK);
    let rule = json(&body);
    let registered = xxgk_rules::registry::find("T401").unwrap();
    assert_eq!(rule["explanation"], xxgk_rules::docs::section(registered));
    let mut shown = rule.clone();
    shown["explanation"] = Value::from("[xxgk explain T401]");
    insta::assert_json_snapshot!("explain_T401", shown);
    let (status, _, _) = send(Web::new(), get("/api/explain/Z999")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, body, _) = send(Web::new(), get("/api/rules")).await;
    let rules = json(&body);
    assert_eq!(
        rules["rules"].as_array().unwrap().len(),
        xxgk_rules::registry::rules().len()
    );
    insta::assert_json_snapshot!("rules_first", rules["rules"][0]);
}

#[tokio::test]
async fn another_host_or_another_sites_page_is_refused() {
    let request = Request::get("/")
        .header(header::HOST, "rebound.example:8421")
        .body(Body::empty())
        .unwrap();
    let (status, body, _) = send(Web::new(), request).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(
        json(&body)["error"]
            .as_str()
            .unwrap()
            .contains("rebound.example")
    );
    let request = Request::post("/api/check?name=a.txt")
        .header(header::HOST, "127.0.0.1:8421")
        .header(header::ORIGIN, "http://evil.example")
        .body(Body::from(REPORT))
        .unwrap();
    let (status, _, _) = send(Web::new(), request).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // The server's own page may post; the bound host is answered when allowed.
    let request = Request::post("/api/check?name=a.txt")
        .header(header::HOST, "192.0.2.7:8421")
        .header(header::ORIGIN, "http://192.0.2.7:8421")
        .body(Body::from(REPORT))
        .unwrap();
    let (status, _, _) = send(Web::new().allow_host("192.0.2.7"), request).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn a_body_over_the_limit_is_refused_in_chinese() {
    let (status, body, _) = send(
        Web::new().body_limit(1000),
        post("/api/check?name=a.txt", vec![b'a'; 5000]),
    )
    .await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(
        json(&body)["error"]
            .as_str()
            .unwrap()
            .starts_with("文件过大")
    );
}

/// Hostile files get a clear answer (never a 500), and the server checks the
/// next good file as before.
#[tokio::test]
async fn the_server_keeps_serving_after_hostile_uploads() {
    let mut random = Vec::with_capacity(1 << 16);
    let mut x: u32 = 0x2545_f491;
    for _ in 0..(1 << 16) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        random.push(x.to_le_bytes()[0]);
    }
    let mut truncated_zip = b"PK\x03\x04\x14\x00\x00\x00\x08\x00".to_vec();
    truncated_zip.extend_from_slice(&random[..300]);
    let nested_html = format!(
        "{}报告{}",
        "<div>".repeat(200_000),
        "</div>".repeat(200_000)
    );
    let nested_json = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let hostile: Vec<(&str, Vec<u8>)> = vec![
        ("random.bin", random.clone()),
        ("random.docx", random),
        ("truncated.docx", truncated_zip),
        ("nested.html", nested_html.into_bytes()),
        ("nested.json", nested_json.into_bytes()),
        (
            "nested.toml",
            "a = ".bytes().chain("[".repeat(100_000).bytes()).collect(),
        ),
        ("empty.txt", Vec::new()),
        ("not-utf8.txt", vec![0xff, 0xfe, 0x00, 0xd8, 0x00]),
    ];
    let router = Web::new().router();
    for (name, bytes) in hostile {
        let response = router
            .clone()
            .oneshot(post(&format!("/api/check?name={name}"), bytes))
            .await
            .unwrap();
        assert!(
            response.status() == StatusCode::OK || response.status().is_client_error(),
            "{name}: {}",
            response.status()
        );
    }
    let response = router
        .oneshot(post("/api/check?name=a.txt", REPORT))
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
}

/// The pages and their assets are served from the binary.
#[tokio::test]
async fn the_pages_and_assets_are_served() {
    for (uri, mime, text) in [
        ("/", "text/html; charset=utf-8", "检查报告"),
        ("/fill", "text/html; charset=utf-8", "填报报告"),
        ("/assets/style.css", "text/css; charset=utf-8", ".bar"),
        (
            "/assets/common.js",
            "text/javascript; charset=utf-8",
            "XX.mark",
        ),
        (
            "/assets/check.js",
            "text/javascript; charset=utf-8",
            "XX.check",
        ),
        (
            "/assets/fill.js",
            "text/javascript; charset=utf-8",
            "localStorage",
        ),
    ] {
        let (status, body, m) = send(Web::new(), get(uri)).await;
        assert_eq!(status, StatusCode::OK, "{uri}");
        assert_eq!(m.as_deref(), Some(mime), "{uri}");
        assert!(String::from_utf8(body).unwrap().contains(text), "{uri}");
    }
    let (status, _, _) = send(Web::new(), get("/assets/../Cargo.toml")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

/// One request over a real socket, as a browser sends it.
#[tokio::test]
async fn a_real_socket_is_served() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let server = tokio::spawn(Web::new().serve(listener));
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    let request = format!(
        "POST /api/check?name=a.txt HTTP/1.1\r\nHost: {addr}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{REPORT}",
        REPORT.len()
    );
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).await.unwrap();
    let response = String::from_utf8(response).unwrap();
    assert!(response.starts_with("HTTP/1.1 200 OK"), "{response}");
    assert!(response.contains("\"T401\""));
    server.abort();
}

/// With one reader, requests sent together wait their turn and are all answered.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn requests_beyond_the_readers_wait_their_turn() {
    let router = Web::new().readers(1).router();
    let requests = (0..6).map(|i| {
        let router = router.clone();
        tokio::spawn(async move {
            router
                .oneshot(post(&format!("/api/check?name={i}.txt"), REPORT))
                .await
                .unwrap()
                .status()
        })
    });
    for request in requests.collect::<Vec<_>>() {
        assert_eq!(request.await.unwrap(), StatusCode::OK);
    }
}

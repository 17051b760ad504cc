//! `xxgk serve`: the binary starts the web server, says where, and serves the page;
//! another address than the loopback gets a warning.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};

/// The server started with `args`, and the first line it printed.
fn start(args: &[&str]) -> (Child, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_xxgk"))
        .arg("serve")
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap());
    let mut said = String::new();
    lines.read_line(&mut said).unwrap();
    (child, said)
}

/// A GET of `path` over a real socket; the whole response.
fn get(addr: &str, path: &str) -> String {
    let mut stream = TcpStream::connect(addr).unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    response
}

#[test]
fn serve_says_where_it_listens_and_serves_the_check_page() {
    let (mut child, said) = start(&["--port", "0"]);
    let addr = said
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .unwrap_or_else(|| panic!("no address in {said:?}"))
        .to_owned();
    assert!(addr.starts_with("127.0.0.1:"), "{said}");
    let page = get(&addr, "/");
    let fill = get(&addr, "/fill");
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(page.starts_with("HTTP/1.1 200 OK"), "{page}");
    assert!(page.contains("检查报告"));
    assert!(fill.contains("填报报告"));
}

/// The warning comes before the socket is bound: 192.0.2.1 (an address for
/// documentation, on no interface here) cannot be bound, so nothing listens
/// beyond the loopback even for a moment.
#[test]
fn another_address_than_the_loopback_is_warned_of() {
    let out = Command::new(env!("CARGO_BIN_EXE_xxgk"))
        .args(["serve", "--port", "0", "--host", "192.0.2.1"])
        .output()
        .unwrap();
    let said = String::from_utf8(out.stderr).unwrap();
    assert!(said.starts_with("警告：--host 192.0.2.1"), "{said}");
    assert!(said.contains("无法在 192.0.2.1:0 上启动网页服务"), "{said}");
    assert_eq!(out.status.code(), Some(2));
}

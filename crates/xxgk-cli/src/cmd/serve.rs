//! `xxgk serve`: the local web page (检查, 填报) in the user's browser.

use std::net::{IpAddr, SocketAddr};
use std::process::ExitCode;

use anyhow::{Context, Result};
use xxgk::Checker;
use xxgk::import::Pdftotext;
use xxgk_web::Web;

use crate::limits::{MAX_INPUT_BYTES, pdf_timeout};

/// Arguments of `xxgk serve`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// 端口；0 表示任选一个空闲端口。
    #[arg(long, default_value_t = 8421)]
    port: u16,
    /// 监听地址。默认只在本机（127.0.0.1）可访问；改为其他地址会让网络上的其他人也能访问，请谨慎。
    #[arg(long, default_value = "127.0.0.1")]
    host: IpAddr,
    /// 启动后用默认浏览器打开页面。
    #[arg(long)]
    open: bool,
}

pub(crate) fn run(args: &Args) -> Result<ExitCode> {
    let checker = Checker::new().pdf_extractor(Pdftotext::new().timeout(pdf_timeout()?));
    let limit = usize::try_from(MAX_INPUT_BYTES).unwrap_or(usize::MAX);
    let mut web = Web::new().checker(checker).body_limit(limit);
    if !args.host.is_loopback() {
        eprintln!(
            "警告：--host {} 让本机以外的人也能打开这个页面并上传文件；只在可信的网络中这样做。",
            args.host
        );
        web = web.allow_host(host_name(args.host));
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("无法启动网页服务")?;
    runtime.block_on(async {
        let addr = SocketAddr::new(args.host, args.port);
        let listener = tokio::net::TcpListener::bind(addr).await.with_context(|| {
            format!("无法在 {addr} 上启动网页服务（端口被占用？可用 --port 换一个）")
        })?;
        let bound = listener.local_addr().context("无法启动网页服务")?;
        let shown = if args.host.is_loopback() {
            format!("http://127.0.0.1:{}/", bound.port())
        } else {
            format!("http://{}:{}/", host_name(args.host), bound.port())
        };
        eprintln!("xxgk 网页已启动：{shown}（检查：{shown}，填报：{shown}fill；按 Ctrl+C 停止）");
        if args.open {
            open(&shown);
        }
        web.serve(listener).await.context("网页服务出错")
    })?;
    Ok(ExitCode::SUCCESS)
}

/// An address as a URL's host names it (`[::1]` for IPv6).
fn host_name(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => format!("[{v6}]"),
    }
}

/// Opens the page in the default browser; a failure is said, not fatal.
fn open(url: &str) {
    let mut command = if cfg!(target_os = "windows") {
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", ""]);
        c
    } else if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else {
        std::process::Command::new("xdg-open")
    };
    if command.arg(url).spawn().is_err() {
        eprintln!("无法自动打开浏览器；请手动打开 {url}");
    }
}

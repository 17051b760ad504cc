//! A local web page for government information-disclosure annual reports
//! (政府信息公开工作年度报告): the server behind `xxgk serve`.
//!
//! Two pages in Chinese — 检查 (check a report: upload or paste it, see each
//! finding marked in place in the official layout) and 填报 (fill in the official
//! form of the right version, checked as one types) — and an HTTP API under `/api`
//! (`check`, `render`, `blank`, `explain`, `rules`) that answers in the library's
//! types (the check's [`xxgk::Envelope`], the model's [`xxgk_model::Report`]). The
//! workspace's `docs/web.md` documents each endpoint.
//!
//! Every page, script and style sheet is compiled into the binary: the page works
//! offline, and nothing a user sends leaves the machine or is written to its
//! disk (the server is stateless; the draft of the 填报 page lives in the
//! browser). Requests are bounded ([`Web::body_limit`]), and the `Host` and
//! `Origin` headers are checked (a page of another site cannot post to the
//! server, nor reach it by rebinding a name to 127.0.0.1): see [`Web::allow_host`].
//!
//! ```
//! # async fn run() -> std::io::Result<()> {
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
//! let app = xxgk_web::Web::new().router();
//! // axum::serve(listener, app).await  — what `xxgk serve` runs.
//! # drop((listener, app)); Ok(()) }
//! ```
//!
//! The crate prints nothing and reads no environment: the caller (the CLI)
//! binds the socket and says where it listens. Features: none.

mod api;
mod assets;
mod expected;
mod guard;
mod web;

pub use web::{DEFAULT_BODY_LIMIT, Web};

// The README's examples are compiled and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

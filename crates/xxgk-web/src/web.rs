//! What a server is asked to do: how reports are read and checked, which host
//! names it answers to, how large a request may be.

use std::sync::Arc;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use tokio::sync::Semaphore;
use xxgk::Checker;

use crate::{api, assets, guard};

/// The largest request body accepted by default: the CLI's limit on one input
/// file (`docs/limits.md`), 64 MiB.
pub const DEFAULT_BODY_LIMIT: usize = 64 * 1024 * 1024;

/// The web server's configuration; [`Web::router`] makes the service.
///
/// ```
/// let web = xxgk_web::Web::new().allow_host("192.0.2.7").body_limit(1 << 20);
/// let _router = web.router();
/// ```
#[derive(Debug, Clone)]
pub struct Web {
    pub(crate) checker: Checker,
    pub(crate) hosts: Vec<String>,
    pub(crate) body_limit: usize,
    /// Files read at once; further requests wait their turn, so that many
    /// uploads (PDF files each running `pdftotext`) cannot start unbounded work.
    pub(crate) readers: Arc<Semaphore>,
}

/// Files read at the same time by default.
const DEFAULT_READERS: usize = 4;

impl Default for Web {
    fn default() -> Web {
        Web::new()
    }
}

impl Web {
    /// A server that checks as `xxgk check` does by default ([`Checker::new`]),
    /// answers to `localhost`, `127.0.0.1` and `[::1]` only, and accepts request
    /// bodies up to [`DEFAULT_BODY_LIMIT`].
    pub fn new() -> Web {
        Web {
            checker: Checker::new(),
            hosts: Vec::new(),
            body_limit: DEFAULT_BODY_LIMIT,
            readers: Arc::new(Semaphore::new(DEFAULT_READERS)),
        }
    }

    /// How many files are read and checked at the same time (at least 1; 4 by
    /// default); further requests wait their turn.
    #[must_use]
    pub fn readers(mut self, n: usize) -> Web {
        self.readers = Arc::new(Semaphore::new(n.max(1)));
        self
    }

    /// Checks with this checker (its configuration of the rules, its PDF
    /// extractor; the year, kind and agency a request gives override its own).
    #[must_use]
    pub fn checker(mut self, checker: Checker) -> Web {
        self.checker = checker;
        self
    }

    /// Also answers requests whose `Host` names `host` (the address the server
    /// was bound to with `--host`, without the port). Any other name is refused,
    /// so that a site cannot reach the server by pointing its own name at
    /// 127.0.0.1 (DNS rebinding).
    #[must_use]
    pub fn allow_host(mut self, host: impl Into<String>) -> Web {
        let host = host.into().to_ascii_lowercase();
        if !self.hosts.contains(&host) {
            self.hosts.push(host);
        }
        self
    }

    /// The largest request body, in bytes; a larger upload is refused with 413.
    #[must_use]
    pub fn body_limit(mut self, bytes: usize) -> Web {
        self.body_limit = bytes;
        self
    }

    /// Serves the pages and the API on a bound listener until the process ends
    /// (the server holds no state to save).
    pub async fn serve(self, listener: tokio::net::TcpListener) -> std::io::Result<()> {
        axum::serve(listener, self.router()).await
    }

    /// The service: the pages, their assets and the API, behind the host and
    /// origin checks.
    pub fn router(self) -> Router {
        let limit = self.body_limit;
        let state = Arc::new(self);
        Router::new()
            .route("/", get(assets::check_page))
            .route("/fill", get(assets::fill_page))
            .route("/assets/{name}", get(assets::asset))
            .route("/api/check", post(api::check))
            .route("/api/render", post(api::render))
            .route("/api/blank", get(api::blank))
            .route("/api/explain/{rule}", get(api::explain))
            .route("/api/rules", get(api::rules))
            .fallback(api::not_found)
            .layer(DefaultBodyLimit::max(limit))
            .layer(axum::middleware::from_fn_with_state(
                Arc::clone(&state),
                guard::guard,
            ))
            .with_state(state)
    }
}

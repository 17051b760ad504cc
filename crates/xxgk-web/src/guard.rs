//! The checks every request passes before a handler sees it: the `Host` it was
//! sent to and, for a request that changes or reads a report, the `Origin` of the
//! page that sent it. Responses get headers that keep the page from being framed
//! or its content type guessed.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::Web;
use crate::api::error;

/// Host names always answered: the loopback addresses by name and number.
const LOOPBACK: [&str; 3] = ["localhost", "127.0.0.1", "[::1]"];

/// Refuses a request sent to another host name or posted by another site's page;
/// adds the security headers to every response.
pub(crate) async fn guard(
    State(web): State<Arc<Web>>,
    request: Request<Body>,
    next: Next,
) -> Response {
    let headers = request.headers();
    let Some(host) = headers.get(header::HOST).and_then(|h| h.to_str().ok()) else {
        return error(StatusCode::BAD_REQUEST, "请求缺少 Host 头");
    };
    if !host_allowed(&web, host) {
        return error(
            StatusCode::FORBIDDEN,
            &format!("拒绝访问：本服务只响应发往本机地址的请求，而这个请求发往“{host}”"),
        );
    }
    if request.method() != Method::GET && request.method() != Method::HEAD {
        if let Err(why) = same_origin(headers, host) {
            return error(StatusCode::FORBIDDEN, why);
        }
    }
    let mut response = next.run(request).await;
    let h = response.headers_mut();
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; \
             object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
        ),
    );
    response.into_response()
}

/// The host part of a `Host` header or an origin's authority, lower case,
/// without the port (`[::1]:8080` → `[::1]`).
fn host_name(authority: &str) -> String {
    let name = if authority.starts_with('[') {
        authority.find(']').map_or(authority, |i| &authority[..=i])
    } else {
        authority.rsplit_once(':').map_or(authority, |(h, _)| h)
    };
    name.to_ascii_lowercase()
}

fn host_allowed(web: &Web, host: &str) -> bool {
    let name = host_name(host);
    LOOPBACK.contains(&name.as_str()) || web.hosts.contains(&name)
}

/// A request that can act (a POST) must come from the server's own pages: its
/// `Origin`, when the browser sends one, names the host it was sent to, and a
/// browser that says the request is cross-site is believed.
fn same_origin(headers: &HeaderMap, host: &str) -> Result<(), &'static str> {
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        if site == "cross-site" || site == "same-site" {
            return Err("拒绝访问：不接受其他网站的页面发来的请求");
        }
    }
    let Some(origin) = headers.get(header::ORIGIN) else {
        // Not a browser's cross-site request (curl, a script): the Host check
        // above is what applies.
        return Ok(());
    };
    let origin = origin.to_str().unwrap_or("null");
    let authority = origin
        .strip_prefix("http://")
        .or_else(|| origin.strip_prefix("https://"));
    match authority {
        Some(a) if a.eq_ignore_ascii_case(host) => Ok(()),
        _ => Err("拒绝访问：不接受其他网站的页面发来的请求"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_names_lose_their_port() {
        assert_eq!(host_name("127.0.0.1:8080"), "127.0.0.1");
        assert_eq!(host_name("[::1]:8080"), "[::1]");
        assert_eq!(host_name("[::1]"), "[::1]");
        assert_eq!(host_name("LocalHost"), "localhost");
    }

    #[test]
    fn only_loopback_and_the_bound_host_are_answered() {
        let web = Web::new().allow_host("192.0.2.7");
        assert!(host_allowed(&web, "localhost:3000"));
        assert!(host_allowed(&web, "[::1]:3000"));
        assert!(host_allowed(&web, "192.0.2.7:3000"));
        assert!(!host_allowed(&web, "attacker.example:3000"));
        assert!(!host_allowed(&web, "127.0.0.1.attacker.example"));
    }

    #[test]
    fn a_post_from_another_origin_is_refused() {
        let mut h = HeaderMap::new();
        assert!(same_origin(&h, "127.0.0.1:3000").is_ok());
        h.insert(
            header::ORIGIN,
            HeaderValue::from_static("http://127.0.0.1:3000"),
        );
        assert!(same_origin(&h, "127.0.0.1:3000").is_ok());
        h.insert(
            header::ORIGIN,
            HeaderValue::from_static("http://evil.example"),
        );
        assert!(same_origin(&h, "127.0.0.1:3000").is_err());
        h.insert(header::ORIGIN, HeaderValue::from_static("null"));
        assert!(same_origin(&h, "127.0.0.1:3000").is_err());
        h.insert(
            header::ORIGIN,
            HeaderValue::from_static("http://127.0.0.1:3000"),
        );
        h.insert("sec-fetch-site", HeaderValue::from_static("cross-site"));
        assert!(same_origin(&h, "127.0.0.1:3000").is_err());
    }
}

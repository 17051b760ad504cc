//! The pages, scripts and style sheet, compiled into the binary.

use axum::extract::Path;
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};

use crate::api::error;

/// The 检查 page.
pub(crate) async fn check_page() -> Html<&'static str> {
    Html(include_str!("../assets/index.html"))
}

/// The 填报 page.
pub(crate) async fn fill_page() -> Html<&'static str> {
    Html(include_str!("../assets/fill.html"))
}

/// A script or the style sheet, by name.
pub(crate) async fn asset(Path(name): Path<String>) -> Response {
    let (body, mime) = match name.as_str() {
        "style.css" => (
            include_str!("../assets/style.css"),
            "text/css; charset=utf-8",
        ),
        "common.js" => (
            include_str!("../assets/common.js"),
            "text/javascript; charset=utf-8",
        ),
        "check.js" => (
            include_str!("../assets/check.js"),
            "text/javascript; charset=utf-8",
        ),
        "fill.js" => (
            include_str!("../assets/fill.js"),
            "text/javascript; charset=utf-8",
        ),
        _ => return error(StatusCode::NOT_FOUND, "没有这个文件"),
    };
    ([(header::CONTENT_TYPE, mime)], body).into_response()
}

//! The API under `/api`: check, render, blank, explain, rules. Every answer is
//! JSON in the library's types, except `render`, which answers with the file.

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::Json;
use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use xxgk::{Checker, Envelope};
use xxgk_model::{BodyKind, Report, official_keys};
use xxgk_render::{Format, HtmlOptions, Options};
use xxgk_rules::registry;

use crate::Web;
use crate::expected::expected;

/// A JSON error: `{"error": "…"}` with the status.
pub(crate) fn error(status: StatusCode, message: &str) -> Response {
    #[derive(Serialize)]
    struct Error<'a> {
        error: &'a str,
    }
    (status, Json(Error { error: message })).into_response()
}

/// The body of a request, or the error that says why it cannot be had (too
/// large: 413 with the limit).
fn body(web: &Web, body: Result<Bytes, BytesRejection>) -> Result<Bytes, Response> {
    body.map_err(|e| {
        let status = e.status();
        if status == StatusCode::PAYLOAD_TOO_LARGE {
            error(
                status,
                &format!(
                    "文件过大：超过 {} MiB 的上限（docs/limits.md）",
                    web.body_limit / (1024 * 1024)
                ),
            )
        } else {
            error(status, &format!("无法读取请求内容：{e}"))
        }
    })
}

/// The query of a request, or a 400 saying what is wrong with it.
fn query<T>(q: Result<Query<T>, QueryRejection>) -> Result<T, Response> {
    q.map(|Query(q)| q).map_err(|e| {
        error(
            StatusCode::BAD_REQUEST,
            &format!("请求参数有误：{}", e.body_text()),
        )
    })
}

/// Query of `POST /api/check` and `POST /api/render`.
#[derive(Debug, Deserialize)]
pub(crate) struct FileQuery {
    /// The file's name (its extension helps tell a model file or a Word file).
    name: Option<String>,
    /// The report year, overriding the title's.
    year: Option<i32>,
    /// The kind of body.
    kind: Option<BodyKind>,
    /// The issuing body, overriding the title's.
    agency: Option<String>,
    /// `render`: the format to write.
    to: Option<String>,
}

impl FileQuery {
    fn name(&self) -> String {
        self.name
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .unwrap_or("上传的文件")
            .to_owned()
    }

    fn checker(&self, web: &Web) -> Checker {
        let mut checker = web.checker.clone();
        if let Some(year) = self.year {
            checker = checker.year(year);
        }
        if let Some(kind) = self.kind {
            checker = checker.kind(kind);
        }
        if let Some(agency) = self
            .agency
            .as_deref()
            .map(str::trim)
            .filter(|a| !a.is_empty())
        {
            checker = checker.agency(agency);
        }
        checker
    }
}

/// The answer of `POST /api/check`.
#[derive(Debug, Serialize)]
struct CheckAnswer {
    /// What `xxgk check --format json` prints for the file.
    envelope: Envelope,
    /// The report as read (the model, `docs/model.md`).
    report: Report,
    /// The report in the official layout, an HTML fragment whose parts say
    /// where they are (`data-pointer`, `data-cell`).
    html: String,
    /// For a total an identity finds wrong, the value the other side adds up
    /// to, by the cell's JSON Pointer (`应为 57` beside it).
    expected: BTreeMap<String, String>,
}

/// Runs a blocking job (reading a file may run `pdftotext`) off the server's
/// threads, once one of the server's readers is free; a job that panicked is a
/// 500, and the server goes on.
async fn blocking<T: Send + 'static>(
    web: &Web,
    job: impl FnOnce() -> T + Send + 'static,
) -> Result<T, Response> {
    // The semaphore is never closed: a permit always comes.
    let _permit = web.readers.acquire().await.ok();
    tokio::task::spawn_blocking(job).await.map_err(|_| {
        error(
            StatusCode::INTERNAL_SERVER_ERROR,
            "内部错误：处理这个文件时出错，请把文件报告给开发者",
        )
    })
}

/// `POST /api/check?name=…`: the body is a report file in any form xxgk reads.
pub(crate) async fn check(
    State(web): State<Arc<Web>>,
    q: Result<Query<FileQuery>, QueryRejection>,
    bytes: Result<Bytes, BytesRejection>,
) -> Response {
    let run = async {
        let q = query(q)?;
        let bytes = body(&web, bytes)?;
        let reader = q.checker(&web);
        let name = q.name();
        let checked = blocking(&web, move || reader.check(&bytes, &name))
            .await?
            .map_err(|e| error(StatusCode::UNPROCESSABLE_ENTITY, &e.to_string()))?;
        let report = checked.current.report.clone();
        let html =
            xxgk_render::to_html(&report, &HtmlOptions::default().fragment(true).hooks(true));
        let envelope = checked.envelope();
        Ok::<_, Response>(Json(CheckAnswer {
            expected: expected(&envelope.diagnostics),
            envelope,
            report,
            html,
        }))
    };
    run.await.into_response()
}

/// The formats `render` writes: the renderer's four and the model file's two.
fn output(to: &str) -> Option<(Option<Format>, &'static str, &'static str)> {
    Some(match to {
        "docx" => (
            Some(Format::Docx),
            "docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        "html" => (Some(Format::Html), "html", "text/html; charset=utf-8"),
        "txt" => (Some(Format::Text), "txt", "text/plain; charset=utf-8"),
        "md" => (Some(Format::Markdown), "md", "text/markdown; charset=utf-8"),
        "toml" => (None, "toml", "application/toml; charset=utf-8"),
        "json" => (None, "json", "application/json"),
        _ => return None,
    })
}

/// `POST /api/render?to=docx|html|txt|md|toml|json&name=…`: the body is a report
/// file (typically the model JSON the 填报 page holds); the answer is the file.
pub(crate) async fn render(
    State(web): State<Arc<Web>>,
    q: Result<Query<FileQuery>, QueryRejection>,
    bytes: Result<Bytes, BytesRejection>,
) -> Response {
    let run = async {
        let q = query(q)?;
        let to = q.to.as_deref().unwrap_or("");
        let Some((format, ext, mime)) = output(to) else {
            return Err(error(
                StatusCode::BAD_REQUEST,
                &format!("不支持的输出格式“{to}”：请用 docx、html、txt、md、toml 或 json"),
            ));
        };
        let bytes = body(&web, bytes)?;
        let checker = q.checker(&web);
        let name = q.name();
        let rendered = blocking(&web, move || -> Result<Vec<u8>, String> {
            let file = checker.read(&bytes, &name).map_err(|e| e.to_string())?;
            let report = &file.report;
            match format {
                Some(f) => {
                    xxgk_render::render(report, f, &Options::default()).map_err(|e| e.to_string())
                }
                None if ext == "toml" => toml::to_string(report)
                    .map(String::into_bytes)
                    .map_err(|e| format!("无法生成 TOML：{e}")),
                None => {
                    serde_json::to_vec_pretty(report).map_err(|e| format!("无法生成 JSON：{e}"))
                }
            }
        })
        .await?
        .map_err(|e| error(StatusCode::UNPROCESSABLE_ENTITY, &e))?;
        Ok((
            [
                (header::CONTENT_TYPE, mime.to_owned()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"report.{ext}\""),
                ),
            ],
            rendered,
        ))
    };
    run.await.into_response()
}

/// Query of `GET /api/blank`.
#[derive(Debug, Deserialize)]
pub(crate) struct BlankQuery {
    year: i32,
    kind: BodyKind,
    agency: String,
}

/// The answer of `GET /api/blank`.
#[derive(Debug, Serialize)]
struct BlankAnswer {
    /// The blank report (the model, as `xxgk init` writes it).
    report: Report,
    /// Its form in the official layout, every cell marked (`data-cell`).
    html: String,
    /// The number of official cells to fill in.
    cells: usize,
}

/// `GET /api/blank?year=2025&kind=department&agency=…`: the blank report of the
/// format the year follows.
pub(crate) async fn blank(q: Result<Query<BlankQuery>, QueryRejection>) -> Response {
    let run = || {
        let q = query(q)?;
        let agency = q.agency.trim();
        if agency.is_empty() {
            return Err(error(StatusCode::BAD_REQUEST, "请填写发布机关全称"));
        }
        let report = Report::blank(agency, q.year, q.kind)
            .map_err(|e| error(StatusCode::BAD_REQUEST, &e.to_string()))?;
        let html =
            xxgk_render::to_html(&report, &HtmlOptions::default().fragment(true).hooks(true));
        Ok(Json(BlankAnswer {
            cells: official_keys(report.meta.format).len(),
            report,
            html,
        }))
    };
    run().into_response()
}

/// A rule as the API lists it.
#[derive(Debug, Serialize)]
struct RuleInfo {
    code: &'static str,
    name: &'static str,
    severity: &'static str,
    category: &'static str,
    summary: &'static str,
    /// The explanation `xxgk explain` prints (Markdown); only from `explain`.
    #[serde(skip_serializing_if = "Option::is_none")]
    explanation: Option<String>,
}

fn info(rule: &xxgk_rules::Rule, explained: bool) -> RuleInfo {
    RuleInfo {
        code: rule.code,
        name: rule.name,
        severity: rule.severity.as_str(),
        category: rule.category(),
        summary: rule.summary,
        explanation: explained.then(|| xxgk_rules::docs::section(rule)),
    }
}

/// `GET /api/explain/T401` (or a rule's name): what `xxgk explain` prints.
pub(crate) async fn explain(Path(rule): Path<String>) -> Response {
    match registry::find(&rule) {
        Some(r) => Json(info(r, true)).into_response(),
        None => error(StatusCode::NOT_FOUND, &format!("没有规则“{rule}”")),
    }
}

/// `GET /api/rules`: every rule, as `xxgk rules` lists them.
pub(crate) async fn rules() -> Response {
    #[derive(Serialize)]
    struct Rules {
        rules: Vec<RuleInfo>,
    }
    let rules = registry::rules().iter().map(|r| info(r, false)).collect();
    Json(Rules { rules }).into_response()
}

/// Any other path.
pub(crate) async fn not_found() -> Response {
    error(StatusCode::NOT_FOUND, "没有这个页面")
}

//! The one way the workspace says no: a [`Refusal`] (a sentence in both
//! languages, the problems of an input, a stale version, or a failure the
//! clerk cannot fix, whose detail only the server's log sees), handed back
//! with `?` and answered in the clerk's language — `Accept-Language`
//! starting with "en" asks for English, anything else gets Vietnamese.

use std::convert::Infallible;

use axum::extract::{FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

use super::check::ProblemJson;
use super::store::conferences::SaveRefused;
use crate::diag::Lang;

/// What a handler answers: its response, or why not.
pub(crate) type Answer = Result<Response, Refusal>;

/// Why a request was turned away.
#[derive(Debug, Clone)]
pub(crate) enum Refusal {
    /// A status and the sentence that explains it.
    Said(StatusCode, Said),
    /// 422: what is wrong with the input; nothing was stored.
    Problems(Vec<ProblemJson>),
    /// 409: the conference moved on to this version meanwhile.
    Stale(i64),
    /// 429 with `Retry-After`: too many sign-ins.
    Throttled { seconds: u64, said: Said },
    /// 500: something the clerk cannot fix; the detail goes to the log only.
    Internal(String),
    /// 507: the server's disk is full; the detail goes to the log only.
    OutOfSpace(String),
}

/// The sentences a refusal says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Said {
    /// No such conference, file or printer.
    NotFound,
    SignInNeeded,
    WrongPassword,
    /// A post that came from another site.
    CrossSite,
    /// A change without its CSRF token.
    Csrf,
    /// A `Host` this server does not answer to.
    UnknownHost(String),
    IfMatchNeeded,
    /// Too many wrong passwords: wait this many minutes.
    Locked {
        minutes: u64,
    },
    /// Too many sign-ins being checked at once.
    SignInsBusy,
    /// A request whose body, address or query could not be read.
    Unreadable,
    /// An action her role does not allow on her unit's conference.
    RoleForbids(Action),
    /// A register's counter of a body another unit issues under.
    CounterOfAnotherUnit,
}

/// What a role was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Action {
    Edit,
    Issue,
}

impl Said {
    /// The sentence in `lang`.
    pub(crate) fn message(&self, lang: Lang) -> String {
        let vi = lang == Lang::Vi;
        match self {
            Said::NotFound if vi => "Không có hội nghị hoặc tệp này.".into(),
            Said::NotFound => "There is no such conference or file.".into(),
            Said::SignInNeeded if vi => "Cần đăng nhập.".into(),
            Said::SignInNeeded => "Please sign in.".into(),
            Said::WrongPassword if vi => "Sai tên đăng nhập hoặc mật khẩu.".into(),
            Said::WrongPassword => "Wrong user name or password.".into(),
            Said::CrossSite if vi => "Yêu cầu đến từ trang khác; đã từ chối.".into(),
            Said::CrossSite => "The request came from another site and was refused.".into(),
            Said::Csrf if vi => {
                "Thiếu hoặc sai mã chống giả mạo (X-CSRF-Token); tải lại trang rồi thử lại.".into()
            }
            Said::Csrf => "The anti-forgery token (X-CSRF-Token) is missing or wrong; reload the page and try again."
                .into(),
            Said::UnknownHost(shown) if vi => format!(
                "Máy chủ không nhận tên «{shown}»; hãy mở bằng địa chỉ IP, localhost, hoặc chạy baocao serve với --allow-host {shown}."
            ),
            Said::UnknownHost(shown) => format!(
                "This server does not answer to «{shown}»; open it by its IP address or localhost, or run baocao serve with --allow-host {shown}."
            ),
            Said::IfMatchNeeded if vi => "Cần tiêu đề If-Match: <phiên bản đang sửa>.".into(),
            Said::IfMatchNeeded => "An If-Match header is needed: <the version being edited>.".into(),
            Said::Locked { minutes } if vi => format!(
                "Sai mật khẩu quá nhiều lần; hãy thử lại sau {minutes} phút hoặc nhờ người quản trị đặt lại mật khẩu."
            ),
            Said::Locked { minutes } => format!(
                "Too many wrong passwords; try again in {minutes} minute(s) or ask the administrator to reset the password."
            ),
            Said::SignInsBusy if vi => "Máy chủ đang kiểm tra nhiều lượt đăng nhập; hãy thử lại sau ít giây.".into(),
            Said::SignInsBusy => "The server is checking many sign-ins; try again in a few seconds.".into(),
            Said::Unreadable if vi => "Không đọc được yêu cầu (nội dung, địa chỉ hoặc tham số không đúng dạng).".into(),
            Said::Unreadable => "The request could not be read (its body, address or parameters are malformed).".into(),
            Said::RoleForbids(Action::Edit) if vi => {
                "Vai trò của bạn không được sửa, tạo hay xoá hội nghị của đơn vị này; việc đó do văn thư của đơn vị làm.".into()
            }
            Said::RoleForbids(Action::Edit) => {
                "Your role may not edit, create or delete this unit's conferences; its clerk does that.".into()
            }
            Said::CounterOfAnotherUnit if vi => {
                "Sổ của cơ quan này do đơn vị khác cấp số; đơn vị bạn không đặt bộ đếm của sổ đó được.".into()
            }
            Said::CounterOfAnotherUnit => {
                "This body's register is numbered by another unit; your unit cannot set its counter.".into()
            }
            Said::RoleForbids(Action::Issue) if vi => {
                "Vai trò của bạn không được ban hành (cấp số); việc đó do lãnh đạo của đơn vị làm.".into()
            }
            Said::RoleForbids(Action::Issue) => "Your role may not issue (give numbers); the unit's leader does that.".into(),
        }
    }
}

impl Refusal {
    /// 404: no such conference, file or printer.
    pub(crate) fn not_found() -> Refusal {
        Refusal::Said(StatusCode::NOT_FOUND, Said::NotFound)
    }

    /// 500 for a failure of the server's own; `detail` is logged only.
    pub(crate) fn internal(detail: impl std::fmt::Display) -> Refusal {
        Refusal::Internal(detail.to_string())
    }

    /// The answer in `lang` (nothing logged).
    pub(crate) fn answer(&self, lang: Lang) -> Response {
        let vi = lang == Lang::Vi;
        match self {
            Refusal::Said(status, said) => (*status, Json(json!({ "message": said.message(lang) }))).into_response(),
            Refusal::Problems(problems) => {
                let problems: Vec<ProblemJson> = problems.iter().map(|p| p.in_lang(lang)).collect();
                (StatusCode::UNPROCESSABLE_ENTITY, Json(json!({ "problems": problems }))).into_response()
            }
            Refusal::Stale(current) => {
                let message = if vi {
                    format!("Hội nghị vừa được lưu ở nơi khác (phiên bản {current}); tải lại để xem rồi sửa tiếp.")
                } else {
                    format!(
                        "The conference was just saved elsewhere (version {current}); reload it, then go on editing."
                    )
                };
                (StatusCode::CONFLICT, Json(json!({ "message": message, "version": current }))).into_response()
            }
            Refusal::Throttled { seconds, said } => {
                let mut response =
                    (StatusCode::TOO_MANY_REQUESTS, Json(json!({ "message": said.message(lang) }))).into_response();
                response.headers_mut().insert(header::RETRY_AFTER, (*seconds).into());
                response
            }
            Refusal::Internal(_) => {
                let message = if vi {
                    "Lỗi máy chủ; việc vừa làm chưa được lưu. Hãy thử lại; nếu vẫn lỗi, báo người quản trị xem nhật ký của baocao serve."
                } else {
                    "The server failed; what you just did was not saved. Try again; if it fails again, ask the administrator to read the log of baocao serve."
                };
                (StatusCode::INTERNAL_SERVER_ERROR, Json(json!({ "message": message }))).into_response()
            }
            Refusal::OutOfSpace(_) => {
                let message = if vi {
                    "Máy chủ đã hết chỗ trên đĩa nên việc vừa làm chưa được lưu; báo người quản trị giải phóng chỗ trống rồi thử lại."
                } else {
                    "The server's disk is full, so what you just did was not saved; ask the administrator to free some space, then try again."
                };
                (StatusCode::INSUFFICIENT_STORAGE, Json(json!({ "message": message }))).into_response()
            }
        }
    }
}

impl From<Vec<ProblemJson>> for Refusal {
    fn from(problems: Vec<ProblemJson>) -> Refusal {
        Refusal::Problems(problems)
    }
}

/// A save the store refused, as every saving route answers it: another
/// version was saved meanwhile (409 with the newest), or the conference is gone.
impl From<SaveRefused> for Refusal {
    fn from(refused: SaveRefused) -> Refusal {
        match refused {
            SaveRefused::Stale(current) => Refusal::Stale(current),
            SaveRefused::Missing => Refusal::not_found(),
        }
    }
}

/// Answered in Vietnamese, the refusal kept beside so that [`speak`] can
/// say it in the clerk's language; a failure's detail is logged here, once.
impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        if let Refusal::Internal(detail) | Refusal::OutOfSpace(detail) = &self {
            eprintln!("baocao serve: {detail}");
        }
        let mut response = self.answer(Lang::Vi);
        response.extensions_mut().insert(self);
        response
    }
}

/// The clerk's language, from `Accept-Language`: English when it starts
/// with "en", Vietnamese otherwise.
pub(crate) fn clerk_lang(headers: &HeaderMap) -> Lang {
    let asked = headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).unwrap_or_default();
    if asked.trim_start().to_ascii_lowercase().starts_with("en") {
        Lang::En
    } else {
        Lang::Vi
    }
}

/// The clerk's language, as a handler takes it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Clerk(pub Lang);

impl<S: Send + Sync> FromRequestParts<S> for Clerk {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Clerk, Infallible> {
        Ok(Clerk(clerk_lang(&parts.headers)))
    }
}

/// Says every refusal in the clerk's language, and replaces the plain-text
/// answers of a request that could not be read (the web framework's own
/// words, which name Rust types) with a sentence.
pub(crate) async fn speak(request: Request, next: Next) -> Response {
    let lang = clerk_lang(request.headers());
    let response = next.run(request).await;
    let refusal = match response.extensions().get::<Refusal>() {
        Some(refusal) => refusal.clone(),
        None if framework_refusal(&response) => Refusal::Said(response.status(), Said::Unreadable),
        None => return response,
    };
    if lang == Lang::Vi && response.extensions().get::<Refusal>().is_some() {
        return response;
    }
    let (mut parts, _) = response.into_parts();
    let (said, body) = refusal.answer(lang).into_parts();
    parts.headers.insert(header::CONTENT_TYPE, header::HeaderValue::from_static("application/json"));
    parts.headers.remove(header::CONTENT_LENGTH);
    if let Some(wait) = said.headers.get(header::RETRY_AFTER) {
        parts.headers.insert(header::RETRY_AFTER, wait.clone());
    }
    Response::from_parts(parts, body)
}

/// A 4xx in plain text: an extractor's rejection, never one of ours.
fn framework_refusal(response: &Response) -> bool {
    response.status().is_client_error()
        && response
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|kind| kind.starts_with("text/plain"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_is_the_clerks() {
        let mut headers = HeaderMap::new();
        assert_eq!(clerk_lang(&headers), Lang::Vi);
        headers.insert(header::ACCEPT_LANGUAGE, "en-GB,en;q=0.9".parse().unwrap());
        assert_eq!(clerk_lang(&headers), Lang::En);
        headers.insert(header::ACCEPT_LANGUAGE, "vi-VN,en;q=0.5".parse().unwrap());
        assert_eq!(clerk_lang(&headers), Lang::Vi);
    }

    #[test]
    fn a_failure_never_shows_its_detail() {
        let refusal = Refusal::internal("UNIQUE constraint failed: awards.no");
        for lang in [Lang::Vi, Lang::En] {
            let response = refusal.answer(lang);
            assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
        }
        let said = format!("{:?}", Refusal::Stale(3).answer(Lang::En).status());
        assert!(said.contains("409"), "{said}");
    }
}

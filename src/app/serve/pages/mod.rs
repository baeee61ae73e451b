//! The pages a clerk reads (Vietnamese URLs and words), served as HTML by
//! the binary with their CSS and JavaScript; they talk to the JSON API.

use std::sync::Arc;

use axum::response::Html;
use axum::Router;

use super::App;

pub(crate) fn routes() -> Router<Arc<App>> {
    Router::new()
}

pub(crate) fn login_page() -> Html<String> {
    Html(String::new())
}

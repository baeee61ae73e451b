//! The one handlebars registry the pages are rendered from: the templates
//! of `templates/` compiled into the binary, HTML-escaping every `{{x}}`,
//! in strict mode (a misspelt context key, also in `{{#if}}`, is an error,
//! never an empty string).

use std::sync::LazyLock;

use axum::response::{Html, IntoResponse, Response};
use handlebars::{
    Context, Handlebars, Helper, HelperDef, HelperResult, Output, RenderContext, RenderError, RenderErrorReason,
    Renderable,
};
use serde_json::Value;

/// The templates: (name, text). Pages and partials share the one list; a
/// page names its frame with `{{#> khung}}…{{/khung}}`.
const TEMPLATES: &[(&str, &str)] = &[
    ("khung", include_str!("templates/khung.hbs")),
    ("dang-nhap", include_str!("templates/dang-nhap.hbs")),
    ("danh-sach-hoi-nghi", include_str!("templates/danh-sach-hoi-nghi.hbs")),
    ("hoi-nghi", include_str!("templates/hoi-nghi.hbs")),
    ("bieu-mau", include_str!("templates/bieu-mau.hbs")),
    ("nhom-khen", include_str!("templates/nhom-khen.hbs")),
    ("ban-ghi", include_str!("templates/ban-ghi.hbs")),
    ("bang", include_str!("templates/bang.hbs")),
    ("truong", include_str!("templates/truong.hbs")),
    ("o-nhap", include_str!("templates/o-nhap.hbs")),
    ("so-dang-ky", include_str!("templates/so-dang-ky.hbs")),
    ("tong-hop", include_str!("templates/tong-hop.hbs")),
    ("may-in", include_str!("templates/may-in.hbs")),
    ("de-nghi", include_str!("templates/de-nghi.hbs")),
];

static REGISTRY: LazyLock<Handlebars<'static>> = LazyLock::new(|| registry().expect("the page templates parse"));

/// The registry with every template; an error names the template that does not parse.
pub(crate) fn registry() -> Result<Handlebars<'static>, String> {
    let mut registry = Handlebars::new();
    registry.set_strict_mode(true);
    registry.set_prevent_indent(true);
    // The built-in `if`/`unless` take a missing key for false, even in strict mode.
    registry.register_helper("if", Box::new(StrictIf { positive: true }));
    registry.register_helper("unless", Box::new(StrictIf { positive: false }));
    registry.register_helper("script_json", Box::new(ScriptJson));
    for (name, text) in TEMPLATES {
        // No file's last newline in the page (a partial's would land inside the markup).
        let text = text.strip_suffix('\n').unwrap_or(text);
        registry.register_template_string(name, text).map_err(|err| format!("{name}: {err}"))?;
    }
    Ok(registry)
}

/// The HTML of template `name` over `context`.
pub(crate) fn render_text(name: &str, context: &Value) -> Result<String, RenderError> {
    REGISTRY.render(name, context)
}

/// The page of template `name` over `context`; a template that does not
/// render (a bug the tests catch) is the server's 500.
pub(crate) fn render(name: &str, context: &Value) -> Response {
    match render_text(name, context) {
        Ok(html) => Html(html).into_response(),
        Err(err) => {
            crate::app::serve::answer::Refusal::internal(format!("page template {name}: {err}")).into_response()
        }
    }
}

/// JSON safe inside a `<script type="application/json">`.
pub(crate) fn script_json(value: &Value) -> String {
    value.to_string().replace('<', "\\u003c").replace('>', "\\u003e").replace('&', "\\u0026")
}

/// The helper `name`'s one parameter; a missing field is an error, as the
/// strict registry makes it everywhere else.
fn strict_param<'a>(h: &'a Helper<'_>, name: &'static str) -> Result<&'a Value, RenderError> {
    let param = h.param(0).ok_or(RenderErrorReason::ParamNotFoundForIndex(name, 0))?;
    if param.is_value_missing() {
        return Err(RenderError::strict_error(param.relative_path()));
    }
    Ok(param.value())
}

/// `{{script_json x}}`: `x` as [`script_json`], the one output not HTML-escaped —
/// inside a script element, entities are not decoded, and `<`, `>` and `&`
/// are written as JSON escapes so no text can close the element.
struct ScriptJson;

impl HelperDef for ScriptJson {
    fn call<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        _: &'rc Context,
        _: &mut RenderContext<'reg, 'rc>,
        out: &mut dyn Output,
    ) -> HelperResult {
        let value = strict_param(h, "script_json")?;
        out.write(&script_json(value))?;
        Ok(())
    }
}

/// `{{#if x}}` / `{{#unless x}}` that refuse a missing `x` (the registry is
/// strict); otherwise as handlebars' own.
struct StrictIf {
    positive: bool,
}

impl HelperDef for StrictIf {
    fn call<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        r: &'reg Handlebars<'reg>,
        ctx: &'rc Context,
        rc: &mut RenderContext<'reg, 'rc>,
        out: &mut dyn Output,
    ) -> HelperResult {
        let name = if self.positive { "if" } else { "unless" };
        let truthy = handlebars::JsonTruthy::is_truthy(strict_param(h, name)?, false);
        let template = if truthy == self.positive { h.template() } else { h.inverse() };
        match template {
            Some(t) => t.render(r, ctx, rc, out),
            None => Ok(()),
        }
    }
}

//! The Vietnamese helpers templates call: `ngay` (a date in words), `so`
//! (a number with Vietnamese separators), `hoa` (upper case, Vietnamese
//! rules) and `doan` (narrative text with its figures). A helper given
//! what it cannot print — a group of fields (an object or a list), or a
//! text that is no date or number — fails the render with a
//! [`HelperMisuse`] that names the helper and what it needs, located by
//! handlebars at the call in the template, instead of printing JSON.

use handlebars::{Context, Handlebars, Helper, HelperDef, RenderContext, RenderError, RenderErrorReason, ScopedJson};
use serde_json::Value as Json;

use crate::input::narrative;
use crate::text::vn::{self, Date, Decimal};
use crate::words::markup;

/// What a helper needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HelperNeed {
    /// `ngay`: a date, `YYYY-MM-DD`.
    Date,
    /// `so`: a number.
    Number,
    /// `hoa`, `doan`: one text.
    Text,
}

/// A helper given a value it cannot print: `value` is the text it was
/// given, `None` for a group of fields (an object or a list).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelperMisuse {
    pub helper: &'static str,
    pub need: HelperNeed,
    pub value: Option<String>,
}

impl std::fmt::Display for HelperMisuse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{{{{{} …}}}}: {:?} {:?}", self.helper, self.need, self.value)
    }
}

impl std::error::Error for HelperMisuse {}

fn misuse(helper: &'static str, need: HelperNeed, value: Option<String>) -> RenderError {
    RenderErrorReason::NestedError(Box::new(HelperMisuse { helper, need, value })).into()
}

/// The text of a scalar; `None` for an object or a list.
pub(crate) fn json_text(value: &Json) -> Option<String> {
    match value {
        Json::String(s) => Some(s.clone()),
        Json::Null => Some(String::new()),
        Json::Object(_) | Json::Array(_) => None,
        other => Some(other.to_string()),
    }
}

/// The first parameter of `h` as text; a group of fields is a misuse.
fn param_text(h: &Helper, helper: &'static str, need: HelperNeed) -> Result<String, RenderError> {
    let value = h.param(0).ok_or(RenderErrorReason::ParamNotFoundForIndex(helper, 0))?.value();
    json_text(value).ok_or_else(|| misuse(helper, need, None))
}

/// A helper that turns its one parameter into a text, which handlebars
/// then escapes as it does any value (for the markup, or not at all for
/// certificate boxes).
struct Scalar {
    name: &'static str,
    need: HelperNeed,
    print: fn(&str) -> Option<String>,
}

impl HelperDef for Scalar {
    fn call_inner<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        _: &'rc Context,
        _: &mut RenderContext<'reg, 'rc>,
    ) -> Result<ScopedJson<'rc>, RenderError> {
        let text = param_text(h, self.name, self.need)?;
        // An absent optional value (null) prints nothing.
        if text.is_empty() {
            return Ok(ScopedJson::Derived(Json::String(text)));
        }
        let printed = (self.print)(&text).ok_or_else(|| misuse(self.name, self.need, Some(text)))?;
        Ok(ScopedJson::Derived(Json::String(printed)))
    }
}

const NGAY: Scalar = Scalar { name: "ngay", need: HelperNeed::Date, print: |t| Date::parse(t).map(|d| d.long()) };
const SO: Scalar =
    Scalar { name: "so", need: HelperNeed::Number, print: |t| Decimal::parse(t).map(|d| d.vietnamese()) };
const HOA: Scalar = Scalar { name: "hoa", need: HelperNeed::Text, print: |t| Some(vn::upper(t)) };

/// Narrative text (`noi_dung.*`): escaped but for `*`/`**` emphasis, its
/// blank-line paragraph breaks kept, and the figures it names (`{{ma}}`,
/// `{{ma 2017}}`, `{{ma gon}}`) taken from the context's `so_lieu`, so the
/// text prints the same number as the table.
struct Paragraphs;

/// The text of the figure `figure` names in `so_lieu`, when it has one.
fn figure_text(so_lieu: Option<&Json>, figure: &narrative::FigureRef) -> Option<String> {
    let texts = so_lieu?.get(&figure.code)?;
    let text = match figure.form {
        narrative::FigureForm::Total => texts.get("tong"),
        narrative::FigureForm::Short => texts.get("gon"),
        narrative::FigureForm::Year(year) => texts.get("nam")?.get(year.to_string()),
    };
    text?.as_str().map(str::to_string)
}

impl HelperDef for Paragraphs {
    fn call<'reg: 'rc, 'rc>(
        &self,
        h: &handlebars::Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        context: &'rc handlebars::Context,
        _: &mut handlebars::RenderContext<'reg, 'rc>,
        out: &mut dyn handlebars::Output,
    ) -> handlebars::HelperResult {
        let text = param_text(h, "doan", HelperNeed::Text)?;
        let Ok(pieces) = narrative::pieces(&text) else {
            // The input's check refuses such text; print it as typed.
            out.write(&markup::escape_keeping_emphasis(&text))?;
            return Ok(());
        };
        let so_lieu = context.data().get("so_lieu");
        for piece in pieces {
            let written = match piece {
                narrative::Piece::Text(typed) => markup::escape_keeping_emphasis(typed),
                narrative::Piece::Figure(figure) => match figure_text(so_lieu, &figure) {
                    Some(figure) => markup::escape(&figure),
                    None => markup::escape(&format!("{{{{{}}}}}", figure.code)),
                },
            };
            out.write(&written)?;
        }
        Ok(())
    }
}

pub(crate) fn register_helpers(registry: &mut Handlebars) {
    registry.register_helper("ngay", Box::new(NGAY));
    registry.register_helper("so", Box::new(SO));
    registry.register_helper("hoa", Box::new(HOA));
    registry.register_helper("doan", Box::new(Paragraphs));
}

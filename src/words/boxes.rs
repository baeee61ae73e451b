//! The texts of a certificate layout's boxes: each box's handlebars text
//! compiled once, then filled sheet by sheet from data kept ready, so the
//! group's fields are not serialised again for every box of every sheet.

use handlebars::{Context, Handlebars};
use serde_json::{Map, Value as Json};

use crate::diag::Kind;
use crate::words::templates;

/// The compiled boxes of a layout, and the data they are filled from.
pub(crate) struct BoxTexts {
    registry: Handlebars<'static>,
    context: Context,
}

impl BoxTexts {
    /// Compiles each box (name, handlebars text) with the plain helpers, to
    /// be filled from `data`; else the index of the first box that does not
    /// compile, and why.
    pub(crate) fn compile<'a>(
        boxes: impl IntoIterator<Item = (&'a str, &'a str)>,
        data: Map<String, Json>,
    ) -> Result<BoxTexts, (usize, String)> {
        let mut registry = templates::plain_registry();
        for (index, (name, text)) in boxes.into_iter().enumerate() {
            registry.register_template_string(name, text).map_err(|err| (index, err.reason().to_string()))?;
        }
        Ok(BoxTexts { registry, context: Context::from(Json::Object(data)) })
    }

    /// The data the boxes are filled from, to change between sheets.
    pub(crate) fn data_mut(&mut self) -> &mut Map<String, Json> {
        let Json::Object(data) = self.context.data_mut() else { unreachable!("the data is an object") };
        data
    }

    /// Box `name` filled from the data; else the problem, as the template
    /// `template` (the layout's name in messages) names it.
    pub(crate) fn render(&self, name: &str, template: &str) -> Result<String, Box<Kind>> {
        self.registry
            .render_with_context(name, &self.context)
            .map_err(|err| Box::new(templates::render_kind(template, &err)))
    }
}

//! The words of the papers: handlebars templates, the small markup they
//! write, the award phrases (counts, names, authorities) and the figures
//! in prose every paper shares.

pub(crate) mod awards;
pub(crate) mod boxes;
pub(crate) mod figures;
pub mod helpers;
pub(crate) mod markup;
pub(crate) mod people;
pub(crate) mod programmes;
mod template_files;
pub mod templates;

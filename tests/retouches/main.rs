//! The last retouches a secretariat made in Word, pinned on what users
//! get: report tables cut into slices on one grid and as few as fit (PDF
//! read with poppler, DOCX by its table grid); the PDF and LibreOffice's
//! rendering of the DOCX agreeing on page size, orientation and the page
//! number's place; the summary's chart whole; the summary's unit table a
//! leader can read; an overlay certificate's DOCX printing where its PDF
//! does; "Nơi nhận" items using their column.

#[path = "../common/mod.rs"]
mod common;
#[allow(dead_code)]
#[path = "../typesetting/generator.rs"]
mod generator;
#[allow(dead_code)]
#[path = "../typesetting/pages.rs"]
mod pages;

mod chart;
mod grid;
mod overlay;
mod parity;
mod recipients;
mod summaries;
mod units;

/// A small seeded generator (SplitMix64) for the inputs these tests write.
pub struct Seeded(u64);

impl Seeded {
    pub fn step(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.step() % n
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
}

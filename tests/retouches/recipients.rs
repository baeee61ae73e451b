//! "Nơi nhận" items use their column — the left half of the text block
//! under the signature row (NĐ 30's models) — and run on only when full: on
//! generated reports, an item's line never ends while the first two words
//! of the next (a two-syllable word moves whole; a short aside in
//! parentheses moves whole) would still have fitted.

use crate::common::*;
use crate::pages::{self, MM};
use crate::Seeded;

const BODIES: &[&str] = &[
    "Công an các tỉnh, thành phố trực thuộc Trung ương",
    "Ủy ban Mặt trận Tổ quốc Việt Nam các quận, huyện",
    "Các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ",
    "Văn phòng Trung ương Đảng và các Ban của Đảng",
    "Hội đồng nhân dân, Ủy ban nhân dân các phường, xã",
    "Ban Chỉ đạo các cấp và lực lượng nòng cốt ở cơ sở các phường",
    "Đảng ủy, Hội đồng nhân dân và các đoàn thể chính trị - xã hội phường",
    "Thường trực Hội đồng nhân dân thành phố",
];

const TAILS: &[&str] = &["", " (để báo cáo)", " (để phối hợp thực hiện)", " và các đơn vị trực thuộc"];

#[test]
fn recipients_run_on_only_when_their_line_is_full() {
    let mut random = Seeded(0x25_0006);
    let base = std::fs::read_to_string(root().join("tests/fixtures/minimal.yaml")).unwrap();
    let mut wrapped = 0;
    for case in 0..4 {
        let items: Vec<String> = (0..6)
            .map(|_| format!("\"{}{}\"", random.pick(BODIES), random.pick(TAILS)))
            .chain(["\"Lưu: VT, Phòng Tổng hợp\"".to_string()])
            .collect();
        let yaml =
            base.replace("    - \"Như trên\"\n    - \"Lưu: VT\"\n", &format!("    - {}\n", items.join("\n    - ")));
        assert_ne!(yaml, base);
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("input.yaml");
        std::fs::write(&input, yaml).unwrap();
        build(&input, &dir.path().join("out"), &["--format", "pdf"]);

        // The column: the left half of the 165 mm text block from 30 mm,
        // less 2 mm between it and the signature.
        let column = (165.0 / 2.0 - 2.0) * MM;
        let left = 30.0 * MM;
        for page in pages::read(&dir.path().join("out/bao-cao.pdf")) {
            let lines: Vec<Vec<pages::Word>> = page
                .lines()
                .into_iter()
                .map(|l| l.words.into_iter().filter(|w| w.x0 < left + column).collect::<Vec<_>>())
                .skip_while(|words| words.first().is_none_or(|w| w.text != "Nơi"))
                .skip(1)
                .filter(|words| !words.is_empty())
                .collect();
            for pair in lines.windows(2) {
                let (line, next) = (&pair[0], &pair[1]);
                if next[0].text == "-" || next[0].text.starts_with('-') {
                    continue;
                }
                wrapped += 1;
                let used = line.last().unwrap().x1 - left;
                let space = 2.75;
                // What moves whole: two words, or a short aside "(để báo cáo);".
                let aside = next[0].text.starts_with('(');
                let take = next.iter().take(4).position(|w| aside && w.text.contains(')')).map_or(2, |k| k + 1);
                let coming = next.iter().take(take).map(|w| w.x1 - w.x0 + space).sum::<f32>();
                let text = |ws: &[pages::Word]| ws.iter().map(|w| w.text.as_str()).collect::<Vec<_>>().join(" ");
                assert!(
                    used + coming > column,
                    "case {case}: «{}» ends at {:.0} mm of a {:.0} mm column; «{}» would have fitted",
                    text(line),
                    used / MM,
                    column / MM,
                    text(&next[..take.min(next.len())])
                );
            }
        }
    }
    assert!(wrapped >= 4, "{wrapped} items ran on");
}

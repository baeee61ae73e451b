//! The part of the day a conference meets in (buổi), as the papers say it.

use super::model::Buoi;

impl Buoi {
    /// The part of the day an hour falls in as Vietnamese says it: sáng
    /// before eleven, trưa from eleven to one ("12 giờ trưa"), chiều
    /// before six, tối after.
    pub fn of_hour(hour: u32) -> Buoi {
        match hour {
            0..=10 => Buoi::Sang,
            11..=12 => Buoi::Trua,
            13..=17 => Buoi::Chieu,
            _ => Buoi::Toi,
        }
    }

    /// Whether an opening at `hour` may be said to be in this part of the
    /// day: its own part, and around noon also the morning (11 giờ sáng)
    /// or the afternoon (12 giờ 30 chiều), as people say both.
    pub fn fits_hour(self, hour: u32) -> bool {
        let own = Buoi::of_hour(hour);
        self == own || own == Buoi::Trua && matches!((self, hour), (Buoi::Sang, 11) | (Buoi::Chieu, 12))
    }

    /// "sáng", "trưa", "chiều", "tối".
    pub fn word(self) -> &'static str {
        match self {
            Buoi::Sang => "sáng",
            Buoi::Trua => "trưa",
            Buoi::Chieu => "chiều",
            Buoi::Toi => "tối",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn noon_is_trua_and_either_side_is_said_both_ways() {
        let parts: Vec<&str> = [7, 10, 11, 12, 13, 14, 17, 18, 19].iter().map(|h| Buoi::of_hour(*h).word()).collect();
        assert_eq!(parts, ["sáng", "sáng", "trưa", "trưa", "chiều", "chiều", "chiều", "tối", "tối"]);
        assert!(Buoi::Sang.fits_hour(11) && Buoi::Chieu.fits_hour(12) && Buoi::Trua.fits_hour(12));
        assert!(!Buoi::Sang.fits_hour(12) && !Buoi::Chieu.fits_hour(11) && !Buoi::Trua.fits_hour(14));
    }
}

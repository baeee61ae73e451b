//! What the workspace says about proposals sent up (đề nghị khen thưởng):
//! a group that proposes nothing, a unit with none above it, a proposal
//! already waiting or already handled, one handled by another unit, a
//! return without its reason — in Vietnamese and English.

use super::lang::Lang;

/// Why a proposal could not be sent, returned or accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProposalTrouble {
    /// Award group N (from 1) has no `to_trinh` (or does not exist).
    NotProposed(usize),
    /// The conference's unit has no unit above it to send to.
    NoUnitAbove,
    /// The same group is already waiting at the unit above.
    Waiting,
    /// The proposal was already returned or accepted.
    Handled,
    /// The proposal (or the conference to accept it into) is another unit's to handle.
    NotYours,
    /// A return without a reason.
    NoReason,
    /// The receiving conference has no award group N (from 1).
    NoSuchGroup(usize),
}

impl ProposalTrouble {
    pub(super) fn message(&self, lang: Lang) -> String {
        let vi = lang == Lang::Vi;
        match self {
            ProposalTrouble::NotProposed(n) if vi => format!(
                "nhóm khen thưởng {n} không có tờ trình đề nghị: hãy điền số và ngày tờ trình của nhóm rồi gửi lại"
            ),
            ProposalTrouble::NotProposed(n) => {
                format!(
                    "award group {n} has no tờ trình: fill in the group's tờ trình number and date, then send again"
                )
            }
            ProposalTrouble::NoUnitAbove if vi => {
                "đơn vị của hội nghị này chưa có cấp trên trong không gian làm việc, nên chưa gửi đề nghị được".into()
            }
            ProposalTrouble::NoUnitAbove => {
                "this conference's unit has no unit above it in the workspace, so there is nowhere to send".into()
            }
            ProposalTrouble::Waiting if vi => {
                "đề nghị của nhóm này đã gửi và đang chờ cấp trên xem xét; chỉ gửi lại khi bị trả lại".into()
            }
            ProposalTrouble::Waiting => {
                "this group's proposal was sent and is waiting at the unit above; send again only once returned".into()
            }
            ProposalTrouble::Handled if vi => "đề nghị này đã được trả lại hoặc đã được nhận rồi".into(),
            ProposalTrouble::Handled => "this proposal was already returned or accepted".into(),
            ProposalTrouble::NotYours if vi => {
                "chỉ đơn vị nhận đề nghị mới trả lại hay nhận đề nghị, và chỉ vào hội nghị của mình".into()
            }
            ProposalTrouble::NotYours => {
                "only the unit a proposal was sent to returns or accepts it, and only into its own conference".into()
            }
            ProposalTrouble::NoReason if vi => "hãy ghi lý do trả lại để đơn vị gửi biết cần sửa gì".into(),
            ProposalTrouble::NoReason => "give the reason for returning it, so the unit knows what to fix".into(),
            ProposalTrouble::NoSuchGroup(n) if vi => format!("hội nghị nhận đề nghị không có nhóm khen thưởng {n}"),
            ProposalTrouble::NoSuchGroup(n) => format!("the receiving conference has no award group {n}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_trouble_is_said_in_both_languages() {
        for trouble in [
            ProposalTrouble::NotProposed(2),
            ProposalTrouble::NoUnitAbove,
            ProposalTrouble::Waiting,
            ProposalTrouble::Handled,
            ProposalTrouble::NotYours,
            ProposalTrouble::NoReason,
            ProposalTrouble::NoSuchGroup(3),
        ] {
            let (vi, en) = (trouble.message(Lang::Vi), trouble.message(Lang::En));
            assert!(!vi.is_empty() && !en.is_empty() && vi != en, "{trouble:?}");
            assert!(!vi.contains("to_trinh") && !vi.contains("nhom"), "no key names for a clerk: {vi}");
        }
    }
}

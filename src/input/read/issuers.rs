//! Reading who issues and signs: one body and one signer as in version 1,
//! or, for a joint paper (văn bản liên tịch), a list of bodies and one
//! signer per body, lead first (input-schema "Additions 1.1").

use crate::input::yaml::Node;

use super::Reader;
use crate::diag::Kind;
use crate::input::model::{BenKy, BenLienTich, CoQuan, Khoi, NguoiKy};

impl Reader<'_> {
    /// `co_quan`: one body, or a list of them.
    pub(super) fn co_quan_list(&mut self, value: &Node, path: &str) -> Option<Vec<CoQuan>> {
        match value.as_sequence() {
            Some(_) => self.items(value, path, &mut Self::co_quan),
            None => self.co_quan(value, path).map(|body| vec![body]),
        }
    }

    /// `nguoi_ky`: one signer, or a list of them.
    pub(super) fn nguoi_ky_list(&mut self, value: &Node, path: &str) -> Option<Vec<NguoiKy>> {
        match value.as_sequence() {
            Some(_) => self.items(value, path, &mut Self::nguoi_ky),
            None => self.nguoi_ky(value, path).map(|signer| vec![signer]),
        }
    }

    /// The lead body and its signer, and the other bodies with theirs: as
    /// many signers as bodies, and at least one of each.
    pub(super) fn issuers(
        &mut self,
        bodies: Option<Vec<CoQuan>>,
        signers: Option<Vec<NguoiKy>>,
    ) -> Option<(CoQuan, NguoiKy, Vec<BenLienTich>)> {
        let (bodies, signers) = (bodies?, signers?);
        if bodies.len() != signers.len() || bodies.is_empty() {
            self.report("nguoi_ky", true, Kind::JointSigners { bodies: bodies.len(), signers: signers.len() });
            return None;
        }
        let mut pairs = bodies.into_iter().zip(signers);
        let (lead, lead_signer) = pairs.next()?;
        let others = pairs.map(|(co_quan, nguoi_ky)| BenLienTich { co_quan, nguoi_ky }).collect();
        Some((lead, lead_signer, others))
    }

    pub(super) fn khoi(&mut self, value: &Node, path: &str) -> Option<Khoi> {
        self.choice(
            value,
            path,
            &[
                ("nha_nuoc", Khoi::NhaNuoc),
                ("dang", Khoi::Dang),
                ("mat_tran", Khoi::MatTran),
                ("doan_the", Khoi::DoanThe),
            ],
        )
    }

    /// `van_ban.ky_chu_tri`: the side of the lead body's signature.
    pub(super) fn side(&mut self, value: &Node, path: &str) -> Option<BenKy> {
        self.choice(value, path, &[("phai", BenKy::Phai), ("trai", BenKy::Trai)])
    }
}

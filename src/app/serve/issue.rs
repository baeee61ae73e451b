//! "Ban hành": numbers left blank — a decision's `so` whose number part is
//! empty ("/QĐ-UBND"), a recipient's `so_so` — are drawn from the register's
//! per-body, per-year counters in one transaction with the new version, so
//! no number is ever given twice; the version then carries its recipients
//! inline with their numbers, and what was issued is frozen: later edits
//! may not change or drop it. The conference's giấy mời, when it invites
//! anyone, gets one number (`hoi_nghi.so_giay_moi`, "12/GM-CAHP") from the
//! `giay_moi` counter of the report's body and the conference's year: NĐ 30
//! registers a paper once, however many it is sent to.

use std::collections::HashMap;

use crate::input::yaml::{Mapping, Node, Value};

use super::check::{conference_name, ProblemJson};
use super::store::conferences::{self, SaveRefused, Version};
use super::store::db::{Db, DbError, DbErrorKind, Finish};
use super::store::invitations::{self, InvitationRecord, INVITATIONS};
use super::store::keys;
use super::store::register::{self, AwardRecord, CounterKey, DecisionRecord};
use super::stored;
use super::yaml_form;
use crate::diag::{Kind, Lang, Location, Problem, WorkspaceKind};
use crate::input::{self, HinhThucKhen, Input, LoaiNguoiNhan, NhomKhen};

/// The suffix after a blank number ("/QĐ-UBND" of "…/QĐ-UBND", and a Party
/// paper's "-GM/BTC" of "…-GM/BTC", HD 36's order); none when the number
/// is filled in.
pub(crate) fn blank_number(number: &str) -> Option<&str> {
    let blank = |part: &str| part.chars().all(|c| c.is_whitespace() || matches!(c, '.' | '…' | '_'));
    let (digits, rest) = number.find('/').map_or((number, ""), |i| number.split_at(i));
    if blank(digits) {
        return Some(rest);
    }
    let (digits, rest) = number.split_at(number.find('-')?);
    (blank(digits) && rest.contains('/')).then_some(rest)
}

/// An invitation number as the paper prints it: a Party body's turned
/// round ("12/GM-BTC" → "12-GM/BTC"), so the register shows the paper's.
fn as_printed(number: &str, input: &Input) -> String {
    let family = crate::documents::family::of(input.family());
    crate::documents::family::number(number.trim(), family)
}

/// The number a filled-in number starts with ("2345" of "2345/QĐ-UBND").
fn leading_number(number: &str) -> Option<i64> {
    let digits: String = number.trim().chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

fn award_code(award: HinhThucKhen) -> &'static str {
    match award {
        HinhThucKhen::BangKhen => "bang_khen",
        HinhThucKhen::GiayKhen => "giay_khen",
    }
}

fn problem(path: String, kind: WorkspaceKind) -> ProblemJson {
    ProblemJson::new(
        &Problem {
            location: Box::new(Location::file(stored::INPUT_NAME)),
            path,
            kind: Kind::Workspace(Box::new(kind)),
        },
        Lang::Vi,
    )
}

/// The workspace's own rules for `input` as the next version of conference
/// `id`: issued numbers stay as issued (errors), and recipients who already
/// received the same award for the same programme are pointed out (warnings).
pub(crate) fn rules(db: &mut Db, id: i64, input: &Input) -> Result<Vec<ProblemJson>, DbError> {
    let mut problems = Vec::new();
    if let Some(invitation) = invitations::issued(db, id)? {
        let now = input.hoi_nghi.as_ref().and_then(|c| c.so_giay_moi.clone()).unwrap_or_default();
        // One issued before numbers were stored as printed still matches.
        if as_printed(&now, input) != as_printed(&invitation.number, input) {
            problems.push(problem(
                "hoi_nghi.so_giay_moi".into(),
                WorkspaceKind::IssuedNumberChanged { was: invitation.number, now },
            ));
        }
    }
    let (decisions, awards) = register::issued(db, id)?;
    for decision in &decisions {
        let now = input.khen_thuong.get(decision.group).map(|g| g.quyet_dinh.so.clone()).unwrap_or_default();
        if now != decision.number {
            problems.push(problem(
                format!("khen_thuong[{}].quyet_dinh.so", decision.group),
                WorkspaceKind::IssuedNumberChanged { was: decision.number.clone(), now },
            ));
        }
    }
    for award in &awards {
        let list = input.khen_thuong.get(award.group).map_or(&[][..], |g| &g.danh_sach[..]);
        let kept = list.iter().position(|r| r.ten == award.recipient);
        match kept {
            Some(index) if list[index].so_so.as_deref().unwrap_or_default() != award.register_no => {
                problems.push(problem(
                    format!("khen_thuong[{}].danh_sach[{index}].so_so", award.group),
                    WorkspaceKind::IssuedNumberChanged {
                        was: award.register_no.clone(),
                        now: list[index].so_so.clone().unwrap_or_default(),
                    },
                ));
            }
            Some(_) => {}
            None => problems.push(problem(
                format!("khen_thuong[{}].danh_sach", award.group),
                WorkspaceKind::IssuedRecipientRemoved {
                    name: award.recipient.clone(),
                    number: award.register_no.clone(),
                },
            )),
        }
    }
    // Earlier awards of the programme, by folded name: one query per save.
    let earlier = register::programme_awards(db, input.programme_key(), id)?;
    let mut by_name: HashMap<String, Vec<&register::Found>> = HashMap::new();
    for found in &earlier {
        by_name.entry(register::fold(&found.award.recipient)).or_default().push(found);
    }
    for (group_index, group) in input.khen_thuong.iter().enumerate() {
        for (index, recipient) in group.danh_sach.iter().enumerate() {
            let unit = register::fold(recipient.don_vi.as_deref().unwrap_or_default());
            let same = by_name.get(&register::fold(&recipient.ten)).and_then(|list| {
                list.iter().find(|f| {
                    f.award.award == award_code(group.hinh_thuc)
                        && (unit.is_empty() || f.award.unit.is_empty() || register::fold(&f.award.unit) == unit)
                })
            });
            if let Some(found) = same {
                problems.push(problem(
                    format!("khen_thuong[{group_index}].danh_sach[{index}]"),
                    WorkspaceKind::AlreadyAwarded {
                        name: recipient.ten.clone(),
                        award: group.hinh_thuc.name().to_string(),
                        decision: found.award.decision.clone(),
                        date: found.award.decision_date.clone(),
                        conference: found.conference_name.clone(),
                    },
                ));
            }
        }
    }
    Ok(problems)
}

/// How an issue ended (or, asked first, would end).
pub(crate) enum Issued {
    /// The new version, the decision numbers it carries and the numbers
    /// drawn from the counters (a preview: those it would draw).
    Done {
        version: i64,
        decisions: Vec<String>,
        drawn: Vec<Drawn>,
    },
    /// Everything was issued already: no number drawn, no version made
    /// (a second click, a reload, another tab).
    Unchanged {
        version: i64,
        decisions: Vec<String>,
    },
    Refused(SaveRefused),
    /// Nothing was issued: these are why.
    Problems(Vec<ProblemJson>),
}

/// The numbers typed by hand in what `input` issues: each is refused when
/// another conference holds it or it is typed twice here, and otherwise
/// its counter is moved past it — before any blank is drawn, so no drawn
/// number can meet a typed one.
fn typed_numbers(db: &mut Db, input: &Input, except: i64) -> Result<Vec<ProblemJson>, DbError> {
    let mut problems = Vec::new();
    // Who has each number first: (register, body, year, number) by key.
    let mut first_of: HashMap<(String, String, i32, String), String> = HashMap::new();
    for typed in typed_in(input) {
        let Typed { path, register, body, year, number, who } = typed;
        let key = (register.clone(), keys::body_key(body), year, register::number_key(&register, number));
        if let Some(first) = first_of.get(&key) {
            let twice = WorkspaceKind::NumberTwice { number: number.to_string(), first: first.clone() };
            problems.push(problem(path, twice));
            continue;
        }
        first_of.insert(key, who);
        match register::holder(db, &register, body, year, number, except)? {
            Some(holder) => {
                problems.push(problem(path, WorkspaceKind::NumberTaken { number: number.to_string(), holder }))
            }
            None => pass_typed(db, register, body, year, number)?,
        }
    }
    Ok(problems)
}

/// A number typed by hand: where it is, in which register, and whose it is.
struct Typed<'i> {
    path: String,
    register: String,
    body: &'i str,
    year: i32,
    number: &'i str,
    /// How a message names its holder: "«Nguyễn Văn An»".
    who: String,
}

/// Every number typed by hand in what `input` issues, group by group: the
/// decision's, then its recipients' sổ vàng numbers.
fn typed_in(input: &Input) -> Vec<Typed<'_>> {
    let mut typed = Vec::new();
    if let Some((body, year, Some(number))) = invitation_of(input) {
        typed.push(Typed {
            path: "hoi_nghi.so_giay_moi".into(),
            register: INVITATIONS.to_string(),
            body,
            year,
            number,
            who: "giấy mời".into(),
        });
    }
    for (index, group) in input.khen_thuong.iter().enumerate() {
        if group.only_proposed() {
            continue;
        }
        let (body, year) = (group.co_quan.as_str(), group.quyet_dinh.ngay.year);
        if blank_number(&group.quyet_dinh.so).is_none() {
            typed.push(Typed {
                path: format!("khen_thuong[{index}].quyet_dinh.so"),
                register: register::DECISIONS.to_string(),
                body,
                year,
                number: group.quyet_dinh.so.trim(),
                who: format!("quyết định của nhóm khen thưởng thứ {}", index + 1),
            });
        }
        let book = register::golden_book(award_code(group.hinh_thuc));
        for (position, recipient) in group.danh_sach.iter().enumerate() {
            let Some(number) = recipient.so_so.as_deref().map(str::trim).filter(|s| !s.is_empty()) else { continue };
            typed.push(Typed {
                path: format!("khen_thuong[{index}].danh_sach[{position}].so_so"),
                register: book.clone(),
                body,
                year,
                number,
                who: format!("«{}»", recipient.ten),
            });
        }
    }
    typed
}

/// The body and year of the conference's giấy mời, and its number when
/// typed by hand; none when the conference invites no one.
fn invitation_of(input: &Input) -> Option<(&str, i32, Option<&str>)> {
    let conference = input.hoi_nghi.as_ref()?;
    crate::documents::day::invited(conference).next()?;
    let typed = conference.so_giay_moi.as_deref().map(str::trim).filter(|n| blank_number(n).is_none());
    Some((input.co_quan.ten.as_str(), conference.ngay.year, typed))
}

/// The giấy mời's number, drawn when blank (its letters kept, else the
/// body's "/GM-…"), as the paper prints it, written into `tree`; its record.
fn issue_invitation(
    db: &mut Db,
    input: &Input,
    tree: &mut Node,
    (except, drawn, problems): (i64, &mut Vec<Drawn>, &mut Vec<ProblemJson>),
) -> Result<Option<InvitationRecord>, DbError> {
    let Some((body, year, typed)) = invitation_of(input) else { return Ok(None) };
    let number = match typed {
        Some(typed) => as_printed(typed, input),
        None => {
            let given = input.hoi_nghi.as_ref().and_then(|c| c.so_giay_moi.as_deref()).unwrap_or_default();
            let suffix = match blank_number(given) {
                Some(suffix) if !suffix.is_empty() => suffix.to_string(),
                _ => crate::documents::day::invitations::suffix(input),
            };
            let key = CounterKey { register: INVITATIONS.to_string(), body: body.to_string(), year };
            let path = "hoi_nghi.so_giay_moi".to_string();
            let number = as_printed(&format!("{}{suffix}", draw(db, &key, except, path, problems)?), input);
            drawn.push(Drawn { group: 0, recipient: String::new(), counter: key, number: number.clone() });
            number
        }
    };
    if let Some(conference) =
        tree.as_mapping_mut().and_then(|top| top.get_mut("hoi_nghi")).and_then(|c| c.as_mapping_mut())
    {
        conference.insert(Node::from("so_giay_moi"), Node::from(number.as_str()));
    }
    Ok(Some(InvitationRecord { number, body: body.to_string(), year }))
}

/// Moves the counter of `register` past a number typed by hand.
fn pass_typed(db: &mut Db, register: String, body: &str, year: i32, typed: &str) -> Result<(), DbError> {
    match leading_number(typed) {
        Some(n) => register::pass(db, &CounterKey { register, body: body.to_string(), year }, n),
        None => Ok(()),
    }
}

/// A number drawn from a counter: for which paper, from which register.
#[derive(Debug, Clone, serde::Serialize)]
pub(crate) struct Drawn {
    /// The award group, from 1 as the clerk counts them.
    #[serde(rename = "nhom")]
    pub group: usize,
    /// Whose number: empty for the group's decision, else the recipient.
    #[serde(rename = "nguoi_nhan")]
    pub recipient: String,
    /// The counter: `so` (its register), `co_quan`, `nam`.
    #[serde(flatten)]
    pub counter: CounterKey,
    #[serde(rename = "so_cap")]
    pub number: String,
}

/// The next number of `key`, or the problem of a register at its end.
fn draw(
    db: &mut Db,
    key: &CounterKey,
    except: i64,
    path: String,
    problems: &mut Vec<ProblemJson>,
) -> Result<String, DbError> {
    Ok(register::draw(db, key, except)?.unwrap_or_else(|| {
        let full = WorkspaceKind::CounterFull { body: key.body.clone(), year: key.year, max: keys::MAX_NUMBER };
        problems.push(problem(path, full));
        String::new()
    }))
}

/// Whether an issue or its preview writes what it drew.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// Everything is done in a transaction that is then dropped: the
    /// numbers are exactly those a commit would give now.
    Preview,
    Commit,
}

/// Whether the register already holds exactly `decisions` and `awards`
/// for conference `id`.
fn already_recorded(
    db: &mut Db,
    id: i64,
    invitation: Option<&InvitationRecord>,
    decisions: &[DecisionRecord],
    awards: &[AwardRecord],
) -> Result<bool, DbError> {
    let (mut held_decisions, mut held_awards) = register::issued(db, id)?;
    if invitations::issued(db, id)?.as_ref() != invitation {
        return Ok(false);
    }
    let (mut decisions, mut awards) = (decisions.to_vec(), awards.to_vec());
    // Whole records: a recipient's unit or a decision's date edited since is recorded again.
    for list in [&mut held_decisions, &mut decisions] {
        list.sort_by(|a, b| (a.group, &a.number).cmp(&(b.group, &b.number)));
    }
    for list in [&mut held_awards, &mut awards] {
        list.sort_by(|a, b| (a.group, &a.recipient, &a.register_no).cmp(&(b.group, &b.recipient, &b.register_no)));
    }
    Ok(held_decisions == decisions && held_awards == awards)
}

/// Issues `version` (checked as `input`; its files read from memory):
/// draws every blank number, stores the numbered version and records what
/// was issued — all in one transaction, committed only in [`Mode::Commit`].
/// A version all of whose numbers are issued already changes nothing.
pub(crate) fn issue(
    db: &mut Db,
    version: &Version,
    input: &Input,
    author: &str,
    mode: Mode,
) -> Result<Issued, DbError> {
    // Two server processes drawing from the same counters in another order
    // may deadlock (PostgreSQL then ends one): that one is simply redone.
    let mut tries = 0;
    loop {
        let issued: Result<Issued, DbError> = db.transaction_then(|tx| {
            let issued = issue_in(tx, version, input, author)?;
            let keep = mode == Mode::Commit && matches!(issued, Issued::Done { .. });
            Ok((issued, if keep { Finish::Commit } else { Finish::RollBack }))
        });
        match issued {
            Err(err) if err.kind() == DbErrorKind::Busy && tries < 5 => tries += 1,
            other => return other,
        }
    }
}

/// [`issue`] inside its transaction, which is kept only when this gives
/// [`Issued::Done`].
fn issue_in(db: &mut Db, version: &Version, input: &Input, author: &str) -> Result<Issued, DbError> {
    let except = version.conference;
    register::lock_counters(db, &counters_of(input))?;
    let problems = typed_numbers(db, input, except)?;
    if !problems.is_empty() {
        return Ok(Issued::Problems(problems));
    }
    let mut tree: Node = yaml_form::stored(&version.yaml);
    let mut problems = Vec::new();
    let mut decisions = Vec::new();
    let mut awards = Vec::new();
    let mut drawn = Vec::new();
    for (index, group) in input.khen_thuong.iter().enumerate() {
        // A group proposed to the unit above is that unit's to decide and
        // number (its register), not this one's.
        if group.only_proposed() {
            continue;
        }
        let year = group.quyet_dinh.ngay.year;
        let decision_key = CounterKey { register: register::DECISIONS.to_string(), body: group.co_quan.clone(), year };
        let number = match blank_number(&group.quyet_dinh.so) {
            Some(suffix) => {
                let path = format!("khen_thuong[{index}].quyet_dinh.so");
                let number = format!("{}{suffix}", draw(db, &decision_key, except, path, &mut problems)?);
                let counter = decision_key.clone();
                drawn.push(Drawn { group: index + 1, recipient: String::new(), counter, number: number.clone() });
                number
            }
            None => group.quyet_dinh.so.trim().to_string(),
        };
        decisions.push(DecisionRecord {
            group: index,
            number: number.clone(),
            body: group.co_quan.clone(),
            year,
            date: group.quyet_dinh.ngay.to_string(),
        });
        let book = CounterKey {
            register: register::golden_book(award_code(group.hinh_thuc)),
            body: group.co_quan.clone(),
            year,
        };
        let mut rows = Vec::new();
        for (position, recipient) in group.danh_sach.iter().enumerate() {
            let register_no = match recipient.so_so.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
                Some(typed) => typed.to_string(),
                None => {
                    let path = format!("khen_thuong[{index}].danh_sach[{position}].so_so");
                    let number = draw(db, &book, except, path, &mut problems)?;
                    let (recipient, counter) = (recipient.ten.clone(), book.clone());
                    drawn.push(Drawn { group: index + 1, recipient, counter, number: number.clone() });
                    number
                }
            };
            rows.push(recipient_row(recipient, &register_no));
            awards.push(award_record(input, group, index, recipient, &number, &register_no));
        }
        set_group(&mut tree, index, &number, rows);
    }
    let invitation = issue_invitation(db, input, &mut tree, (except, &mut drawn, &mut problems))?;
    if !problems.is_empty() {
        return Ok(Issued::Problems(problems));
    }
    let yaml = yaml_form::to_yaml(&tree);
    let numbers = || decisions.iter().map(|d| d.number.clone()).collect();
    if drawn.is_empty()
        && yaml == version.yaml
        && already_recorded(db, except, invitation.as_ref(), &decisions, &awards)?
    {
        return Ok(Issued::Unchanged { version: version.version, decisions: numbers() });
    }
    let checked = match input::load_source(&stored::source(&yaml, &version.files)) {
        Ok((checked, _)) => checked,
        Err(found) => return Ok(Issued::Problems(found.iter().map(|p| ProblemJson::new(p, Lang::Vi)).collect())),
    };
    let name = conference_name(&checked);
    let saved = conferences::save_in(db, version.conference, version.version, &name, &yaml, &[], author, "Ban hành")?;
    let new_version = match saved {
        Ok(new_version) => new_version,
        Err(refused) => return Ok(Issued::Refused(refused)),
    };
    let recorded = register::record(db, version.conference, new_version, &decisions, &awards)
        .and_then(|()| invitations::record(db, version.conference, invitation.as_ref()));
    match recorded {
        // The unique indexes are the last word: checked above, this only
        // happens if the checks and the schema ever disagree.
        Err(err) if err.kind() == DbErrorKind::Constraint => {
            return Ok(Issued::Problems(vec![problem("khen_thuong".into(), WorkspaceKind::RegisterConflict)]));
        }
        other => other?,
    }
    let decisions = numbers();
    Ok(Issued::Done { version: new_version, decisions, drawn })
}

/// Every counter an issue of `input` moves — each group's decisions and
/// its award's sổ vàng, by its body and year — and whether it draws from
/// it (a blank number) or only passes typed numbers.
fn counters_of(input: &Input) -> Vec<(CounterKey, bool)> {
    let mut keys = Vec::new();
    for group in &input.khen_thuong {
        let (body, year) = (group.co_quan.clone(), group.quyet_dinh.ngay.year);
        let decision = CounterKey { register: register::DECISIONS.to_string(), body: body.clone(), year };
        keys.push((decision, blank_number(&group.quyet_dinh.so).is_some()));
        let blank = group.danh_sach.iter().any(|r| r.so_so.as_deref().is_none_or(|n| n.trim().is_empty()));
        keys.push((CounterKey { register: register::golden_book(award_code(group.hinh_thuc)), body, year }, blank));
    }
    keys
}

/// A recipient as an inline list row, its sổ vàng number set.
fn recipient_row(recipient: &input::NguoiNhan, register_no: &str) -> Node {
    // Every field of a recipient is a text (its kind by its YAML name).
    let fields = serde_json::to_value(recipient).unwrap_or_default();
    let mut row = Mapping::new();
    for key in input::NguoiNhan::KEYS {
        if let Some(text) = fields.get(key).and_then(serde_json::Value::as_str) {
            row.insert(Node::from(*key), Node::from(text));
        }
    }
    row.insert(Node::from("so_so"), Node::from(register_no));
    Node::new(Value::Mapping(row))
}

/// Writes group `index`'s decision number and its list, inline.
fn set_group(tree: &mut Node, index: usize, number: &str, rows: Vec<Node>) {
    let group = tree
        .as_mapping_mut()
        .and_then(|top| top.get_mut("khen_thuong"))
        .and_then(|groups| groups.as_sequence_mut())
        .and_then(|groups| groups.get_mut(index))
        .and_then(|group| group.as_mapping_mut());
    let Some(group) = group else { return };
    if let Some(decision) = group.get_mut("quyet_dinh").and_then(|decision| decision.as_mapping_mut()) {
        decision.insert(Node::from("so"), Node::from(number));
    }
    group.remove("danh_sach_tep");
    group.insert(Node::from("danh_sach"), Node::new(Value::Sequence(rows)));
}

fn award_record(
    input: &Input,
    group: &NhomKhen,
    index: usize,
    recipient: &input::NguoiNhan,
    decision: &str,
    register_no: &str,
) -> AwardRecord {
    AwardRecord {
        group: index,
        award: award_code(group.hinh_thuc).to_string(),
        cap_khen: group.cap_khen.clone(),
        body: group.co_quan.clone(),
        decision: decision.to_string(),
        decision_date: group.quyet_dinh.ngay.to_string(),
        year: group.quyet_dinh.ngay.year,
        programme: input.programme_key().to_string(),
        recipient: recipient.ten.clone(),
        recipient_kind: match recipient.loai {
            LoaiNguoiNhan::TapThe => "tap_the",
            LoaiNguoiNhan::CaNhan => "ca_nhan",
        }
        .to_string(),
        unit: recipient.don_vi.clone().unwrap_or_default(),
        register_no: register_no.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_numbers_are_told_from_filled_ones() {
        assert_eq!(blank_number("/QĐ-UBND"), Some("/QĐ-UBND"));
        assert_eq!(blank_number("   /QĐ-UBND"), Some("/QĐ-UBND"));
        assert_eq!(blank_number("…/QĐ-UBND"), Some("/QĐ-UBND"));
        assert_eq!(blank_number("2345/QĐ-UBND"), None);
        assert_eq!(blank_number("-GM/BTC"), Some("-GM/BTC"));
        assert_eq!(blank_number("…-GM/BTGDVTU"), Some("-GM/BTGDVTU"));
        assert_eq!(blank_number("12-GM/BTC"), None);
        assert_eq!(blank_number("12/GM-BTC"), None);
        assert_eq!(blank_number("GM-BTC"), None);
        assert_eq!(leading_number("2345/QĐ-UBND"), Some(2345));
        assert_eq!(leading_number("0101"), Some(101));
        assert_eq!(leading_number("A-1"), None);
    }
}

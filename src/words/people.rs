//! Delegates as every paper names them: the press's sentence, the
//! invitation's line, the script's introduction, the lists and the place
//! cards all take a delegate's rank, name and title from here, so a name
//! never reads two ways.

use crate::input::DaiBieu;
use crate::words::figures;

/// A delegate's rank and name as every paper prints them: "Thiếu tướng
/// Trần Thị Ngọc Đẹp", "Lê Khắc Nam" (the name on one line).
pub(crate) fn delegate_name(person: &DaiBieu) -> String {
    let name = delegate_own_name(person);
    match delegate_rank(person) {
        Some(rank) => format!("{rank} {name}"),
        None => name,
    }
}

/// A delegate's rank on one line ("Thiếu tướng"), if any: a place card
/// sets it above the name.
pub(crate) fn delegate_rank(person: &DaiBieu) -> Option<String> {
    person.cap_bac.as_deref().map(one_line)
}

/// A delegate's name without the rank, on one line.
pub(crate) fn delegate_own_name(person: &DaiBieu) -> String {
    one_line(&person.ho_ten)
}

/// A delegate's title on one line: "Phó Giám đốc Công an thành phố".
pub(crate) fn delegate_title(person: &DaiBieu) -> String {
    one_line(&person.chuc_vu)
}

/// A delegate as the press names one: "Thiếu tướng Trần Thị Ngọc Đẹp,
/// Cục trưởng …", "đồng chí Lê Khắc Nam, Phó Chủ tịch …"; who is not named
/// ("Lãnh đạo Ủy ban MTTQ Việt Nam tỉnh") is never "đồng chí": "lãnh đạo
/// Ủy ban MTTQ Việt Nam tỉnh".
pub(crate) fn delegate_in_sentence(person: &crate::input::DaiBieu) -> String {
    let name = one_line(&person.ho_ten);
    let role = delegate_title(person);
    let with_role = |who: String| if role.is_empty() { who } else { format!("{who}, {role}") };
    match &person.cap_bac {
        Some(_) => with_role(delegate_name(person)),
        None if is_personal_name(&name) => with_role(format!("đồng chí {name}")),
        None => with_role(figures::lower_first(&name)),
    }
}

/// A person's name: two to six words, each capitalised ("Lê Khắc Nam"),
/// not a body or a title ("Lãnh đạo UBND thành phố", "Đại diện …").
fn is_personal_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    (2..=6).contains(&words.len())
        && words.iter().all(|w| {
            let mut letters = w.chars().filter(|c| c.is_alphabetic());
            letters.next().is_some_and(char::is_uppercase) && letters.all(char::is_lowercase)
        })
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

//! `baocao units add|list` and the unit and role `baocao users add` gives a
//! user: the commands that set up a province's workspace. Names are kept
//! as typed, in NFC, so «Phường Hồng Bàng» typed on any keyboard is one unit.

use super::store::units::{self, Role, UnitRefused};
use super::store::Store;
use crate::diag::{Failure, IoAction, Kind, Lang, Location, Problem, WorkspaceKind};

/// A problem of the command line, at option `path`.
pub(super) fn refused(path: &str, kind: WorkspaceKind) -> Failure {
    Failure::Input(vec![Problem {
        location: Box::new(Location::command_line()),
        path: path.into(),
        kind: Kind::Workspace(Box::new(kind)),
    }])
}

fn database_failure(store: &Store, err: impl std::fmt::Display) -> Failure {
    eprintln!("baocao: {err}");
    Failure::io(IoAction::Write, store.shown(), std::io::Error::other(err.to_string()))
}

/// A unit's name as typed: trimmed, NFC.
pub(super) fn typed_name(name: &str) -> String {
    crate::text::vn::nfc(name.trim())
}

/// `baocao units add NAME [--thuoc PARENT]`.
pub(super) fn add(store: &Store, name: &str, parent: Option<&str>, lang: Lang) -> Result<(), Failure> {
    let name = typed_name(name);
    if name.is_empty() {
        return Err(refused("units add", WorkspaceKind::UnitName));
    }
    let parent = parent.map(typed_name);
    let added = store
        .lock()
        .and_then(|mut db| units::add(&mut db, &name, parent.as_deref()))
        .map_err(|err| database_failure(store, err))?;
    match added {
        Ok(_) => {
            eprintln!(
                "{}",
                match (lang, &parent) {
                    (Lang::Vi, Some(parent)) => format!("Đã thêm đơn vị «{name}» thuộc «{parent}»"),
                    (Lang::Vi, None) => format!("Đã thêm đơn vị «{name}»"),
                    (Lang::En, Some(parent)) => format!("Added unit «{name}» under «{parent}»"),
                    (Lang::En, None) => format!("Added unit «{name}»"),
                }
            );
            Ok(())
        }
        Err(UnitRefused::UnknownParent) => {
            Err(refused("--thuoc", WorkspaceKind::UnknownUnit(parent.unwrap_or_default())))
        }
        Err(UnitRefused::Exists) => Err(refused("units add", WorkspaceKind::UnitExists(name))),
    }
}

/// `baocao units list`: the tree, one unit a line, indented under its parent.
pub(super) fn list(store: &Store) -> Result<(), Failure> {
    let all = store.lock().and_then(|mut db| units::list(&mut db)).map_err(|err| database_failure(store, err))?;
    for line in tree_lines(&all) {
        println!("{line}");
    }
    Ok(())
}

/// The units as an indented tree, roots in the order they were added.
fn tree_lines(all: &[units::Unit]) -> Vec<String> {
    fn walk(all: &[units::Unit], parent: Option<i64>, depth: usize, lines: &mut Vec<String>) {
        for unit in all.iter().filter(|unit| unit.parent == parent) {
            lines.push(format!("{}{}", "  ".repeat(depth), unit.name));
            walk(all, Some(unit.id), depth + 1, lines);
        }
    }
    let mut lines = Vec::new();
    walk(all, None, 0, &mut lines);
    lines
}

/// The unit and role `users add` was given, checked against the workspace
/// before a password is asked: none for a user of the whole office.
pub(super) fn placement(store: &Store, unit: Option<&str>, role: Option<&str>) -> Result<Option<(i64, Role)>, Failure> {
    let (unit, role) = match (unit.map(typed_name), role) {
        (None, None) => return Ok(None),
        (Some(unit), Some(role)) => (unit, role),
        (Some(_), None) => return Err(refused("--vai-tro", WorkspaceKind::UnitNeedsRole)),
        (None, Some(_)) => return Err(refused("--don-vi", WorkspaceKind::UnitNeedsRole)),
    };
    let Some(role) = Role::from_code(role) else {
        return Err(refused("--vai-tro", WorkspaceKind::UnknownRole(role.trim().to_string())));
    };
    let found =
        store.lock().and_then(|mut db| units::by_name(&mut db, &unit)).map_err(|err| database_failure(store, err))?;
    match found {
        Some(id) => Ok(Some((id, role))),
        None => Err(refused("--don-vi", WorkspaceKind::UnknownUnit(unit))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tree_is_printed_indented_under_each_parent() {
        let unit = |id, name: &str, parent| units::Unit { id, name: name.into(), parent };
        let all = [
            unit(1, "UBND thành phố Hải Phòng", None),
            unit(2, "Phường Hồng Bàng", Some(1)),
            unit(3, "Phường Lê Chân", Some(1)),
            unit(4, "Tổ dân phố 1", Some(2)),
        ];
        assert_eq!(
            tree_lines(&all),
            ["UBND thành phố Hải Phòng", "  Phường Hồng Bàng", "    Tổ dân phố 1", "  Phường Lê Chân"]
        );
    }

    #[test]
    fn names_typed_decomposed_are_one_unit() {
        assert_eq!(
            typed_name(" Phường Hồng Bàng "),
            typed_name("Phu\u{31b}o\u{31b}\u{300}ng Ho\u{302}\u{300}ng Ba\u{300}ng")
        );
    }
}

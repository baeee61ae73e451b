//! Where a user of a unit stands — her role, her unit and the units below
//! it she may see — and the SQL condition that keeps a query to them. Kept
//! apart from the store's queries so the register's can use it too.

/// What a user of a unit may do there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// Văn thư: edits her unit's conferences; does not issue.
    Clerk,
    /// Lãnh đạo: reads her unit's conferences and issues them; does not edit.
    Leader,
    /// Tỉnh: reads every unit under hers, and summarises across them.
    Province,
}

impl Role {
    /// The role as `--vai-tro` and the database write it.
    pub(crate) fn code(self) -> &'static str {
        match self {
            Role::Clerk => "van-thu",
            Role::Leader => "lanh-dao",
            Role::Province => "tinh",
        }
    }

    pub(crate) fn from_code(code: &str) -> Option<Role> {
        [Role::Clerk, Role::Leader, Role::Province].into_iter().find(|role| role.code() == code.trim())
    }

    /// The role as a clerk reads it.
    pub(crate) fn title(self) -> &'static str {
        match self {
            Role::Clerk => "Văn thư",
            Role::Leader => "Lãnh đạo",
            Role::Province => "Tỉnh",
        }
    }
}

/// A unit of the tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Unit {
    pub id: i64,
    pub name: String,
    pub parent: Option<i64>,
}

/// Where a signed-in user of a unit stands: her unit, her role, and the
/// units whose conferences she may see (hers, or her whole subtree).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Scope {
    pub unit: i64,
    pub unit_name: String,
    pub role: Role,
    /// Ids of the units she sees, hers first.
    pub reach: Vec<i64>,
}

impl Scope {
    /// Whether a conference of `unit` is hers to see (one of no unit, the
    /// office's, is not).
    pub(crate) fn sees(&self, unit: Option<i64>) -> bool {
        unit.is_some_and(|unit| self.reach.contains(&unit))
    }
}

/// An SQL condition on `column` (a conference's unit id) true for what the
/// caller may see: anything for the office (no scope). Only ids the
/// database gave are written into it, never text from a request.
pub(crate) fn reach_sql(scope: Option<&Scope>, column: &str) -> String {
    match scope {
        None => "1 = 1".to_string(),
        Some(scope) => {
            let ids: Vec<String> = scope.reach.iter().map(i64::to_string).collect();
            format!("{column} IN ({})", ids.join(", "))
        }
    }
}

/// An SQL condition on the `counters` table true for the registers the
/// caller may see and set: those of the bodies her units issued under, and
/// those her units set first; every one for the office.
pub(crate) fn counter_reach_sql(scope: Option<&Scope>) -> String {
    if scope.is_none() {
        return "1 = 1".to_string();
    }
    let reach = reach_sql(scope, "c.unit_id");
    format!(
        "({} OR body_key IN (SELECT d.body_key FROM decisions d JOIN conferences c ON c.id = d.conference_id WHERE {reach}
            UNION SELECT a.body_key FROM awards a JOIN conferences c ON c.id = a.conference_id WHERE {reach}))",
        reach_sql(scope, "unit_id")
    )
}

/// `root` and every unit under it, `root` first.
pub(crate) fn subtree(units: &[Unit], root: i64) -> Vec<i64> {
    let mut reach = vec![root];
    let mut next = 0;
    while next < reach.len() {
        let parent = reach[next];
        reach.extend(units.iter().filter(|unit| unit.parent == Some(parent)).map(|unit| unit.id));
        next += 1;
    }
    reach
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(id: i64, parent: Option<i64>) -> Unit {
        Unit { id, name: format!("Đơn vị {id}"), parent }
    }

    #[test]
    fn a_subtree_holds_the_unit_and_everything_under_it() {
        let units = [unit(1, None), unit(2, Some(1)), unit(3, Some(1)), unit(4, Some(2)), unit(5, None)];
        assert_eq!(subtree(&units, 1), vec![1, 2, 3, 4]);
        assert_eq!(subtree(&units, 2), vec![2, 4]);
        assert_eq!(subtree(&units, 5), vec![5]);
    }

    #[test]
    fn the_office_sees_everything_and_a_unit_only_its_reach() {
        assert_eq!(reach_sql(None, "c.unit_id"), "1 = 1");
        let scope = Scope { unit: 2, unit_name: "Phường".into(), role: Role::Clerk, reach: vec![2, 4] };
        assert_eq!(reach_sql(Some(&scope), "c.unit_id"), "c.unit_id IN (2, 4)");
        assert!(scope.sees(Some(4)) && !scope.sees(Some(3)) && !scope.sees(None));
    }

    #[test]
    fn roles_read_back_from_their_codes_only() {
        for role in [Role::Clerk, Role::Leader, Role::Province] {
            assert_eq!(Role::from_code(role.code()), Some(role));
        }
        assert_eq!(Role::from_code("admin"), None);
    }
}

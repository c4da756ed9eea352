//! Load: how much weight each part carries, from the parts resting on it and its own contents.
//!
//! Weight flows down the connections where a part's connector faces down onto another part.
//! A part resting on several parts shares its weight (with all it carries) equally among
//! them; the gram left over by the division goes to the first of them, so no gram is lost.

use super::facts::Facts;

/// The weight each part carries, in grams: its declared contents plus everything resting on it.
pub fn carried_weights(facts: &Facts<'_>) -> Vec<u64> {
    let count = facts.parts.len();
    let mut carried: Vec<u64> = facts
        .parts
        .iter()
        .map(|part| u64::from(part.kind.contents_g))
        .collect();
    // Highest parts first, so a part's load is complete before it is passed down.
    let mut order: Vec<usize> = (0..count).collect();
    let bottom = |at: usize| facts.parts[at].bounds.map_or(0, |bounds| bounds.min.y);
    order.sort_by_key(|&at| std::cmp::Reverse(bottom(at)));
    for at in order {
        let mut supports: Vec<usize> = facts.links[at]
            .iter()
            .filter(|link| link.rests_on && bottom(link.other) < bottom(at))
            .map(|link| link.other)
            .collect();
        supports.sort_unstable();
        supports.dedup();
        let Some((&first, _)) = supports.split_first() else {
            continue;
        };
        let total = u64::from(facts.parts[at].kind.weight_g) + carried[at];
        let share = total / supports.len() as u64;
        for &support in &supports {
            carried[support] += share;
        }
        carried[first] += total % supports.len() as u64;
    }
    carried
}

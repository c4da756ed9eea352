//! A wall is what it claims: that many frames, every one joined to the wall.

use snapkit_bench_walls::{shelving, shelving_wall};

#[test]
fn a_wall_has_every_frame_joined_into_one() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let catalog = shelving(&root).expect("the shipped shelving");
    for parts in [1, 20, 100, 500] {
        let assembly = shelving_wall(&catalog, parts).expect("built");
        assert_eq!(assembly.len(), parts);
        let first = assembly.parts().next().expect("a part").id;
        let mut reached = std::collections::BTreeSet::from([first]);
        let mut pending = vec![first];
        while let Some(part) = pending.pop() {
            for neighbour in assembly.neighbours(part) {
                if reached.insert(neighbour) {
                    pending.push(neighbour);
                }
            }
        }
        assert_eq!(reached.len(), parts, "one connected wall of {parts}");
    }
}

#[test]
fn a_missing_catalog_is_named_in_the_error() {
    let error = shelving(std::path::Path::new("/nowhere")).expect_err("no catalog there");
    assert!(
        error
            .to_string()
            .contains("/nowhere/assets/catalogs/shelving.json"),
        "{error}"
    );
}

//! The benchmark's shelving walls are what they claim: the link opens to that many frames,
//! every one joined to the wall, and the glTF file has a node per frame.

use snapkit_formats::open_link;
use xtask::bench_configurations::{shelving, shelving_wall};

#[test]
fn a_wall_opens_from_its_link_with_every_frame_joined() {
    let root = xtask::workspace_root().expect("the workspace");
    let catalog = shelving(&root).expect("the shipped shelving");
    for parts in [20, 100, 500] {
        let wall = shelving_wall(&catalog, parts).expect("built");
        assert_eq!(wall.parts, parts);
        let opened = open_link(&format!("#c={}", wall.link_code), &catalog).expect("opens");
        assert_eq!(opened.assembly.len(), parts);
        let assembly = &opened.assembly;
        let mut reached =
            std::collections::BTreeSet::from([assembly.parts().next().expect("a part").id]);
        let mut pending: Vec<_> = reached.iter().copied().collect();
        while let Some(part) = pending.pop() {
            for neighbour in assembly.neighbours(part) {
                if reached.insert(neighbour) {
                    pending.push(neighbour);
                }
            }
        }
        assert_eq!(reached.len(), parts, "one connected wall");
        let gltf = gltf::Gltf::from_slice(&wall.glb).expect("valid glTF");
        assert_eq!(gltf.nodes().count(), parts);
    }
}

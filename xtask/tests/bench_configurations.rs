//! The benchmark's configurations are what they claim: the link opens to the wall, and the
//! glTF file has a node per frame.

use snapkit_bench_walls::shelving;
use snapkit_formats::open_link;
use xtask::bench_configurations::wall_configuration;

#[test]
fn a_wall_opens_from_its_link_and_its_gltf_has_every_frame() {
    let root = xtask::workspace_root().expect("the workspace");
    let catalog = shelving(&root).expect("the shipped shelving");
    for parts in [20, 100, 500] {
        let wall = wall_configuration(&catalog, parts).expect("built");
        assert_eq!(wall.parts, parts);
        let opened = open_link(&format!("#c={}", wall.link_code), &catalog).expect("opens");
        assert_eq!(opened.assembly.len(), parts);
        let gltf = gltf::Gltf::from_slice(&wall.glb).expect("valid glTF");
        assert_eq!(gltf.nodes().count(), parts);
    }
}

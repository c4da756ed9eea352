//! The glTF export read back with the `gltf` crate: one node per part, named and placed as in
//! the assembly (metres, Y up), kinds sharing triangles, one material per finish in linear light.

#[path = "support/demo_catalogs.rs"]
mod demo_catalogs;

use demo_catalogs::shipped;
use snapkit_core::{Assembly, Locale};
use snapkit_formats::gltf_export::{GltfExportError, export_glb};

/// The shipped `catalog`'s preset `id`, built.
fn built_preset(catalog: &str, id: &str) -> Assembly {
    let catalog = shipped(catalog);
    let preset = catalog
        .presets
        .iter()
        .find(|preset| preset.id == id)
        .unwrap_or_else(|| panic!("the catalog has a preset '{id}'"));
    let mut assembly = Assembly::new(catalog.clone());
    preset
        .replacing(&assembly)
        .apply(&mut assembly)
        .expect("the preset builds");
    assembly
}

#[test]
fn every_part_is_a_named_node_at_its_place_in_metres() {
    let assembly = built_preset("sofa", "u-shape");
    let glb = export_glb(&assembly, &Locale::new("nb")).expect("exported");
    let gltf = gltf::Gltf::from_slice(&glb).expect("a valid glTF file");
    let scene = gltf.default_scene().expect("a default scene");
    let nodes: Vec<_> = scene.nodes().collect();
    assert_eq!(nodes.len(), assembly.len());
    for (node, part) in nodes.iter().zip(assembly.parts()) {
        let (translation, rotation, scale) = node.transform().decomposed();
        let expected = part.placement.translation.as_vec3() / 1_000_000.0;
        assert_eq!(translation, expected.to_array(), "{:?}", node.name());
        assert_eq!(rotation, part.placement.rotation.to_quaternion());
        assert_eq!(scale, [1.0; 3]);
        assert!(
            node.name()
                .is_some_and(|name| name.ends_with(&format!("#{}", part.id.0))),
            "{:?}",
            node.name()
        );
    }
    assert!(
        nodes.iter().any(|node| node.name() == Some("Hjørne #1")),
        "names in the locale asked for"
    );
    // 4 kinds (corner, seat, two arms) in one finish: 4 meshes, 1 material; kinds share
    // their position accessors.
    assert_eq!(gltf.meshes().count(), 4);
    assert_eq!(gltf.materials().count(), 1);
    let positions: std::collections::BTreeSet<usize> = gltf
        .meshes()
        .flat_map(|mesh| mesh.primitives().collect::<Vec<_>>())
        .filter_map(|primitive| primitive.get(&gltf::Semantic::Positions).map(|a| a.index()))
        .collect();
    assert_eq!(positions.len(), 4);
    let material = gltf.materials().next().expect("a material");
    let [r, g, b, a] = material.pbr_metallic_roughness().base_color_factor();
    assert!(
        r > 0.5 && g > 0.5 && b > 0.5 && a == 1.0,
        "bouclé white, in linear light"
    );
}

#[test]
fn glass_is_blended_with_its_opacity_and_the_frames_stay_opaque() {
    // Its drop-down doors are satin glass, on chrome frames.
    let assembly = built_preset("shelving", "media-unit");
    let glb = export_glb(&assembly, &Locale::english()).expect("exported");
    let gltf = gltf::Gltf::from_slice(&glb).expect("a valid glb");
    let looks: Vec<(String, gltf::material::AlphaMode, f32)> = gltf
        .materials()
        .map(|material| {
            (
                material.name().unwrap_or_default().to_owned(),
                material.alpha_mode(),
                material.pbr_metallic_roughness().base_color_factor()[3],
            )
        })
        .collect();
    assert_eq!(
        looks,
        [
            ("Chrome".to_owned(), gltf::material::AlphaMode::Opaque, 1.0),
            (
                "Satin glass".to_owned(),
                gltf::material::AlphaMode::Blend,
                0.6
            ),
        ]
    );
}

#[test]
fn nothing_to_export_is_said_so() {
    let empty = Assembly::new(shipped("bricks"));
    assert!(matches!(
        export_glb(&empty, &Locale::english()),
        Err(GltfExportError::Empty)
    ));
}

//! Reading a catalog's glTF model: what snapkit writes reads back exactly; node transforms are
//! applied (a mirror turns the winding); a model that does not fill its declared box, and every
//! kind of broken file, is refused with a reason, and no damaged file makes the reader panic.
#![cfg(not(target_arch = "wasm32"))]

use glam::IVec3;
use gltf::binary::Glb;
use proptest::prelude::*;
use snapkit_core::shape_mesh::TriangleMesh;
use snapkit_formats::gltf_export::mesh_glb;
use snapkit_formats::model_file::{MAX_MODEL_BYTES, ModelError};
use snapkit_formats::read_model;
use std::borrow::Cow;

/// A wedge standing on the origin: 2 m wide, 1 m high, 1 m deep, one triangle facing +z and
/// one facing -z.
fn wedge() -> TriangleMesh {
    TriangleMesh {
        positions: vec![
            [-1.0, 0.0, 0.5],
            [1.0, 0.0, 0.5],
            [0.0, 1.0, 0.5],
            [-1.0, 0.0, -0.5],
            [1.0, 0.0, -0.5],
            [0.0, 1.0, -0.5],
        ],
        normals: vec![
            [0.0, 0.0, 1.0],
            [0.0, 0.0, 1.0],
            [0.0, 0.0, 1.0],
            [0.0, 0.0, -1.0],
            [0.0, 0.0, -1.0],
            [0.0, 0.0, -1.0],
        ],
        indices: vec![0, 1, 2, 3, 5, 4],
    }
}

/// The wedge's box in micrometres.
const WEDGE_SIZE: IVec3 = IVec3::new(2_000_000, 1_000_000, 1_000_000);

/// `glb` with its JSON document changed by `change`.
fn with_document(glb: &[u8], change: impl FnOnce(&mut serde_json::Value)) -> Vec<u8> {
    let file = Glb::from_slice(glb).expect("a glb");
    let mut document: serde_json::Value = serde_json::from_slice(&file.json).expect("JSON");
    change(&mut document);
    let mut json = serde_json::to_vec(&document).expect("JSON");
    while !json.len().is_multiple_of(4) {
        json.push(b' ');
    }
    let bin = file.bin.expect("a binary chunk").into_owned();
    Glb {
        header: gltf::binary::Header {
            magic: *b"glTF",
            version: 2,
            length: u32::try_from(12 + 8 + json.len() + 8 + bin.len()).expect("small"),
        },
        json: Cow::Owned(json),
        bin: Some(Cow::Owned(bin)),
    }
    .to_vec()
    .expect("written")
}

#[test]
fn a_written_model_reads_back_exactly() {
    let glb = mesh_glb(&wedge(), "wedge").expect("written");
    assert_eq!(read_model(&glb, WEDGE_SIZE), Ok(wedge()));
}

#[test]
fn node_transforms_are_applied_and_a_mirror_turns_the_winding() {
    let glb = mesh_glb(&wedge(), "wedge").expect("written");
    let lifted = with_document(&glb, |document| {
        document["nodes"][0]["translation"] = serde_json::json!([0.0, 0.5, 0.0]);
    });
    let read = read_model(&lifted, IVec3::new(2_000_000, 1_500_000, 1_000_000));
    assert!(
        matches!(read, Err(ModelError::WrongSize { .. })),
        "{read:?}: lifted off the floor, it no longer fills a box standing on the origin"
    );

    let mirrored = with_document(&glb, |document| {
        document["nodes"][0]["scale"] = serde_json::json!([1.0, 1.0, -1.0]);
    });
    let read = read_model(&mirrored, WEDGE_SIZE).expect("a mirrored wedge fills the same box");
    assert_eq!(read.positions[0], [-1.0, 0.0, -0.5]);
    assert_eq!(read.normals[0], [0.0, 0.0, -1.0], "normals mirror too");
    assert_eq!(&read.indices[..3], &[0, 2, 1], "and the winding turns");
}

#[test]
fn a_model_that_does_not_fill_its_box_is_refused_with_both_boxes() {
    let glb = mesh_glb(&wedge(), "wedge").expect("written");
    let error = read_model(&glb, IVec3::new(2_000_000, 1_000_000, 1_200_000))
        .expect_err("600 mm deep is not 500");
    assert_eq!(
        error.to_string(),
        "it reaches from (-1000, 0, -500) to (1000, 1000, 500) mm, but the catalog declares \
         a box from (-1000, 0, -600) to (1000, 1000, 600) mm"
    );
    assert!(
        read_model(&glb, IVec3::new(2_000_000, 1_000_000, 1_001_000)).is_ok(),
        "a millimetre is tolerated"
    );
}

#[test]
fn broken_files_are_refused_with_a_reason() {
    let glb = mesh_glb(&wedge(), "wedge").expect("written");
    assert!(matches!(
        read_model(b"{\"asset\":{}}", WEDGE_SIZE),
        Err(ModelError::NotGlb(_))
    ));
    assert!(matches!(
        read_model(&glb[..glb.len() - 8], WEDGE_SIZE),
        Err(ModelError::NotGlb(_))
    ));
    let mut short_header = glb.clone();
    short_header[8..12].copy_from_slice(&2_u32.to_le_bytes());
    assert!(matches!(
        read_model(&short_header, WEDGE_SIZE),
        Err(ModelError::NotGlb(_))
    ));
    assert!(matches!(
        read_model(b"glTF\x02\0\0", WEDGE_SIZE),
        Err(ModelError::NotGlb(_))
    ));
    assert_eq!(
        read_model(&vec![0; MAX_MODEL_BYTES + 1], WEDGE_SIZE),
        Err(ModelError::TooLarge {
            size: MAX_MODEL_BYTES + 1,
            limit: MAX_MODEL_BYTES
        })
    );
    let lines = with_document(&glb, |document| {
        document["meshes"][0]["primitives"][0]["mode"] = serde_json::json!(1);
    });
    assert_eq!(
        read_model(&lines, WEDGE_SIZE).map_err(|error| error.to_string()),
        Err("mesh 0: only triangle lists can be drawn".to_owned())
    );
    let no_normals = with_document(&glb, |document| {
        document["meshes"][0]["primitives"][0]["attributes"]
            .as_object_mut()
            .expect("attributes")
            .remove("NORMAL");
    });
    assert_eq!(
        read_model(&no_normals, WEDGE_SIZE).map_err(|error| error.to_string()),
        Err("mesh 0: it has no normals".to_owned())
    );
    let past_the_end = with_document(&glb, |document| {
        document["accessors"][0]["byteOffset"] = serde_json::json!(4);
    });
    assert_eq!(
        read_model(&past_the_end, WEDGE_SIZE).map_err(|error| error.to_string()),
        Err("mesh 0: an accessor reaches outside the file's data".to_owned())
    );
    let dangling = with_document(&glb, |document| {
        document["meshes"][0]["primitives"][0]["attributes"]["POSITION"] = serde_json::json!(7);
    });
    assert!(matches!(
        read_model(&dangling, WEDGE_SIZE),
        Err(ModelError::NotGlb(_))
    ));
    let no_scene = with_document(&glb, |document| {
        let document = document.as_object_mut().expect("an object");
        document.remove("scene");
        document.remove("scenes");
    });
    assert_eq!(read_model(&no_scene, WEDGE_SIZE), Err(ModelError::NoScene));
}

#[test]
fn nodes_that_contain_themselves_are_refused() {
    let glb = mesh_glb(&wedge(), "wedge").expect("written");
    let looped = with_document(&glb, |document| {
        document["nodes"][0]["children"] = serde_json::json!([0]);
    });
    let read = read_model(&looped, WEDGE_SIZE);
    assert!(
        matches!(read, Err(ModelError::TooDeep | ModelError::NotGlb(_))),
        "{read:?}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Any damage to a good file (bytes changed, cut short) reads or is refused; never a panic.
    #[test]
    fn a_damaged_model_never_panics(
        changes in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
        cut in any::<prop::sample::Index>(),
        cut_short in any::<bool>(),
    ) {
        let mut glb = mesh_glb(&wedge(), "wedge").expect("written");
        for (at, byte) in changes {
            let at = at.index(glb.len());
            glb[at] = byte;
        }
        if cut_short {
            glb.truncate(cut.index(glb.len()));
        }
        let _ = read_model(&glb, WEDGE_SIZE);
    }

    /// Any lengths, offsets, strides and counts in the document are checked against the data,
    /// however large: the file reads or is refused; never a panic or an overflow.
    #[test]
    fn any_lengths_in_the_document_never_panic(
        field in prop::sample::select(vec![
            ("accessors", "count"),
            ("accessors", "byteOffset"),
            ("bufferViews", "byteOffset"),
            ("bufferViews", "byteLength"),
            ("bufferViews", "byteStride"),
            ("buffers", "byteLength"),
        ]),
        item in 0..3_usize,
        value in prop_oneof![0..64_u64, any::<u32>().prop_map(u64::from), any::<u64>()],
    ) {
        let glb = mesh_glb(&wedge(), "wedge").expect("written");
        let changed = with_document(&glb, |document| {
            if let Some(item) = document[field.0].get_mut(item) {
                item[field.1] = serde_json::json!(value);
            }
        });
        let _ = read_model(&changed, WEDGE_SIZE);
    }
}

//! A catalog's glTF model (a `.glb` file from the retailer's server, so untrusted) read into
//! triangles: every triangle primitive of the file's scene with its nodes' transforms applied,
//! in metres with Y up; and the check that it fills the box the catalog declares for it.
//!
//! Accessors are read here with checked arithmetic rather than through the glTF crate's
//! readers, so that no length in the file can make the reader panic.

use glam::{IVec3, Mat3, Mat4, Vec3};
use gltf::accessor::{DataType, Dimensions};
use gltf::binary::Glb;
use gltf::mesh::Mode;
use gltf::{Accessor, Document, Semantic, json};
use snapkit_core::shape_mesh::TriangleMesh;

/// Largest model file read.
pub const MAX_MODEL_BYTES: usize = 8 * 1024 * 1024;

/// Most triangles one model may have.
pub const MAX_MODEL_TRIANGLES: usize = 200_000;

/// Deepest nesting of nodes followed.
const MAX_NODE_DEPTH: usize = 32;

/// How far, in metres, the model may stray from its declared box.
const FIT_TOLERANCE_M: f32 = 0.001;

/// Why a model file cannot be drawn.
#[derive(Debug, PartialEq, thiserror::Error)]
pub enum ModelError {
    /// The file is over [`MAX_MODEL_BYTES`].
    #[error("the file is {size} bytes; the limit is {limit}")]
    TooLarge {
        /// Its size.
        size: usize,
        /// The limit.
        limit: usize,
    },
    /// The bytes are not a valid binary glTF 2.0 file.
    #[error("not a valid binary glTF (.glb) file: {0}")]
    NotGlb(String),
    /// There is no scene in it.
    #[error("it has no scene")]
    NoScene,
    /// A primitive that is not a plain triangle list, or whose data cannot be read.
    #[error("mesh {mesh}: {problem}")]
    Mesh {
        /// The mesh's index in the file.
        mesh: usize,
        /// What is wrong with it.
        problem: String,
    },
    /// Nodes nest deeper than [`MAX_NODE_DEPTH`] (or refer to themselves).
    #[error("its nodes nest deeper than {MAX_NODE_DEPTH}")]
    TooDeep,
    /// More than [`MAX_MODEL_TRIANGLES`] triangles.
    #[error("it has more than {MAX_MODEL_TRIANGLES} triangles")]
    TooManyTriangles,
    /// No triangle at all.
    #[error("it has no triangles")]
    Empty,
    /// The model does not fill the box the catalog declares.
    #[error(
        "it reaches from {found_low} to {found_high} mm, but the catalog declares a box from \
         {declared_low} to {declared_high} mm"
    )]
    WrongSize {
        /// Its lowest corner, millimetres.
        found_low: String,
        /// Its highest corner, millimetres.
        found_high: String,
        /// The declared box's lowest corner.
        declared_low: String,
        /// The declared box's highest corner.
        declared_high: String,
    },
}

/// The model in `bytes`, checked to fill a box of `size` micrometres whose bottom face is
/// centred on the origin.
pub fn read_model(bytes: &[u8], size: IVec3) -> Result<TriangleMesh, ModelError> {
    let mesh = read_triangles(bytes)?;
    fills(&mesh, size)?;
    Ok(mesh)
}

/// Every triangle of the file's scene, in the scene's frame.
fn read_triangles(bytes: &[u8]) -> Result<TriangleMesh, ModelError> {
    if bytes.len() > MAX_MODEL_BYTES {
        return Err(ModelError::TooLarge {
            size: bytes.len(),
            limit: MAX_MODEL_BYTES,
        });
    }
    if !bytes.starts_with(b"glTF") {
        return Err(ModelError::NotGlb(
            "it does not start with “glTF”".to_owned(),
        ));
    }
    // The glTF crate subtracts the header's size from the length the header gives before
    // comparing: a length under 12 would overflow there.
    let declared_length = bytes
        .get(8..12)
        .and_then(|field| field.try_into().ok())
        .map(u32::from_le_bytes);
    if declared_length.is_none_or(|length| length < 12) {
        return Err(ModelError::NotGlb(
            "its header is cut short or gives a length shorter than itself".to_owned(),
        ));
    }
    let not_glb = |error: &dyn std::fmt::Display| ModelError::NotGlb(error.to_string());
    let glb = Glb::from_slice(bytes).map_err(|error| not_glb(&error))?;
    let root: json::Root =
        json::deserialize::from_slice(&glb.json).map_err(|error| not_glb(&error))?;
    // The glTF crate's check of a primitive looks its POSITION accessor up unchecked.
    let accessors = root.accessors.len();
    let dangling = root
        .meshes
        .iter()
        .flat_map(|mesh| &mesh.primitives)
        .any(|primitive| {
            primitive
                .attributes
                .values()
                .any(|accessor| accessor.value() >= accessors)
        });
    if dangling {
        return Err(ModelError::NotGlb(
            "a mesh refers to an accessor it does not have".to_owned(),
        ));
    }
    let document = Document::from_json(root).map_err(|error| not_glb(&error))?;
    let blob = glb.bin.as_deref().unwrap_or_default();
    let scene = document
        .default_scene()
        .or_else(|| document.scenes().next())
        .ok_or(ModelError::NoScene)?;
    let mut mesh = TriangleMesh::default();
    let mut pending: Vec<(gltf::Node, Mat4, usize)> = scene
        .nodes()
        .map(|node| (node, Mat4::IDENTITY, 0))
        .collect();
    while let Some((node, parent, depth)) = pending.pop() {
        if depth >= MAX_NODE_DEPTH {
            return Err(ModelError::TooDeep);
        }
        let transform = parent * Mat4::from_cols_array_2d(&node.transform().matrix());
        if let Some(node_mesh) = node.mesh() {
            for primitive in node_mesh.primitives() {
                append_primitive(&mut mesh, &primitive, blob, transform).map_err(|problem| {
                    ModelError::Mesh {
                        mesh: node_mesh.index(),
                        problem,
                    }
                })?;
                if mesh.indices.len() / 3 > MAX_MODEL_TRIANGLES {
                    return Err(ModelError::TooManyTriangles);
                }
            }
        }
        pending.extend(node.children().map(|child| (child, transform, depth + 1)));
    }
    if mesh.indices.is_empty() {
        return Err(ModelError::Empty);
    }
    Ok(mesh)
}

/// Adds one primitive's triangles, moved by `transform`.
fn append_primitive(
    mesh: &mut TriangleMesh,
    primitive: &gltf::Primitive,
    blob: &[u8],
    transform: Mat4,
) -> Result<(), String> {
    if primitive.mode() != Mode::Triangles {
        return Err("only triangle lists can be drawn".to_owned());
    }
    let vectors = |semantic: Semantic, name: &str| -> Result<Vec<Vec3>, String> {
        let accessor = primitive
            .get(&semantic)
            .ok_or_else(|| format!("it has no {name}"))?;
        if accessor.data_type() != DataType::F32 || accessor.dimensions() != Dimensions::Vec3 {
            return Err(format!("its {name} are not three 32-bit floats each"));
        }
        let vectors: Vec<Vec3> = elements(&accessor, blob, 12)?
            .map(|bytes| {
                Vec3::from_array([0, 4, 8].map(|at| {
                    f32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
                }))
            })
            .collect();
        if vectors.iter().all(|vector| vector.is_finite()) {
            Ok(vectors)
        } else {
            Err(format!("its {name} are not all finite numbers"))
        }
    };
    let positions = vectors(Semantic::Positions, "positions")?;
    let normals = vectors(Semantic::Normals, "normals")?;
    if normals.len() != positions.len() {
        return Err("it has not one normal per position".to_owned());
    }
    let indices: Vec<u32> = match primitive.indices() {
        Some(accessor) => indices(&accessor, blob)?,
        None => (0..u32::try_from(positions.len()).map_err(|_| "too many vertices")?).collect(),
    };
    if !indices.len().is_multiple_of(3) {
        return Err("its index count is not a multiple of three".to_owned());
    }
    if let Some(index) = indices
        .iter()
        .find(|&&index| index as usize >= positions.len())
    {
        return Err(format!(
            "index {index} points past its {} vertices",
            positions.len()
        ));
    }
    let normal_transform = Mat3::from_mat4(transform).inverse().transpose();
    // A mirroring transform turns the triangles inside out: wind them the other way.
    let mirrored = transform.determinant() < 0.0;
    let first = u32::try_from(mesh.positions.len()).map_err(|_| "too many vertices")?;
    mesh.positions.extend(
        positions
            .iter()
            .map(|&position| transform.transform_point3(position).to_array()),
    );
    mesh.normals.extend(normals.iter().map(|&normal| {
        (normal_transform * normal)
            .try_normalize()
            .unwrap_or(Vec3::Y)
            .to_array()
    }));
    for triangle in indices.chunks_exact(3) {
        let [a, b, c] = [triangle[0], triangle[1], triangle[2]].map(|index| first + index);
        mesh.indices
            .extend(if mirrored { [a, c, b] } else { [a, b, c] });
    }
    Ok(())
}

/// The indices of a primitive, widened to 32 bits.
fn indices(accessor: &Accessor, blob: &[u8]) -> Result<Vec<u32>, String> {
    if accessor.dimensions() != Dimensions::Scalar {
        return Err("its indices are not scalars".to_owned());
    }
    let width = match accessor.data_type() {
        DataType::U8 => 1,
        DataType::U16 => 2,
        DataType::U32 => 4,
        _ => return Err("its indices are not unsigned integers".to_owned()),
    };
    Ok(elements(accessor, blob, width)?
        .map(|bytes| {
            let mut wide = [0; 4];
            wide[..width].copy_from_slice(bytes);
            u32::from_le_bytes(wide)
        })
        .collect())
}

/// The `width`-byte elements of an accessor, every offset checked against the binary chunk.
fn elements<'a>(
    accessor: &Accessor,
    blob: &'a [u8],
    width: usize,
) -> Result<impl Iterator<Item = &'a [u8]>, String> {
    if accessor.sparse().is_some() {
        return Err("sparse accessors are not supported".to_owned());
    }
    let view = accessor
        .view()
        .ok_or("an accessor has no data (no buffer view)")?;
    if !matches!(view.buffer().source(), gltf::buffer::Source::Bin) {
        return Err("its data is outside the file; a .glb must hold all of it".to_owned());
    }
    let outside = || "an accessor reaches outside the file's data".to_owned();
    let data = view
        .offset()
        .checked_add(view.length())
        .and_then(|end| blob.get(view.offset()..end))
        .ok_or_else(outside)?;
    let stride = view.stride().unwrap_or(width);
    let count = accessor.count();
    if stride < width {
        return Err("an accessor's elements overlap (stride too small)".to_owned());
    }
    if count > MAX_MODEL_TRIANGLES * 3 {
        return Err(format!("an accessor has {count} elements; too many"));
    }
    let start = accessor.offset();
    let end = count
        .checked_sub(1)
        .and_then(|last| last.checked_mul(stride))
        .and_then(|span| span.checked_add(start))
        .and_then(|last_start| last_start.checked_add(width))
        .ok_or("an accessor is empty")?;
    let data = data.get(start..end).ok_or_else(outside)?;
    Ok((0..count).map(move |element| &data[element * stride..element * stride + width]))
}

/// Checks that `mesh` fills the box of `size` micrometres standing centred on the origin.
fn fills(mesh: &TriangleMesh, size: IVec3) -> Result<(), ModelError> {
    let (low, high) = mesh.extent().ok_or(ModelError::Empty)?;
    let size = size.as_vec3() / 1_000_000.0;
    let declared_low = Vec3::new(-size.x / 2.0, 0.0, -size.z / 2.0);
    let declared_high = Vec3::new(size.x / 2.0, size.y, size.z / 2.0);
    if low.abs_diff_eq(declared_low, FIT_TOLERANCE_M)
        && high.abs_diff_eq(declared_high, FIT_TOLERANCE_M)
    {
        return Ok(());
    }
    let mm = |corner: Vec3| {
        let corner = (corner * 1_000.0).round();
        format!("({}, {}, {})", corner.x, corner.y, corner.z)
    };
    Err(ModelError::WrongSize {
        found_low: mm(low),
        found_high: mm(high),
        declared_low: mm(declared_low),
        declared_high: mm(declared_high),
    })
}

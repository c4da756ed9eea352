//! The configuration as a binary glTF 2.0 file (`.glb`): one node per part, named as the
//! customer sees it, placed in metres with Y up; one mesh per part kind and finish (kinds share
//! their triangles), one material per finish. For "view in your room" viewers and CAD hand-off.

use gltf::binary::{Glb, Header};
use gltf::json;
use json::accessor::{ComponentType, GenericComponentType, Type};
use json::buffer::Target;
use json::mesh::{Mode, Primitive, Semantic};
use json::validation::{Checked, USize64};
use json::{Accessor, Index, Node, Root, Scene};
use snapkit_core::rules::message::part_label;
use snapkit_core::shape_mesh::{TriangleMesh, UM_PER_METRE};
use snapkit_core::{Assembly, FinishId, Locale, PartKindId};
use std::borrow::Cow;
use std::collections::BTreeMap;

/// Sides of a cylinder in the export: round enough up close, few enough for a large order.
const CYLINDER_SEGMENTS: u32 = 24;

/// Why an assembly could not be written as glTF.
#[derive(Debug, thiserror::Error)]
pub enum GltfExportError {
    /// There is nothing to export.
    #[error("there is nothing to export")]
    Empty,
    /// The file would be larger than glTF's 32-bit lengths allow.
    #[error("the configuration is too large for one glTF file")]
    TooLarge,
    /// The glTF library could not write the file.
    #[error("writing the glTF file failed: {0}")]
    Write(String),
}

/// The binary buffer and the document that describes it, filled part kind by part kind.
struct Builder {
    root: Root,
    bin: Vec<u8>,
}

impl Builder {
    /// An empty file written by snapkit, with `source` said in its generator field.
    fn new(source: &str) -> Self {
        Self {
            root: Root {
                asset: json::Asset {
                    generator: Some(format!("snapkit {} ({source})", env!("CARGO_PKG_VERSION"))),
                    ..Default::default()
                },
                ..Default::default()
            },
            bin: Vec::new(),
        }
    }

    /// The finished `.glb`: the scene `name` of `nodes`, the document and its binary chunk.
    fn finish(mut self, name: String, nodes: Vec<Index<Node>>) -> Result<Vec<u8>, GltfExportError> {
        let scene = self.root.push(Scene {
            extensions: None,
            extras: Default::default(),
            name: Some(name),
            nodes,
        });
        self.root.scene = Some(scene);
        self.pad_to_four();
        self.root.push(json::Buffer {
            byte_length: USize64::from(self.bin.len()),
            name: None,
            uri: None,
            extensions: None,
            extras: Default::default(),
        });
        let document = self
            .root
            .to_vec()
            .map_err(|error| GltfExportError::Write(error.to_string()))?;
        let length = u32::try_from(document.len() + self.bin.len() + 64)
            .map_err(|_| GltfExportError::TooLarge)?;
        Glb {
            header: Header {
                magic: *b"glTF",
                version: 2,
                length,
            },
            json: Cow::Owned(document),
            bin: Some(Cow::Owned(self.bin)),
        }
        .to_vec()
        .map_err(|error| GltfExportError::Write(error.to_string()))
    }

    /// Pads the binary chunk to a multiple of four bytes, as accessors and GLB chunks need.
    fn pad_to_four(&mut self) {
        while !self.bin.len().is_multiple_of(4) {
            self.bin.push(0);
        }
    }

    /// Appends `bytes` as a buffer view (4-byte aligned, as accessors need).
    fn view(&mut self, bytes: &[u8], target: Target) -> Index<json::buffer::View> {
        self.pad_to_four();
        let offset = self.bin.len();
        self.bin.extend_from_slice(bytes);
        self.root.push(json::buffer::View {
            buffer: Index::new(0),
            byte_length: USize64::from(bytes.len()),
            byte_offset: Some(USize64::from(offset)),
            byte_stride: None,
            name: None,
            target: Some(Checked::Valid(target)),
            extensions: None,
            extras: Default::default(),
        })
    }

    fn accessor(
        &mut self,
        view: Index<json::buffer::View>,
        count: usize,
        component: ComponentType,
        kind: Type,
        bounds: Option<([f32; 3], [f32; 3])>,
    ) -> Index<Accessor> {
        self.root.push(Accessor {
            buffer_view: Some(view),
            byte_offset: None,
            count: USize64::from(count),
            component_type: Checked::Valid(GenericComponentType(component)),
            extensions: None,
            extras: Default::default(),
            type_: Checked::Valid(kind),
            min: bounds.map(|(min, _)| json::Value::from(min.to_vec())),
            max: bounds.map(|(_, max)| json::Value::from(max.to_vec())),
            name: None,
            normalized: false,
            sparse: None,
        })
    }

    /// The triangles of one kind: positions, normals and indices, shared by all its meshes.
    fn geometry(&mut self, mesh: &TriangleMesh) -> Primitive {
        let floats = |values: &[[f32; 3]]| -> Vec<u8> {
            values
                .iter()
                .flatten()
                .flat_map(|value| value.to_le_bytes())
                .collect()
        };
        let bounds = mesh
            .extent()
            .map(|(low, high)| (low.to_array(), high.to_array()));
        let positions = self.view(&floats(&mesh.positions), Target::ArrayBuffer);
        let positions = self.accessor(
            positions,
            mesh.positions.len(),
            ComponentType::F32,
            Type::Vec3,
            bounds,
        );
        let normals = self.view(&floats(&mesh.normals), Target::ArrayBuffer);
        let normals = self.accessor(
            normals,
            mesh.normals.len(),
            ComponentType::F32,
            Type::Vec3,
            None,
        );
        let index_bytes: Vec<u8> = mesh
            .indices
            .iter()
            .flat_map(|index| index.to_le_bytes())
            .collect();
        let indices = self.view(&index_bytes, Target::ElementArrayBuffer);
        let indices = self.accessor(
            indices,
            mesh.indices.len(),
            ComponentType::U32,
            Type::Scalar,
            None,
        );
        Primitive {
            attributes: BTreeMap::from([
                (Checked::Valid(Semantic::Positions), positions),
                (Checked::Valid(Semantic::Normals), normals),
            ]),
            extensions: None,
            extras: Default::default(),
            indices: Some(indices),
            material: None,
            mode: Checked::Valid(Mode::Triangles),
            targets: None,
        }
    }
}

/// The assembly as a `.glb` file, parts named in `locale`.
pub fn export_glb(assembly: &Assembly, locale: &Locale) -> Result<Vec<u8>, GltfExportError> {
    if assembly.is_empty() {
        return Err(GltfExportError::Empty);
    }
    let catalog = assembly.catalog();
    let mut builder = Builder::new(&format!(
        "catalog '{}' {}",
        catalog.meta.id, catalog.meta.version
    ));
    let mut geometries: BTreeMap<PartKindId, Primitive> = BTreeMap::new();
    let mut materials: BTreeMap<FinishId, Index<json::Material>> = BTreeMap::new();
    let mut meshes: BTreeMap<(PartKindId, FinishId), Index<json::Mesh>> = BTreeMap::new();
    let mut nodes = Vec::new();
    for part in assembly.parts() {
        let Some(kind) = assembly.kind_of(part.id) else {
            continue;
        };
        let key = (part.kind.clone(), part.finish.clone());
        let mesh = match meshes.get(&key) {
            Some(mesh) => *mesh,
            None => {
                let geometry = match geometries.get(&part.kind) {
                    Some(geometry) => geometry.clone(),
                    None => {
                        let geometry = builder.geometry(
                            &kind
                                .shape
                                .mesh_in_metres(CYLINDER_SEGMENTS, &catalog.models),
                        );
                        geometries.insert(part.kind.clone(), geometry.clone());
                        geometry
                    }
                };
                let material = match materials.get(&part.finish) {
                    Some(material) => *material,
                    None => {
                        let material =
                            builder
                                .root
                                .push(finish_material(catalog, &part.finish, locale));
                        materials.insert(part.finish.clone(), material);
                        material
                    }
                };
                let mesh = builder.root.push(json::Mesh {
                    extensions: None,
                    extras: Default::default(),
                    name: Some(format!("{} ({})", kind.name.get(locale), part.finish)),
                    primitives: vec![Primitive {
                        material: Some(material),
                        ..geometry
                    }],
                    weights: None,
                });
                meshes.insert(key, mesh);
                mesh
            }
        };
        let translation = part.placement.translation.as_vec3() / UM_PER_METRE;
        nodes.push(builder.root.push(Node {
            mesh: Some(mesh),
            name: Some(part_label(kind, part.id, locale)),
            rotation: Some(json::scene::UnitQuaternion(
                part.placement.rotation.to_quaternion(),
            )),
            translation: Some(translation.to_array()),
            ..Default::default()
        }));
    }
    builder.finish(catalog.meta.name.get(locale).to_owned(), nodes)
}

/// One mesh as a `.glb` file of one node named `name`, with the default material: how a
/// catalog's model can be written (the demo catalogs' models are made so).
pub fn mesh_glb(mesh: &TriangleMesh, name: &str) -> Result<Vec<u8>, GltfExportError> {
    if mesh.indices.is_empty() {
        return Err(GltfExportError::Empty);
    }
    let mut builder = Builder::new("model");
    let primitive = builder.geometry(mesh);
    let mesh = builder.root.push(json::Mesh {
        extensions: None,
        extras: Default::default(),
        name: Some(name.to_owned()),
        primitives: vec![primitive],
        weights: None,
    });
    let node = builder.root.push(Node {
        mesh: Some(mesh),
        name: Some(name.to_owned()),
        ..Default::default()
    });
    builder.finish(name.to_owned(), vec![node])
}

/// The finish as a metal-roughness material, its colour in linear light; a see-through finish
/// (glass) blends with its opacity as the colour's alpha.
fn finish_material(
    catalog: &snapkit_core::Catalog,
    finish: &FinishId,
    locale: &Locale,
) -> json::Material {
    let look = catalog.finish(finish);
    let [r, g, b] = look.map_or([0.8; 3], |finish| finish.colour.to_linear());
    let opacity = look.map_or(1.0, |finish| finish.opacity);
    json::Material {
        name: Some(look.map_or_else(
            || finish.to_string(),
            |finish| finish.name.get(locale).to_owned(),
        )),
        pbr_metallic_roughness: json::material::PbrMetallicRoughness {
            base_color_factor: json::material::PbrBaseColorFactor([r, g, b, opacity]),
            metallic_factor: json::material::StrengthFactor(
                look.map_or(0.0, |finish| finish.metalness),
            ),
            roughness_factor: json::material::StrengthFactor(
                look.map_or(1.0, |finish| finish.roughness),
            ),
            ..Default::default()
        },
        alpha_mode: Checked::Valid(if opacity < 1.0 {
            json::material::AlphaMode::Blend
        } else {
            json::material::AlphaMode::Opaque
        }),
        ..Default::default()
    }
}

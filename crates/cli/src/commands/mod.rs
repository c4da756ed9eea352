//! One module per subcommand; each `run` returns whether its input was good.

pub mod check_catalog;
pub mod count;
pub mod export_gltf;
pub mod link_decode;
pub mod order_from_link;
pub mod verify_order;

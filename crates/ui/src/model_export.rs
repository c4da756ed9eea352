//! "3D model (.glb)": the configuration as a binary glTF file, for "view in your room" viewers,
//! planners and CAD (the same file `snapkit export-gltf` writes).

use crate::configuration::Configuration;
use crate::file_download::offer_download;
use snapkit_formats::configuration_id;
use snapkit_formats::gltf_export::export_glb;

/// Makes the `.glb` and offers it as a download; the sentence to show the customer either way.
pub(crate) fn export_model(configuration: &Configuration) -> String {
    let assembly = configuration.session.assembly();
    let glb = match export_glb(assembly, &configuration.locale) {
        Ok(glb) => glb,
        Err(error) => return format!("No 3D model: {error}."),
    };
    let file = format!("snapkit-{}.glb", configuration_id(assembly));
    match offer_download(&file, &glb, "model/gltf-binary") {
        Ok(()) => format!("3D model saved as {file}."),
        Err(error) => {
            web_sys::console::error_1(&error);
            "The 3D model could not be saved; nothing was lost, please try again.".to_owned()
        }
    }
}

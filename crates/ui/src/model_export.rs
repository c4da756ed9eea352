//! "3D model (.glb)": the configuration as a binary glTF file, for "view in your room" viewers,
//! planners and CAD (the same file `snapkit export-gltf` writes).

use crate::configuration::Configuration;
use crate::file_download::offer_download;
use crate::ui_text::{phrase, ui_text, ui_text_with};
use snapkit_formats::configuration_id;
use snapkit_formats::gltf_export::export_glb;

/// Makes the `.glb` and offers it as a download; the sentence to show the customer either way.
pub(crate) fn export_model(configuration: &Configuration) -> String {
    let assembly = configuration.session.assembly();
    let locale = &configuration.locale;
    let glb = match export_glb(assembly, locale) {
        Ok(glb) => glb,
        Err(error) => {
            return ui_text_with(
                locale,
                "model.none",
                &[("error", phrase(error.to_string()))],
            );
        }
    };
    let file = format!("snapkit-{}.glb", configuration_id(assembly));
    match offer_download(&file, &glb, "model/gltf-binary") {
        Ok(()) => ui_text_with(locale, "model.saved", &[("file", phrase(file))]),
        Err(error) => {
            web_sys::console::error_1(&error);
            ui_text(locale, "model.not-saved")
        }
    }
}

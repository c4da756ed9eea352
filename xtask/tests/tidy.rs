//! The tidy checks: they hold for this workspace, and they catch what they are meant to catch.

use std::fs;
use std::path::{Path, PathBuf};
use xtask::tidy::{PURE_PACKAGES, forbidden_dependencies, missing_module_docs};

#[test]
fn this_workspace_keeps_its_invariants() {
    let root = xtask::workspace_root().expect("workspace root");
    xtask::tidy::run(&root).expect("tidy");
}

/// A throwaway workspace under the system temp folder, removed on drop.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("snapkit-tidy-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("scratch dir");
        Self(dir)
    }

    fn write(&self, path: &str, text: &str) {
        let path = self.0.join(path);
        fs::create_dir_all(path.parent().expect("has parent")).expect("dirs");
        fs::write(path, text).expect("write");
    }

    fn root(&self) -> &Path {
        &self.0
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn package(name: &str, deps: &str) -> String {
    format!(
        "[package]\nname = \"{name}\"\nversion = \"0.1.0\"\nedition = \"2024\"\n\n[dependencies]\n{deps}\n"
    )
}

#[test]
fn a_file_without_module_doc_is_reported() {
    let scratch = Scratch::new("docs");
    scratch.write("crates/core/src/lib.rs", "//! Documented.\n");
    scratch.write("crates/core/src/bucket.rs", "pub fn f() {}\n");
    let problems = missing_module_docs(scratch.root()).expect("scan");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].starts_with("crates/core/src/bucket.rs"));
}

#[test]
fn bevy_in_core_is_reported_even_through_another_crate() {
    let scratch = Scratch::new("deps");
    scratch.write(
        "Cargo.toml",
        "[workspace]\nresolver = \"3\"\nmembers = [\"core\", \"formats\", \"middle\", \"bevy\"]\n",
    );
    scratch.write(
        "core/Cargo.toml",
        &package("snapkit-core", "bevy = { path = \"../bevy\" }"),
    );
    scratch.write(
        "formats/Cargo.toml",
        &package("snapkit-formats", "middle = { path = \"../middle\" }"),
    );
    scratch.write(
        "middle/Cargo.toml",
        &package("middle", "bevy = { path = \"../bevy\" }"),
    );
    scratch.write("bevy/Cargo.toml", &package("bevy", ""));
    for krate in ["core", "formats", "middle", "bevy"] {
        scratch.write(&format!("{krate}/src/lib.rs"), "//! Scratch.\n");
    }
    let metadata = cargo_metadata::MetadataCommand::new()
        .current_dir(scratch.root())
        .other_options(vec!["--offline".to_owned()])
        .exec()
        .expect("metadata of the scratch workspace");
    let problems = forbidden_dependencies(&metadata, PURE_PACKAGES);
    assert_eq!(
        problems,
        [
            "snapkit-core must not depend on bevy (through snapkit-core -> bevy)",
            "snapkit-formats must not depend on bevy (through snapkit-formats -> middle -> bevy)",
        ]
    );
}

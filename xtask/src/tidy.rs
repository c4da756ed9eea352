//! The architecture invariants a machine can check (see ARCHITECTURE.md).

use anyhow::{Context, Result, bail};
use cargo_metadata::{DependencyKind, Metadata, MetadataCommand, PackageId};
use std::collections::{HashMap, HashSet, VecDeque};
use std::fs;
use std::path::{Path, PathBuf};

/// Packages that must stay free of engine, UI and web crates: they build and test natively in seconds.
pub const PURE_PACKAGES: &[&str] = &["snapkit-core", "snapkit-formats", "snapkit-bench-walls"];
/// Crate name prefixes a pure package may not depend on, directly or through others.
pub const FORBIDDEN_PREFIXES: &[&str] = &["bevy", "yew", "web-sys", "js-sys", "wasm-bindgen"];

/// Checks the workspace at `root`; the error lists every broken invariant.
pub fn run(root: &Path) -> Result<()> {
    let mut problems = missing_module_docs(root)?;
    let metadata = MetadataCommand::new()
        .current_dir(root)
        .exec()
        .context("cargo metadata")?;
    problems.extend(forbidden_dependencies(&metadata, PURE_PACKAGES));
    if problems.is_empty() {
        Ok(())
    } else {
        bail!(
            "architecture invariants broken:\n  {}",
            problems.join("\n  ")
        )
    }
}

fn rust_files(dir: &Path, files: &mut Vec<PathBuf>) -> Result<()> {
    for entry in fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))? {
        let path = entry?.path();
        let name = path
            .file_name()
            .and_then(|name| name.to_str())
            .unwrap_or("");
        if path.is_dir() {
            if !matches!(name, "target" | "node_modules" | "dist") && !name.starts_with('.') {
                rust_files(&path, files)?;
            }
        } else if name.ends_with(".rs") {
            files.push(path);
        }
    }
    Ok(())
}

/// Every `.rs` file under `crates/`, `xtask/` and `fuzz/` whose first line is not a `//!` module doc.
pub fn missing_module_docs(root: &Path) -> Result<Vec<String>> {
    let mut files = Vec::new();
    for dir in ["crates", "xtask", "fuzz"] {
        let dir = root.join(dir);
        if dir.is_dir() {
            rust_files(&dir, &mut files)?;
        }
    }
    files.sort();
    let mut problems = Vec::new();
    for file in files {
        let text = fs::read_to_string(&file)?;
        if !text.starts_with("//! ") {
            let shown = file.strip_prefix(root).unwrap_or(&file).display();
            problems.push(format!(
                "{shown}: does not start with a `//!` line saying what it is for"
            ));
        }
    }
    Ok(problems)
}

/// Every forbidden crate that one of `pure` packages reaches through normal or build dependencies.
pub fn forbidden_dependencies(metadata: &Metadata, pure: &[&str]) -> Vec<String> {
    let Some(resolve) = &metadata.resolve else {
        return vec!["cargo metadata returned no dependency graph".to_owned()];
    };
    let nodes: HashMap<&PackageId, _> = resolve.nodes.iter().map(|node| (&node.id, node)).collect();
    let name_of = |id: &PackageId| {
        metadata
            .packages
            .iter()
            .find(|package| &package.id == id)
            .map(|package| package.name.to_string())
            .unwrap_or_default()
    };
    let mut problems = Vec::new();
    for package in metadata
        .workspace_packages()
        .into_iter()
        .filter(|package| pure.contains(&package.name.as_str()))
    {
        let mut seen = HashSet::new();
        let mut queue = VecDeque::from([(&package.id, vec![package.name.to_string()])]);
        while let Some((id, chain)) = queue.pop_front() {
            let Some(node) = nodes.get(id) else { continue };
            for dep in &node.deps {
                let runtime = dep
                    .dep_kinds
                    .iter()
                    .any(|kind| kind.kind != DependencyKind::Development);
                if !runtime || !seen.insert(&dep.pkg) {
                    continue;
                }
                let name = name_of(&dep.pkg);
                let mut path = chain.clone();
                path.push(name.clone());
                if FORBIDDEN_PREFIXES
                    .iter()
                    .any(|prefix| name.starts_with(prefix))
                {
                    problems.push(format!(
                        "{} must not depend on {name} (through {})",
                        package.name,
                        path.join(" -> ")
                    ));
                }
                queue.push_back((&dep.pkg, path));
            }
        }
    }
    problems
}

//! Installs the build and test tools when (and only when) they are missing or the wrong version.

use crate::shell::{execute, output_of};
use anyhow::{Context, Result, bail};
use std::env;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The trunk release line that works with this toolchain.
const TRUNK_VERSION: &str = "0.21.14";
/// The binaryen release whose wasm-opt handles current wasm-bindgen output (Debian's 108 breaks it).
const BINARYEN_VERSION: &str = "132";
const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// Where snapkit keeps tools it installs itself (outside any clone, reused across runs).
pub fn cache_dir() -> PathBuf {
    env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| env::var_os("HOME").map(|home| PathBuf::from(home).join(".cache")))
        .unwrap_or_else(env::temp_dir)
        .join("snapkit")
}

fn binaryen_dir() -> PathBuf {
    cache_dir().join(format!("binaryen-{BINARYEN_VERSION}"))
}

/// `PATH` with the tools snapkit installed itself in front, for trunk and the test runner.
pub fn tool_path() -> Result<std::ffi::OsString> {
    let mut paths = vec![binaryen_dir().join("node_modules/.bin")];
    if let Some(cargo_home) = env::var_os("CARGO_HOME") {
        paths.push(PathBuf::from(cargo_home).join("bin"));
    }
    paths.extend(env::split_paths(&env::var_os("PATH").unwrap_or_default()));
    env::join_paths(paths).context("a tool folder has a character PATH cannot hold")
}

/// Makes sure the wasm target, trunk, wasm-bindgen-cli and wasm-opt are installed, in the right versions.
pub fn ensure_build_tools(root: &Path) -> Result<()> {
    ensure_wasm_target()?;
    ensure_trunk()?;
    ensure_wasm_bindgen(root)?;
    ensure_wasm_opt()
}

/// Makes sure Chromium, ChromeDriver and the end-to-end tests' npm packages (every
/// `devDependencies` entry of `tests/e2e/package.json`) are installed.
pub fn ensure_browser_test_tools(root: &Path) -> Result<()> {
    ensure_chromium()?;
    let e2e = root.join("tests/e2e");
    let manifest: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(e2e.join("package.json"))
            .context("reading tests/e2e/package.json")?,
    )?;
    let installed = manifest["devDependencies"]
        .as_object()
        .context("tests/e2e/package.json has devDependencies")?
        .keys()
        .all(|package| e2e.join("node_modules").join(package).is_dir());
    if !installed {
        say("installing the end-to-end tests' npm packages");
        execute(
            Command::new("npm")
                .args(["ci", "--no-audit", "--no-fund"])
                .current_dir(&e2e),
        )?;
    }
    Ok(())
}

fn say(what: &str) {
    eprintln!("xtask: {what}");
}

fn ensure_wasm_target() -> Result<()> {
    let installed = output_of("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if !installed.lines().any(|line| line.trim() == WASM_TARGET) {
        say("installing the wasm32 target");
        execute(Command::new("rustup").args(["target", "add", WASM_TARGET]))?;
    }
    Ok(())
}

fn ensure_trunk() -> Result<()> {
    let path = tool_path()?;
    let version = Command::new("trunk")
        .arg("--version")
        .env("PATH", &path)
        .output()
        .ok()
        .map(|output| String::from_utf8_lossy(&output.stdout).into_owned())
        .unwrap_or_default();
    if !version.contains(&format!("trunk {TRUNK_VERSION}")) {
        say(&format!(
            "installing trunk {TRUNK_VERSION} (a few minutes, once)"
        ));
        execute(Command::new("cargo").args([
            "install",
            "trunk",
            "--version",
            TRUNK_VERSION,
            "--locked",
        ]))?;
    }
    Ok(())
}

/// The wasm-bindgen version in Cargo.lock: the CLI must be exactly this version.
pub fn locked_wasm_bindgen_version(root: &Path) -> Result<String> {
    let lock = std::fs::read_to_string(root.join("Cargo.lock")).context("reading Cargo.lock")?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\""
            && let Some(version) = lines
                .next()
                .and_then(|next| next.strip_prefix("version = \""))
                .and_then(|rest| rest.strip_suffix('"'))
        {
            return Ok(version.to_owned());
        }
    }
    bail!("Cargo.lock has no wasm-bindgen package")
}

fn ensure_wasm_bindgen(root: &Path) -> Result<()> {
    let wanted = locked_wasm_bindgen_version(root)?;
    let found = output_of("wasm-bindgen", &["--version"]).unwrap_or_default();
    let runner = output_of("wasm-bindgen-test-runner", &["--version"]).unwrap_or_default();
    if !found.contains(&wanted) || !runner.contains(&wanted) {
        say(&format!(
            "installing wasm-bindgen-cli {wanted} (a few minutes, once)"
        ));
        execute(Command::new("cargo").args(["install", "wasm-bindgen-cli", "--version", &wanted]))?;
    }
    Ok(())
}

fn ensure_wasm_opt() -> Result<()> {
    let wasm_opt = binaryen_dir().join("node_modules/.bin/wasm-opt");
    let version = output_of(&wasm_opt, &["--version"]).unwrap_or_default();
    if !version.contains(&format!("version_{BINARYEN_VERSION}")) {
        say(&format!(
            "installing wasm-opt (binaryen {BINARYEN_VERSION}) from npm"
        ));
        let dir = binaryen_dir();
        std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
        execute(
            Command::new("npm")
                .args(["install", "--no-audit", "--no-fund", "--no-save"])
                .arg(format!("binaryen@{BINARYEN_VERSION}"))
                .current_dir(&dir),
        )?;
    }
    Ok(())
}

/// Debian's Chromium and its driver, as the browser tests expect them.
pub const CHROMIUM: &str = "/usr/bin/chromium";
/// ChromeDriver, for wasm-bindgen-test.
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

fn ensure_chromium() -> Result<()> {
    if Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists() {
        return Ok(());
    }
    say("installing Debian's chromium and chromium-driver");
    execute(Command::new("apt-get").arg("update"))?;
    execute(
        Command::new("apt-get")
            .args([
                "install",
                "-y",
                "--no-install-recommends",
                "chromium",
                "chromium-driver",
            ])
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )
}

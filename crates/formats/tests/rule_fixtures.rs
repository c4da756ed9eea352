//! Data-driven rule fixtures: each folder under `tests/fixtures/rules/` holds a `case.json`
//! (a catalog file and the steps that build an assembly) and an `expected.json` (the
//! violations with their repairs, and the bill of materials). Every repair offered is also
//! applied, to prove it fixes its violation without a new error.
//!
//! After a deliberate change, rewrite the expectations with
//! `SNAPKIT_BLESS=1 cargo test -p snapkit-formats --test rule_fixtures` and review the diff.

use serde::{Deserialize, Serialize};
use snapkit_core::pricing::BillOfMaterials;
use snapkit_core::{
    Assembly, Catalog, Edit, FinishId, Locale, PartId, Session, Violation, bill_of_materials, check,
};
use snapkit_formats::catalog_file::{AttachStep, BuildStep, PlaceStep};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// One fixture's input.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    /// Catalog file, relative to the repository root.
    catalog: String,
    #[serde(default = "english")]
    locale: String,
    steps: Vec<Step>,
}

fn english() -> String {
    "en".to_owned()
}

/// How a fixture builds its assembly, in words a person can check against the catalog: the
/// catalog format's building steps, and changes after them.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "snake_case")]
enum Step {
    /// A part at a point (millimetres), turned `turns` quarter turns about +y.
    Place(PlaceStep),
    /// A part whose connector `by` goes onto connector `onto` of part `part`.
    Attach(AttachStep),
    /// Remove a part.
    Remove(u32),
    /// Change a part's finish.
    Finish { part: u32, to: String },
}

/// What a fixture expects.
#[derive(Serialize, Deserialize, PartialEq, Debug)]
struct Outcome {
    violations: Vec<Violation>,
    bill: BillOfMaterials,
}

fn repository_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn load(path: &Path) -> Arc<Catalog> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{path:?}: {error}"));
    Arc::new(
        snapkit_formats::load_catalog(&text).unwrap_or_else(|error| panic!("{path:?}: {error}")),
    )
}

/// The edit a step stands for, given the assembly so far.
fn edit_for(step: &Step, assembly: &Assembly) -> Edit {
    let build = |step: BuildStep| {
        Edit::PlacePart(
            step.part(assembly)
                .unwrap_or_else(|reason| panic!("{step:?}: {reason}")),
        )
    };
    match step {
        Step::Place(step) => build(BuildStep::Place(step.clone())),
        Step::Attach(step) => build(BuildStep::Attach(step.clone())),
        Step::Remove(part) => Edit::RemovePart(PartId(*part)),
        Step::Finish { part, to } => Edit::SetFinish {
            id: PartId(*part),
            finish: FinishId::new(to.as_str()),
        },
    }
}

/// Applies each repair to a copy and checks that it fixes its violation with no new error.
fn assert_repairs_hold(assembly: &Assembly, violations: &[Violation], locale: &Locale, case: &str) {
    for violation in violations {
        for repair in &violation.repairs {
            let mut repaired = assembly.clone();
            repair.edit.apply(&mut repaired).unwrap_or_else(|error| {
                panic!("{case}: repair '{}' fails: {error}", repair.description)
            });
            let after = check(&repaired, locale);
            let still = after.iter().find(|other| {
                other.rule == violation.rule
                    && other
                        .parts
                        .iter()
                        .any(|part| violation.parts.contains(part))
                    && (violation.connectors.is_empty()
                        || other
                            .connectors
                            .iter()
                            .any(|c| violation.connectors.contains(c)))
            });
            assert!(
                still.is_none(),
                "{case}: repair '{}' leaves {still:?}",
                repair.description
            );
            let errors_before = violations.iter().filter(|v| v.is_error()).count();
            for error in after.iter().filter(|v| v.is_error()) {
                assert!(
                    violations.iter().any(|old| old.rule == error.rule
                        && (old.parts.iter().any(|p| error.parts.contains(p))
                            || old.parts.is_empty())),
                    "{case}: repair '{}' brings a new error {error:?} ({errors_before} before)",
                    repair.description
                );
            }
            let price_change =
                bill_of_materials(&repaired).total - bill_of_materials(assembly).total;
            assert_eq!(
                price_change, repair.price_change,
                "{case}: price change of '{}'",
                repair.description
            );
        }
    }
}

fn run_case(folder: &Path) -> Result<(), String> {
    let name = folder
        .file_name()
        .and_then(|name| name.to_str())
        .unwrap_or("?")
        .to_owned();
    let case: Case = serde_json::from_str(
        &std::fs::read_to_string(folder.join("case.json"))
            .map_err(|error| format!("{name}: {error}"))?,
    )
    .map_err(|error| format!("{name}/case.json: {error}"))?;
    let catalog = load(&repository_root().join(&case.catalog));
    let mut session = Session::new(catalog);
    for (index, step) in case.steps.iter().enumerate() {
        let edit = edit_for(step, session.assembly());
        session
            .apply(edit)
            .map_err(|error| format!("{name}: step {index} does not apply: {error}"))?;
    }
    let locale = Locale::new(case.locale);
    let assembly = session.assembly();
    let outcome = Outcome {
        violations: check(assembly, &locale),
        bill: bill_of_materials(assembly),
    };
    assert_repairs_hold(assembly, &outcome.violations, &locale, &name);
    let expected_path = folder.join("expected.json");
    let actual = serde_json::to_string_pretty(&outcome).map_err(|error| error.to_string())? + "\n";
    if std::env::var_os("SNAPKIT_BLESS").is_some() {
        std::fs::write(&expected_path, actual).map_err(|error| error.to_string())?;
        return Ok(());
    }
    let expected = std::fs::read_to_string(&expected_path)
        .map_err(|_| format!("{name}: no expected.json; run with SNAPKIT_BLESS=1 to write it"))?;
    if expected == actual {
        Ok(())
    } else {
        Err(format!(
            "{name}: outcome differs from expected.json (SNAPKIT_BLESS=1 rewrites it)\n--- actual ---\n{actual}"
        ))
    }
}

#[test]
fn every_rule_fixture_gives_its_expected_violations_repairs_and_bill() {
    let root = repository_root().join("tests/fixtures/rules");
    let mut folders: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("the rule fixtures folder exists")
        .filter_map(|entry| Some(entry.ok()?.path()))
        .filter(|path| path.join("case.json").is_file())
        .collect();
    folders.sort();
    assert!(
        folders.len() >= 10,
        "expected the rule fixtures, found {}",
        folders.len()
    );
    let failures: Vec<String> = folders
        .iter()
        .filter_map(|folder| run_case(folder).err())
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

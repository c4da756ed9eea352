//! Browser tests of the configurator shell: it renders, starts the scene once, and talks over the bridge.
#![cfg(target_arch = "wasm32")]

use gloo_timers::future::TimeoutFuture;
use snapkit_bridge::{DragOutcome, FromScene, PartMark, ToScene};
use snapkit_core::snapping::Refusal;
use snapkit_core::{
    Catalog, CatalogMeta, Finish, FinishId, LocalizedText, PartId, PartKind, PartKindId, Shape,
    Srgb,
};
use snapkit_ui::{
    CANVAS_ID, CatalogState, Configurator, ConfiguratorProps, RECOVERY_ID, show_recovery_screen,
};
use std::cell::Cell;
use std::rc::Rc;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::Element;
use yew::Callback;

wasm_bindgen_test_configure!(run_in_browser);

fn catalog() -> Arc<Catalog> {
    let shape = Shape::block(glam::IVec3::new(750_000, 350_000, 350_000));
    Arc::new(Catalog {
        meta: CatalogMeta {
            id: "test".to_owned(),
            version: "1".to_owned(),
            name: LocalizedText::english("Test shelving"),
            currency: "NOK".to_owned(),
            snap_grid_um: 1_000,
            content_hash: "0".repeat(64),
        },
        parts: vec![PartKind {
            id: PartKindId::new("frame"),
            sku: "F-1".to_owned(),
            name: LocalizedText::english("Frame"),
            category: "frames".to_owned(),
            tags: Vec::new(),
            collision: vec![shape.bounds()],
            shape,
            finishes: vec![FinishId::new("blue")],
            price: 100,
            finish_prices: std::collections::BTreeMap::new(),
            quantity_breaks: Vec::new(),
            weight_g: 9_000,
            contents_g: 0,
            load_capacity_g: None,
            connectors: Vec::new(),
        }],
        finishes: vec![Finish {
            id: FinishId::new("blue"),
            name: LocalizedText::english("Blue"),
            colour: Srgb { r: 0, g: 0, b: 255 },
            roughness: 0.5,
            metalness: 0.0,
            opacity: 1.0,
        }],
        hardware: Vec::new(),
        rules: Vec::new(),
        presets: Vec::new(),
        guided_start: None,
        category_names: Default::default(),
        models: Default::default(),
        connector_types: Vec::new(),
    })
}

fn mount_point() -> Element {
    let document = web_sys::window()
        .and_then(|window| window.document())
        .expect("a document");
    let root = document.create_element("div").expect("a div");
    document
        .body()
        .expect("a body")
        .append_child(&root)
        .expect("appended");
    root
}

fn text_of(root: &Element, selector: &str) -> Option<String> {
    root.query_selector(selector)
        .ok()
        .flatten()
        .and_then(|element| element.text_content())
}

/// Waits (up to two seconds) until `condition` holds; Yew renders asynchronously.
async fn eventually(condition: impl Fn() -> bool) -> bool {
    for _ in 0..100 {
        if condition() {
            return true;
        }
        TimeoutFuture::new(20).await;
    }
    false
}

#[wasm_bindgen_test]
async fn the_shell_renders_and_shows_the_first_part_in_the_scene() {
    let (ui_end, scene_end) = snapkit_bridge::connect();
    let root = mount_point();
    let mounted = Rc::new(Cell::new(0));
    let on_canvas_mounted = {
        let mounted = mounted.clone();
        Callback::from(move |()| mounted.set(mounted.get() + 1))
    };
    yew::Renderer::<Configurator>::with_root_and_props(
        root.clone(),
        ConfiguratorProps {
            catalog: CatalogState::Loaded(catalog()),
            bridge: ui_end,
            on_canvas_mounted,
            missing_models: 0,
            catalogs: Vec::new(),
        },
    )
    .render();

    assert!(eventually(|| text_of(&root, "h1").is_some()).await);
    assert_eq!(text_of(&root, "h1").as_deref(), Some("snapkit"));
    assert_eq!(
        text_of(&root, ".catalog-name").as_deref(),
        Some("Test shelving")
    );
    // A frame without connectors makes one product, and no two of them hold together.
    assert!(eventually(|| text_of(&root, ".catalog-reach").is_some()).await);
    assert_eq!(
        text_of(&root, ".catalog-reach").as_deref(),
        Some("1 product from 1 part")
    );
    assert!(
        root.query_selector(&format!("#{CANVAS_ID}"))
            .ok()
            .flatten()
            .is_some()
    );
    assert_eq!(mounted.get(), 1, "the scene is started exactly once");

    let commands = scene_end.drain();
    let [ToScene::ShowSnapshot(snapshot), ToScene::FitToView] = commands.as_slice() else {
        panic!("expected a snapshot then fit-to-view, got {commands:?}");
    };
    assert_eq!(snapshot.parts.len(), 1);
    assert_eq!(
        snapshot.parts[0].size(),
        glam::Vec3::new(750.0, 350.0, 350.0)
    );

    let ready = || {
        root.query_selector("[data-ready=true]")
            .ok()
            .flatten()
            .is_some()
    };
    assert!(!ready(), "not ready before the scene has drawn");
    scene_end.publish(FromScene::Started).expect("room");
    scene_end
        .publish(FromScene::SnapshotShown { parts: 1 })
        .expect("room");
    assert!(eventually(ready).await, "ready once the scene has drawn");
    assert_eq!(
        text_of(&root, ".status-line").as_deref(),
        Some("Ready · 1 part")
    );
    assert_eq!(mounted.get(), 1, "re-renders never restart the scene");

    // The price comes from core's bill, written by Intl.NumberFormat.
    let total = text_of(&root, ".total-amount").expect("a total");
    assert!(total.contains("1.00") && total.contains("NOK"), "{total}");
    assert_eq!(
        text_of(&root, ".verdict").as_deref(),
        Some("✓ Ready to order")
    );

    // A frame without connectors stands on its own: a tap sets it down in front of the first.
    let button: web_sys::HtmlElement = root
        .query_selector(".part[data-kind=frame]")
        .ok()
        .flatten()
        .expect("a button per part kind")
        .dyn_into()
        .expect("an HTML element");
    button.click();
    assert!(
        eventually(|| text_of(&root, ".status-line").as_deref() == Some("Ready · 2 parts")).await
    );
    let commands = scene_end.drain();
    let Some(ToScene::ShowSnapshot(snapshot)) = commands.first() else {
        panic!("expected a snapshot, got {commands:?}");
    };
    assert_eq!(snapshot.parts.len(), 2);
    let gap = snapshot.parts[1].position.z - snapshot.parts[0].position.z;
    assert!(gap >= 650.0, "350 mm deep, 300 mm apart: {gap}");
    assert_eq!(text_of(&root, ".notice"), None, "nothing to explain");

    // A tap on the new part in the scene selects it: the inspector opens and the scene marks it.
    scene_end
        .publish(FromScene::Picked(Some(PartId(2))))
        .expect("room");
    assert!(eventually(|| text_of(&root, ".inspector h2").is_some()).await);
    let commands = scene_end.drain();
    let Some(ToScene::ShowSnapshot(snapshot)) = commands.first() else {
        panic!("expected a snapshot, got {commands:?}");
    };
    assert_eq!(snapshot.parts[1].mark, Some(PartMark::Selected));

    // A drop the scene refused is explained, naming the part in the way.
    scene_end
        .publish(FromScene::DragEnded(DragOutcome::Refused {
            kind: PartKindId::new("frame"),
            refusals: vec![Refusal::CollidesWith(PartId(1))],
        }))
        .expect("room");
    assert!(eventually(|| text_of(&root, ".notice").is_some()).await);
    let notice = text_of(&root, ".notice").unwrap_or_default();
    assert!(
        notice.contains("cannot go there: collides with"),
        "{notice}"
    );
    // Moving a part others rest on, to where they would fall: the notice names the part.
    scene_end
        .publish(FromScene::DragEnded(DragOutcome::Refused {
            kind: PartKindId::new("frame"),
            refusals: vec![Refusal::LeavesUnsupported(vec![PartId(2)])],
        }))
        .expect("room");
    assert!(
        eventually(|| {
            text_of(&root, ".notice").is_some_and(|notice| {
                notice.contains("rests on it and would be left without support")
            })
        })
        .await,
        "{:?}",
        text_of(&root, ".notice")
    );

    // The Delete key removes the selected part (the inspector's Remove button is clicked in
    // tests/e2e/drag_and_snap.test.mjs).
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("Delete");
    let delete = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init)
        .expect("a keyboard event");
    web_sys::window()
        .and_then(|window| window.document())
        .expect("a document")
        .dispatch_event(&delete)
        .expect("dispatched");
    assert!(
        eventually(|| text_of(&root, ".status-line").as_deref() == Some("Ready · 1 part")).await
    );
    assert_eq!(
        text_of(&root, ".inspector h2"),
        None,
        "a removed part is selected no more"
    );
}

#[wasm_bindgen_test]
async fn a_failed_catalog_is_explained_in_the_status_line() {
    let (ui_end, _scene_end) = snapkit_bridge::connect();
    let root = mount_point();
    yew::Renderer::<Configurator>::with_root_and_props(
        root.clone(),
        ConfiguratorProps {
            catalog: CatalogState::Failed("The catalog could not be loaded.".into()),
            bridge: ui_end,
            on_canvas_mounted: Callback::noop(),
            missing_models: 0,
            catalogs: Vec::new(),
        },
    )
    .render();
    assert!(
        eventually(|| text_of(&root, ".status-line").as_deref()
            == Some("The catalog could not be loaded."))
        .await
    );
}

#[wasm_bindgen_test]
fn a_fatal_error_covers_the_page_with_a_way_back() {
    let document = web_sys::window()
        .and_then(|window| window.document())
        .expect("a document");
    show_recovery_screen();
    show_recovery_screen();
    let screens = document
        .query_selector_all(&format!("#{RECOVERY_ID}"))
        .expect("a query");
    assert_eq!(
        screens.length(),
        1,
        "shown once, however often it is asked for"
    );
    let screen = document.get_element_by_id(RECOVERY_ID).expect("the screen");
    assert_eq!(screen.get_attribute("role").as_deref(), Some("alertdialog"));
    assert_eq!(
        text_of(&screen, "h2").as_deref(),
        Some("Something went wrong")
    );
    assert_eq!(
        text_of(&screen, "button.reload").as_deref(),
        Some("Reload and restore")
    );
    let focused = document.active_element().expect("something has the focus");
    assert_eq!(focused.class_name(), "reload", "the way back has the focus");
    screen.remove();
}

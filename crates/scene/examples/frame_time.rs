//! Frame time of the configurator's scene on this machine's GPU, natively and without a
//! window: the real-GPU figure in `BENCHMARKS.md`.
//!
//! The scene is the one the web app runs (`ScenePlugin`, fed a snapshot through the bridge),
//! drawing a shelving wall of `--parts` frames into an image the size of a screen, while the
//! camera orbits through the scene's own mouse input (left button held, the pointer moving
//! every frame). Each frame is timed from the start of the update to the GPU having finished
//! it (the device is waited on), so the figure is what one frame costs the CPU and the GPU
//! together. Pipelines are compiled before the first measured frame.
//!
//! ```text
//! cargo run --release -p snapkit-scene --example frame_time -- --parts 500 [--frames 600]
//!     [--size 1920x1080] [--screenshot wall.png] [--root PATH]
//! ```
//!
//! `--root` is the checkout whose `assets/catalogs` to draw (by default the one it was built in).
//!
//! `WGPU_BACKEND=vulkan|gl` picks the graphics API; `WGPU_SETTINGS_PRIO=webgl2` holds the
//! renderer to WebGL2's limits, so Bevy takes the paths it takes in the browser.

use bevy::app::PluginsState;
use bevy::asset::RenderAssetUsages;
use bevy::camera::RenderTarget;
use bevy::input::mouse::MouseMotion;
use bevy::prelude::*;
use bevy::render::RenderPlugin;
use bevy::render::render_resource::{
    Extent3d, PollType, TextureDimension, TextureFormat, TextureUsages,
};
use bevy::render::renderer::{RenderAdapterInfo, RenderDevice};
use bevy::render::view::screenshot::{Screenshot, save_to_disk};
use bevy::window::{ExitCondition, WindowResolution};
use bevy::winit::WinitPlugin;
use snapkit_bench_walls::{shelving, shelving_wall};
use snapkit_bridge::{SceneSnapshot, ToScene, UiEnd, connect};
use snapkit_scene::ScenePlugin;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Frames drawn before measuring: the snapshot is drawn, the camera framed, caches warm.
const WARM_UP_FRAMES: usize = 60;
/// How far the pointer moves each frame while orbiting, in logical pixels.
const ORBIT_STEP: Vec2 = Vec2::new(6.0, 0.0);

/// What to measure, from the command line.
struct Options {
    parts: usize,
    frames: usize,
    size: UVec2,
    screenshot: Option<PathBuf>,
    root: PathBuf,
}

impl Options {
    fn from_args() -> Result<Self, String> {
        let mut options = Options {
            parts: 500,
            frames: 600,
            size: UVec2::new(1920, 1080),
            screenshot: None,
            root: Path::new(env!("CARGO_MANIFEST_DIR")).join("../.."),
        };
        let mut args = std::env::args().skip(1);
        while let Some(flag) = args.next() {
            let value = args.next().ok_or_else(|| format!("{flag} needs a value"))?;
            match flag.as_str() {
                "--parts" => options.parts = number(&flag, &value)?,
                "--frames" => options.frames = number::<usize>(&flag, &value)?.max(1),
                "--size" => {
                    let (width, height) = value
                        .split_once('x')
                        .ok_or_else(|| format!("--size is WIDTHxHEIGHT, not {value}"))?;
                    options.size = UVec2::new(number(&flag, width)?, number(&flag, height)?);
                }
                "--screenshot" => options.screenshot = Some(PathBuf::from(value)),
                "--root" => options.root = PathBuf::from(value),
                _ => return Err(format!("unknown option {flag}")),
            }
        }
        Ok(options)
    }
}

fn number<T: std::str::FromStr>(flag: &str, value: &str) -> Result<T, String> {
    value
        .parse()
        .map_err(|_| format!("{flag} takes a whole number, not {value}"))
}

fn main() -> Result<(), String> {
    let options = Options::from_args()?;
    let catalog = shelving(&options.root).map_err(|error| error.to_string())?;
    let wall = shelving_wall(&catalog, options.parts).map_err(|error| error.to_string())?;
    let (ui, scene_end) = connect();
    ui.send(ToScene::ShowSnapshot(SceneSnapshot::of(
        &wall,
        &BTreeMap::new(),
    )))
    .map_err(|error| error.to_string())?;

    let mut app = headless_app(&options, scene_end);
    let image = aim_camera_at_image(&mut app, options.size);
    for _ in 0..WARM_UP_FRAMES / 2 {
        frame(&mut app);
    }
    frame_the_wall(&ui, &mut app)?;
    app.world_mut()
        .resource_mut::<ButtonInput<MouseButton>>()
        .press(MouseButton::Left);
    for _ in 0..WARM_UP_FRAMES / 2 {
        orbit_frame(&mut app);
    }
    let mut times: Vec<FrameTime> = (0..options.frames).map(|_| orbit_frame(&mut app)).collect();
    report(&app, &options, &mut times);

    if let Some(path) = options.screenshot {
        save_screenshot(&mut app, image, path);
    }
    Ok(())
}

/// The web app's plugins and scene, without winit: a window entity the scene's systems read
/// (its size), but no surface; the camera draws into an image instead.
fn headless_app(options: &Options, bridge: snapkit_bridge::SceneEnd) -> App {
    let mut app = App::new();
    app.add_plugins(
        DefaultPlugins
            .set(WindowPlugin {
                primary_window: Some(Window {
                    resolution: WindowResolution::new(options.size.x, options.size.y),
                    ..default()
                }),
                exit_condition: ExitCondition::DontExit,
                ..default()
            })
            .set(RenderPlugin {
                synchronous_pipeline_compilation: true,
                ..default()
            })
            .disable::<WinitPlugin>(),
    )
    .add_plugins(ScenePlugin { bridge });
    while app.plugins_state() == PluginsState::Adding {
        bevy::tasks::tick_global_task_pools_on_main_thread();
    }
    app.finish();
    app.cleanup();
    app
}

/// Points the scene's camera at a new image of `size` pixels and returns the image.
fn aim_camera_at_image(app: &mut App, size: UVec2) -> Handle<Image> {
    app.update();
    let mut image = Image::new_uninit(
        Extent3d {
            width: size.x,
            height: size.y,
            depth_or_array_layers: 1,
        },
        TextureDimension::D2,
        TextureFormat::Rgba8UnormSrgb,
        RenderAssetUsages::RENDER_WORLD,
    );
    image.texture_descriptor.usage |= TextureUsages::RENDER_ATTACHMENT | TextureUsages::COPY_SRC;
    let world = app.world_mut();
    let handle = world.resource_mut::<Assets<Image>>().add(image);
    let cameras: Vec<Entity> = world
        .query_filtered::<Entity, With<Camera3d>>()
        .iter(world)
        .collect();
    for camera in cameras {
        world
            .entity_mut(camera)
            .insert(RenderTarget::from(handle.clone()));
    }
    handle
}

/// Asks the scene to frame the whole wall, as the configurator does when a link opens.
fn frame_the_wall(ui: &UiEnd, app: &mut App) -> Result<(), String> {
    ui.send(ToScene::FitToView)
        .map_err(|error| error.to_string())?;
    frame(app);
    Ok(())
}

/// One frame's cost: the update (the CPU's share, submitting the GPU's work) and the wait
/// for the GPU to finish it.
#[derive(Clone, Copy)]
struct FrameTime {
    update: Duration,
    total: Duration,
}

/// Runs one frame while the pointer moves with the left button held.
fn orbit_frame(app: &mut App) -> FrameTime {
    app.world_mut()
        .write_message(MouseMotion { delta: ORBIT_STEP });
    frame(app)
}

/// Runs one update and waits until the GPU has drawn it.
fn frame(app: &mut App) -> FrameTime {
    let start = Instant::now();
    app.update();
    let update = start.elapsed();
    if let Err(error) = app
        .world()
        .resource::<RenderDevice>()
        .wgpu_device()
        .poll(PollType::Wait {
            submission_index: None,
            timeout: None,
        })
    {
        eprintln!("waiting for the GPU: {error}");
    }
    FrameTime {
        update,
        total: start.elapsed(),
    }
}

fn report(app: &App, options: &Options, times: &mut [FrameTime]) {
    let adapter = app.world().resource::<RenderAdapterInfo>();
    let mut totals: Vec<Duration> = times.iter().map(|time| time.total).collect();
    let mut updates: Vec<Duration> = times.iter().map(|time| time.update).collect();
    totals.sort();
    updates.sort();
    let mean = totals.iter().sum::<Duration>() / totals.len() as u32;
    println!(
        "{parts} parts, {width}x{height}, {name} ({backend:?}), {frames} frames orbiting: \
         median {median:.2} ms, p95 {p95:.2} ms, max {max:.2} ms ({fps:.0} fps); \
         CPU update median {update:.2} ms",
        parts = options.parts,
        width = options.size.x,
        height = options.size.y,
        name = adapter.name,
        backend = adapter.backend,
        frames = totals.len(),
        median = millis(percentile(&totals, 0.5)),
        p95 = millis(percentile(&totals, 0.95)),
        max = millis(percentile(&totals, 1.0)),
        fps = 1.0 / mean.as_secs_f64(),
        update = millis(percentile(&updates, 0.5)),
    );
}

/// The value at `fraction` (0 to 1) of the sorted `values`.
fn percentile(sorted: &[Duration], fraction: f64) -> Duration {
    let index = ((sorted.len() - 1) as f64 * fraction).round() as usize;
    sorted[index]
}

fn millis(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1_000.0
}

/// Saves what the camera sees now as a PNG, so the figure can be checked against a picture.
fn save_screenshot(app: &mut App, image: Handle<Image>, path: PathBuf) {
    app.world_mut()
        .spawn(Screenshot::image(image))
        .observe(save_to_disk(path));
    // The copy is read back a frame or two later, then written.
    for _ in 0..4 {
        frame(app);
    }
}

//! The scene's side of the bridge: drains commands before the frame, publishes facts after it.

use bevy::prelude::*;
use snapkit_bridge::{FromScene, SceneEnd, ToScene};

/// The scene's end of the bridge, as a resource.
#[derive(Resource)]
pub(crate) struct BridgeLink(pub(crate) SceneEnd);

/// A command from the UI, as a Bevy message for the scene's systems.
#[derive(Message, Clone, Debug)]
pub struct SceneCommand(pub ToScene);

/// A fact for the UI, written by any scene system and forwarded at the end of the frame.
#[derive(Message, Clone, Debug)]
pub struct SceneFact(pub FromScene);

pub(crate) fn plugin(app: &mut App) {
    app.add_message::<SceneCommand>()
        .add_message::<SceneFact>()
        .add_systems(PreUpdate, drain_commands)
        .add_systems(PostUpdate, publish_facts)
        .add_systems(Last, announce_start.run_if(run_once));
}

fn drain_commands(link: Res<BridgeLink>, mut commands: MessageWriter<SceneCommand>) {
    commands.write_batch(link.0.drain().into_iter().map(SceneCommand));
}

fn publish_facts(link: Res<BridgeLink>, mut facts: MessageReader<SceneFact>) {
    for SceneFact(fact) in facts.read() {
        if let Err(error) = link.0.publish(fact.clone()) {
            log::warn!("could not tell the UI {fact:?}: {error}");
        }
    }
}

fn announce_start(link: Res<BridgeLink>) {
    if let Err(error) = link.0.publish(FromScene::Started) {
        log::warn!("could not tell the UI the scene started: {error}");
    }
}

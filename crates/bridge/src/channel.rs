//! Bounded channels joining the two ends of the bridge.

use crate::{FromScene, ToScene};
use async_channel::{Receiver, Sender, TrySendError};

/// How many messages may wait in each direction before the sender is told the peer is behind.
pub const CAPACITY: usize = 64;

/// The UI's end: sends commands, awaits facts.
#[derive(Clone, Debug)]
pub struct UiEnd {
    commands: Sender<ToScene>,
    facts: Receiver<FromScene>,
}

/// The scene's end: drains commands once per frame, publishes facts.
#[derive(Clone, Debug)]
pub struct SceneEnd {
    commands: Receiver<ToScene>,
    facts: Sender<FromScene>,
}

/// Why a message could not be sent.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SendError {
    /// The peer has not drained the last [`CAPACITY`] messages.
    #[error("the other side of the bridge is {CAPACITY} messages behind")]
    Full,
    /// The peer is gone.
    #[error("the other side of the bridge has shut down")]
    Closed,
}

fn try_send<T>(sender: &Sender<T>, message: T) -> Result<(), SendError> {
    sender.try_send(message).map_err(|error| match error {
        TrySendError::Full(_) => SendError::Full,
        TrySendError::Closed(_) => SendError::Closed,
    })
}

/// Creates a connected pair of bridge ends.
pub fn connect() -> (UiEnd, SceneEnd) {
    let (command_tx, command_rx) = async_channel::bounded(CAPACITY);
    let (fact_tx, fact_rx) = async_channel::bounded(CAPACITY);
    (
        UiEnd {
            commands: command_tx,
            facts: fact_rx,
        },
        SceneEnd {
            commands: command_rx,
            facts: fact_tx,
        },
    )
}

impl PartialEq for UiEnd {
    /// Two UI ends are equal when they talk to the same scene.
    fn eq(&self, other: &Self) -> bool {
        self.commands.same_channel(&other.commands)
    }
}

impl UiEnd {
    /// Sends a command to the scene without waiting.
    pub fn send(&self, command: ToScene) -> Result<(), SendError> {
        try_send(&self.commands, command)
    }

    /// Waits for the next fact from the scene; `None` once the scene is gone.
    pub async fn next_fact(&self) -> Option<FromScene> {
        self.facts.recv().await.ok()
    }
}

impl SceneEnd {
    /// Takes every command waiting right now, oldest first.
    pub fn drain(&self) -> Vec<ToScene> {
        std::iter::from_fn(|| self.commands.try_recv().ok()).collect()
    }

    /// Publishes a fact to the UI without waiting.
    pub fn publish(&self, fact: FromScene) -> Result<(), SendError> {
        try_send(&self.facts, fact)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use snapkit_core::PartId;
    use std::task::{Context, Poll, Waker};

    #[test]
    fn commands_arrive_in_order_and_drain_empties_the_queue() {
        let (ui, scene) = connect();
        ui.send(ToScene::FitToView).expect("room in channel");
        ui.send(ToScene::Focus(vec![PartId(7)]))
            .expect("room in channel");
        assert_eq!(
            scene.drain(),
            [ToScene::FitToView, ToScene::Focus(vec![PartId(7)])]
        );
        assert!(scene.drain().is_empty());
    }

    #[test]
    fn a_full_channel_is_reported_not_blocked_on() {
        let (ui, scene) = connect();
        for _ in 0..CAPACITY {
            scene.publish(FromScene::Started).expect("room in channel");
        }
        assert_eq!(scene.publish(FromScene::Started), Err(SendError::Full));
        drop(ui);
        assert_eq!(scene.publish(FromScene::Started), Err(SendError::Closed));
    }

    #[test]
    fn facts_are_awaited_by_the_ui() {
        let (ui, scene) = connect();
        scene
            .publish(FromScene::SnapshotShown { parts: 1 })
            .expect("room in channel");
        let fact = poll_ready(ui.next_fact());
        assert_eq!(fact, Some(FromScene::SnapshotShown { parts: 1 }));
    }

    /// Polls a future that is already ready (the channel holds a message).
    fn poll_ready<F: Future>(future: F) -> F::Output {
        let mut future = std::pin::pin!(future);
        let mut context = Context::from_waker(Waker::noop());
        match future.as_mut().poll(&mut context) {
            Poll::Ready(output) => output,
            Poll::Pending => panic!("the fact was already sent"),
        }
    }
}

//! Named moments on the page's performance timeline (`performance.mark`), read by the browser
//! benchmark (`cargo xtask bench --browser`) and by anyone profiling the page: the scene's first
//! frame and the first frame that shows the configuration. Each is marked once per page.

/// The scene has started and draws its first frame.
pub(crate) const SCENE_STARTED: &str = "snapkit:scene-started";

/// The scene first drew the configuration: the page is interactive.
pub(crate) const CONFIGURATION_SHOWN: &str = "snapkit:configuration-shown";

/// Marks `name` now, once: a moment already on the timeline is not marked again.
pub(crate) fn mark_once(name: &str) {
    let Some(performance) = web_sys::window().and_then(|window| window.performance()) else {
        return;
    };
    if performance.get_entries_by_name(name).length() == 0 {
        let _ = performance.mark(name);
    }
}

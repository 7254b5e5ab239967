// Tells the Rust side that the page is on screen; it prints `blank-ready`.
// Like Wardbook's own signal, it waits for the first frame after load to be
// painted (requestAnimationFrame, then a task), so both measure the same thing.
// Uses the IPC entry point Tauri injects into every window (no bundler here).
window.addEventListener("load", () => {
  requestAnimationFrame(() => setTimeout(() => window.__TAURI_INTERNALS__.invoke("ready"), 0));
});

// Tells the Rust side that the page has loaded; it prints `blank-ready`.
// Uses the IPC entry point Tauri injects into every window (no bundler here).
window.addEventListener("load", () => {
  window.__TAURI_INTERNALS__.invoke("ready");
});

// A part of the window whose code is fetched the first time it is shown.
// Start-up parses only what the first screen needs (Dashboard and Staff);
// Schedule, Budget, Reports and Settings come from the app's own files when
// first opened, a few milliseconds, and stay loaded after.

export class Lazy<T> {
  /** The loaded part, or null until `get` has finished once. */
  current = $state<T | null>(null);
  #pending: Promise<T> | null = null;
  readonly #load: () => Promise<{ default: T }>;

  constructor(load: () => Promise<{ default: T }>) {
    this.#load = load;
  }

  /** Loads the part once; a failed load is tried again on the next call. */
  get(): Promise<T> {
    this.#pending ??= this.#load().then(
      (m) => (this.current = m.default),
      (e: unknown) => {
        this.#pending = null;
        throw e;
      },
    );
    return this.#pending;
  }
}

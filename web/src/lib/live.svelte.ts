import { connectLive, type LiveEvent } from "./live.ts";

/** One SSE connection for the whole app; pages subscribe to its events. */
class Live {
  connected = $state(false);
  private listeners = new Set<(e: LiveEvent) => void>();
  private close: (() => void) | null = null;

  start() {
    if (this.close) return;
    this.close = connectLive(
      (e) => this.listeners.forEach((fn) => fn(e)),
      (ok) => (this.connected = ok),
    );
  }

  stop() {
    this.close?.();
    this.close = null;
    this.connected = false;
  }

  subscribe(fn: (e: LiveEvent) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }
}

export const live = new Live();

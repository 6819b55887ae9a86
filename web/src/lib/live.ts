/**
 * Live updates over server-sent events (GET /api/events): every event arrives
 * as {type, ...ids}. EventSource reconnects by itself; `onStatus` tells the UI
 * whether it is connected.
 */
export interface LiveEvent {
  type: string;
  [key: string]: unknown;
}

export function parseLiveEvent(data: string): LiveEvent | null {
  try {
    const parsed = JSON.parse(data) as unknown;
    return parsed && typeof parsed === "object" && typeof (parsed as LiveEvent).type === "string" ? (parsed as LiveEvent) : null;
  } catch {
    return null;
  }
}

export function connectLive(onEvent: (e: LiveEvent) => void, onStatus: (connected: boolean) => void = () => {}): () => void {
  if (typeof EventSource === "undefined") return () => {};
  const source = new EventSource("/api/events", { withCredentials: true });
  source.addEventListener("ready", () => onStatus(true));
  source.onerror = () => onStatus(false);
  source.onmessage = (e) => {
    const event = parseLiveEvent(e.data);
    if (event) onEvent(event);
  };
  return () => source.close();
}

import { buildHash, parseHash, type Route } from "./router.ts";

/** The current hash route as reactive state. */
class RouterState {
  route = $state<Route>(parseHash(typeof location === "undefined" ? "" : location.hash));

  constructor() {
    if (typeof window !== "undefined") {
      window.addEventListener("hashchange", () => (this.route = parseHash(location.hash)));
    }
  }

  go(path: string, params: Record<string, string | number | null | undefined> = {}) {
    const hash = buildHash(path, params);
    if (typeof location !== "undefined" && location.hash !== hash) location.hash = hash;
    this.route = parseHash(hash);
  }

  /**
   * Change some query parameters of the current page without adding a history
   * entry. A page that finishes loading after the user (or a link) has already
   * navigated away must not write its own path back over the new one: the
   * hashchange event may not have been handled yet, so the URL is what counts.
   */
  patch(params: Record<string, string | number | null | undefined>) {
    if (typeof location !== "undefined" && parseHash(location.hash).path !== this.route.path) return;
    const next = { ...this.route.params, ...params };
    const hash = buildHash(this.route.path, next);
    if (typeof history !== "undefined") history.replaceState(null, "", hash);
    this.route = parseHash(hash);
  }
}

export const router = new RouterState();

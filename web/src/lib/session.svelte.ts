import type { Locale, PublicUser, SessionInfo } from "../../../server/src/modules/auth/schemas.ts";
import { api, ApiError, setCsrfToken, setUnauthorizedHandler } from "./api.ts";
import { translator, type Translate } from "./i18n/index.ts";

/**
 * Who is logged in, in which language. The UI follows the user's stored
 * locale; before login it follows the browser's language.
 */
function browserLocale(): Locale {
  const lang = typeof navigator === "undefined" ? "en" : navigator.language.slice(0, 2).toLowerCase();
  return lang === "fr" || lang === "nl" ? lang : "en";
}

class Session {
  user = $state<PublicUser | null>(null);
  ready = $state(false);
  locale = $derived<Locale>(this.user?.locale ?? browserLocale());
  t: Translate = $derived(translator(this.locale));

  constructor() {
    setUnauthorizedHandler(() => this.clear());
  }

  private set(info: SessionInfo) {
    setCsrfToken(info.csrfToken);
    this.user = info.user;
  }

  clear() {
    setCsrfToken(null);
    this.user = null;
  }

  /** Resume the session behind the cookie, if any. */
  async load() {
    try {
      this.set(await api<SessionInfo>("/api/auth/me"));
    } catch (err) {
      if (!(err instanceof ApiError) || err.status !== 401) throw err;
      this.clear();
    } finally {
      this.ready = true;
    }
  }

  async login(email: string, password: string) {
    this.set(await api<SessionInfo>("/api/auth/login", { method: "POST", body: { email, password } }));
  }

  async logout() {
    try {
      await api("/api/auth/logout", { method: "POST" });
    } finally {
      this.clear();
    }
  }

  async update(changes: { locale?: Locale; name?: string | null; currentPassword?: string; newPassword?: string }) {
    const { user } = await api<{ user: PublicUser }>("/api/auth/me", { method: "PATCH", body: changes });
    this.user = user;
  }
}

export const session = new Session();

/**
 * Many live events (an IMAP backfill stores hundreds of mails a second) must
 * not mean hundreds of refetches: run `fn` at most once per `ms`, and always
 * once more after the last call so the final state is shown.
 */
export function coalesce(fn: () => Promise<unknown> | unknown, ms: number): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending = false;
  let last = 0;
  const run = async () => {
    timer = null;
    pending = false;
    last = Date.now();
    try {
      await fn();
    } finally {
      if (pending && !timer) timer = setTimeout(run, ms);
    }
  };
  return () => {
    if (timer) return void (pending = true);
    const wait = Math.max(0, last + ms - Date.now());
    timer = setTimeout(run, wait);
  };
}

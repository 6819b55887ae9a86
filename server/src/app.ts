import { Hono } from "hono";
import { randomUUID } from "node:crypto";
import type { AppContext } from "./context.ts";
import type { AppEnv } from "./http/types.ts";
import { onError, errorBody } from "./http/errors.ts";
import { mountWebUi } from "./http/web-static.ts";
import { healthRoutes } from "./modules/health/routes.ts";
import { loadSession, authorize } from "./modules/auth/middleware.ts";
import { authRoutes } from "./modules/auth/routes.ts";
import { userRoutes } from "./modules/users/routes.ts";
import { inboxRoutes, correctionRoutes } from "./modules/inbox/routes.ts";
import { statsRoutes } from "./modules/stats/routes.ts";
import { eventRoutes } from "./modules/events/routes.ts";
import { ledgerRoutes } from "./modules/ledger/routes.ts";
import { debtorRoutes } from "./modules/debtors/routes.ts";
import { invoiceRoutes } from "./modules/invoices/routes.ts";
import { draftRoutes } from "./modules/drafts/routes.ts";
import { debtorToneRoutes } from "./modules/drafts/tone.ts";
import { disputeRoutes } from "./modules/disputes/routes.ts";
import { promiseRoutes } from "./modules/promises/routes.ts";
import { paymentPlanRoutes } from "./modules/payment-plans/routes.ts";
import { accountUpdateRoutes } from "./modules/account-updates/routes.ts";
import { taskRoutes } from "./modules/insolvency/tasks-routes.ts";
import { mailboxRoutes } from "./modules/mailboxes/routes.ts";
import { messageRoutes } from "./modules/messages/routes.ts";

/**
 * The HTTP application. Routes are mounted per domain module; every module's
 * routes file validates, calls its service and returns.
 */
export function createApp(ctx: AppContext, opts: { webDir?: string } = {}) {
  const app = new Hono<AppEnv>();
  app.use("*", async (c, next) => {
    c.set("ctx", ctx);
    c.set("requestId", c.req.header("x-request-id") ?? randomUUID());
    await next();
    c.header("x-request-id", c.get("requestId"));
  });
  app.onError(onError);
  app.notFound((c) => c.json(errorBody(c, "NOT_FOUND", `No route ${c.req.method} ${c.req.path}`), 404));

  // Who may call what: the session, then the route → role table (modules/auth/route-roles.ts).
  app.use("/api/*", loadSession, authorize());

  app.route("/api/health", healthRoutes);
  app.route("/api/auth", authRoutes);
  app.route("/api/users", userRoutes);
  app.route("/api/inbox", inboxRoutes);
  app.route("/api/messages", correctionRoutes);
  app.route("/api/messages", messageRoutes);
  app.route("/api/mailboxes", mailboxRoutes);
  app.route("/api/stats", statsRoutes);
  app.route("/api/events", eventRoutes);
  app.route("/api/ledger", ledgerRoutes);
  app.route("/api/debtors", debtorRoutes);
  app.route("/api/invoices", invoiceRoutes);
  app.route("/api/debtors", debtorToneRoutes);
  app.route("/api/drafts", draftRoutes);
  app.route("/api/disputes", disputeRoutes);
  app.route("/api/promises", promiseRoutes);
  app.route("/api/payment-plans", paymentPlanRoutes);
  app.route("/api/account-updates", accountUpdateRoutes);
  app.route("/api/tasks", taskRoutes);
  // The inbox UI (web/dist) and its SPA fallback, after every /api route.
  mountWebUi(app, opts.webDir);
  return app;
}

export type App = ReturnType<typeof createApp>;

import { Hono } from "hono";
import type { AppEnv } from "../../http/types.ts";
import { pathParams, queryParams } from "../../http/validate.ts";
import { lookupParams, lookupQuery } from "../invoices/schemas.ts";
import { debtorListQuery } from "./schemas.ts";
import { getDebtorCard, listDebtors } from "./service.ts";

/**
 * GET /api/debtors      ?page&pageSize&q&language&country&group&tone&hasOpen&overdue&inDispute&asOf&sort -> DebtorListResponse
 * GET /api/debtors/:id  id or number (?by=id|number, ?asOf)                                              -> DebtorCard
 */
export const debtorRoutes = new Hono<AppEnv>()
  .get("/", async (c) => c.json(await listDebtors({ ctx: c.var.ctx, input: queryParams(c, debtorListQuery) })))
  .get("/:id", async (c) => {
    const { id } = pathParams(c, lookupParams);
    const query = queryParams(c, lookupQuery);
    return c.json(await getDebtorCard({ ctx: c.var.ctx, input: { id, ...query } }));
  });

import { Hono } from "hono";
import type { AppEnv } from "../../http/types.ts";
import { pathParams, queryParams } from "../../http/validate.ts";
import { invoiceListQuery, lookupParams, lookupQuery } from "./schemas.ts";
import { getInvoice, listInvoices } from "./service.ts";

/**
 * GET /api/invoices       ?page&pageSize&debtor&status&kind&overdue&inDispute&q&asOf&sort -> InvoiceListResponse
 * GET /api/invoices/:id   id or number (?by=id|number, ?asOf)                             -> InvoiceDetail
 */
export const invoiceRoutes = new Hono<AppEnv>()
  .get("/", async (c) => c.json(await listInvoices({ ctx: c.var.ctx, input: queryParams(c, invoiceListQuery) })))
  .get("/:id", async (c) => {
    const { id } = pathParams(c, lookupParams);
    const query = queryParams(c, lookupQuery);
    return c.json(await getInvoice({ ctx: c.var.ctx, input: { id, ...query } }));
  });

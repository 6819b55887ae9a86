import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { AppError } from "../../errors.ts";
import type { AppEnv } from "../../http/types.ts";
import { queryParams } from "../../http/validate.ts";
import { importQuery } from "./schemas.ts";
import { importLedger, importPayments, MAX_IMPORT_BYTES, type ImportFormat } from "./service.ts";

/** Content-Type to import format; the body is read as text and parsed by the import itself so errors name the line. */
function formatOf(contentType: string | undefined): ImportFormat {
  const type = (contentType ?? "").split(";")[0].trim().toLowerCase();
  if (type === "application/json" || type.endsWith("+json")) return "json";
  if (type === "text/csv" || type === "application/csv" || type === "text/tab-separated-values") return "csv";
  throw new AppError("BAD_REQUEST", "Send the file as application/json (ledger or payments JSON) or text/csv");
}

/**
 * POST /api/ledger/import             ledger: JSON body (eval-set-format.md shape) or text/csv open items
 * POST /api/ledger/import?kind=payments  payments: JSON or text/csv
 * 200 -> ImportReport; 422 VALIDATION with details.issues (line / path + message) when the file is rejected.
 */
export const ledgerRoutes = new Hono<AppEnv>().post(
  "/import",
  bodyLimit({
    maxSize: MAX_IMPORT_BYTES,
    onError: () => {
      throw new AppError("PAYLOAD_TOO_LARGE", `Import larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MiB`);
    },
  }),
  async (c) => {
    const { kind } = queryParams(c, importQuery);
    const format = formatOf(c.req.header("content-type"));
    const content = await c.req.text();
    const ctx = c.var.ctx;
    const report = kind === "payments" ? await importPayments({ ctx, input: { format, content } }) : await importLedger({ ctx, input: { format, content } });
    return c.json(report);
  },
);

import { jobs } from "../db/schema/jobs.ts";
import type { Tx } from "../db/client.ts";

export interface EnqueueInput {
  queue: string;
  payload: Record<string, unknown>;
  runAt?: Date;
  maxAttempts?: number;
}

/**
 * Add durable jobs. Call it inside the transaction that stores the data the
 * job is about, so a job exists exactly when its data does.
 */
export async function enqueue(tx: Tx, input: EnqueueInput | EnqueueInput[]): Promise<number[]> {
  const list = Array.isArray(input) ? input : [input];
  if (!list.length) return [];
  const rows = await tx
    .insert(jobs)
    .values(
      list.map((j) => ({
        queue: j.queue,
        payload: j.payload,
        runAt: j.runAt ?? new Date(),
        maxAttempts: j.maxAttempts ?? 5,
      })),
    )
    .returning({ id: jobs.id });
  return rows.map((r) => r.id);
}

import { z } from "zod";

// Contracts of /api/tasks.
export const TASK_STATUSES = ["open", "done", "cancelled"] as const;
export const taskListQuery = z.object({
  status: z.enum(TASK_STATUSES).optional(),
  kind: z.string().max(100).optional(),
  debtorId: z.coerce.number().int().positive().optional(),
  assigneeId: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type TaskListQuery = z.infer<typeof taskListQuery>;
export const idParams = z.object({ id: z.coerce.number().int().positive() });
export const taskPatch = z
  .object({
    status: z.enum(TASK_STATUSES).optional(),
    assigneeId: z.number().int().positive().nullable().optional(),
    dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().optional(),
    note: z.string().max(5000).optional(),
  })
  .strict()
  .refine((p) => Object.keys(p).length > 0, "nothing to change");
export type TaskPatch = z.infer<typeof taskPatch>;

export const taskView = z.object({
  id: z.number(),
  kind: z.string(),
  title: z.string(),
  debtorId: z.number().nullable(),
  debtor: z.object({ number: z.string(), name: z.string(), insolvent: z.boolean() }).nullable(),
  messageId: z.number().nullable(),
  amount: z.number().nullable(),
  currency: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  status: z.enum(TASK_STATUSES),
  assigneeId: z.number().nullable(),
  dueDate: z.string().nullable(),
  completedAt: z.string().nullable(),
  createdAt: z.string(),
});

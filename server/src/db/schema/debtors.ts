import { pgTable, serial, text, timestamp, boolean, jsonb, index } from "drizzle-orm/pg-core";

export const debtors = pgTable(
  "debtors",
  {
    id: serial("id").primaryKey(),
    number: text("number").notNull().unique(),
    name: text("name").notNull(),
    language: text("language").notNull().default("en"),
    country: text("country"),
    vatNumber: text("vat_number"),
    customerNumber: text("customer_number"),
    /** Mail domains that belong to this debtor (derived from contacts unless free-mail). */
    domains: text("domains").array().notNull().default([]),
    /** Dunning tone: "friendly" for a first-time late payer, "firm" for a chronic one. */
    tone: text("tone").notNull().default("friendly"),
    groupName: text("group_name"),
    insolvent: boolean("insolvent").notNull().default(false),
    extra: jsonb("extra").notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("debtors_name_idx").on(t.name)],
);

import { describe, it, expect } from "vitest";
import { fieldsFor, parseFieldInputs } from "./fields.ts";

describe("extracted fields form", () => {
  it("shows the intent's fields and any the email already has", () => {
    expect(fieldsFor("payment_promise", {})).toEqual(["promisedDate", "amount"]);
    expect(fieldsFor("question", { amount: 5 })).toEqual(["amount"]);
    expect(fieldsFor("dispute", { poNumber: "PO-1", bogus: 1 })).toEqual(["amount", "reason", "poNumber"]);
  });

  it("turns inputs into typed fields, drops empty ones and flags bad ones", () => {
    expect(parseFieldInputs({ promisedDate: "2024-11-15", amount: "1234,56", reason: "", permanent: true })).toEqual({
      fields: { promisedDate: "2024-11-15", amount: 1234.56, permanent: true },
      errors: [],
    });
    expect(parseFieldInputs({ promisedDate: "15/11/2024", instalments: "2.5", amount: "abc" }).errors).toEqual(["promisedDate", "instalments", "amount"]);
    expect(parseFieldInputs({ unknown: "x" }).fields).toEqual({});
  });
});

#!/usr/bin/env node
// Entry point of `npx relance …`: runs the TypeScript sources directly through
// tsx, so a clone needs no build step for the server.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../server/src/cli.ts");
process.exitCode = await main(process.argv.slice(2));

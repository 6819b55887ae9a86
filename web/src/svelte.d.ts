// Lets `tsc` (which does not read .svelte files) type-check the .ts files that import components.
declare module "*.svelte" {
  import type { Component } from "svelte";
  const component: Component<Record<string, unknown>>;
  export default component;
}

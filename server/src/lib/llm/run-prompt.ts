import type { z } from "zod";
import type { LlmClient, LlmResult } from "./client.ts";
import { promptOutputSchemas, type PromptSchemaName } from "./schemas.ts";
import { renderPrompt, type Prompt } from "../prompts.ts";

export type PromptOutput<N extends PromptSchemaName> = z.infer<(typeof promptOutputSchemas)[N]>;

/**
 * Render a prompt file and run it through the LLM client, validating the
 * reply with the output schema its front-matter names. The prompt's
 * "id@version" goes to llm_usage so costs can be traced to prompt versions.
 */
export async function runPrompt<N extends PromptSchemaName>(args: {
  llm: LlmClient;
  prompt: Prompt & { schema: N };
  vars: Record<string, string | number | null | undefined>;
  purpose: string;
  signal?: AbortSignal;
  maxTokens?: number;
}): Promise<LlmResult<PromptOutput<N>> & { promptRef: string }> {
  const rendered = renderPrompt(args.prompt, args.vars);
  const schema = promptOutputSchemas[args.prompt.schema] as unknown as z.ZodType<PromptOutput<N>>;
  const result = await args.llm.completeJson({
    purpose: args.purpose,
    promptId: rendered.ref,
    messages: rendered.messages,
    schema,
    signal: args.signal,
    maxTokens: args.maxTokens,
  });
  return { ...result, promptRef: rendered.ref };
}

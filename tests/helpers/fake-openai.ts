import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local OpenAI-compatible server for tests (127.0.0.1, random port): scripted
 * replies for /v1/chat/completions and /v1/embeddings, failure modes (429,
 * 5xx, hang, broken body) and a record of every request. Nothing leaves the
 * machine.
 */

export type FakeReply =
  /** A normal chat completion whose message content is `content`. */
  | { kind: "chat"; content: string; promptTokens?: number; completionTokens?: number; finishReason?: string }
  /** An HTTP error with an OpenAI-style error body. */
  | { kind: "status"; status: number; message?: string; headers?: Record<string, string> }
  /** Never answer (until the client gives up or the server closes). */
  | { kind: "hang" }
  /** Raw body, e.g. broken JSON at the HTTP level. */
  | { kind: "raw"; status?: number; body: string; contentType?: string }
  /** Embeddings with explicit vectors. */
  | { kind: "embeddings"; vectors: number[][]; promptTokens?: number };

export interface RecordedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: any;
}

export interface FakeOpenAi {
  /** Base URL with /v1, as OPENAI_BASE_URL expects. */
  url: string;
  requests: RecordedRequest[];
  /** Queue replies for chat completions, consumed in order. */
  chat(...replies: FakeReply[]): void;
  /** Queue replies for embeddings; when empty, deterministic vectors are generated. */
  embeddings(...replies: FakeReply[]): void;
  /** Width of generated embeddings when the request does not ask for `dimensions`. */
  nativeEmbeddingDims: number;
  close(): Promise<void>;
}

/** A deterministic pseudo-embedding of a text (same text → same vector). */
export function fakeVector(text: string, dims: number): number[] {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  const out: number[] = [];
  for (let i = 0; i < dims; i++) {
    h = Math.imul(h ^ (h >>> 15), 2246822507) >>> 0;
    out.push(((h % 2000) - 1000) / 1000);
  }
  return out;
}

export async function startFakeOpenAi(): Promise<FakeOpenAi> {
  const chatQueue: FakeReply[] = [];
  const embeddingQueue: FakeReply[] = [];
  const requests: RecordedRequest[] = [];
  const hanging = new Set<http.ServerResponse>();
  let completionId = 0;

  const sendJson = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(JSON.stringify(body));
  };

  const answer = (res: http.ServerResponse, reply: FakeReply, req: RecordedRequest) => {
    switch (reply.kind) {
      case "hang":
        hanging.add(res);
        res.on("close", () => hanging.delete(res));
        return;
      case "status":
        return sendJson(
          res,
          reply.status,
          { error: { message: reply.message ?? `fake error ${reply.status}`, type: "fake", code: null } },
          reply.headers,
        );
      case "raw":
        res.writeHead(reply.status ?? 200, { "content-type": reply.contentType ?? "application/json" });
        res.end(reply.body);
        return;
      case "chat":
        return sendJson(res, 200, {
          id: `chatcmpl-fake-${++completionId}`,
          object: "chat.completion",
          created: Math.floor(Date.now() / 1000),
          model: req.body?.model ?? "fake",
          choices: [
            {
              index: 0,
              message: { role: "assistant", content: reply.content },
              finish_reason: reply.finishReason ?? "stop",
            },
          ],
          usage: {
            prompt_tokens: reply.promptTokens ?? 100,
            completion_tokens: reply.completionTokens ?? 20,
            total_tokens: (reply.promptTokens ?? 100) + (reply.completionTokens ?? 20),
          },
        });
      case "embeddings":
        return sendJson(res, 200, {
          object: "list",
          model: req.body?.model ?? "fake",
          data: reply.vectors.map((embedding, index) => ({ object: "embedding", index, embedding })),
          usage: { prompt_tokens: reply.promptTokens ?? 5, total_tokens: reply.promptTokens ?? 5 },
        });
    }
  };

  const fake: FakeOpenAi = {
    url: "",
    requests,
    nativeEmbeddingDims: 384,
    chat: (...r) => void chatQueue.push(...r),
    embeddings: (...r) => void embeddingQueue.push(...r),
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      let body: any = raw;
      try {
        body = raw ? JSON.parse(raw) : null;
      } catch {
        // keep the raw text
      }
      const path = (req.url ?? "").split("?")[0];
      const rec: RecordedRequest = { method: req.method ?? "", path, headers: req.headers, body };
      requests.push(rec);
      if (req.method === "POST" && path === "/v1/chat/completions") {
        const reply = chatQueue.shift();
        if (!reply) return sendJson(res, 500, { error: { message: "fake-openai: no scripted chat reply left" } });
        return answer(res, reply, rec);
      }
      if (req.method === "POST" && path === "/v1/embeddings") {
        const reply = embeddingQueue.shift();
        if (reply) return answer(res, reply, rec);
        const inputs: string[] = Array.isArray(body?.input) ? body.input : [String(body?.input ?? "")];
        const dims = Number(body?.dimensions) || fake.nativeEmbeddingDims;
        return answer(res, { kind: "embeddings", vectors: inputs.map((t) => fakeVector(t, dims)) }, rec);
      }
      sendJson(res, 404, { error: { message: `fake-openai: no route ${req.method} ${path}` } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  return fake;
}

import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from "smtp-server";
import type { AddressInfo } from "node:net";

/**
 * A real SMTP server on 127.0.0.1 (the smtp-server package) for the outbound
 * tests: records every accepted message with its envelope, and can be told to
 * answer the next DATA with an SMTP error (4xx/5xx) or to drop the connection
 * after the body arrived without answering (the "did it go or not?" case).
 */
export interface ReceivedMail {
  from: string;
  to: string[];
  raw: Buffer;
}

export type SmtpFault = { kind: "reply"; code: number; message: string } | { kind: "drop-after-data" };

export interface TestSmtp {
  port: number;
  url: string;
  received: ReceivedMail[];
  /** Faults applied to the next DATA commands, in order. */
  failNext(...faults: SmtpFault[]): void;
  close(): Promise<void>;
}

export async function startSmtp(opts: { user?: string; password?: string } = {}): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  const faults: SmtpFault[] = [];
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ["STARTTLS"],
    authOptional: !opts.user,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, cb) {
      if (auth.username === opts.user && auth.password === opts.password) return cb(null, { user: auth.username });
      cb(new Error("Invalid username or password"));
    },
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, cb) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const fault = faults.shift();
        if (fault?.kind === "reply") {
          const err = new Error(fault.message) as Error & { responseCode: number };
          err.responseCode = fault.code;
          return cb(err);
        }
        if (fault?.kind === "drop-after-data") {
          // The body arrived but no answer is ever given: the client cannot know.
          received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "", to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks) });
          (session as unknown as { socket?: { destroy(): void } }).socket?.destroy();
          for (const c of connections) c.destroy();
          return;
        }
        received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "", to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks) });
        cb(null, "queued");
      });
    },
  });
  const connections = new Set<import("node:net").Socket>();
  server.server.on("connection", (s: import("node:net").Socket) => {
    connections.add(s);
    s.on("close", () => connections.delete(s));
  });
  server.on("error", () => {});
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  const auth = opts.user ? `${encodeURIComponent(opts.user)}:${encodeURIComponent(opts.password ?? "")}@` : "";
  return {
    port,
    url: `smtp://${auth}127.0.0.1:${port}`,
    received,
    failNext: (...f) => void faults.push(...f),
    close: async () => {
      for (const c of connections) c.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * Amazon SES delivers bounce/complaint/delivery events as JSON in a mail body
 * (directly, or wrapped in an SNS envelope whose "Message" is a JSON string).
 * Only "Bounce" events are bounces; complaints are feedback reports and
 * deliveries are success notices.
 */
export interface SesEvent {
  type: string;
  recipient: string | null;
  status: string | null;
  permanent: boolean | null;
  messageId: string | null;
  recipients: string[];
}

function firstJson(text: string): unknown {
  const start = text.indexOf("{");
  if (start < 0 || start > 200) return null;
  // The body may carry a footer after the JSON: cut at the last closing brace of the object.
  for (let end = text.lastIndexOf("}"); end > start; end = text.lastIndexOf("}", end - 1)) {
    try {
      return JSON.parse(text.slice(start, end + 1).replace(/!\n /g, ""));
    } catch {
      /* keep shrinking */
    }
  }
  return null;
}

type Json = Record<string, any>;

export function sesEvent(text: string | null): SesEvent | null {
  if (!text || !/notificationType|eventType/.test(text)) return null;
  let obj = firstJson(text) as Json | null;
  if (obj && typeof obj.Message === "string") {
    try {
      obj = JSON.parse(obj.Message) as Json;
    } catch {
      return null;
    }
  }
  const type = obj?.notificationType ?? obj?.eventType;
  if (!obj || typeof type !== "string") return null;
  const bounced: Json[] = obj.bounce?.bouncedRecipients ?? [];
  const first = bounced[0];
  return {
    type,
    recipient: typeof first?.emailAddress === "string" ? first.emailAddress.toLowerCase() : null,
    status: typeof first?.status === "string" ? first.status : null,
    permanent: obj.bounce ? obj.bounce.bounceType === "Permanent" : null,
    messageId: typeof obj.mail?.messageId === "string" ? obj.mail.messageId : null,
    recipients: Array.isArray(obj.mail?.destination) ? obj.mail.destination.map((x: string) => String(x).toLowerCase()) : [],
  };
}

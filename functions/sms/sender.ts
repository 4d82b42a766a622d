/**
 * Sends a one-time code by SMS. On AWS no provider is configured yet, so the phone path answers
 * 503 NOT_CONFIGURED there (deps.sms is null); local mode uses the stand-in below.
 */
export interface SmsSender {
  send(phone: string, text: string): Promise<void>;
}

/** The local stand-in: prints the message where the developer can read it. */
export function printingSms(print: (line: string) => void = (line) => console.log(line)): SmsSender {
  return {
    send(phone, text) {
      print(`[SMS to ${phone}] ${text}`);
      return Promise.resolve();
    },
  };
}

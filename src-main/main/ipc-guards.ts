/**
 * Checks every IPC handler makes before it does anything: who sent the message, and
 * whether its arguments have the shape the bridge promises. Pure, so tested without Electron.
 */
import { isValidIpcSender } from './navigation';

/** What the checks need of Electron's WebFrameMain. */
export interface FrameLike {
  readonly processId: number;
  readonly frameToken: string;
  readonly url: string;
  readonly detached?: boolean;
}

/** The message every refused sender gets; it tells a compromised page nothing. */
export const REFUSED = 'refused';

/**
 * True when `sender` is the main window's main frame (compared by process and frame
 * token, not object identity) and it shows one of the app's own pages.
 */
export function isTrustedSender(sender: FrameLike | null | undefined, mainFrame: FrameLike | null | undefined, devServerUrl?: string): boolean {
  if (!sender || !mainFrame || sender.detached) return false;
  if (sender.processId !== mainFrame.processId || sender.frameToken !== mainFrame.frameToken) return false;
  return isValidIpcSender(sender.url, devServerUrl);
}

/** Throws unless exactly `count` arguments were sent. */
export function expectArgCount(args: readonly unknown[], count: number): void {
  if (args.length !== count) throw new TypeError(`Expected ${count} argument(s), got ${args.length}.`);
}

/** Returns `value` as a string, or throws naming `what`. */
export function expectString(value: unknown, what: string): string {
  if (typeof value !== 'string') throw new TypeError(`${what} must be a string.`);
  return value;
}

/** Returns `value` as a boolean, or throws naming `what`. */
export function expectBoolean(value: unknown, what: string): boolean {
  if (typeof value !== 'boolean') throw new TypeError(`${what} must be true or false.`);
  return value;
}

/** Returns `value` as an array of strings, or throws naming `what`. Its length is the caller's to check. */
export function expectStringArray(value: unknown, what: string): string[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw new TypeError(`${what} must be a list of strings.`);
  return value as string[];
}

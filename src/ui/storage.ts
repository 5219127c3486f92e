/**
 * The browser's localStorage, when there is one and it may be used (private modes and sandboxed
 * frames throw on access). The store remembers the language choice in it.
 */
import type { LangStorage } from '../store/lang';

/** browserStorage returns localStorage, or undefined when it cannot be used. */
export function browserStorage(): LangStorage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

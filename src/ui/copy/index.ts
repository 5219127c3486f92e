/**
 * Compatibility shim: the copy tables moved into the one catalogue in src/ui/i18n (English and
 * Korean). Only the language-neutral formats remain here, re-exported for older imports.
 * New code imports from '../i18n'.
 */
export { formatClock, formatSeconds, shortImage } from '../i18n/format';

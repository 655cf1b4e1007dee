export { asWritten, listOf, localized, say, sayPair, t, type MessageParams } from './localized-text.js';
export { traditional } from './traditional.js';
export { LocalizedError, messageIn, textOf } from './localized-error.js';

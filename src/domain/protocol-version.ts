/**
 * The sync protocol's version, apart from its schemas (sync-protocol.ts) so that code in the
 * phone's first load can say it without loading zod.
 */

/** Sent as the `x-helptent-protocol` header with every request. */
export const protocolVersion = 2;
export const protocolHeader = 'x-helptent-protocol';
/**
 * Apps in the field before the header existed send none: they speak version 1, which the
 * server still understands (its push body and answer differ only in names).
 */
export const unversionedProtocol = 1;

import { protocolHeader, protocolVersion } from '../domain/protocol-version';

export interface ClientErrorReportBody {
  message: string;
  stack?: string | undefined;
  url: string;
  version: string;
  occurredAt: string;
}

/**
 * Sends a crash report to the server's log. Best effort: never retried, never queued, never
 * throws; kept apart from the sync engine (and zod) because it is installed with the first load.
 */
export function postClientError(report: ClientErrorReportBody): void {
  fetch('/api/client-errors', {
    method: 'POST',
    headers: { 'content-type': 'application/json', [protocolHeader]: String(protocolVersion) },
    body: JSON.stringify(report),
    keepalive: true,
  }).catch(() => undefined);
}

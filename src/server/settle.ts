import type { Connection } from 'vscode-languageserver';

/**
 * A message to the client whose failure (a client that answered with an error, a connection already closed) is
 * logged, never left to take the process down as an unhandled rejection.
 */
export function settle(connection: Connection, sent: Promise<unknown>, what: string): void {
  sent.catch((e: unknown) => {
    try {
      connection.console.error(`${what} failed: ${String(e)}`);
    } catch {
      // The connection is gone: nobody is left to tell.
    }
  });
}

import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { startServer } from '../server/server';
import { detectLang, pick } from './lang';
import type { Output } from './report';

/**
 * `gongwen lsp --stdio`: the language server for any editor, on stdin and stdout (the only transport, so `--stdio`
 * may also be left out). It runs until the client sends `exit` (code 0 after `shutdown`) or closes the pipe.
 */
export function runLsp(args: string[], io: Output): number | Promise<number> {
  const stray = args.find((a) => a !== '--stdio');
  if (stray !== undefined) {
    const lang = detectLang(undefined);
    io.err(
      pick(
        lang,
        `gongwen：lsp 只接受 --stdio（“${stray}”）。运行 gongwen --help 查看用法。`,
        `gongwen: lsp takes only --stdio ("${stray}"). Run gongwen --help for usage.`,
      ),
    );
    return 2;
  }
  startServer(createConnection(ProposedFeatures.all, new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout)));
  // Never settles: the connection owns the process from here and ends it on the client's `exit`.
  return new Promise<number>(() => undefined);
}

// The language server as the VS Code extension starts it (dist/server.js, over IPC). `gongwen lsp --stdio` starts the
// same server from the CLI for any other editor (src/cli/lsp-command.ts).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

// The transport comes from the command line the client gave (--node-ipc, --stdio, --socket=N, --pipe=NAME).
startServer(createConnection(ProposedFeatures.all));

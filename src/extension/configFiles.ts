import * as vscode from 'vscode';

export const CONFIG_FILE_NAME = '.gongwenrc.json';

const exists = (uri: vscode.Uri): Thenable<boolean> =>
  vscode.workspace.fs.stat(uri).then(
    (s) => s.type === vscode.FileType.File,
    () => false,
  );

/**
 * Where a silencing entry goes for a document: the `.gongwenrc.json` in force for it (the nearest one upward, as the
 * language server and `gongwen check` find it), else a new one at the root of its workspace folder. Undefined for a
 * document outside any folder.
 */
export async function configTarget(uri: vscode.Uri): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder) return undefined;
  for (let dir = vscode.Uri.joinPath(uri, '..'); ;) {
    const candidate = vscode.Uri.joinPath(dir, CONFIG_FILE_NAME);
    if (await exists(candidate)) return candidate;
    const parent = vscode.Uri.joinPath(dir, '..');
    if (parent.path === dir.path) break;
    dir = parent;
  }
  return vscode.Uri.joinPath(folder.uri, CONFIG_FILE_NAME);
}

// Starts `guidelint lsp` for the workspace and hands it Markdown files.
import * as fs from "fs";
import * as path from "path";
import * as vscode from "vscode";
import { LanguageClient, LanguageClientOptions, ServerOptions } from "vscode-languageclient/node";

let client: LanguageClient | undefined;

// The configured program, else the workspace's own virtualenv, else PATH.
function guidelintProgram(): string {
  const configured = vscode.workspace.getConfiguration("guidelint").get<string>("path", "");
  if (configured) {
    return configured;
  }
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const bin = process.platform === "win32" ? "Scripts\\guidelint.exe" : "bin/guidelint";
    const candidate = path.join(folder.uri.fsPath, ".venv", bin);
    if (fs.existsSync(candidate)) {
      return candidate;
    }
  }
  return "guidelint";
}

async function start(): Promise<void> {
  const command = guidelintProgram();
  const serverOptions: ServerOptions = { command, args: ["lsp"] };
  const settings = vscode.workspace.getConfiguration("guidelint");
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: "file", language: "markdown" }],
    initializationOptions: { run: settings.get<string>("run", "onType") },
    synchronize: {
      configurationSection: "guidelint",
      fileEvents: vscode.workspace.createFileSystemWatcher(
        "**/{*.md,.guidelint.yaml,.guidelint.yml,pyproject.toml}"
      ),
    },
  };
  client = new LanguageClient("guidelint", "guidelint", serverOptions, clientOptions);
  await client.start();
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration("guidelint.path")) {
        await client?.stop();
        await start();
      }
    })
  );
  await start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

// Loads the extension's TypeScript modules in Node for the benchmarks: Vite (the build's own
// tool) transforms them unbundled, so the benchmarks time the same code the pages run.
import { createServer } from 'vite';

/**
 * The exports of each module, by its path from the repository root ("/lib/lke/template.ts").
 * @param {string} root
 * @param {string[]} paths
 */
export async function loadTypeScript(root, paths) {
  const vite = await createServer({
    root,
    configFile: false,
    appType: 'custom',
    logLevel: 'error',
    server: { middlewareMode: true, hmr: false, ws: false },
    optimizeDeps: { noDiscovery: true },
  });
  try {
    const modules = [];
    for (const path of paths) modules.push(await vite.ssrLoadModule(path));
    return modules;
  } finally {
    await vite.close();
  }
}

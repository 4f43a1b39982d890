// The production build the browser benchmarks load, as users install it: the e2e build also runs
// on loopback pages and keeps the badges' shadow roots open for the tests.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * Builds the extension unless the command line says --no-build, and returns the folder of the
 * build (under LKE_OUT_DIR when builds run side by side).
 * @param {string} root the repository
 */
export function productionBuild(root) {
  if (!process.argv.includes('--no-build')) {
    console.log('Building the extension…');
    execFileSync('npx', ['wxt', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  return resolve(root, process.env.LKE_OUT_DIR ?? '.output', 'chrome-mv3');
}

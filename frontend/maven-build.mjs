// Run by Maven in generate-resources: installs the locked npm packages when package-lock.json changed since the last
// install (npm ci), then bundles the editors when a source or the lock file is newer than the bundle. Needs node + npm only.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const outdir = resolve(process.argv[2] || join(here, '..', 'target', 'classes', 'static', 'modeler'));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const lock = readFileSync(join(here, 'package-lock.json'));
const lockHash = createHash('sha256').update(lock).digest('hex');
const stamp = join(here, 'node_modules', '.fapiaoflow-lock-sha256');
if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== lockHash) {
  execFileSync(npm, ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: here, stdio: 'inherit' });
  writeFileSync(stamp, lockHash);
}

const newest = (path) => {
  const stat = statSync(path);
  return stat.isDirectory() ? Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name)))) : stat.mtimeMs;
};
const inputs = Math.max(newest(join(here, 'src')), newest(join(here, 'build.mjs')), statSync(stamp).mtimeMs);
const outputs = ['modeler.js', 'modeler-styles.css'].map((name) => join(outdir, name));
if (outputs.every(existsSync) && Math.min(...outputs.map((file) => statSync(file).mtimeMs)) > inputs) {
  console.log('modeler bundle up to date');
} else {
  execFileSync(process.execPath, [join(here, 'build.mjs'), outdir], { cwd: here, stdio: 'inherit' });
  console.log('modeler bundle written to ' + outdir);
}

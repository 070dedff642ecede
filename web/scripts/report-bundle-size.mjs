// Prints the gzipped size of the JavaScript a first visit downloads (the entry script and the
// chunks index.html preloads), and fails when it passes the budget in UI.md.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 300;
const distDir = new URL('../dist/', import.meta.url).pathname;
const html = readFileSync(join(distDir, 'index.html'), 'utf8');
const initialFiles = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((match) => match[1]);
const gzippedKb = (file) => gzipSync(readFileSync(join(distDir, file)), { level: 9 }).length / 1024;

const initialKb = initialFiles.reduce((sum, file) => sum + gzippedKb(file), 0);
const allFiles = readdirSync(join(distDir, 'assets')).filter((name) => name.endsWith('.js'));
const allKb = allFiles.reduce((sum, name) => sum + gzippedKb(join('assets', name)), 0);

for (const file of initialFiles) console.log(`  initial  ${gzippedKb(file).toFixed(1).padStart(7)} KB  ${file}`);
console.log(`Initial JS (gzip): ${initialKb.toFixed(1)} KB of ${BUDGET_KB} KB budget; all JS chunks (gzip): ${allKb.toFixed(1)} KB in ${allFiles.length} files`);
if (initialKb > BUDGET_KB) {
  console.error(`Initial JavaScript is over the ${BUDGET_KB} KB budget.`);
  process.exit(1);
}

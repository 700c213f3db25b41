import { measureFirstLoad } from './bundle-size';

const budgetKb = 60;
const clientDir = process.argv[2] ?? 'dist/client';

const { files, totalGzipBytes } = measureFirstLoad(clientDir);
for (const file of files) console.log(`  ${file.path}  ${(file.gzipBytes / 1024).toFixed(1)} KB gzip`);
const totalKb = totalGzipBytes / 1024;
console.log(`first-load JS+CSS of the phone app: ${totalKb.toFixed(1)} KB gzip (budget ${budgetKb} KB)`);
if (files.length === 0) {
  console.error('No scripts or stylesheets found in index.html: is the app built?');
  process.exit(1);
}
if (totalKb > budgetKb) {
  console.error(`Over budget by ${(totalKb - budgetKb).toFixed(1)} KB: lazy-load what only coordinators or organizers open.`);
  process.exit(1);
}

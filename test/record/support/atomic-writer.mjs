// Child process of the crash test: writes the two contents alternately to the target with writeFileAtomic until
// it is killed (or, as a safety net, for at most 20 s).
import { readFileSync } from 'node:fs';
import process from 'node:process';
import { writeFileAtomic } from '../../../dist/io/atomic-write.js';

const [target, oldFile, newFile] = process.argv.slice(2);
const contents = [readFileSync(oldFile, 'utf8'), readFileSync(newFile, 'utf8')];
const deadline = Date.now() + 20_000;
process.stdout.write('ready\n');
for (let i = 1; Date.now() < deadline; i++) writeFileAtomic(target, contents[i % 2]);

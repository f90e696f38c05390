import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputFolder } from '../../src/io/output-folder.js';
import { tempFolders } from '../support/run-cli.js';

const temp = tempFolders();

describe('OutputFolder', () => {
  it('never writes outside itself', () => {
    const folder = OutputFolder.open(join(temp(), 'out'), 'summary.json');
    expect(() => folder.write('../x.html', 'x')).toThrow(/leaves/);
    expect(() => folder.write('a/../../x.html', 'x')).toThrow(/leaves/);
  });

  it('removes only listed files of the previous run, never a path outside the folder from a crafted manifest', () => {
    const root = temp();
    const out = join(root, 'out');
    mkdirSync(join(out, 't'), { recursive: true });
    writeFileSync(join(root, 'precious.txt'), 'keep');
    writeFileSync(join(out, 't', 'old.html'), 'old');
    writeFileSync(join(out, 'summary.json'), JSON.stringify({ files: ['t/old.html', '../precious.txt', 't/new.html'] }));
    const folder = OutputFolder.open(out, 'summary.json');
    folder.write('t/new.html', 'new');
    expect(folder.finish()).toEqual(['t/old.html']);
    expect(readFileSync(join(root, 'precious.txt'), 'utf8')).toBe('keep');
    expect(existsSync(join(out, 't', 'old.html'))).toBe(false);
    expect(readFileSync(join(out, 't', 'new.html'), 'utf8')).toBe('new');
  });
});

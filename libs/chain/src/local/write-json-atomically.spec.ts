import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeJsonAtomically } from './write-json-atomically';

describe('writeJsonAtomically', () => {
  let directory: string;
  beforeEach(() => {
    directory = mkdtempSync(path.join(tmpdir(), 'ayllu-atomic-'));
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('creates missing directories and leaves only the finished file behind', () => {
    const file = path.join(directory, 'shared', 'network-profile.json');
    writeJsonAtomically(file, { chainId: 31337 });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ chainId: 31337 });
    expect(readdirSync(path.dirname(file))).toEqual(['network-profile.json']);
  });

  it('replaces a file that is already there in one step', () => {
    const file = path.join(directory, 'network-profile.json');
    writeFileSync(file, '{"chainId": 1}');
    writeJsonAtomically(file, { chainId: 31337 });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ chainId: 31337 });
    expect(readdirSync(directory)).toEqual(['network-profile.json']);
  });

  it('removes its temporary file when the rename fails', () => {
    const file = path.join(directory, 'network-profile.json');
    mkdirSync(path.join(file, 'in-the-way'), { recursive: true }); // a directory cannot be replaced by a file
    expect(() => writeJsonAtomically(file, { chainId: 31337 })).toThrow();
    expect(readdirSync(directory)).toEqual(['network-profile.json']);
  });
});

import { repoRootFrom } from './repo-root';
import path from 'node:path';
import type { Abi, Address, Hex } from 'viem';

/** The parts of a Hardhat artifact the deploy code uses. */
export type Artifact = {
  readonly contractName: string;
  readonly abi: Abi;
  readonly bytecode: Hex;
  readonly linkReferences?: Record<string, Record<string, readonly { start: number; length: number }[]>>;
};

const repoRoot = repoRootFrom(__dirname);
const SUPERFLUID_BUILD = '@superfluid-finance/ethereum-contracts/build/hardhat/contracts';

/** Our own contracts, compiled by `npm run contracts:compile` into contracts/artifacts (git-ignored). */
export const aylluArtifactPath = (source: string, name: string): string =>
  path.join(repoRoot, 'contracts/artifacts', source, `${name}.json`);

export const loadAylluArtifact = (source: string, name: string): Artifact =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(aylluArtifactPath(source, name)) as Artifact;

/** A compiled Superfluid contract shipped in the npm package, e.g. `utils/GDAv1Forwarder.sol/GDAv1Forwarder`. */
export const loadSuperfluidArtifact = (relativePath: string): Artifact =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(`${SUPERFLUID_BUILD}/${relativePath}.json`) as Artifact;

/**
 * Writes library addresses into the placeholders of an unlinked bytecode, at the offsets the artifact's
 * `linkReferences` give (viem has no linker). Throws when a library the bytecode needs is missing.
 */
export function linkBytecode(artifact: Artifact, libraries: Readonly<Record<string, Address>>): Hex {
  let code = artifact.bytecode.slice(2);
  for (const sourceLibraries of Object.values(artifact.linkReferences ?? {})) {
    for (const [name, references] of Object.entries(sourceLibraries)) {
      const address = libraries[name];
      if (!address) throw new Error(`${artifact.contractName} needs library ${name}, which is not deployed yet`);
      const hex = address.slice(2).toLowerCase();
      for (const { start, length } of references) {
        code = code.slice(0, start * 2) + hex + code.slice((start + length) * 2);
      }
    }
  }
  return `0x${code}`;
}

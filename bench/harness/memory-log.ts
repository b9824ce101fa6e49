/** Peak RSS of the service processes, recorded by the parts that run them and reported by part 6. */
export interface MemorySample {
  readonly part: string;
  readonly process: string;
  readonly peakMiB: number;
  readonly rssAtEndMiB: number;
}

export const memorySamples: MemorySample[] = [];

export const recordMemory = (part: string, process: string, memory: { peakMiB: number; rssMiB: number }): void => {
  memorySamples.push({ part, process, peakMiB: memory.peakMiB, rssAtEndMiB: memory.rssMiB });
};

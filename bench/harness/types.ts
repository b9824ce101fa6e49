/** One table of a part: the rows measured side by side in the same run. */
export interface Table {
  readonly title: string;
  readonly columns: readonly string[];
  readonly rows: readonly Record<string, string | number>[];
}

/** A target, what was measured against it, and whether it was met. */
export interface TargetCheck {
  readonly target: string;
  readonly measured: string;
  readonly met: boolean | null;
  /** Why it missed (or why it could not be measured): a miss is information. */
  readonly note?: string;
}

export interface PartResult {
  readonly id: string;
  readonly title: string;
  readonly settings: Record<string, string | number>;
  readonly tables: readonly Table[];
  readonly targets: readonly TargetCheck[];
  readonly notes: readonly string[];
  /** Raw figures for the JSON file. */
  readonly data: Record<string, unknown>;
  readonly seconds: number;
}

export interface BenchContext {
  readonly full: boolean;
  /** Connection URL of this run's fresh, migrated database. */
  readonly databaseUrl: string;
  readonly log: (message: string) => void;
}

// Types of scripts/bundle-split.mjs for the unit tests that import it.
import type { Metafile } from 'esbuild';

export declare const SHARED_STATELESS: ReadonlySet<string>;
export declare function bundleSizes(metafile: Metafile): { extension: number; engine: number };
export declare function splitProblems(metafile: Metafile, root?: string): string[];
export declare function checkBundleSplit(root: string): import('esbuild').Plugin;
export declare function declaresModuleState(source: string): boolean;

// Types of scripts/shared.mjs for the TypeScript side (tests, benchmarks); the paths are there.
export declare const ROOT: string;
export declare const SHARED: string;
export declare const FLYTE_CORE_TGZ: string;
export declare const RENDERED: string;
export declare const REFERENCE: string;

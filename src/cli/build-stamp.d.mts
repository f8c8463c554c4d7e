/** Types of build-stamp.mjs (plain JavaScript: the launcher runs it before any TypeScript loader). */
export declare const ROOT: string;
export declare function sourceHash(root?: string): string;
export declare function distIsFresh(root?: string): boolean;
export declare function writeStamp(root?: string): void;

/**
 * What src/input/schema.ts uses of zod. schema.ts requires this module on the first input it parses: the build
 * makes it a bundle of its own, loaded then (scripts/build.ts), and as an ES module it lets esbuild keep only
 * these parts of zod.
 */
export { array, check, email, enum, object, optional, pipe, refine, safeParse, string, transform } from 'zod/mini';

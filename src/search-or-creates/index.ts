/** Every search-or-create pair ("Find or Create"): one line per module (src/registry.ts). */
export * as findOrCreateContact from './find-or-create-contact';

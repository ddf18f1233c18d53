// psl ships types that its package.json "exports" hides from TypeScript's bundler resolution.
declare module 'psl' {
  export function get(domain: string): string | null;
  const psl: { get: typeof get };
  export default psl;
}

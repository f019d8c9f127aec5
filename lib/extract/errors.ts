/** A problem in a seed or overrides file, located so the person fixing it goes straight there. */
export class SeedError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly reason: string,
  ) {
    super(`${file}${line === null ? '' : `:${line}`}: ${reason}`);
    this.name = 'SeedError';
  }
}

import { SeedError } from '../../../lib/extract/errors';

/** The SeedError `fn` throws; fails the test if it throws nothing or something else. */
export function errorOf(fn: () => unknown): SeedError {
  try {
    fn();
  } catch (err) {
    if (err instanceof SeedError) return err;
    throw err;
  }
  throw new Error('expected a SeedError');
}

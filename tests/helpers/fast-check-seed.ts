// Property tests run with a fixed seed so CI is reproducible; FC_SEED=<n> (or FC_SEED=random) explores further.
// A failure prints its seed and counterexample: add the counterexample to that property's `examples`.
import fc from 'fast-check';

/** The seed CI uses. */
export const DEFAULT_FC_SEED = 20261126;

const fromEnv = process.env.FC_SEED;
const seed = fromEnv ? Number.parseInt(fromEnv, 10) : DEFAULT_FC_SEED;
if (fromEnv !== 'random') {
  if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED must be an integer or "random", got "${fromEnv}"`);
  fc.configureGlobal({ seed });
}

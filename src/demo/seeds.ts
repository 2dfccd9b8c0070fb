import type { DemoSeed } from './api';

/** Each feature's demo seed, in the order they run (later ones build on earlier ones). */
export const demoSeeds: { name: string; seed: DemoSeed }[] = [];

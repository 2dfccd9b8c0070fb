import type { DemoSeed } from './api';
import { seedDemo as avoidance } from '../avoidance/demo';

/** Each feature's demo seed, in the order they run (later ones build on earlier ones). */
export const demoSeeds: { name: string; seed: DemoSeed }[] = [{ name: 'avoidance', seed: avoidance }];

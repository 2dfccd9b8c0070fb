import type { DemoSeed } from './api';
import { seedDemo as avoidance } from '../avoidance/demo';
import { seedDemo as leaveSeed } from '../leave/demo';
import { seedDemo as roundsSeed } from '../rounds/demo';
import { seedDemo as compositionSeed } from '../composition/demo';

/** Each feature's demo seed, in the order they run (later ones build on earlier ones). */
export const demoSeeds: { name: string; seed: DemoSeed }[] = [
  { name: 'avoidance', seed: avoidance },
  { name: 'pools and rounds', seed: roundsSeed },
  // After the rounds seed: it needs the round in progress and its teams.
  { name: 'leave and attendance', seed: leaveSeed },
  // Last: a round in planning whose teams have no members yet.
  { name: 'composition', seed: compositionSeed },
];

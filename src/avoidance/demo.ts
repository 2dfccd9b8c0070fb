import type { DemoApi } from '../demo/api';

/**
 * Avoidance in the demo: the city keeps the defaults of the domain; the second county looks
 * five years back for former employers (rule 2) instead of three, as some offices do.
 */
export async function seedDemo(api: DemoApi): Promise<void> {
  const county = api.world.counties[1];
  if (!county) return;
  await api.gql(
    `mutation($i: SetAvoidanceSettingsInput!) { setAvoidanceSettings(input: $i) { settings { formerEmployerYears } } }`,
    { i: { regionId: county.regionId, formerEmployerYears: 5 } },
  );
}

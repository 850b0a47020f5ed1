export async function seedDemoRegion(..._: unknown[]) {}

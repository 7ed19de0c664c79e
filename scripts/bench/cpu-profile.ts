// Reading a V8 CPU profile (Chromium's CDP `Profiler` or Node's `node:inspector`): self time by
// function and by file, for the profile scripts (profile-restore.ts, profile-backup.ts).

export type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
export type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

const fileOf = (node: ProfileNode) => node.callFrame.url.split('/').pop() || node.callFrame.functionName;
const nameOf = (node: ProfileNode) => `${node.callFrame.functionName || '(anon)'} ${fileOf(node)}:${node.callFrame.lineNumber + 1}`;

/**
 * Prints a profile's sampled total, then the top functions and files by self time. With
 * `CALLERS=N`, also the call chains (four frames) under the N functions with the most self time:
 * native frames' names alone (`(anon)`, `encode`) do not say whose work they are.
 */
export function reportProfile(label: string, profile: CpuProfile): void {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  const files = new Map<string, number>();
  let total = 0;
  for (let index = 0; index < profile.samples.length; index += 1) {
    const ms = (profile.timeDeltas[index] ?? 0) / 1000;
    const node = byId.get(profile.samples[index] as number);
    if (!node) continue;
    total += ms;
    self.set(nameOf(node), (self.get(nameOf(node)) ?? 0) + ms);
    files.set(fileOf(node), (files.get(fileOf(node)) ?? 0) + ms);
  }
  console.log(`\n== ${label}: ${Math.round(total)} ms sampled`);
  for (const [name, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 20)))
    console.log(`  self ${Math.round(ms).toString().padStart(6)} ms  ${name}`);
  for (const [file, ms] of [...files].sort((a, b) => b[1] - a[1]).slice(0, 10))
    console.log(`  file ${Math.round(ms).toString().padStart(6)} ms  ${file}`);
  const callers = Number(process.env.CALLERS ?? 0);
  if (callers <= 0) return;
  const parentOf = new Map<number, ProfileNode>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node);
  const top = new Set(
    [...self]
      .sort((a, b) => b[1] - a[1])
      .slice(0, callers)
      .map(([name]) => name),
  );
  const chains = new Map<string, number>();
  for (let index = 0; index < profile.samples.length; index += 1) {
    let node = byId.get(profile.samples[index] as number);
    if (!node || !top.has(nameOf(node))) continue;
    const chain: string[] = [];
    for (let depth = 0; node && depth < 4; depth += 1, node = parentOf.get(node.id)) chain.push(nameOf(node));
    const key = chain.join(' < ');
    chains.set(key, (chains.get(key) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
  }
  for (const [chain, ms] of [...chains].sort((a, b) => b[1] - a[1]).slice(0, callers * 3))
    console.log(`  chain ${Math.round(ms).toString().padStart(6)} ms  ${chain}`);
}

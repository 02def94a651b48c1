// Repeat-until-budget timing: one warm-up, then runs until `budgetMs` is spent (at least one,
// at most `maxRuns`). Reports min and median in ms of wall time and of process CPU time
// (process.cpuUsage: user + system, all threads). CPU time is what the code costs; wall time
// also counts what other processes on a shared machine take from us.
const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e3;
};

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { min: s[0], median: s[Math.floor(s.length / 2)] };
};

export function timeRuns(fn, { budgetMs = 1500, maxRuns = 15, warmup = true } = {}) {
  if (warmup) fn();
  const wall = [];
  const cpu = [];
  const start = performance.now();
  do {
    const t = performance.now();
    const c = cpuNow();
    fn();
    cpu.push(cpuNow() - c);
    wall.push(performance.now() - t);
  } while (wall.length < maxRuns && performance.now() - start < budgetMs);
  const w = stats(wall);
  const c = stats(cpu);
  return { min: w.min, median: w.median, cpuMin: c.min, cpuMedian: c.median, runs: wall.length };
}

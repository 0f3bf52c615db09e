/**
 * Resident memory of a process tree, read from Linux's /proc. The build is one Node process that
 * spawns `astro build` (another Node with its own heap) and esbuild; what the machine must hold
 * is the sum over all of them, which is why the bench samples the whole tree and not only the
 * pid it started.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { descendants, parseStatPpid, parseVmRssKb } from './scale.ts';

/** Whether this kernel lists a thread's children (CONFIG_PROC_CHILDREN); else /proc is scanned. */
const HAS_CHILDREN_FILE = existsSync(`/proc/${process.pid}/task/${process.pid}/children`);

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    // The process ended between listing and reading: it simply no longer counts.
    return undefined;
  }
}

/** The pids of `root` and all its descendants that are alive now. */
export function processTree(root: number): number[] {
  if (HAS_CHILDREN_FILE) {
    const out: number[] = [];
    const queue = [root];
    while (queue.length > 0) {
      const pid = queue.shift()!;
      if (out.includes(pid)) continue;
      out.push(pid);
      let tasks: string[];
      try {
        tasks = readdirSync(`/proc/${pid}/task`);
      } catch {
        continue;
      }
      // Each thread has its own children list: a child spawned from a worker thread is listed there.
      for (const tid of tasks) {
        const text = read(`/proc/${pid}/task/${tid}/children`);
        if (text) queue.push(...text.trim().split(/\s+/).filter(Boolean).map(Number));
      }
    }
    return out;
  }
  const parentOf = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const ppid = parseStatPpid(read(`/proc/${name}/stat`) ?? '');
    if (ppid !== undefined) parentOf.set(Number(name), ppid);
  }
  return descendants(root, parentOf);
}

/** Sum and largest VmRSS (kB) over the tree under `root`, and how many processes it has. */
export function treeRss(root: number): { treeKb: number; largestKb: number; processes: number } {
  let treeKb = 0;
  let largestKb = 0;
  let processes = 0;
  for (const pid of processTree(root)) {
    const kb = parseVmRssKb(read(`/proc/${pid}/status`) ?? '');
    if (kb === undefined) continue;
    treeKb += kb;
    largestKb = Math.max(largestKb, kb);
    processes++;
  }
  return { treeKb, largestKb, processes };
}

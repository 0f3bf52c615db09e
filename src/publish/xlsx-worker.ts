/**
 * Writes the release's workbooks on worker threads (src/publish/xlsx.ts): exceljs is pure
 * JavaScript and the slowest step of a large build, so it runs on the other cores while the main
 * thread loads the build database and writes Parquet and Arrow. The workbook files are shared out
 * between two workers by rows.
 */
import { availableParallelism } from 'node:os';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { TABLES, type TableDef, type TableName } from '../schema/index.ts';
import { planWorkbooks, shareWorkbooks, writeWorkbooks, type WorkbookFile } from './xlsx.ts';

interface WorkbookJob {
  dataDir: string;
  rowCounts: Record<TableName, number>;
  maxRows?: number;
  /** The files of the plan this worker writes. */
  files?: string[];
}

type WorkbookReply = { ok: true; files: WorkbookFile[] } | { ok: false; message: string };

/** Workers writing workbooks: more would only compete with the main thread on a small machine. */
const WORKERS = Math.max(1, Math.min(2, availableParallelism()));

/**
 * Starts writing all the workbooks on worker threads; resolves with every file written (in the
 * plan's order) and the time it took.
 */
export async function writeWorkbooksInWorkers(
  job: Omit<WorkbookJob, 'files'>,
): Promise<{ files: WorkbookFile[]; ms: number }> {
  const start = performance.now();
  const plan = planWorkbooks(
    (TABLES as readonly TableDef[]).map((def) => ({ def, rows: job.rowCounts[def.name as TableName] })),
    job.maxRows,
  );
  const running = shareWorkbooks(plan, WORKERS).map((files) => startWorker({ ...job, files }));
  try {
    const done = await Promise.all(running.map((r) => r.done));
    const written = new Set(done.flatMap((files) => files.map((f) => f.file)));
    return { files: plan.filter((f) => written.has(f.file)), ms: performance.now() - start };
  } catch (error) {
    // One failed: the others must not go on writing into a folder that is about to be removed.
    await Promise.all(running.map((r) => r.worker.terminate()));
    throw error;
  }
}

/** Writes workbooks on one worker thread; `done` resolves with the files written. */
function startWorker(job: WorkbookJob): { worker: Worker; done: Promise<WorkbookFile[]> } {
  const worker = new Worker(new URL(import.meta.url), { workerData: job });
  const done = new Promise<WorkbookFile[]>((resolve, reject) => {
    let replied = false;
    worker.once('message', (reply: WorkbookReply) => {
      replied = true;
      if (reply.ok) resolve(reply.files);
      else reject(new Error(`writing the workbooks failed: ${reply.message}`));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!replied) reject(new Error(`the workbook worker exited with ${code}`));
    });
  });
  return { worker, done };
}

async function runJob(job: WorkbookJob): Promise<WorkbookReply> {
  try {
    const options = {
      ...(job.maxRows === undefined ? {} : { maxRows: job.maxRows }),
      ...(job.files ? { files: job.files } : {}),
    };
    const files = await writeWorkbooks(job.dataDir, TABLES as readonly TableDef[], job.rowCounts, options);
    return { ok: true, files };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

if (parentPort !== null && (workerData as WorkbookJob | undefined)?.dataDir !== undefined) {
  const port = parentPort;
  void runJob(workerData as WorkbookJob).then((reply) => port.postMessage(reply));
}

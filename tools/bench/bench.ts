/**
 * npm run bench [-- --runs N] [--only replay,network,url,validation,property,package] [--sample-ms MS]
 *
 * Measures, on this machine and in one run, what the suite costs: a replay run against its vitest floor,
 * a URL run against the local double beside Dredd, the validator against Prism's proxy, and property
 * mode against raw undici. Every figure is the median of --runs runs (default 5) with min and max.
 * Prints the table and writes reports/bench.json. Everything it talks to listens on 127.0.0.1, except
 * npx fetching Dredd once.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fromRoot } from '../../src/project-root.js';
import { formatTable, type Row } from './table.js';
import { replayScenario } from './scenarios/replay.js';
import { urlScenario } from './scenarios/url.js';
import { validationScenario } from './scenarios/validation.js';
import { propertyScenario } from './scenarios/property.js';
import { networkScenario } from './scenarios/network.js';
import { packageScenario } from './scenarios/package.js';

const SECTIONS = ['replay', 'network', 'url', 'validation', 'property', 'package'] as const;
type Section = (typeof SECTIONS)[number];

function fail(message: string): never {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
}

let values: { runs?: string; only?: string; 'sample-ms'?: string; 'report-dir'?: string; help?: boolean };
try {
  ({ values } = parseArgs({
    options: {
      runs: { type: 'string' },
      only: { type: 'string' },
      'sample-ms': { type: 'string' },
      'report-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  }));
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
if (values.help) {
  process.stdout.write('npm run bench [-- --runs N] [--only replay,network,url,validation,property,package] [--sample-ms MS] [--report-dir DIR]\n');
  process.exit(0);
}
const runs = Number(values.runs ?? 5);
if (!Number.isInteger(runs) || runs < 1) fail(`--runs must be a positive integer, got ${values.runs}`);
const sampleMs = Number(values['sample-ms'] ?? 1500);
if (!Number.isFinite(sampleMs) || sampleMs < 100) fail(`--sample-ms must be at least 100, got ${values['sample-ms']}`);
const only = (values.only
  ?.split(',')
  .map((s) => s.trim())
  .filter(Boolean) ?? [...SECTIONS]) as Section[];
const unknown = only.filter((s) => !SECTIONS.includes(s));
if (unknown.length > 0) fail(`unknown section(s) ${unknown.join(', ')}; sections: ${SECTIONS.join(', ')}`);
const reportDir = path.resolve(values['report-dir'] ?? fromRoot('reports'));

const machine = {
  node: process.version,
  cpus: cpus().length,
  cpu: cpus()[0]?.model ?? 'unknown',
  loadAverageAtStart: loadavg().map((l) => Number(l.toFixed(2))),
};
process.stderr.write(
  `bench: ${runs} runs per figure on ${machine.cpus} × ${machine.cpu}, node ${machine.node}, load ${machine.loadAverageAtStart.join(' ')}\n`,
);
if (runs < 5) process.stderr.write('bench: fewer than 5 runs: figures are indicative only\n');

const rows: Row[] = [];
const started = Date.now();
for (const section of SECTIONS) {
  if (!only.includes(section)) continue;
  process.stderr.write(`bench: ${section}…\n`);
  const sectionStarted = Date.now();
  try {
    if (section === 'replay') rows.push(...(await replayScenario(runs)).rows);
    if (section === 'network') rows.push(...(await networkScenario(runs)).rows);
    if (section === 'url') rows.push(...(await urlScenario(runs)));
    if (section === 'validation') rows.push(...(await validationScenario(runs)));
    if (section === 'property') rows.push(...(await propertyScenario({ runs, sampleMs })));
    if (section === 'package') rows.push(...(await packageScenario(runs)));
  } catch (error) {
    rows.push({ section, subject: 'failed', text: error instanceof Error ? error.message.split('\n')[0]! : String(error) });
  }
  process.stderr.write(`bench: ${section} took ${((Date.now() - sectionStarted) / 1000).toFixed(1)} s\n`);
}

const table = formatTable(rows);
process.stdout.write(
  `${table}\n\n${runs} runs per figure (median, min, max); ${machine.cpus} CPUs, node ${machine.node}; load average ${machine.loadAverageAtStart.join(' ')} → ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}\n`,
);
mkdirSync(reportDir, { recursive: true });
const file = path.join(reportDir, 'bench.json');
writeFileSync(
  file,
  `${JSON.stringify(
    {
      startedAt: new Date(started).toISOString(),
      durationMs: Date.now() - started,
      runs,
      sampleMs,
      machine: { ...machine, loadAverageAtEnd: loadavg().map((l) => Number(l.toFixed(2))) },
      rows,
      table,
    },
    null,
    2,
  )}\n`,
);
process.stdout.write(`written: ${path.relative(process.cwd(), file) || file}\n`);
if (rows.some((r) => r.subject === 'failed')) process.exitCode = 1;

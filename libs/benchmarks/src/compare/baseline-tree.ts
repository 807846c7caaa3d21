import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readFileSync, symlinkSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { TreeDescription } from './comparison.types';

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

/** Where the baseline worktrees live: under .cache (git-ignored, and outside every tool's globs). */
export function baselineDir(root: string, sha: string): string {
  return join(root, '.cache', 'bench-baseline', sha);
}

/**
 * A detached worktree of `ref` under .cache/bench-baseline/<sha>, made on first use and reused
 * after. It must be exactly that commit: a worktree someone edited is refused rather than
 * measured as "before". Its dependencies are the root's node_modules, linked, when package.json
 * and package-lock.json are the same in both trees; otherwise it gets an `npm ci` of its own.
 */
export function prepareBaselineTree(root: string, ref: string, log: (line: string) => void): TreeDescription {
  let sha: string;
  try {
    sha = git(root, 'rev-parse', '--verify', '--end-of-options', `${ref}^{commit}`);
  } catch {
    throw new Error(`--compare-with ${ref}: not a commit in this repository (git rev-parse ${ref})`);
  }
  const dir = baselineDir(root, sha);
  if (existsSync(dir)) {
    const head = (() => {
      try {
        return git(dir, 'rev-parse', 'HEAD');
      } catch {
        return '';
      }
    })();
    if (head !== sha) throw new Error(`${dir} is not a worktree of ${sha} (HEAD ${head || 'unreadable'}); remove it (git worktree remove --force ${dir}) and run again`);
    const edits = git(dir, 'status', '--porcelain', '--untracked-files=no');
    if (edits) throw new Error(`the baseline worktree ${dir} has local edits, so it is not ${ref} any more:\n${edits}\nrevert them (git -C ${dir} checkout -- .) or remove the worktree`);
    log(`[compare] baseline ${ref} = ${sha.slice(0, 12)}: reusing ${dir}`);
  } else {
    mkdirSync(join(root, '.cache', 'bench-baseline'), { recursive: true });
    // A worktree directory deleted by hand is still registered; prune forgets it so add works.
    git(root, 'worktree', 'prune');
    git(root, 'worktree', 'add', '--detach', dir, sha);
    log(`[compare] baseline ${ref} = ${sha.slice(0, 12)}: new worktree ${dir}`);
  }
  provideDependencies(root, dir, sha, log);
  return { ref, sha, root: dir };
}

function provideDependencies(root: string, dir: string, sha: string, log: (line: string) => void): void {
  const modules = join(dir, 'node_modules');
  // lstat, not exists: a dangling link is still there and would make symlinkSync fail.
  const entry = (() => {
    try {
      return lstatSync(modules);
    } catch {
      return undefined;
    }
  })();
  const baselineLock = (() => {
    try {
      return git(root, 'show', `${sha}:package-lock.json`);
    } catch {
      return '';
    }
  })();
  const currentLock = existsSync(join(root, 'package-lock.json')) ? readFileSync(join(root, 'package-lock.json'), 'utf8') : '';
  if (sameDependencies(baselineLock, currentLock)) {
    if (!entry) symlinkSync(join(root, 'node_modules'), modules, 'dir');
    const how = !entry || entry.isSymbolicLink() ? 'the root node_modules, linked' : 'its own node_modules';
    log(`[compare] baseline dependencies: ${how} (package-lock.json installs the same packages in both trees)`);
    return;
  }
  if (entry && !entry.isSymbolicLink() && existsSync(join(modules, '.package-lock.json'))) {
    log('[compare] baseline dependencies: its own node_modules from an earlier npm ci (its package-lock.json installs other packages than the working tree\'s)');
    return;
  }
  log('[compare] the baseline\'s package-lock.json installs other packages than the working tree\'s: running npm ci in the baseline worktree');
  if (entry?.isSymbolicLink()) unlinkSync(modules);
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'inherit' });
}

interface Lockfile {
  readonly packages?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

/**
 * Whether two package-lock.json texts install the same node_modules: every package entry
 * equal, and the root's dependency lists equal. The root's own metadata (version, engines,
 * scripts' bin) installs nothing, so a change there keeps the linked node_modules valid.
 * Unreadable or missing lockfiles never count as the same.
 */
export function sameDependencies(baselineLock: string, currentLock: string): boolean {
  const parse = (text: string): Lockfile | undefined => {
    try {
      return JSON.parse(text) as Lockfile;
    } catch {
      return undefined;
    }
  };
  const a = parse(baselineLock)?.packages;
  const b = parse(currentLock)?.packages;
  if (!a || !b) return false;
  const installed = (packages: NonNullable<Lockfile['packages']>) => {
    const { '': rootEntry, ...rest } = packages;
    const lists = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'].map((k) => rootEntry?.[k] ?? null);
    return JSON.stringify([lists, Object.entries(rest).sort(([x], [y]) => x.localeCompare(y))]);
  };
  return installed(a) === installed(b);
}

/**
 * The working tree as it is measured: its HEAD, whether it has edits, and which projects differ
 * from the baseline (tracked changes and new files alike), so a reader can tell a runtime
 * change from a harness change, or see that the two trees hold the same code.
 */
export function describeCurrentTree(root: string, baselineSha: string): TreeDescription & { dirty: boolean; changedSinceBaseline: string[] } {
  const sha = git(root, 'rev-parse', 'HEAD');
  // A node_modules link (a worktree's dependencies) is untracked but no edit.
  const dirty = git(root, 'status', '--porcelain').split('\n').some((line) => line && line !== '?? node_modules');
  const changed = git(root, 'diff', '--name-only', baselineSha, '--').split('\n');
  const added = git(root, 'ls-files', '--others', '--exclude-standard').split('\n');
  return { ref: 'working tree', sha, root, dirty, changedSinceBaseline: changedAreas([...changed, ...added]) };
}

/** `libs/runtime (12 files)`, one per project (the first two path segments), in path order. */
export function changedAreas(paths: readonly string[]): string[] {
  const counts = new Map<string, number>();
  // A node_modules link (a worktree's dependencies) shows as an untracked file, but is no code.
  for (const path of paths.filter((p) => p && p !== 'node_modules')) {
    const parts = path.split('/');
    const area = parts.length > 2 && (parts[0] === 'libs' || parts[0] === 'apps') ? parts.slice(0, 2).join('/') : parts.length > 1 ? parts[0] : path;
    counts.set(area, (counts.get(area) ?? 0) + 1);
  }
  return [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([area, n]) => `${area} (${n} file${n === 1 ? '' : 's'})`);
}

import type { ApplicationDeclaration, ResourceName } from '@eventline/contracts';

// Kafka's own topic name rule (Topic.validate): these characters, at most 249 of them.
const TOPIC_NAME = /^[a-zA-Z0-9._-]{1,249}$/;
// `Type:name`, as Kafka's KafkaPrincipal parses it; the name may be a DN with spaces.
const PRINCIPAL = /^[A-Za-z]+:\S.*$/;
const WILDCARD = '*';

function resourceProblems(where: string, kind: 'topic' | 'group' | 'transactional id', resource: ResourceName): string[] {
  const { name, pattern } = resource;
  if (name === '') return [`${where}: empty ${kind} name`];
  if (name === WILDCARD) return pattern === 'LITERAL' ? [] : [`${where}: "*" is only a wildcard as a LITERAL ${kind} name`];
  if (kind === 'topic' && !TOPIC_NAME.test(name)) return [`${where}: "${name}" is not a legal topic name (letters, digits, '.', '_', '-'; at most 249)`];
  return [];
}

/** Every reason the declarations cannot become ACLs; empty when they can. */
export function planProblems(declarations: readonly ApplicationDeclaration[]): string[] {
  const problems: string[] = [];
  for (const d of declarations) {
    if (!PRINCIPAL.test(d.principal)) problems.push(`${d.application}: principal "${d.principal}" is not Type:name (e.g. User:${d.application})`);
    const topics = [...d.reads, ...d.writes, ...d.deadLetters, ...d.creates, ...d.describesConfigs];
    for (const t of topics) problems.push(...resourceProblems(d.application, 'topic', t));
    for (const g of d.groups) problems.push(...resourceProblems(d.application, 'group', g.group));
    for (const id of d.transactionalIds) problems.push(...resourceProblems(d.application, 'transactional id', id));
  }
  // A bad name used twice (read and dead-lettered, say) is one problem to fix.
  return [...new Set(problems)];
}

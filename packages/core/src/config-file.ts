import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, visit, type Document, type YAMLError } from 'yaml';
import type { z } from 'zod';
import {
  areaSchema, chatName, chatTargetSchema, deliveryEmailSchema, deliverySchema, focusSchema, groupConfigSchema,
  memberDelivery, memberSchema, serverSchema, smtpSchema, sourceSchema, type GroupConfig,
} from './config.ts';
import { describeValue, keyProblem, ownMessage, sizeProblem, type ValidationIssue } from './issues.ts';

export type ConfigResult =
  | { readonly ok: true; readonly config: GroupConfig }
  | { readonly ok: false; readonly issues: readonly ValidationIssue[] };

/** How far a config's aliases may expand (yaml's `maxAliasCount`): far more than a real config uses. */
const MAX_ALIAS_COUNT = 100;

/**
 * How deep a config's lists and mappings may nest: a real one nests six levels (delivery.chat[0]...).
 * yaml composes a document by recursion, and a few hundred levels (`[[[[...`) overflow the stack at a
 * depth that depends on how deep the caller already is: past this limit the answer is always the same.
 */
const MAX_DEPTH = 100;
const TOO_DEEP = `nested too deeply: more than ${MAX_DEPTH} levels of lists and mappings`;

/** Where the document first nests past MAX_DEPTH, or undefined. A loop, not recursion, for the reason above. */
function tooDeepOffset(doc: Document): number | undefined {
  const stack: [unknown, number][] = [[doc.contents, 0]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [node, depth] = next;
    if (!isMap(node) && !isSeq(node)) continue;
    if (depth >= MAX_DEPTH) return node.range?.[0];
    for (const item of node.items) {
      if (isPair(item)) stack.push([item.key, depth + 1], [item.value, depth + 1]);
      else stack.push([item, depth + 1]);
    }
  }
  return undefined;
}

/** Where the document's first alias (`*name`) is, for an alias bomb's message. */
function firstAliasOffset(doc: Document): number | undefined {
  let offset: number | undefined;
  visit(doc, {
    Alias(_key, node) {
      offset = node.range?.[0];
      return visit.BREAK;
    },
  });
  return offset;
}

/**
 * Parses and validates the text of `digest.config.yaml`. Never throws for bad input: every problem
 * comes back as an issue naming the file, line, column and field, what was expected and what was seen.
 */
export function parseGroupConfig(text: string, file = 'digest.config.yaml'): ConfigResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number | undefined) => {
    if (offset === undefined) return {};
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };

  // yaml reports a stack overflow it caught as RESOURCE_EXHAUSTION, in the engine's words, where the
  // stack ran out; what it composed until then says where the nesting first went too deep.
  const deep = tooDeepOffset(doc);
  if (deep !== undefined || doc.errors.some((e) => e.code === 'RESOURCE_EXHAUSTION')) {
    const overflow = doc.errors.find((e) => e.code === 'RESOURCE_EXHAUSTION');
    return { ok: false, issues: [{ code: 'yaml_too_deep', path: [], file, message: TOO_DEEP, ...at(deep ?? overflow?.pos[0]) }] };
  }
  if (doc.errors.length > 0) {
    // The first error only: the parser's later ones mostly follow from it (a tab makes three).
    const [first] = doc.errors as [YAMLError, ...YAMLError[]];
    const more = doc.errors.length - 1;
    return {
      ok: false,
      issues: [{
        code: `yaml_${first.code.toLowerCase()}`, path: [], file, ...at(first.pos[0]),
        message: `not valid YAML: ${(first.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')}${YAML_HINTS[first.code] ?? ''}`
          + (more > 0 ? ` (the parser reports ${more} more after it, which usually follow from this one: fix it and run again)` : ''),
      }],
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // yaml throws a ReferenceError once the aliases would expand past maxAliasCount (billion laughs).
    return {
      ok: false,
      issues: [{
        code: 'yaml_aliases', path: [], file, ...at(firstAliasOffset(doc)),
        message: error instanceof ReferenceError
          ? `not valid YAML: its aliases (*name) expand past ${MAX_ALIAS_COUNT} nodes, as an alias bomb does: write the values out instead`
          : `not valid YAML: ${(error as Error).message.split('\n')[0]}`,
      }],
    };
  }
  if (data === null || data === undefined) {
    return { ok: false, issues: [{ code: 'empty', path: [], file, message: 'the config is empty: expected group, areas and members', line: 1, column: 1 }] };
  }

  const parsed = groupConfigSchema.safeParse(data);
  const issues: ValidationIssue[] = parsed.success
    ? crossCheck(parsed.data)
    : parsed.error.issues.flatMap((issue) => describeZodIssue(issue, doc));
  if (issues.length > 0 || !parsed.success) {
    return { ok: false, issues: issues.map((i) => ({ ...i, file, ...at(offsetOf(doc, i)) })) };
  }
  return { ok: true, config: parsed.data };
}

/** What to do about the YAML mistakes a config's author makes most. */
const YAML_HINTS: Partial<Record<string, string>> = {
  BLOCK_AS_IMPLICIT_KEY: '; a keyword with a colon in it is quoted: - "Cahn-Hilliard: phase field": 2',
  TAB_AS_INDENT: '; indent with spaces',
};

/** Rules the schema cannot express: unique ids and names, members following areas that exist. */
function crossCheck(config: GroupConfig): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const areaIds = config.areas.map((a) => a.id);
  config.areas.forEach((area, i) => {
    if (areaIds.indexOf(area.id) !== i) {
      issues.push({ code: 'duplicate', path: ['areas', i, 'id'], message: `area id "${area.id}" is used twice: ids must be unique` });
    }
  });
  const names = config.members.map((m) => m.name.toLowerCase());
  config.members.forEach((member, i) => {
    if (names.indexOf(member.name.toLowerCase()) !== i) {
      issues.push({ code: 'duplicate', path: ['members', i, 'name'], message: `member "${member.name}" is listed twice` });
    }
    member.areas.forEach((areaId, j) => {
      if (!areaIds.includes(areaId)) {
        issues.push({
          code: 'unknown_area', path: ['members', i, 'areas', j],
          message: `no area has id "${areaId}"${suggest(areaId, areaIds)}; expected one of ${areaIds.join(', ')}`,
        });
      }
    });
    if (member.interests.length === 0 && member.authors.length === 0 && member.areas.length === 0) {
      issues.push({ code: 'empty_member', path: ['members', i], message: `member "${member.name}" has no interests, areas or authors: nothing could concern them` });
    }
  });
  issues.push(...formerNames(config), ...repeatedKeywords(config), ...deliveryCrossCheck(config));
  const sourceNames = config.sources.map((s) => s.name);
  config.sources.forEach((s, i) => {
    if (sourceNames.indexOf(s.name) !== i) {
      issues.push({ code: 'duplicate', path: ['sources', i, 'name'], message: `source name "${s.name}" is used twice` });
    }
  });
  return issues;
}

/**
 * An area's former ids and a member's former names (`formerly`) are names no one has now, and each
 * is claimed once: the signals given under one must teach one profile.
 */
function formerNames(config: GroupConfig): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const check = (kind: 'area' | 'member', list: readonly { formerly: readonly string[] }[], current: readonly string[], fold: (s: string) => string) => {
    const claimed = new Map<string, number>();
    list.forEach((item, i) => item.formerly.forEach((former, j) => {
      const path = [`${kind}s`, i, 'formerly', j];
      const owner = current.findIndex((name) => fold(name) === fold(former));
      if (owner >= 0) {
        issues.push({ code: 'former_in_use', path, message: `"${former}" is ${owner === i ? `this ${kind}'s own` : `another ${kind}'s`} ${kind === 'area' ? 'id' : 'name'} now, not a former one` });
      } else if (claimed.has(fold(former))) {
        issues.push({ code: 'duplicate', path, message: `"${former}" is the former ${kind === 'area' ? 'id' : 'name'} of two ${kind}s (also ${kind}s[${claimed.get(fold(former))}]): the signals given under it can teach one` });
      } else claimed.set(fold(former), i);
    }));
  };
  check('area', config.areas, config.areas.map((a) => a.id), (s) => s);
  check('member', config.members, config.members.map((m) => m.name), (s) => s.toLowerCase());
  return issues;
}

/** A keyword written twice in one list: the larger weight would win unseen, so an edit that lowers it would change nothing. */
function repeatedKeywords(config: GroupConfig): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const check = (list: readonly { term: string }[], path: readonly (string | number)[]) => {
    const seen = new Map<string, number>();
    list.forEach((k, i) => {
      const key = k.term.trim().toLowerCase();
      const first = seen.get(key);
      if (first === undefined) { seen.set(key, i); return; }
      issues.push({ code: 'duplicate', path: [...path, i], message: `keyword "${k.term}" is written twice in this list (also ${path.at(-1)}[${first}]): keep one, with the weight you mean` });
    });
  };
  config.areas.forEach((a, i) => check(a.keywords, ['areas', i, 'keywords']));
  config.members.forEach((m, i) => check(m.interests, ['members', i, 'interests']));
  return issues;
}

/** Delivery rules: a member to e-mail needs an address, one address per member, chat names unique. */
function deliveryCrossCheck(config: GroupConfig): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const emails = config.members.map((m) => m.email?.toLowerCase());
  config.members.forEach((member, i) => {
    if (member.delivery && member.delivery !== 'off' && !member.email) {
      issues.push({
        code: 'missing_email', path: ['members', i, 'delivery'],
        message: `member "${member.name}" gets a ${member.delivery} e-mail but has no email: add one, or set delivery: off`,
      });
    }
    if (member.email && memberDelivery(member) !== 'off' && emails.indexOf(member.email.toLowerCase()) !== i) {
      issues.push({ code: 'duplicate', path: ['members', i, 'email'], message: `e-mail address "${member.email}" is given to two members` });
    }
  });
  const chats = config.delivery?.chat ?? [];
  const names = chats.map(chatName);
  chats.forEach((chat, i) => {
    if (names.indexOf(chatName(chat)) !== i) {
      issues.push({
        code: 'duplicate', path: ['delivery', 'chat', i, chat.name ? 'name' : 'type'],
        message: `two chats are called "${chatName(chat)}": give each a distinct name`,
      });
    }
  });
  return issues;
}

/** Why a field people reach for is not there: secrets come from the environment. */
const SECRET_FIELDS: Readonly<Record<string, string>> = {
  password: 'the SMTP password comes from the environment variable LABDIGEST_SMTP_PASSWORD, never from this file',
  pass: 'the SMTP password comes from the environment variable LABDIGEST_SMTP_PASSWORD, never from this file',
  url: 'a webhook URL is a secret: put it in an environment variable and name that variable in webhookEnv',
  webhook: 'a webhook URL is a secret: put it in an environment variable and name that variable in webhookEnv',
  webhookUrl: 'a webhook URL is a secret: put it in an environment variable and name that variable in webhookEnv',
};

function deliveryKeys(path: readonly PropertyKey[]): string[] | undefined {
  if (path[0] !== 'delivery') return undefined;
  const keysOf = (schema: { shape: object }) => Object.keys(schema.shape);
  if (path.length === 1) return keysOf(deliverySchema);
  if (path.length === 2 && path[1] === 'email') return keysOf(deliveryEmailSchema);
  if (path.length === 3 && path[1] === 'email' && path[2] === 'smtp') return keysOf(smtpSchema);
  if (path.length === 3 && path[1] === 'chat') return keysOf(chatTargetSchema);
  return [];
}

function knownKeys(path: readonly PropertyKey[]): string[] {
  const delivery = deliveryKeys(path);
  if (delivery) return delivery;
  const [head, , ...rest] = path;
  const keysOf = (schema: { shape: object }) => Object.keys(schema.shape);
  if (path.length === 0) return keysOf(groupConfigSchema);
  if (path.length === 1 && head === 'group') return ['name', 'description', 'email'];
  if (path.length === 1 && head === 'ranking') return ['titleWeight', 'memberThreshold', 'picks'];
  if ((path.length === 1 && head === 'focus') || (path.length === 3 && head === 'areas' && path[2] === 'focus')) return keysOf(focusSchema);
  if (path.length === 1 && head === 'server') return Object.keys(serverSchema.shape);
  if (path.length === 2 && head === 'server' && path[1] === 'rateLimit') return ['perMinute', 'burst'];
  if (rest.length === 0 && head === 'areas') return keysOf(areaSchema);
  if (rest.length === 0 && head === 'members') return keysOf(memberSchema);
  if (rest.length === 0 && head === 'sources') {
    return [...new Set(sourceSchema.options.flatMap((o) => Object.keys(o.shape)))];
  }
  return [];
}

function describeZodIssue(issue: z.core.$ZodIssue, doc: Document): ValidationIssue[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const value: unknown = doc.getIn(path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = knownKeys(path);
      return issue.keys.map((key) => {
        const secret = path[0] === 'delivery' ? SECRET_FIELDS[key] : undefined;
        return {
          code: 'unknown_field', path: [...path, key],
          message: secret ? `unknown field "${key}": ${secret}`
            : `unknown field "${key}"${suggest(key, known)}${known.length ? `; expected one of ${known.join(', ')}` : ''}`,
        };
      });
    }
    case 'invalid_type': {
      if (value === undefined) {
        return [{ code: 'missing', path, message: `missing required field: expected ${article(issue.expected)}` }];
      }
      // A schema's own message ("expected a focus: ...") says more than the type it wanted.
      const expected = issue.message.startsWith('Invalid input') ? `expected ${article(issue.expected)}` : issue.message;
      return [{ code: 'invalid_type', path, message: `${expected}, saw ${describeValue(isSeq(value) ? [] : isMap(value) ? {} : value)}` }];
    }
    case 'invalid_union': {
      // A union's branch that failed only inside the value matched its shape: its issue says what is
      // wrong ("phase field: three" is a `term: weight` pair whose weight is not a number), where the
      // union's own message would only list the shapes. So did a branch of the value's own type that
      // failed a check (an empty string where a keyword string goes).
      const inside = issue.errors.find((branch) => branch.length > 0 && branch.every((i) => i.path.length > 0))
        ?? issue.errors.find((branch) => branch.length > 0 && branch.every((i) => i.code !== 'invalid_type' && i.code !== 'unrecognized_keys'));
      if (inside) return inside.flatMap((i) => describeZodIssue({ ...i, path: [...issue.path, ...i.path] }, doc));
      return describeZodIssue({ ...issue, code: 'custom' } as z.core.$ZodIssue, doc);
    }
    case 'too_small':
    case 'too_big': {
      // A schema's own message about a list ("an area needs at least one keyword") needs no "saw a list".
      const collection = isSeq(value) || isMap(value);
      if (collection && ownMessage(issue)) return [{ code: issue.code, path, message: issue.message }];
      return [{ code: issue.code, path, message: sizeProblem(issue, collection ? value.toJSON() : value) }];
    }
    case 'invalid_key':
      // The path ends at the key itself (`keywords[0][""]`); the value under it may be fine.
      return [{ code: issue.code, path, message: keyProblem(issue, path.at(-1)) }];
    default: {
      // A URL where the name of the variable that holds it goes (`webhookEnv: https://hooks…`) is the
      // secret itself: said, not echoed to the terminal and the logs (found by an audit).
      const secret = typeof value === 'string' && /Env$/.test(String(path.at(-1))) && /^[a-z][a-z0-9+.-]*:/i.test(value.trim());
      const saw = value === undefined || typeof value === 'object' ? '' : secret ? ', saw a URL (not shown here: it holds the secret)' : `, saw ${describeValue(value)}`;
      return [{ code: issue.code, path, message: `${issue.message}${saw}` }];
    }
  }
}

function article(expected: string): string {
  const words: Record<string, string> = {
    string: 'a string', number: 'a number', int: 'a whole number', boolean: 'true or false', array: 'a list', object: 'a mapping',
    record: 'a mapping',
  };
  return words[expected] ?? expected;
}

/** Offset of the issue's node, or of its nearest existing parent (a missing field points at its parent). */
function offsetOf(doc: Document, issue: ValidationIssue): number | undefined {
  const path = [...issue.path];
  const last = path.at(-1);
  if (issue.code === 'unknown_field' && typeof last === 'string') {
    const parent = doc.getIn(path.slice(0, -1), true);
    if (isMap(parent)) {
      const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === last);
      if (pair && isScalar(pair.key) && pair.key.range) return pair.key.range[0];
    }
  }
  for (let n = path.length; n >= 0; n--) {
    const node: unknown = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    if (node && typeof node === 'object' && 'range' in node && Array.isArray(node.range)) {
      return node.range[0] as number;
    }
  }
  return undefined;
}

/** `(did you mean "threshold"?)` when a known word is a small typo away. */
export function suggest(word: string, candidates: readonly string[]): string {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  const typed = word.toLowerCase();
  // A word of an id or name added or left out ("polymer-electrolytes" for "solid-polymer-electrolytes",
  // "mlip" for "mlip-interfaces", "Naibing" for "Naibing Wu") is one step, nearer than any other id,
  // when one candidate alone is so near ("electrolytes" ends two).
  const byWords = typed.length >= 3 ? candidates.filter((c) => isWordsOf(typed, c.toLowerCase()) || isWordsOf(c.toLowerCase(), typed)) : [];
  for (const c of candidates) {
    const candidate = c.toLowerCase();
    // A typo in the start of a long id ("phase-feild" for "phase-field-sei") counts as well as a
    // typo in the whole, but never before one in the whole: a prefix's distance is one more.
    const prefix = typed.length >= 6 && candidate.length > typed.length ? editDistance(typed, candidate.slice(0, typed.length)) + 1 : Infinity;
    const words = byWords.length === 1 && byWords[0] === c ? 1 : Infinity;
    const d = Math.min(editDistance(typed, candidate), prefix, words);
    if (d < bestDistance) { best = c; bestDistance = d; }
  }
  return best === undefined ? '' : ` (did you mean "${best}"?)`;
}

/** Whether `part` is whole words of `whole`, at its start or its end (words: between dashes or spaces). */
function isWordsOf(part: string, whole: string): boolean {
  if (part.length >= whole.length) return false;
  const before = whole.charAt(whole.length - part.length - 1);
  const after = whole.charAt(part.length);
  return (whole.endsWith(part) && (before === '-' || before === ' ')) || (whole.startsWith(part) && (after === '-' || after === ' '));
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}

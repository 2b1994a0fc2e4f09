import jsep from 'jsep';

/**
 * Validation rules over indicator values, such as `TASK_GRASSROOTS <= TASK_TOTAL` or
 * `BUDGET_TOTAL == BUDGET_STATE + BUDGET_NONSTATE`. An expression is parsed by jsep into a tree
 * and then checked against a small grammar (never evaluated as code):
 *
 * - references: an indicator code (`TASK_TOTAL`) or one of its disaggregation options
 *   (`TASK.PROVINCE`), in capitals, digits and underscores;
 * - numbers (`1000`, `0.5`), `+ - * /`, unary `-`, parentheses;
 * - comparisons `< <= > >= == !=` and `&&`, `||`, `!` between them;
 * - functions `abs(x)`, `min(a, b, …)`, `max(a, b, …)`, `round(x)`.
 *
 * Equality allows for rounding (a relative difference of 10⁻⁹), so that shares typed as
 * decimals still add up.
 */

export type RuleNode =
  | { kind: 'number'; value: number }
  | { kind: 'ref'; code: string; option: string | null }
  | { kind: 'unary'; op: '-' | '!'; arg: RuleNode }
  | { kind: 'binary'; op: BinaryOp; left: RuleNode; right: RuleNode }
  | { kind: 'call'; fn: RuleFunction; args: RuleNode[] };

const ARITHMETIC = ['+', '-', '*', '/'] as const;
const COMPARISON = ['<', '<=', '>', '>=', '==', '!='] as const;
const LOGICAL = ['&&', '||'] as const;
type BinaryOp =
  (typeof ARITHMETIC)[number] | (typeof COMPARISON)[number] | (typeof LOGICAL)[number];

const FUNCTIONS = { abs: [1, 1], round: [1, 1], min: [1, Infinity], max: [1, Infinity] } as const;
type RuleFunction = keyof typeof FUNCTIONS;

const CODE = /^[A-Z][A-Z0-9_]*$/;

/** A reference as written: `CODE` or `CODE.OPTION`. */
export function refKey(ref: { code: string; option: string | null }): string {
  return ref.option ? `${ref.code}.${ref.option}` : ref.code;
}

export class RuleSyntaxError extends Error {
  constructor(
    message: string,
    /** Position in the expression (0-based), when known. */
    readonly index: number | null,
  ) {
    super(message);
    this.name = 'RuleSyntaxError';
  }
}

type Jsep = ReturnType<typeof jsep>;

function convert(node: Jsep): RuleNode {
  switch (node.type) {
    case 'Literal': {
      if (typeof node.value !== 'number') {
        throw new RuleSyntaxError(`Chỉ dùng được số, không dùng được "${node.raw}".`, null);
      }
      return { kind: 'number', value: node.value };
    }
    case 'Identifier': {
      const name = node.name as string;
      if (!CODE.test(name)) {
        throw new RuleSyntaxError(
          `"${name}" không phải mã chỉ tiêu (chữ in hoa, chữ số và dấu gạch dưới).`,
          null,
        );
      }
      return { kind: 'ref', code: name, option: null };
    }
    case 'MemberExpression': {
      const object = node.object as Jsep;
      const property = node.property as Jsep;
      if (
        node.computed ||
        object.type !== 'Identifier' ||
        property.type !== 'Identifier' ||
        !CODE.test(object.name as string) ||
        !CODE.test(property.name as string)
      ) {
        throw new RuleSyntaxError(
          'Phân tổ viết dạng MÃ_CHỈ_TIÊU.MÃ_PHÂN_TỔ, ví dụ TASK.PROVINCE.',
          null,
        );
      }
      return { kind: 'ref', code: object.name as string, option: property.name as string };
    }
    case 'UnaryExpression': {
      const op = node.operator as string;
      if (op !== '-' && op !== '!' && op !== '+') {
        throw new RuleSyntaxError(`Không dùng được phép toán "${op}".`, null);
      }
      const arg = convert(node.argument as Jsep);
      return op === '+' ? arg : { kind: 'unary', op, arg };
    }
    case 'BinaryExpression':
    case 'LogicalExpression': {
      const op = node.operator as string;
      if (![...ARITHMETIC, ...COMPARISON, ...LOGICAL].includes(op as BinaryOp)) {
        throw new RuleSyntaxError(
          `Không dùng được phép toán "${op}" (dùng + - * /, < <= > >= == != và && || !).`,
          null,
        );
      }
      return {
        kind: 'binary',
        op: op as BinaryOp,
        left: convert(node.left as Jsep),
        right: convert(node.right as Jsep),
      };
    }
    case 'CallExpression': {
      const callee = node.callee as Jsep;
      const name = callee.type === 'Identifier' ? (callee.name as string) : '';
      if (!(name in FUNCTIONS)) {
        throw new RuleSyntaxError(
          `Không có hàm "${name || '?'}" (dùng abs, min, max, round).`,
          null,
        );
      }
      const fn = name as RuleFunction;
      const args = (node.arguments as Jsep[]).map(convert);
      const [least, most] = FUNCTIONS[fn];
      if (args.length < least || args.length > most) {
        throw new RuleSyntaxError(
          `Hàm ${fn} nhận ${least === most ? least : `từ ${least}`} đối số.`,
          null,
        );
      }
      return { kind: 'call', fn, args };
    }
    case 'Compound':
      throw new RuleSyntaxError('Mỗi quy tắc là một biểu thức duy nhất.', null);
    default:
      throw new RuleSyntaxError(`Không dùng được cấu trúc "${node.type}" trong quy tắc.`, null);
  }
}

/** Whether a node gives true/false (a comparison or a logical combination). */
function isCondition(node: RuleNode): boolean {
  if (node.kind === 'unary') return node.op === '!';
  if (node.kind !== 'binary') return false;
  return (
    (COMPARISON as readonly string[]).includes(node.op) ||
    (LOGICAL as readonly string[]).includes(node.op)
  );
}

/** Checks that conditions and numbers are used where each belongs. */
function checkTypes(node: RuleNode, wantCondition: boolean): void {
  if (isCondition(node) !== wantCondition) {
    throw new RuleSyntaxError(
      wantCondition
        ? 'Quy tắc phải là một phép so sánh, ví dụ TASK_GRASSROOTS <= TASK_TOTAL.'
        : 'Không dùng phép so sánh ở chỗ cần một con số.',
      null,
    );
  }
  switch (node.kind) {
    case 'unary':
      return checkTypes(node.arg, node.op === '!');
    case 'binary': {
      const logical = (LOGICAL as readonly string[]).includes(node.op);
      checkTypes(node.left, logical);
      checkTypes(node.right, logical);
      return;
    }
    case 'call':
      node.args.forEach((a) => checkTypes(a, false));
      return;
    default:
      return;
  }
}

export interface ParsedRule {
  expression: string;
  root: RuleNode;
  /** The references, each once, in order of appearance (`CODE` or `CODE.OPTION`). */
  references: string[];
}

/** Parses a rule; a malformed one throws a RuleSyntaxError with a Vietnamese message. */
export function parseRule(expression: string): ParsedRule {
  const text = expression.trim();
  if (text === '') throw new RuleSyntaxError('Biểu thức quy tắc đang để trống.', 0);
  let tree: Jsep;
  try {
    tree = jsep(text);
  } catch (e) {
    const err = e as { index?: number; description?: string; message?: string };
    const at = typeof err.index === 'number' ? err.index : null;
    throw new RuleSyntaxError(
      `Biểu thức không hợp lệ${at === null ? '' : ` tại ký tự thứ ${at + 1}`}: ${err.description ?? err.message ?? ''}`.trim(),
      at,
    );
  }
  const root = convert(tree);
  checkTypes(root, true);
  const references: string[] = [];
  const walk = (n: RuleNode): void => {
    if (n.kind === 'ref') {
      const key = refKey(n);
      if (!references.includes(key)) references.push(key);
    } else if (n.kind === 'unary') walk(n.arg);
    else if (n.kind === 'binary') {
      walk(n.left);
      walk(n.right);
    } else if (n.kind === 'call') n.args.forEach(walk);
  };
  walk(root);
  return { expression: text, root, references };
}

/** What to do when a referenced value is missing (blank, not zero). */
export type MissingValues = 'skip' | 'zero';

export type RuleOutcome =
  | { status: 'passed' }
  | { status: 'failed'; left: number | null; right: number | null }
  /** Not checked: a value it needs is missing (with `skip`), or a division by zero. */
  | { status: 'skipped'; missing: string[] };

const EPSILON = 1e-9;
const close = (a: number, b: number) =>
  Math.abs(a - b) <= EPSILON * Math.max(1, Math.abs(a), Math.abs(b));

class Skip extends Error {}

/**
 * Evaluates a rule on the given values (`lookup(ref)` gives the number for `CODE` or
 * `CODE.OPTION`, or null when blank). A failed comparison reports its two sides, for messages
 * such as "TASK_GRASSROOTS (30) <= TASK_TOTAL (28)".
 */
export function evaluateRule(
  rule: ParsedRule,
  lookup: (ref: string) => number | null,
  missing: MissingValues = 'skip',
): RuleOutcome {
  const absent = rule.references.filter((r) => lookup(r) === null);
  if (absent.length > 0 && missing === 'skip') return { status: 'skipped', missing: absent };
  const num = (n: RuleNode): number => {
    switch (n.kind) {
      case 'number':
        return n.value;
      case 'ref':
        return lookup(refKey(n)) ?? 0;
      case 'unary':
        return -num(n.arg);
      case 'call': {
        const xs = n.args.map(num);
        if (n.fn === 'abs') return Math.abs(xs[0]!);
        if (n.fn === 'round') return Math.round(xs[0]!);
        return n.fn === 'min' ? Math.min(...xs) : Math.max(...xs);
      }
      case 'binary': {
        const a = num(n.left);
        const b = num(n.right);
        if (n.op === '+') return a + b;
        if (n.op === '-') return a - b;
        if (n.op === '*') return a * b;
        if (b === 0) throw new Skip();
        return a / b;
      }
    }
  };
  const cond = (n: RuleNode): boolean => {
    if (n.kind === 'unary') return !cond(n.arg);
    if (n.kind !== 'binary') return false;
    if (n.op === '&&') return cond(n.left) && cond(n.right);
    if (n.op === '||') return cond(n.left) || cond(n.right);
    const a = num(n.left);
    const b = num(n.right);
    switch (n.op) {
      case '<':
        return a < b && !close(a, b);
      case '<=':
        return a < b || close(a, b);
      case '>':
        return a > b && !close(a, b);
      case '>=':
        return a > b || close(a, b);
      case '==':
        return close(a, b);
      default:
        return !close(a, b);
    }
  };
  try {
    if (cond(rule.root)) return { status: 'passed' };
  } catch (e) {
    if (e instanceof Skip) return { status: 'skipped', missing: [] };
    throw e;
  }
  const root = rule.root;
  const sides =
    root.kind === 'binary' && (COMPARISON as readonly string[]).includes(root.op)
      ? { left: safe(() => num(root.left)), right: safe(() => num(root.right)) }
      : { left: null, right: null };
  return { status: 'failed', ...sides };
}

function safe(f: () => number): number | null {
  try {
    return f();
  } catch {
    return null;
  }
}

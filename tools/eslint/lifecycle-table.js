/**
 * ESLint rule `sigap/lifecycle-table`: lifecycle decisions come from shared/domain/lifecycle.ts
 * and hub answers are parsed, never cast (DESIGN §2, §5).
 *
 * It reports, outside shared/domain:
 * - a status compared with a status literal: `===`, `!==`, `==`, `!=` where one side is a
 *   string literal naming a case or dispatch status (STATUS_LITERALS) and the other side is
 *   a status expression — an identifier or property whose name ends in `status`/`Status`,
 *   or a `.to` property (a transition's target);
 * - a `case 'resolved':` in a `switch` on a status expression;
 * - `['resolved', 'closed'].includes(status)`: an array literal holding a status literal,
 *   asked whether it includes a status expression;
 * - an `as` cast (or `<T>` assertion) to a hub ack type (ACK_TYPES, or any type named
 *   `…Ack`), including `z.infer<typeof SeqAck>`: acks are parsed with their schemas in
 *   shared/hub/acks.ts.
 * Literals that are not statuses (`'rejected'`, `'online'`) and names that are not status
 * expressions (`kind`, `form`) are not reported.
 */

/** Every value of CaseStatus, DispatchStatus and DeskDispatchStatus (a test keeps this true). */
export const STATUS_LITERALS = new Set([
  'new',
  'dispatch_pending',
  'dispatched',
  'accepted',
  'in_progress',
  'resolved',
  'closed',
  'returned',
  'cancelled',
  'queued',
  'seen',
  'withdrawn',
  'waiting',
  'at_hub',
  'refused',
]);

/** The ack types of shared/hub (acks.ts, protocol.ts, messages.ts). */
export const ACK_TYPES = new Set([
  'AckError',
  'SeqAck',
  'DispatchAck',
  'SyncAck',
  'InboxAck',
  'HelloAnswer',
  'HelloAck',
  'OutboxAck',
  'HubAck',
]);

const isAckName = (name) => ACK_TYPES.has(name) || /Ack$/.test(name);

function unwrap(node) {
  let n = node;
  while (n && ['ChainExpression', 'TSNonNullExpression', 'TSAsExpression'].includes(n.type)) {
    n = n.expression;
  }
  return n;
}

const STATUS_NAME = /[sS]tatus$/;

/** `status`, `caseStatus`, `d.status`, `row?.status`, `t.to`. */
function isStatusExpression(node) {
  const n = unwrap(node);
  if (!n) return false;
  if (n.type === 'Identifier') return STATUS_NAME.test(n.name);
  if (n.type === 'MemberExpression' && !n.computed && n.property.type === 'Identifier') {
    return STATUS_NAME.test(n.property.name) || n.property.name === 'to';
  }
  return false;
}

function statusLiteral(node) {
  if (!node) return undefined;
  if (node.type === 'Literal' && typeof node.value === 'string') {
    return STATUS_LITERALS.has(node.value) ? node.value : undefined;
  }
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) {
    const text = node.quasis[0].value.cooked;
    return STATUS_LITERALS.has(text) ? text : undefined;
  }
  return undefined;
}

/** The ack type a type annotation names, searched through generics and `typeof`. */
function ackTypeIn(type) {
  if (!type || typeof type !== 'object') return undefined;
  if (type.type === 'TSTypeReference') {
    const name =
      type.typeName.type === 'Identifier' ? type.typeName.name : type.typeName.right?.name;
    if (name && isAckName(name)) return name;
  }
  if (type.type === 'TSTypeQuery') {
    const e = type.exprName;
    const name = e.type === 'Identifier' ? e.name : e.right?.name;
    if (name && isAckName(name)) return name;
  }
  for (const key of ['typeArguments', 'typeParameters', 'elementType']) {
    const child = type[key];
    if (child?.params) {
      for (const p of child.params) {
        const found = ackTypeIn(p);
        if (found) return found;
      }
    } else if (child) {
      const found = ackTypeIn(child);
      if (found) return found;
    }
  }
  for (const key of ['types']) {
    for (const t of type[key] ?? []) {
      const found = ackTypeIn(t);
      if (found) return found;
    }
  }
  return undefined;
}

const COMPARISONS = new Set(['===', '!==', '==', '!=']);

export default {
  meta: {
    type: 'problem',
    docs: {
      description:
        'Status decisions come from the lifecycle table in shared/domain; hub acks are parsed, not cast.',
    },
    schema: [],
    messages: {
      compare:
        "Status compared with '{{status}}': ask shared/domain/lifecycle.ts (isCaseOpen, isDispatchOpen, …) instead.",
      includes:
        "Status list with '{{status}}': ask shared/domain/lifecycle.ts (a flag of the lifecycle table) instead.",
      ack: 'A hub ack is never cast to {{type}}: parse it with its schema in shared/hub/acks.ts.',
    },
  },
  create(context) {
    const cast = (node) => {
      const type = ackTypeIn(node.typeAnnotation);
      if (type) context.report({ node, messageId: 'ack', data: { type } });
    };
    return {
      BinaryExpression(node) {
        if (!COMPARISONS.has(node.operator)) return;
        const status =
          (isStatusExpression(node.left) && statusLiteral(node.right)) ||
          (isStatusExpression(node.right) && statusLiteral(node.left));
        if (status) context.report({ node, messageId: 'compare', data: { status } });
      },
      SwitchStatement(node) {
        if (!isStatusExpression(node.discriminant)) return;
        for (const c of node.cases) {
          const status = statusLiteral(c.test);
          if (status) context.report({ node: c, messageId: 'compare', data: { status } });
        }
      },
      CallExpression(node) {
        const callee = unwrap(node.callee);
        if (
          callee?.type !== 'MemberExpression' ||
          callee.computed ||
          callee.property.name !== 'includes' ||
          callee.object.type !== 'ArrayExpression' ||
          !isStatusExpression(node.arguments[0])
        ) {
          return;
        }
        const status = callee.object.elements.map(statusLiteral).find(Boolean);
        if (status) context.report({ node, messageId: 'includes', data: { status } });
      },
      TSAsExpression: cast,
      TSTypeAssertion: cast,
    };
  },
};

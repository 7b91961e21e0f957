/**
 * Hub protocol v1: the parts both ends need to agree on. Later message types join this
 * file as they are built; every message is validated with these schemas on both ends.
 */
import { z } from 'zod';

export const PROTOCOL_VERSION = 1;
/**
 * The oldest desk protocol this hub still serves. A desk below it is told to update
 * (`protocol.desk_outdated`) and nothing it sends is applied.
 */
export const MIN_DESK_PROTOCOL = 1;

export const Namespace = z.enum(['/desk', '/opd', '/supervisor']);
export type Namespace = z.infer<typeof Namespace>;

/** Token kind → the namespace it may connect to. */
export const namespaceOfKind = {
  desk: '/desk',
  opd: '/opd',
  supervisor: '/supervisor',
} as const satisfies Record<string, Namespace>;

export const Identifier = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'lowercase letters, digits, ".", "_" or "-"');

export const TokenEntry = z
  .object({
    token: z.string().min(16, 'tokens must be at least 16 characters').max(256),
    kind: z.enum(['desk', 'opd', 'supervisor']),
    id: Identifier,
    person: z.string().min(1).max(120).optional(),
  })
  .strict();
export type TokenEntry = z.infer<typeof TokenEntry>;

export const TokensFile = z
  .object({ tokens: z.array(TokenEntry).min(1) })
  .strict()
  .refine((f) => new Set(f.tokens.map((t) => t.token)).size === f.tokens.length, {
    message: 'each token must be unique',
  });
export type TokensFile = z.infer<typeof TokensFile>;

/** socket.io handshake `auth` payload. */
export const HandshakeAuth = z.object({
  token: z.string().min(1).max(256),
  lastSeq: z.number().int().nonnegative().default(0),
});
export type HandshakeAuth = z.infer<typeof HandshakeAuth>;

/** Codes the hub puts in a refused handshake's error message (socket.io `connect_error`). */
export const HandshakeError = z.enum([
  'auth.unknown_token',
  'auth.wrong_namespace',
  'auth.malformed',
]);
export type HandshakeError = z.infer<typeof HandshakeError>;

/**
 * What a peer takes beyond one message per packet, listed in `hello` (the client's) and in
 * its answer (the hub's). A peer that lists nothing, as every peer before these did, is
 * served one message per packet; a name this side does not know is ignored.
 * - `batch` (hub): takes `batch`, several outbox messages in one packet, answered together.
 * - `events` (client): takes `events`, the events of one commit in one packet.
 */
export const FEATURES = { batch: 'batch', events: 'events' } as const;
/** A list this side cannot read is taken for none: a newer peer's never stops a hello. */
const Features = z.array(z.string().max(32)).max(16).catch([]);

/**
 * `hello`: the client's protocol version and features. Clients from before the version was
 * sent say `{}`, which is version 1.
 */
export const Hello = z
  .object({
    protocol: z.number().int().nonnegative().default(1),
    features: Features,
  })
  .loose();

/**
 * `hello` → ack: lets a console learn the hub's protocol version and clock. A hub newer
 * than the client says so here; whether it still serves the client is its own decision.
 */
export const HelloAck = z.object({
  protocol: z.number().int().positive(),
  hubTime: z.number().int(),
  identity: z.object({
    kind: z.enum(['desk', 'opd', 'supervisor']),
    id: Identifier,
    /** The person the token names (an OPD clerk, a supervisor), when it names one. */
    person: z.string().optional(),
  }),
  /** Absent from hubs that take one message per packet only. */
  features: Features.optional(),
});
export type HelloAck = z.infer<typeof HelloAck>;

/**
 * Selectors for fields that may ask for a secret (a password or a one-time
 * code). Every selector in both lists matches only <input> elements, so
 * hasInputMatching() (query.ts) can answer with one fast "input" query;
 * tests/unit/engine/query.test.ts checks that.
 */

/**
 * The gate's: a page that names a platform and has one of these may be a fake login (gate.ts).
 * The last two: a text field masked like a password box by its style attribute (snapshot.ts, isMasked),
 * and a one-character box, which a code split over several boxes is made of (credential-fields.ts).
 */
export const SECRET_FIELD =
  'input[type="password" i], input[autocomplete~="one-time-code" i], input[autocomplete~="current-password" i], input[style*="text-security" i], input[maxlength="1"]';

/**
 * The frame probe's (entrypoints/frame-probe.ts), wider: in a cross-origin
 * frame it decides only whether the frame's snapshot is sent; the background
 * decides whether a field really asks for a secret.
 */
export const PROBE_SECRET_FIELD = [
  'input[type="password" i]',
  'input[autocomplete~="one-time-code" i]',
  'input[autocomplete~="current-password" i]',
  // A text field masked like a password box (snapshot.ts, isMasked): the inline style; a class is seen in the snapshot.
  'input[style*="text-security" i]',
  // One box of a code split over one-character boxes (credential-fields.ts, splitCodeStarts).
  'input[maxlength="1"]',
  'input[name*="otp" i]',
  'input[id*="otp" i]',
  'input[name*="pass" i]',
  'input[name*="pwd" i]',
  'input[name*="code" i]',
  'input[placeholder*="code" i]',
  'input[placeholder*="kode" i]',
  'input[placeholder*="código" i]',
  'input[placeholder*="mã" i]',
].join(', ');

/**
 * A one-time code split over one-character boxes ("[ ][ ][ ][ ][ ][ ]") has this many of them:
 * credential-fields.ts reads such a group as one code field, and strict mode locks every box.
 */
export const SPLIT_CODE_BOXES = { min: 4, max: 8 } as const;

/**
 * Field types a code box is typed into (a password box is a secret field already): the boxes of a
 * split code (credential-fields.ts) and the bare boxes whose text before it the snapshot keeps.
 */
export const CODE_BOX_TYPES: ReadonlySet<string> = new Set(['text', 'tel', 'number']);

/** Every detector, in the order their signals are listed. Add a detector here (tests/unit/registry.test.ts checks). */
import { credentialFields } from './credential-fields';
import { generator } from './generator';
import { insecureTransport } from './insecure-transport';
import { knownPaymentProcessor } from './known-payment-processor';
import { lookalikeDomain } from './lookalike-domain';
import { offPlatformPayment } from './off-platform-payment';
import { pressureTactics } from './pressure-tactics';
import { tooGoodDiscount } from './too-good-discount';
import { trustPages } from './trust-pages';
import type { Detector } from './types';
import { usernameOnly } from './username-only';

export const DETECTORS: readonly Detector[] = [
  credentialFields,
  insecureTransport,
  offPlatformPayment,
  tooGoodDiscount,
  generator,
  lookalikeDomain,
  pressureTactics,
  trustPages,
  usernameOnly,
  knownPaymentProcessor,
];

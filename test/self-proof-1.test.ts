/** A third of the defects of the reference double, each failing exactly its checks (test/support/self-proof.ts says why three files). */
import { describeDefects } from './support/self-proof.js';

describeDefects(0, 3);

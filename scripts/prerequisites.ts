/** `npm test` runs this first: a missing Java or Chromium is one sentence and exit code 1, not a stack trace. */
import { chromiumProblem, javaProblem } from '../functions/local/prerequisites.js';

const problems = [javaProblem(), chromiumProblem()].filter((p): p is string => p !== null);
for (const p of problems) console.error(p);
process.exit(problems.length ? 1 : 0);

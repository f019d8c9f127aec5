import { findCandidates } from '../lib/index/candidates';
import { splitSentences } from '../lib/index/sentences';
import { nodeEnglish } from '../lib/index/node-english';
const text = process.argv[2]!;
for (const c of findCandidates({ text, sentences: splitSentences(text) }, new Set(), nodeEnglish())) console.log(JSON.stringify({ s: c.surface, role: c.role, pre: c.fromRolePrefix, p: c.personShape }));

import { z } from "/work/wt/lint/node_modules/zod/index.js";
import { publicationSchema } from '/work/wt/lint/src/voucherify/publication.js';
const s = z.toJSONSchema(publicationSchema, { unrepresentable: 'any', io: 'input' });
console.log(JSON.stringify(s).slice(0, 3000));

/**
 * `npm run corpus:refresh`: copies the Handlebars.java conformance corpus from the shared folder beside the
 * repository ($MERGETAG_SHARED_CONFORMANCE_DIR overrides it) into test/fixtures/conformance/handlebars-java.
 */
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { REPO_CORPUS_DIR, copyCorpus, sharedCorpusDir } from '../test/conformance/corpus-location.js';

const from = sharedCorpusDir();
if (!existsSync(from)) {
  console.error(
    `corpus:refresh: ${from} does not exist. The corpus is produced in ../shared/conformance/handlebars-java beside ` +
      `the repository; set MERGETAG_SHARED_CONFORMANCE_DIR to its folder. The repository's copy is unchanged.`,
  );
  process.exitCode = 2;
} else {
  try {
    const { copied, removed } = copyCorpus(from, REPO_CORPUS_DIR);
    const to = relative(process.cwd(), REPO_CORPUS_DIR) || '.';
    console.log(`copied ${copied.join(', ')} from ${from} to ${to}`);
    if (removed.length) console.log(`removed ${removed.join(', ')} (no longer in the corpus)`);
    console.log('review with `git diff --stat`, run `npm run conformance`, and commit the copy');
  } catch (error) {
    console.error(`corpus:refresh: ${(error as Error).message}. The repository's copy is unchanged.`);
    process.exitCode = 2;
  }
}

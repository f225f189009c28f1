// story.mjs BASE_URL SCREENSHOT_DIR STORIES - a person's visit to `wiretrace serve`
// over the samples, in Debian's chromium driven by playwright-core: the
// story list, a search, the Lisbon harbour fire story (timeline, lineage
// graph, copies side by side with their source), the disagreements of the
// airline ruling story.  STORIES: how many a batch run over the same
// articles gives.  Prints one line per check; exits 1 on a failure.
import { chromium } from 'playwright-core';

const [base, shots, stories] = process.argv.slice(2);
const nstories = Number(stories);
let failed = 0, passed = 0;
function check(cond, what) {
  if (cond) { passed++; console.log('ok   ' + what); }
  else { failed++; console.log('FAIL ' + what); }
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });

  // the story list
  await page.goto(base + '/');
  const rows = await page.locator('#stories tbody tr').count();
  check(nstories > 10 && rows === nstories, `the story list shows the ${nstories} stories (${rows})`);
  await page.screenshot({ path: shots + '/stories.png', fullPage: true });

  // a search by words of the title
  await page.fill('input[name=q]', 'Lisbon harbour');
  await Promise.all([page.waitForNavigation(), page.click('form button')]);
  const found = await page.locator('#stories tbody tr').count();
  check(found === 1, `searching "Lisbon harbour" finds one story (${found})`);

  // the story page
  await Promise.all([page.waitForNavigation(), page.click('a.story')]);
  check((await page.textContent('h1')).includes('Lisbon harbour'), 'the story page opens');
  const dots = await page.locator('#timeline g.node').count();
  check(dots === 7, `the timeline has a dot per article (${dots})`);
  const nodes = await page.locator('#lineage g.node').count();
  const edges = await page.locator('#lineage line.edge').count();
  check(nodes === 7, `the lineage graph has 7 articles (${nodes})`);
  check(edges === 6, `the lineage graph has 6 source-to-copy edges (${edges})`);
  const from = await page.locator('#lineage line.edge[data-target="harbour-fire/metro-brief.txt"]')
    .getAttribute('data-source');
  check(from === 'harbour-fire/wire.txt', `the metro brief's edge comes from the wire (${from})`);
  const origin = await page.locator('#lineage g.node[data-id="harbour-fire/wire.txt"]').getAttribute('class');
  check(/rel-original/.test(origin), 'the wire is drawn as the original');

  // a copy side by side with its source
  const metro = page.locator('section.pair[data-id="harbour-fire/metro-brief.txt"]');
  const copied = (await metro.locator('div.copy').locator('mark.copied').allTextContents()).join(' ');
  check(copied.includes('two firefighters'), 'the metro brief\'s copied passage is highlighted');
  const added = await metro.locator('div.copy').locator('.added').count();
  check(added === 0, `the metro brief (a trimmed copy) adds nothing (${added} added spans)`);
  const dropped = await metro.locator('div.source').locator('.dropped').count();
  check(dropped >= 1, 'the wire\'s paragraphs the brief left out are marked on the source side');
  const bg = await metro.locator('mark.copied').first().evaluate(e => getComputedStyle(e).backgroundColor);
  check(bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent', `copied text has a highlight colour (${bg})`);
  const setubal = page.locator('section.pair[data-id="harbour-fire/setubal-herald.txt"]');
  const own = (await setubal.locator('div.copy').locator('.added').allTextContents()).join(' ');
  check(own.includes('Setúbal'), 'the Setúbal Herald\'s own paragraph is marked as added');
  await setubal.scrollIntoViewIfNeeded();
  await page.screenshot({ path: shots + '/story.png', fullPage: true });
  await setubal.screenshot({ path: shots + '/side-by-side.png' });

  // the disagreements of another story
  await page.goto(base + '/story/' + encodeURIComponent('airline-ruling/meridian.txt'));
  const conflicts = await page.textContent('#conflicts');
  check(conflicts.includes('12,400 passengers') && conflicts.includes('14,200 passengers'),
        'the conflicts table shows 12,400 against 14,200 passengers');
  await page.locator('#conflicts').screenshot({ path: shots + '/conflicts.png' });

  // an unknown story is a 404, not a crash
  const res = await page.goto(base + '/story/no-such-story');
  check(res.status() === 404, `an unknown story answers 404 (${res.status()})`);
} finally {
  await browser.close();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

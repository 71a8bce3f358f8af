import { chromium } from 'playwright-core';
const url = 'http://localhost:3911' + (process.argv[2] ?? '/');
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const out = [];
for (let i = 0; i < 4; i++) {
  const ctx = await b.newContext({ viewport: { width: 412, height: 823 } });
  const p = await ctx.newPage();
  const cdp = await ctx.newCDPSession(p);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await p.addInitScript(() => { window.__lt = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lt.push(Math.round(e.duration)); }).observe({ type: 'longtask', buffered: true }); });
  await p.goto(url, { waitUntil: 'networkidle' });
  await p.waitForTimeout(800);
  const lt = await p.evaluate(() => window.__lt);
  out.push(`tbt~${lt.reduce((s, d) => s + Math.max(0, d - 50), 0)} [${lt.join(',')}]`);
  await ctx.close();
}
console.log(out.join(' | '));
await b.close();

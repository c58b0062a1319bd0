import http from 'node:http';
import { expect, test } from './fixtures';
import { DeskPage } from './models/DeskPage';

test('the desk opens, and an item created there survives a server restart', async ({ page, server }) => {
  const desk = new DeskPage(page);
  await expect(page.getByRole('navigation', { name: 'Views' })).toBeVisible();
  await desk.newItem();
  await desk.field('Slug').fill('AZERBAIJAN-KAZAKHSTAN-DEFENCE');
  await desk.field('Headline').fill('Azerbaijan and Kazakhstan sign a military cooperation plan');
  await desk.typeBody('The plan was signed in Baku.');
  await desk.waitSaved();

  await server.stop();
  await server.start();
  await page.goto(server.loginUrl);
  await desk.open('AZERBAIJAN-KAZAKHSTAN-DEFENCE');
  await expect(desk.field('Headline')).toHaveValue('Azerbaijan and Kazakhstan sign a military cooperation plan');
  await expect(desk.body).toHaveText('The plan was signed in Baku.');
});

test('the API refuses calls without the desk key and from other origins', async ({ page, server }) => {
  const api = new URL('api/getSettings', server.url).href;
  const anonymous = await fetch(api, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
  expect(anonymous.status).toBe(401);
  const token = new URL(server.loginUrl).searchParams.get('token')!;
  const foreign = await fetch(api, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Wiredesk-Token': token, Origin: 'http://evil.example' },
    body: '{}',
  });
  expect(foreign.status).toBe(403);
  // A DNS-rebound name reaches 127.0.0.1 with a foreign Host header: refused.
  const rebound = await new Promise<number>((resolve, reject) => {
    const req = http.request(
      api,
      { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Wiredesk-Token': token, Host: 'evil.example' } },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end('{}');
  });
  expect(rebound).toBe(421);
  // The signed-in page itself can call the desk.
  const ok = await page.evaluate(async () => (await window.desk.getSettings({})).ok);
  expect(ok).toBe(true);
});

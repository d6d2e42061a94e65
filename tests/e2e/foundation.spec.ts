import { expect, login, test } from './fixtures';
import { AppPage, scan } from './pages/app';

const ADMIN_PASSWORD = 'en lång och säker lösenfras';

test('first run: setup creates the admin, who creates a coordinator; the coordinator logs in and out', async ({
  page,
  server,
}) => {
  await page.goto(server.url);
  await expect(page.getByRole('heading', { name: 'Välkommen till Växla' })).toBeVisible();

  // a too-short password is refused by the main process, with the reason on the field
  await page.getByLabel('Ditt namn').fill('Anna Enhetschef');
  await page.getByLabel('Användarnamn').fill('anna');
  await page.getByRole('textbox', { name: 'Lösenord', exact: true }).fill('kort');
  await page.getByLabel('Upprepa lösenordet').fill('kort');
  await page.getByRole('button', { name: 'Skapa administratör' }).click();
  await expect(page.getByText(/minst 12 tecken/).first()).toBeVisible();

  await page.getByRole('textbox', { name: 'Lösenord', exact: true }).fill(ADMIN_PASSWORD);
  await page.getByLabel('Upprepa lösenordet').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Skapa administratör' }).click();
  await expect(page.getByRole('heading', { name: 'Hej Anna!' })).toBeVisible();

  // the admin sees the administration sections
  const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
  await expect(nav.getByRole('link', { name: 'Användare' })).toBeVisible();
  await nav.getByRole('link', { name: 'Användare' }).click();
  await page.getByRole('button', { name: 'Ny användare' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ny användare' });
  await dialog.getByRole('textbox', { name: /^Namn/ }).fill('Kim Koordinator');
  await dialog.getByLabel('Användarnamn').fill('kim');
  await dialog.getByRole('checkbox', { name: 'Koordinator' }).check();
  await dialog.getByLabel('Tillfälligt lösenord').fill('tillfälligt lösenord 1');
  await dialog.getByRole('button', { name: 'Skapa användare' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('gridcell', { name: 'Kim Koordinator' })).toBeVisible();

  // log out
  await page.getByRole('button', { name: /Kontomeny/ }).click();
  await page.getByRole('menuitem', { name: 'Logga ut' }).click();
  await expect(page.getByRole('heading', { name: 'Logga in' })).toBeVisible();

  // the coordinator must choose an own password first, then sees only coordinator sections
  await login(page, server, 'kim', 'tillfälligt lösenord 1');
  await expect(page.getByRole('heading', { name: 'Byt lösenord' })).toBeVisible();
  await page.getByLabel('Nuvarande lösenord').fill('tillfälligt lösenord 1');
  await page.getByRole('textbox', { name: 'Nytt lösenord', exact: true }).fill('kims egna hemliga fras');
  await page.getByLabel('Upprepa nytt lösenord').fill('kims egna hemliga fras');
  await page.getByRole('button', { name: 'Byt lösenord' }).click();
  await expect(page.getByRole('heading', { name: 'Hej Kim!' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Deltagare' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Användare' })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: 'Avtal' })).toHaveCount(0);

  await page.getByRole('button', { name: /Kontomeny/ }).click();
  await page.getByRole('menuitem', { name: 'Logga ut' }).click();
  await expect(page.getByRole('heading', { name: 'Logga in' })).toBeVisible();
});

test('five wrong passwords lock the account', async ({ page, server }) => {
  const setup = await server.api<{ token: string }>('system.setup', {
    username: 'anna',
    displayName: 'Anna',
    password: ADMIN_PASSWORD,
  });
  expect(setup.status).toBe(200);
  await page.goto(server.url);
  for (let i = 0; i < 4; i++) {
    await page.getByLabel('Användarnamn').fill('anna');
    await page.getByRole('textbox', { name: 'Lösenord', exact: true }).fill(`fel lösenord nummer ${i}`);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await expect(page.getByRole('alert')).toHaveText('Fel användarnamn eller lösenord.');
  }
  await page.getByRole('textbox', { name: 'Lösenord', exact: true }).fill('fel lösenord nummer 5');
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page.getByRole('alert')).toContainText('Kontot är låst');
  // even the right password is refused while locked
  await page.getByRole('textbox', { name: 'Lösenord', exact: true }).fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page.getByRole('alert')).toContainText('Kontot är låst');
});

test('a forbidden procedure answers FORBIDDEN; a bad secret or Host gives 403', async ({ server }) => {
  const admin = await server.api<{ token: string }>('system.setup', {
    username: 'anna',
    displayName: 'Anna',
    password: ADMIN_PASSWORD,
  });
  const adminToken = admin.body.ok ? admin.body.value.token : '';
  await server.api(
    'users.create',
    { username: 'kim', displayName: 'Kim', roles: ['coordinator'], password: 'tillfälligt lösenord 1' },
    adminToken,
  );
  const kim = await server.api<{ token: string }>('auth.login', {
    username: 'kim',
    password: 'tillfälligt lösenord 1',
  });
  const kimToken = kim.body.ok ? kim.body.value.token : '';
  await server.api(
    'auth.changePassword',
    { currentPassword: 'tillfälligt lösenord 1', newPassword: 'kims egna hemliga fras' },
    kimToken,
  );

  const forbidden = await server.api('users.list', {}, kimToken);
  expect(forbidden.status).toBe(403);
  expect(forbidden.body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

  const noSecret = await fetch(`${server.origin}/api/system.status`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  expect(noSecret.status).toBe(403);
  const contract = await fetch(`${server.origin}/api`, { headers: { 'x-vaxla-secret': server.secret } });
  expect(contract.status).toBe(200);
  const described = (await contract.json()) as { procedures: Array<{ name: string; roles: unknown; input: unknown }> };
  expect(described.procedures.find((p) => p.name === 'users.create')).toMatchObject({
    roles: ['admin'],
    input: { type: 'object' },
  });
});

test('the login and start pages pass an axe WCAG 2.1 AA scan', async ({ page, server }) => {
  await page.goto(server.url);
  await server.api('system.setup', { username: 'anna', displayName: 'Anna', password: ADMIN_PASSWORD });
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Logga in' })).toBeVisible();
  await scan(page, 'loginScan');
  await login(page, server, 'anna', ADMIN_PASSWORD);
  await expect(page.getByRole('heading', { name: 'Hej Anna!' })).toBeVisible();
  await scan(page, 'startScan');
});

test('the admin takes a backup from the administration page and sees it listed', async ({ page, server }) => {
  await server.api('system.setup', { username: 'anna', displayName: 'Anna', password: ADMIN_PASSWORD });
  await login(page, server, 'anna', ADMIN_PASSWORD);
  await new AppPage(page, server).openSection('Säkerhetskopior');
  await expect(page.getByRole('heading', { level: 1, name: 'Säkerhetskopior' })).toBeVisible();
  await expect(page.getByText(server.dataDir, { exact: false }).first()).toBeVisible();
  const list = page.getByRole('table', { name: /säkerhetskopi/ });
  const before = await list
    .getByRole('row')
    .count()
    .catch(() => 0);

  await page.getByRole('button', { name: 'Ta säkerhetskopia nu' }).click();
  await expect(page.getByText(/Säkerhetskopian vaxla-.*-manual\.db är sparad\./)).toBeVisible();
  await expect(list.getByRole('row').filter({ hasText: 'Manuell' })).toHaveCount(1);
  expect(await list.getByRole('row').count()).toBe(Math.max(before, 1) + 1);

  await scan(page, 'scan');
});

import { beforeAll, describe, expect, it } from 'vitest';
import { artifactPath } from '../support/browser.js';
import type { TestApp } from '../support/app.js';
import { browserSuite, field, tap, type PhonePage } from '../support/h5.js';

// Issue 12 on the phone: the way there, nearest first, no sideways drift, current counts, forms,
// limits said before the tap, English names, and countdowns on the server's clock.
const MONDAY_LUNCH = '2026-11-30T11:40:00+08:00';

const suite = browserSuite(MONDAY_LUNCH);
let app: TestApp;
beforeAll(() => {
  app = suite.app;
});

const seen = { 'mcan.introSeen': '1' };
const inEnglish = { ...seen, 'mcan.lang': 'en' };

async function openHome(p: PhonePage): Promise<void> {
  await p.page.goto(app.url + '/');
  await p.page.locator('.provider-card').first().waitFor();
}

/** How far the document reaches past the viewport's right edge (0 = no sideways scrolling). */
const overflow = (p: PhonePage) => p.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('where and how far', () => {
  it('shows the address with a map link on the provider page, the voucher and My bookings', async () => {
    const p = await suite.open(MONDAY_LUNCH, seen);
    await p.page.goto(app.url + '/#/pages/provider/index?id=demo-futian');
    const map = p.page.locator('.provider-page .place__map');
    await map.waitFor();
    await expect(p.page.locator('.provider-page .place__address').innerText()).resolves.toBe('福田街道福华路 9 号');
    const href = (await map.getAttribute('data-href'))!;
    expect(href).toContain('uri.amap.com/marker?position=114.072,22.538');
    expect(href).toContain('coordinate=gaode');
    // The map opens in a new tab (this machine reaches no outside host, so the call itself is checked).
    await p.page.evaluate(() => {
      window.open = ((url: string) => {
        (window as unknown as { opened: string }).opened = url;
        return null;
      }) as typeof window.open;
    });
    await tap(map);
    await expect.poll(() => p.page.evaluate(() => (window as unknown as { opened?: string }).opened)).toBe(href);

    await tap(p.page.locator('[data-offering="demo-futian-lunch"] .book-window[data-window="dinner"]'));
    await p.page.locator('.voucher__code').waitFor();
    await expect.poll(() => p.page.locator('.voucher .place__address').innerText()).toBe('福田街道福华路 9 号');
    await p.page.screenshot({ path: artifactPath('voucher-address.png'), fullPage: true, animations: 'disabled' });
    await p.page.goto(app.url + '/#/pages/bookings/index');
    await expect.poll(() => p.page.locator('.booking-row .place__address').first().innerText()).toBe('福田街道福华路 9 号');
  });

  it('puts the nearest provider first when the person shares where they are, and still lists all when they do not', async () => {
    const p = await suite.open(MONDAY_LUNCH, seen);
    await p.context.grantPermissions(['geolocation'], { origin: app.url });
    // GPS at Meilin (WGS-84); the app converts to GCJ-02 before comparing.
    await p.context.setGeolocation({ latitude: 22.5728, longitude: 114.0551 });
    await openHome(p);
    const before = await p.page.locator('.provider-card').first().getAttribute('data-provider');
    expect(before).not.toBe('demo-meilin');
    await tap(p.page.locator('.home__nearest'));
    await expect.poll(() => p.page.locator('.provider-card').first().getAttribute('data-provider')).toBe('demo-meilin');
    // Standing at Meilin: metres to the nearest hundred, never "0.0 公里"; the next ones in km.
    await expect(p.page.locator('.provider-card__distance').first().innerText()).resolves.toMatch(/^\s*· [1-9]\d*00 米$/);
    await expect(p.page.locator('.provider-card__distance').last().innerText()).resolves.toMatch(/^\s*· \d+\.\d 公里$/);
    await p.page.screenshot({ path: artifactPath('home-nearest.png'), animations: 'disabled' });

    const denied = await suite.open(MONDAY_LUNCH, seen);
    // The person taps "Block" on the browser's location prompt. The prompt is the browser's, not
    // the page's: without a granted permission headless Chromium may leave it unanswered instead.
    await denied.page.addInitScript(() => {
      navigator.geolocation.getCurrentPosition = (_found, failed) =>
        failed?.({ code: 1, message: 'User denied Geolocation', PERMISSION_DENIED: 1, POSITION_UNAVAILABLE: 2, TIMEOUT: 3 } as GeolocationPositionError);
    });
    await openHome(denied);
    const count = await denied.page.locator('.provider-card').count();
    await tap(denied.page.locator('.home__nearest'));
    await denied.page.locator('.home__no-location').waitFor();
    await expect(denied.page.locator('.provider-card').count()).resolves.toBe(count);
  });
});

describe('no sideways drift', () => {
  const pages = [
    '/',
    '/#/pages/provider/index?id=demo-futian',
    '/#/pages/bookings/index',
    '/#/pages/verify/index',
    '/#/pages/walkin/index',
    '/#/staff/signin/index',
  ];
  for (const width of [320, 390, 430]) {
    it(`keeps every page within a ${width} px screen, also after moving between pages`, async () => {
      const p = await suite.open(MONDAY_LUNCH, seen);
      await p.page.setViewportSize({ width, height: 800 });
      for (const path of pages) {
        await p.page.goto(app.url + path);
        await p.page.locator('.top-bar:visible, .home__header:visible').first().waitFor();
        await p.page.waitForLoadState('networkidle');
        expect(await overflow(p), `${path} at ${width} px`).toBeLessThanOrEqual(0);
      }
      // A transition: home → provider by tapping, measured while and after it runs.
      await p.page.goto(app.url + '/');
      await tap(p.page.locator('.provider-card').first());
      const during = await overflow(p);
      await p.page.locator('.offering-card').first().waitFor();
      expect(Math.max(during, await overflow(p))).toBeLessThanOrEqual(0);
    });
  }
});

describe('current counts', () => {
  it('updates meals left on home after booking on the provider page and coming back', async () => {
    const p = await suite.open(MONDAY_LUNCH, seen);
    await openHome(p);
    const row = p.page.locator('.provider-card[data-provider="demo-xiangmihu"] .meals-left');
    const before = Number((await row.innerText()).match(/\d+/)![0]);
    await tap(p.page.locator('.provider-card[data-provider="demo-xiangmihu"]'));
    await tap(p.page.locator('[data-offering="demo-xiangmihu-lunch"] .book-window[data-window="dinner"]'));
    await p.page.locator('.voucher__code').waitFor();
    await p.page.goBack();
    await p.page.goBack();
    // The listing may be a second old (max-age=1); after the person's own booking the page asks
    // again once that second has passed, without any tap or pull.
    await expect.poll(() => row.innerText(), { timeout: 5_000 }).toBe(`剩余 ${before - 1} 份`);
  });
});

describe('forms', () => {
  it('shows every missing field at once, counts the note, focuses from anywhere in the box, and the pending page leads on', async () => {
    const p = await suite.open(MONDAY_LUNCH, seen);
    await p.page.goto(app.url + '/#/pages/verify/index');
    await p.page.locator('.verify__form').waitFor();
    await tap(p.page.locator('.verify__submit'));
    await expect.poll(() => p.page.locator('.field__error').count()).toBe(4);
    await p.page.screenshot({ path: artifactPath('verify-errors.png'), fullPage: true, animations: 'disabled' });

    // A tap near the box's edge (not on the line of text) focuses the field.
    const box = (await p.page.locator('.verify__name').boundingBox())!;
    await p.page.mouse.click(box.x + 4, box.y + 4);
    await expect(p.page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).resolves.toBe('姓名');

    await field(p.page, '.verify__note').fill('我'.repeat(120));
    await expect(p.page.locator('.field__hint').innerText()).resolves.toContain('120/300');
    const note = (await p.page.locator('.verify__note').boundingBox())!;
    const card = (await p.page.locator('.verify__form .card').first().boundingBox())!;
    expect(note.x + note.width).toBeLessThanOrEqual(card.x + card.width);

    await field(p.page, '.verify__name').fill('王同学');
    await field(p.page, '.verify__phone').fill('13800138001');
    await tap(p.page.locator('.choice[data-category="intern"]'));
    await tap(p.page.locator('.consent'));
    await tap(p.page.locator('.verify__submit'));
    await p.page.locator('.verify__pending').waitFor();
    await expect(p.page.locator('.verify__pending').innerText()).resolves.toContain('结果会显示在“我的预约”');
    await tap(p.page.locator('.verify__to-home'));
    await p.page.locator('.provider-card').first().waitFor();
  });
});

describe('limits before the tap', () => {
  it('says a live booking stops another one on the restaurant page, before any tap', async () => {
    const p = await suite.open(MONDAY_LUNCH, seen);
    await p.page.goto(app.url + '/#/pages/provider/index?id=demo-huaqiangbei');
    await tap(p.page.locator('[data-offering="demo-huaqiangbei-lunch"] .book-window[data-window="dinner"]'));
    await p.page.locator('.voucher__code').waitFor();
    await p.page.goto(app.url + '/#/pages/provider/index?id=demo-fubao');
    const blocked = p.page.locator('.booking-blocked');
    await blocked.waitFor();
    await expect(blocked.innerText()).resolves.toContain('你已有一份未取的预约（华强北快餐');
    await expect.poll(() => p.page.locator('.book-window').first().getAttribute('aria-disabled')).toBe('true');
    await p.page.screenshot({ path: artifactPath('provider-live-booking.png'), fullPage: true, animations: 'disabled' });
  });
});

describe('English', () => {
  it('names sub-districts and providers in English, marks Chinese data, and the voucher footer says Home', async () => {
    const p = await suite.open(MONDAY_LUNCH, inEnglish);
    await openHome(p);
    const chips = await p.page.locator('.chip[data-district]').allInnerTexts();
    expect(chips).toContain('Futian');
    expect(chips.join(' ')).not.toMatch(/[\u4e00-\u9fff]/);
    await expect(p.page.locator('.provider-card[data-provider="demo-futian"] .provider-card__name').innerText()).resolves.toBe(
      'Futian Old Street Noodles',
    );
    await expect(p.page.locator('.provider-card[data-provider="demo-futian"] [lang="zh-CN"]').first().innerText()).resolves.toMatch(/[\u4e00-\u9fff]/);
    await p.page.screenshot({ path: artifactPath('home-names-en.png'), animations: 'disabled' });

    // A sub-district with nothing today (every seeded one has a provider, so this answer is staged).
    await p.page.route((url) => url.pathname === '/v1/providers' && url.searchParams.get('district') === 'meilin', (route) =>
      route.fulfill({ json: { providers: [] } }),
    );
    await tap(p.page.locator('.chip[data-district="meilin"]'));
    await expect(p.page.locator('.status--empty').innerText()).resolves.toContain('No providers to book in this sub-district today');
    await p.page.screenshot({ path: artifactPath('home-empty-district-en.png'), animations: 'disabled' });
    await tap(p.page.locator('.home__see-all'));
    await expect.poll(() => p.page.locator('.chip[data-district=""]').getAttribute('aria-checked')).toBe('true');

    await p.page.goto(app.url + '/#/pages/provider/index?id=demo-nanyuan');
    await tap(p.page.locator('.book-window').first());
    await p.page.locator('.voucher__code').waitFor();
    await expect(p.page.locator('.voucher__home').innerText()).resolves.toBe('Home');
    await expect.poll(() => p.page.locator('.voucher__provider').innerText()).toBe('Nanyuan Chaoshan Rice Noodles');
    await p.page.screenshot({ path: artifactPath('voucher-en.png'), fullPage: true, animations: 'disabled' });
  });
});

describe('the server’s clock', () => {
  it('counts down from the server’s time even when the phone’s clock is two days off', async () => {
    // The phone thinks it is Saturday; the server (and the pickup window) say Monday 11:40.
    const p = await suite.open('2026-11-28T11:40:00+08:00', seen);
    await p.page.goto(app.url + '/#/pages/provider/index?id=demo-yuanling');
    await tap(p.page.locator('.book-window[data-window="lunch"]'));
    await p.page.locator('.voucher__code').waitFor();
    await expect.poll(() => p.page.locator('.voucher__countdown').innerText()).toMatch(/还剩 1 小时 50 分/);
  });
});

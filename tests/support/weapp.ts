// A minimal `wx` stand-in to run the WeChat build in Node, and that build made when missing or stale.
import { appDir, ensureBuild } from '../../functions/local/app-build.js';

export const weappDir = appDir('weapp');

/** Builds the weapp target if needed; throws when the build fails. */
export function ensureWeappBuild(): void {
  if (!ensureBuild('weapp')) throw new Error('the weapp build failed');
}

export interface WxCall {
  api: string;
  options: Record<string, any>;
}

/**
 * Just enough of the mini-program globals (wx, App, Page, Component, getApp, getCurrentPages) for
 * Taro's runtime to start the app and load a page. wx.request answers with `respond(url, method)`.
 */
export function installWx(respond: (url: string, method: string) => { statusCode: number; data: unknown }) {
  const calls: WxCall[] = [];
  const storage = new Map<string, unknown>();
  const registered: { app?: any; pages: Record<string, any>; components: any[] } = { pages: {}, components: [] };
  const pageStack: any[] = [];
  /** What pages drew on a 2d canvas: each fillRect's [x, y, w, h], with the fill colour then. */
  const drawn: { fill: string; rect: number[] }[] = [];
  const canvasNode = (width: number, height: number) => {
    const ctx = {
      fillStyle: '#000',
      fillRect(...rect: number[]) {
        drawn.push({ fill: String(ctx.fillStyle), rect });
      },
    };
    return { width, height, getContext: () => ctx };
  };
  const ok = (options: any, result: Record<string, unknown> = {}) => {
    const res = { errMsg: 'ok', ...result };
    options?.success?.(res);
    options?.complete?.(res);
    return res;
  };
  const systemInfo = {
    brand: 'devtools', model: 'iPhone 12', pixelRatio: 3, screenWidth: 390, screenHeight: 844, windowWidth: 390, windowHeight: 844,
    statusBarHeight: 47, language: 'zh_CN', version: '8.0.50', system: 'iOS 16', platform: 'devtools', SDKVersion: '3.5.0',
  };
  const api: Record<string, any> = {
    request(options: any) {
      calls.push({ api: 'request', options });
      const answer = respond(options.url, options.method ?? 'GET');
      setTimeout(() => ok(options, { statusCode: answer.statusCode, data: answer.data, header: {} }), 0);
      return { abort() {} };
    },
    login(options: any) {
      calls.push({ api: 'login', options });
      return ok(options, { code: 'test-code' });
    },
    getStorageSync: (key: string) => (storage.has(key) ? storage.get(key) : ''),
    setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
    removeStorageSync: (key: string) => void storage.delete(key),
    getSystemInfoSync: () => systemInfo,
    getSystemInfo: (options: any) => ok(options, systemInfo),
    getWindowInfo: () => systemInfo,
    getDeviceInfo: () => systemInfo,
    getAppBaseInfo: () => systemInfo,
    getMenuButtonBoundingClientRect: () => ({ width: 87, height: 32, top: 51, right: 380, bottom: 83, left: 293 }),
    canIUse: () => true,
    nextTick: (fn: () => void) => setTimeout(fn, 0),
    setNavigationBarTitle(options: any) {
      calls.push({ api: 'setNavigationBarTitle', options });
      return ok(options);
    },
    stopPullDownRefresh: (options: any) => ok(options),
    getScreenBrightness(options: any) {
      calls.push({ api: 'getScreenBrightness', options });
      return ok(options, { value: 0.4 });
    },
    createSelectorQuery: () => {
      // Every selected node is a 240 × 240 canvas (the voucher's QR is the only one queried).
      const q: any = {
        select: () => q,
        selectAll: () => q,
        fields: () => q,
        boundingClientRect: () => q,
        in: () => q,
        exec: (cb: any) => setTimeout(() => cb?.([{ node: canvasNode(240, 240), width: 240, height: 240 }]), 0),
      };
      return q;
    },
  };
  // The other APIs the app calls: recorded, and answered with success. (Taro copies wx's own keys
  // at start-up, so each must exist on the object, not only behind the Proxy below.)
  for (const name of ['setScreenBrightness', 'navigateTo', 'redirectTo', 'reLaunch', 'navigateBack', 'showToast', 'scanCode', 'vibrateShort']) {
    api[name] = (options: any) => {
      calls.push({ api: name, options });
      return ok(options);
    };
  }
  const wx: Record<string, any> = new Proxy(
    api,
    {
      // Any other API: a no-op that reports success (and is recorded), as the real one would.
      get(target, name: string) {
        if (name in target) return target[name];
        if (typeof name !== 'string' || name === 'then' || name.startsWith('webpack')) return undefined;
        return (options: any) => {
          calls.push({ api: name, options });
          return ok(options);
        };
      },
      set(target, name: string, value) {
        target[name] = value;
        return true;
      },
      has: () => true,
    },
  );
  const g = globalThis as any;
  g.wx = wx;
  g.App = (config: any) => void (registered.app = config);
  g.Page = (config: any) => void (registered.pages[g.__currentRoute ?? ''] = config);
  g.Component = (config: any) => void registered.components.push(config);
  g.Behavior = (config: any) => config;
  g.getApp = () => registered.app;
  g.getCurrentPages = () => pageStack;
  g.requirePlugin = () => ({});
  return { wx, calls, storage, registered, pageStack, drawn };
}

/// <reference types="@tarojs/taro" />

declare module '*.css';

declare namespace NodeJS {
  interface ProcessEnv {
    /** weapp | h5 — set by Taro at build time */
    TARO_ENV: 'weapp' | 'h5' | string;
    /** API base URL, baked in at build time ('' = same origin, H5 only) */
    TARO_APP_API?: string;
  }
}

/** qrcode's encoder alone (no renderers: the mini-program has no DOM canvas). */
declare module 'qrcode/lib/core/qrcode' {
  export function create(
    data: string | Array<{ data: ArrayLike<number>; mode: 'byte' }>,
    options?: { errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H' },
  ): { modules: { size: number; data: Uint8Array } };
}

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

// Taro build configuration for both targets (weapp, h5).
// Only `import type` from @tarojs/cli: a runtime import loads its native binding.
import type { UserConfigFn } from '@tarojs/cli';
import path from 'node:path';

const appRoot = path.resolve(__dirname, '..');
const contractDir = path.resolve(appRoot, '../functions/contract');
const ownModules = path.resolve(appRoot, 'node_modules');
const taroEnv = process.env.TARO_ENV ?? 'h5';

/**
 * API base URL baked in at build time. A TARO_APP_API in a .env file wins (Taro merges those in
 * after this config); otherwise the shell's TARO_APP_API; otherwise a per-platform default: H5 talks
 * to its own origin, the mini-program (which needs an absolute URL) to the local server.
 */
const apiBase = process.env.TARO_APP_API ?? (taroEnv === 'h5' ? '' : 'http://127.0.0.1:8787');

/**
 * Shared webpack tweaks: the zod contract lives in ../functions/contract as NodeNext-style TS
 * (`./common.js` means `./common.ts`), and every bare import — including `zod` from the contract,
 * which sits outside this folder — must resolve from this app's own node_modules first, so there is
 * one copy of zod and React whatever is installed at the repository root.
 */
function webpackChain(chain: any): void {
  chain.resolve.alias.set('@contract', path.join(contractDir, 'index.ts'));
  chain.resolve.alias.set('@', path.resolve(appRoot, 'src'));
  chain.resolve.set('extensionAlias', { '.js': ['.ts', '.tsx', '.js'] });
  chain.resolve.modules.clear().add(ownModules).add('node_modules');
  // A first build takes minutes on a slow machine and Taro prints nothing meanwhile: local mode and
  // the tests ask (MCAN_BUILD_PROGRESS) for one line per tenth done.
  if (process.env.MCAN_BUILD_PROGRESS) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- webpack is only needed here, and this config is CommonJS
    const { ProgressPlugin } = require('webpack');
    let shown = -1;
    chain.plugin('mcan-progress').use(ProgressPlugin, [
      (fraction: number, stage: string) => {
        const tenth = Math.floor(fraction * 10);
        if (tenth <= shown) return;
        shown = tenth;
        console.log(`  ${taroEnv} build ${tenth * 10}%${stage ? ` (${stage})` : ''}`);
      },
    ]);
  }
}

/**
 * H5 pages are async chunks, and Taro splits shared code out of initial chunks only: zod and the
 * contract were copied into every page (about 190 KB each). Code that two or more pages share
 * goes to chunks of its own, fetched once and then cached (hashed names, a year).
 */
function h5WebpackChain(chain: any): void {
  webpackChain(chain);
  const split = chain.optimization.get('splitChunks');
  if (!split) return;
  chain.optimization.splitChunks({
    ...split,
    cacheGroups: { ...split.cacheGroups, sharedByPages: { chunks: 'async', minChunks: 2, minSize: 20_000, priority: 5, reuseExistingChunk: true } },
  });
}

/** Compiled by Taro's babel rule besides src/: the contract (TypeScript) and zod (ES2020 syntax). */
const compileInclude = [contractDir, /[\\/]node_modules[\\/]zod[\\/]/];

const config: UserConfigFn<'webpack5'> = (merge) => {
  const base = {
    projectName: 'mcan',
    date: '2026-11-1',
    // CSS is written in 375-wide px; pxtransform turns it into rpx (weapp) and rem (h5).
    designWidth: 375,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${taroEnv}`,
    plugins: [],
    defineConstants: {},
    env: { TARO_APP_API: JSON.stringify(apiBase) },
    copy: { patterns: [], options: {} },
    framework: 'react' as const,
    compiler: { type: 'webpack5' as const, prebundle: { enable: false } },
    cache: { enable: false },
    logger: { quiet: true, stats: false },
    mini: {
      compile: { include: compileInclude },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain,
    },
    h5: {
      // Default (hash) router: the server serves index.html at / with no rewrites.
      publicPath: '/',
      staticDirectory: 'static',
      compile: { include: compileInclude },
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[contenthash:8].js' },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        // The root size follows the screen (rem), capped so that on a desk's 1280 × 800 screen the
        // app is a phone-sized column with 核销 in view, not a phone layout blown up twice.
        pxtransform: { enable: true, config: { maxRootSize: 23 } },
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain: h5WebpackChain,
    },
  };
  return merge({}, base);
};

export default config;

// babel-preset-taro: https://docs.taro.zone/docs/next/babel-config
//
// No core-js polyfills (useBuiltIns: false) on either target. Taro's 'usage' mode goes through
// transform-runtime, whose core-js injection ignores the targets and added ~80 KB (Symbol,
// Array.from… for browsers nobody uses). The targets below have the built-ins the app and its
// libraries need natively (globalThis for zod, String#replaceAll for Taro's router). If older
// browsers must be served, switch H5 to 'usage' and pass `version` = the installed
// @babel/runtime-corejs3 version, or the build asks for helpers that runtime does not have.
//
// Syntax targets: H5 uses package.json's browserslist (modern mobile browsers). The mini-program
// is compiled down to ES2017 so that older WeChat clients' JS engines parse it (project.config.json
// sets es6: false: DevTools does not transpile again).
const targets =
  process.env.TARO_ENV === 'weapp' ? ['ios >= 11', 'chrome >= 61'] : require('./package.json').browserslist;

module.exports = {
  targets,
  presets: [
    [
      'taro',
      {
        framework: 'react',
        ts: true,
        compiler: 'webpack5',
        useBuiltIns: false,
        targets,
      },
    ],
  ],
};

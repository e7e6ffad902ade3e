// The examples use sim-audit's internals (the solver, the links, the robust scale) as a
// user's estimator would use any library. This clone runs two ways: from the TypeScript
// sources (tests, `npm run reproduce`, tsx) or from the compiled dist/ (the `sim-audit`
// command once `npm run build` has run, which cannot import TypeScript). A module is taken
// from the sources when this process can import TypeScript, from dist/ otherwise.

/** Imports `src/<path>.ts`, or `dist/<path>.js` where TypeScript cannot be imported. */
export async function importSource(path) {
  try {
    return await import(new URL(`../src/${path}.ts`, import.meta.url).href);
  } catch (err) {
    if (err?.code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw err;
    return import(new URL(`../dist/${path}.js`, import.meta.url).href);
  }
}

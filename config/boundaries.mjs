// @ts-check
// Turns config/boundaries.json (the one file of allowed imports) into eslint-plugin-boundaries settings and
// policies: for the libs and apps (eslint.config.mjs) and for the web (apps/web/eslint.config.mjs).
import { readFileSync } from 'node:fs';

/** @typedef {{ from: string, to: string, reason: string }} Exception */

export const boundaries = JSON.parse(readFileSync(new URL('./boundaries.json', import.meta.url), 'utf8'));

/** Everything `name` may reach by following the arrows of `graph` (the arrows chain). */
export function reachable(graph, name) {
  const seen = new Set();
  const walk = (/** @type {string} */ n) => {
    for (const next of graph[n] ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        walk(next);
      }
    }
  };
  walk(name);
  return [...seen];
}

const domainGraph = () => boundaries.libs.domain;
const typeOfLib = (/** @type {string} */ lib) => `lib:${lib}`;

/** eslint-plugin-boundaries elements and policies for libs/ and apps/ (paths relative to the repository). */
export function libBoundaries() {
  const { infrastructure, pure, domain, exceptions } = boundaries.libs;
  const infra = infrastructure.libs;
  const all = [...infra, ...pure.libs, ...Object.keys(domain)];
  const elements = [
    ...all.map((lib) => ({ type: typeOfLib(lib), pattern: `libs/${lib}/**`, partialMatch: false })),
    { type: 'app', pattern: `apps/(${boundaries.apps.apps.join('|')})/**`, partialMatch: false },
  ];
  const to = (/** @type {string[]} */ libs) => ({ to: { element: { types: { anyOf: libs.map(typeOfLib) } } } });
  const from = (/** @type {string} */ lib) => ({ element: { type: typeOfLib(lib) } });
  const policies = [
    { from: { element: { type: 'app' } }, allow: [to(all), { to: { element: { type: 'app' } } }] },
    ...infra.map((lib) => ({ from: from(lib), allow: to(infra) })),
    ...pure.libs.map((lib) => ({ from: from(lib), allow: to([lib]) })),
    ...Object.keys(domain).map((lib) => {
      const granted = exceptions.filter((/** @type {Exception} */ e) => e.from === lib).map((e) => e.to);
      return {
        from: from(lib),
        allow: to([lib, ...infra, ...pure.libs, ...reachable(domainGraph(), lib), ...granted]),
      };
    }),
  ];
  return { elements, policies };
}

/** eslint-plugin-boundaries elements and policies for apps/web (paths relative to apps/web). */
export function webBoundaries() {
  const web = boundaries.web;
  const elements = [
    { type: 'web:app', pattern: 'src/*.{ts,tsx}', partialMatch: false },
    { type: 'web:base', pattern: `src/(${web.base.join('|')})/**`, partialMatch: false },
    { type: 'web:shared', pattern: `src/(${web.shared.join('|')})/**`, partialMatch: false },
    { type: 'web:feature', pattern: 'src/(*)/**', partialMatch: false, capture: ['feature'] },
  ];
  // A feature's api.ts is its public face (data hooks): classified as a file category inside its folder.
  const files = [{ category: 'web:data', pattern: 'src/*/api.ts', partialMatch: false }];
  const layer = (/** @type {string} */ l) =>
    l === 'data' ? { to: { file: { categories: 'web:data' } } } : { to: { element: { type: `web:${l}` } } };
  const policies = Object.entries(web.layers).map(([name, allowed]) => ({
    from: { element: { type: `web:${name}` } },
    allow: [
      ...allowed.map(layer),
      // Within a layer: a feature only its own folder; base and shared anything of their own layer.
      name === 'feature'
        ? { to: { element: { type: 'web:feature', captured: { feature: '{{ from.element.captured.feature }}' } } } }
        : layer(name),
    ],
  }));
  // The few features one page composes from another's components, each listed with its reason.
  for (const { from, to } of web.featureExceptions) {
    policies.push({
      from: { element: { type: 'web:feature', captured: { feature: from } } },
      allow: [{ to: { element: { type: 'web:feature', captured: { feature: to } } } }],
    });
  }
  return { elements, files, policies };
}

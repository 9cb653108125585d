// GLPK (glpk.js, WebAssembly) in a worker thread, for tests: glpk.js is ESM-only with import.meta, which
// Jest's CommonJS runtime cannot load, while a worker thread uses Node's own loader.
// Protocol: the parent posts { id, lp } (glpk.js's LP object); the worker answers { id, status, z, vars }
// with status 'optimal' or 'infeasible', or { id, error }. It first posts { ready: true }.
import { parentPort } from 'node:worker_threads';
import GLPK from 'glpk.js/node';

const glpk = await GLPK();
const options = { msglev: glpk.GLP_MSG_OFF, presol: true };

parentPort.on('message', ({ id, lp }) => {
  try {
    const { result } = glpk.solve(lp, options);
    if (result.status === glpk.GLP_OPT) {
      parentPort.postMessage({ id, status: 'optimal', z: result.z, vars: result.vars });
    } else if (result.status === glpk.GLP_NOFEAS) {
      // With the presolver on (without it an infeasible relaxation comes back as GLP_UNDEF).
      parentPort.postMessage({ id, status: 'infeasible' });
    } else {
      parentPort.postMessage({ id, error: `GLPK status ${result.status}` });
    }
  } catch (error) {
    parentPort.postMessage({ id, error: String(error) });
  }
});
parentPort.postMessage({
  ready: true,
  constants: {
    GLP_MAX: glpk.GLP_MAX,
    GLP_FX: glpk.GLP_FX,
    GLP_UP: glpk.GLP_UP,
    GLP_DB: glpk.GLP_DB,
  },
});

// GLPK (glpk.js, WebAssembly) in a worker thread: an independent integer-programming solver for tests.
// glpk.js is ESM-only, which Jest's CommonJS runtime cannot load; a worker thread uses Node's own loader.
// The parent posts { lp } (glpk.js's LP object, with numeric bound types from `constants`); the worker
// answers { status: 'optimal', z, vars } | { status: 'infeasible' } | { error }. It first posts { constants }.
import { parentPort } from 'node:worker_threads';
import GLPK from 'glpk.js/node';

const glpk = await GLPK();
parentPort.on('message', ({ lp }) => {
  try {
    const { result } = glpk.solve(lp, { msglev: glpk.GLP_MSG_OFF, presol: true });
    if (result.status === glpk.GLP_OPT) parentPort.postMessage({ status: 'optimal', z: result.z, vars: result.vars });
    else if (result.status === glpk.GLP_NOFEAS || result.status === glpk.GLP_UNDEF)
      parentPort.postMessage({ status: 'infeasible' });
    else parentPort.postMessage({ error: `GLPK status ${result.status}` });
  } catch (error) {
    parentPort.postMessage({ error: String(error) });
  }
});
const { GLP_MAX, GLP_FX, GLP_LO, GLP_UP, GLP_DB } = glpk;
parentPort.postMessage({ constants: { GLP_MAX, GLP_FX, GLP_LO, GLP_UP, GLP_DB } });

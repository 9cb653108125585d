// The cost of the framework on a trivial route: GET /health of the real API (Nest + Fastify, logging,
// helmet, filters) against a bare node:http server answering the same JSON, measured in the same run.
//   npm run bench -- http-baseline [seconds] [connections]
const http = require('node:http');
const { freePort, load, printTable, startApi } = require('./lib');

async function main() {
  const seconds = Number(process.argv[2] ?? 10);
  const connections = Number(process.argv[3] ?? 32);
  const port = await freePort();
  const bare = http.createServer((req, res) => {
    const body = JSON.stringify({ status: 'ok' });
    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(body),
    });
    res.end(body);
  });
  await new Promise((resolve) => bare.listen(port, '127.0.0.1', resolve));
  const api = await startApi();
  try {
    // Warm both up (JIT, connection pools) before measuring.
    await load({ url: `http://127.0.0.1:${port}/health`, seconds: 2, connections });
    await load({ url: `${api.url}/health`, seconds: 2, connections });
    const baseline = await load({ url: `http://127.0.0.1:${port}/health`, seconds, connections });
    const real = await load({ url: `${api.url}/health`, seconds, connections });
    printTable([
      { name: 'node:http baseline', ...baseline },
      { name: 'API GET /health', ...real },
    ]);
    const ratio = real.rps / baseline.rps;
    const p99Ratio = baseline.p99 > 0 ? real.p99 / baseline.p99 : NaN;
    console.log(
      `\nThroughput: API at ${(ratio * 100).toFixed(0)} % of the bare node:http baseline; p99 ${p99Ratio.toFixed(2)}x.`,
    );
    console.log(
      `RESULT http-baseline api_rps=${real.rps.toFixed(0)} baseline_rps=${baseline.rps.toFixed(0)} ratio=${ratio.toFixed(2)} p99_ratio=${p99Ratio.toFixed(2)}`,
    );
  } finally {
    await api.stop();
    bare.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

// Polls a URL until it answers the expected status, or fails after a deadline.
// Usage: node wait-http.js <url> <expected status> <timeout ms>
const [url, expected, timeoutMs] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
const deadline = Date.now() + timeoutMs;
let last = 'no answer';
while (Date.now() < deadline) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
    if (response.status === expected) process.exit(0);
    last = `status ${response.status}`;
  } catch (e) {
    last = e.cause?.code ?? e.message;
  }
  await new Promise((resolve) => setTimeout(resolve, 200));
}
console.error(`wait-http: ${url} did not answer ${expected} within ${timeoutMs} ms (last: ${last})`);
process.exit(1);

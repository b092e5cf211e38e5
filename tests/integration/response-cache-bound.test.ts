// The response cache holds at most RESPONSE_CACHE_MAX_MB: the least recently used
// answers make room for new ones, and every answer stays correct.
import { api } from '../helpers/http';
import { startApp, stopApp, type App } from '../helpers/strapi';

let app: App;
let token: string;

beforeAll(async () => {
  app = await startApp({ RESPONSE_CACHE_MAX_MB: '0.01' }); // 10,486 bytes
  token = (await app.service('admin::api-token').create({ name: 'cache-bound', type: 'full-access', lifespan: null })).accessKey;
});
afterAll(() => stopApp(app));

const stats = async () => (await api(app).get('/api/response-cache').set('Authorization', `Bearer ${token}`)).body.data;

test('many distinct answers never take more than the bound; evicted ones are made again', async () => {
  const urls = Array.from(
    { length: 20 },
    (_, i) => `/api/articles?fields[0]=title&populate[channel][fields][0]=name&pagination[pageSize]=${i + 1}`
  );
  const first = new Map<string, string>();
  for (const url of urls) {
    const res = await api(app).get(url);
    expect(res.status).toBe(200);
    first.set(url, res.text);
    const now = await stats();
    expect(now.bytes).toBeLessThanOrEqual(now.maxBytes);
  }
  const after = await stats();
  expect(after.maxBytes).toBe(10_486);
  expect(after.evicted).toBeGreaterThan(0);
  expect(after.entries).toBeLessThan(urls.length);
  // The oldest was evicted: answered again by the stack, with the same bytes.
  const again = await api(app).get(urls[0]);
  expect(again.headers['x-cache']).toBe('MISS');
  expect(again.text).toBe(first.get(urls[0]));
});

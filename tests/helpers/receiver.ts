// A real HTTP receiver on loopback for rebuild hooks: records every request and
// answers as the test says (status, headers, a delay), and can go down and come back.
import http from 'http';
import type { AddressInfo } from 'net';

/** A request as received, and the status it was answered with. */
export type Received = { headers: http.IncomingHttpHeaders; body: string; at: number; status: number };
export type Reply = { status: number; headers?: Record<string, string>; delayMs?: number };

export class Receiver {
  readonly requests: Received[] = [];
  reply: (request: Received, index: number) => Reply = () => ({ status: 204 });
  private server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const received: Received = { headers: req.headers, body, at: Date.now(), status: 0 };
      this.requests.push(received);
      const { status, headers = {}, delayMs = 0 } = this.reply(received, this.requests.length - 1);
      received.status = status;
      setTimeout(() => {
        if (res.destroyed) return;
        res.writeHead(status, headers);
        res.end();
      }, delayMs);
    });
  });
  private port = 0;

  async start() {
    await new Promise<void>((resolve) => this.server.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  get url() {
    return `http://127.0.0.1:${this.port}/hooks/build`;
  }

  /** Stops listening (connections refused) until `start` is called again on the same port. */
  async down() {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  payloads() {
    return this.requests.map((request) => JSON.parse(request.body));
  }

  /** Distinct delivery ids received, in order. */
  deliveryIds() {
    return [...new Set(this.requests.map((request) => String(request.headers['webhook-id'])))];
  }
}

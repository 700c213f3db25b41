import { startPushService } from '../../server/push-service';

/**
 * The test push service in a process of its own, so the benchmark measures the server's sending
 * and not the service's decryption on the same core. Talks to the benchmark over IPC.
 */
export type ChildRequest =
  | { type: 'subscribe'; count: number; applicationServerKey: string }
  | { type: 'count' }
  | { type: 'close' };
export type ChildAnswer =
  | { type: 'ready'; origin: string; ca: string }
  | { type: 'subscribed'; subscriptions: { endpoint: string; keys: { p256dh: string; auth: string } }[] }
  | { type: 'counted'; delivered: number; refused: number; firstRefusal: string | null };

const service = await startPushService();
const send = (answer: ChildAnswer) => process.send?.(answer);

process.on('message', (request: ChildRequest) => {
  if (request.type === 'subscribe') {
    const subscriptions = Array.from({ length: request.count }, () => {
      const { endpoint, keys } = service.subscribe(request.applicationServerKey);
      return { endpoint, keys };
    });
    send({ type: 'subscribed', subscriptions });
  } else if (request.type === 'count') {
    send({
      type: 'counted',
      delivered: service.delivered.length,
      refused: service.refused.length,
      firstRefusal: service.refused[0]?.reason ?? null,
    });
  } else {
    void service.close().then(() => process.exit(0));
  }
});
send({ type: 'ready', origin: service.origin, ca: service.ca });

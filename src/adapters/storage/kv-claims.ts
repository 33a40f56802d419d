import type { Claims } from '../../app/ports.js';
import type { Kv } from './kv.js';

/** Delivery and work claims as markers: SET NX on Redis (shared by every instance), locked get/set locally. */
export class KvClaims implements Claims {
  constructor(private readonly kv: Kv) {}

  claim(id: string, leaseMs: number): Promise<boolean> {
    return this.kv.addMarker(`claim:${id}`, leaseMs);
  }

  complete(id: string, keepMs: number): Promise<void> {
    return this.kv.setMarker(`claim:${id}`, keepMs);
  }

  release(id: string): Promise<void> {
    return this.kv.deleteMarker(`claim:${id}`);
  }
}

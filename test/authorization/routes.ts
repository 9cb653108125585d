import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import type { INestApplication } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { POLICY_KEY, type Policy } from '@vgbf/core';

export interface DiscoveredRoute {
  /** e.g. `POST /api/v1/auth/login` */
  key: string;
  method: string;
  path: string;
  policy: Policy | undefined;
}

const UNPREFIXED = new Set(['health']);

/** Every HTTP route the app's controllers declare, with the access policy it carries. */
export function discoverRoutes(app: INestApplication, prefix = 'api/v1'): DiscoveredRoute[] {
  const discovery = app.get(DiscoveryService);
  const scanner = app.get(MetadataScanner);
  const routes: DiscoveredRoute[] = [];
  for (const wrapper of discovery.getControllers()) {
    const controller = wrapper.metatype as (new (...args: unknown[]) => object) | null;
    if (!controller) continue;
    const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '').replace(/^\/|\/$/g, '');
    for (const name of scanner.getAllMethodNames(controller.prototype)) {
      const handler = (controller.prototype as Record<string, unknown>)[name] as object;
      const sub = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
      if (sub === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
      const parts = [UNPREFIXED.has(base) ? '' : prefix, base, sub.replace(/^\/|\/$/g, '')].filter(Boolean);
      const path = `/${parts.join('/')}`;
      const policy = (Reflect.getMetadata(POLICY_KEY, handler) ?? Reflect.getMetadata(POLICY_KEY, controller)) as
        Policy | undefined;
      routes.push({ key: `${method} ${path}`, method, path, policy });
    }
  }
  return routes;
}

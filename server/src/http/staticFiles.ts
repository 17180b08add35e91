/**
 * Serves the built PWA. Files whose name does not change between releases (index.html, the
 * service worker, the web manifest, icons) must be revalidated on every load, or a device
 * could keep an old app forever; Vite's hashed files under /assets/ never change and may be
 * cached for a year. Source maps are never served, even if a build left some behind: they
 * would hand out the app's source, comments included.
 */
import { relative, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

export async function installStaticFiles(app: FastifyInstance, root: string): Promise<void> {
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    // Cache-Control is decided below, per file.
    cacheControl: false,
    dotfiles: 'ignore',
    allowedPath: (pathName) => !pathName.toLowerCase().endsWith('.map'),
    setHeaders(res, filePath) {
      const hashed = relative(root, filePath).startsWith(`assets${sep}`);
      res.setHeader('cache-control', hashed ? IMMUTABLE : REVALIDATE);
    },
  });
}

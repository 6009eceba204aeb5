// FlyteAdmin with auth on, offline (../shared/flyte/README.md, "Auth on"): its own authorization
// server issues client-credentials tokens to a static client registered through values; the user
// login's OpenID provider is only asked for its discovery document at start-up, which a loopback
// server answers here.
import { readFileSync, readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import bcrypt from 'bcryptjs';
import { CoreV1Api, type KubeConfig } from '@kubernetes/client-node';
import type { ControlPlane, Site } from './flyte.ts';
import { NS } from './flyte.ts';

export interface Discovery {
  url: string;
  close(): Promise<void>;
}

/** Serves `/.well-known/openid-configuration` for an issuer at its own loopback URL. */
export async function startOidcDiscovery(): Promise<Discovery> {
  let base = '';
  const server: Server = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(
      JSON.stringify({
        issuer: base,
        authorization_endpoint: `${base}/authorize`,
        token_endpoint: `${base}/token`,
        jwks_uri: `${base}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return { url: base, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/**
 * The control plane's values for auth on: FlyteAdmin's issuer is the URL clients use, the client
 * `clientId` is registered with a bcrypt hash of `secret` (base64, as FlyteAdmin reads it).
 */
export function authValues(site: Site, oidcUrl: string, client: { id: string; secret: string }): object {
  const hash = Buffer.from(bcrypt.hashSync(client.secret, 6)).toString('base64');
  return {
    'flyte-core': {
      configmap: {
        adminServer: {
          server: { security: { useAuth: true } },
          auth: {
            authorizedUris: [site.adminUrl],
            userAuth: { openId: { baseUrl: oidcUrl, clientId: 'flytemc-test' } },
            appAuth: {
              selfAuthServer: {
                staticClients: {
                  [client.id]: {
                    id: client.id,
                    client_secret: hash,
                    redirect_uris: ['http://localhost:3846/callback'],
                    grant_types: ['refresh_token', 'client_credentials'],
                    response_types: ['token'],
                    scopes: ['all', 'offline', 'access_token'],
                    public: false,
                  },
                },
              },
            },
          },
        },
      },
      // the user login's client secret, never used offline
      flyteadmin: { secrets: { oidc_client_secret: 'unused-offline' } },
    },
  };
}

/**
 * Runs the first half of FlyteAdmin's generate-secrets init container as rendered (`flyteadmin
 * secrets init` into the pod's scratch volume), then adds the keys it made to Secret
 * flyte-admin-secrets. The second half, `secrets create`, needs the in-cluster API, and leaves a
 * Secret that exists untouched anyway: flyte-core's release creates that Secret first, so without
 * this step FlyteAdmin with auth on stops at start-up (`failed to read secretTokenHash file`).
 */
export async function addGeneratedAdminSecrets(cp: ControlPlane, hub: KubeConfig): Promise<string[]> {
  await cp.adminPod.refresh();
  await cp.adminPod.runToEnd('generate-secrets', { edit: ([sh, c, script]) => [sh!, c!, script!.split('&&')[0]!.trim()] });
  const dir = join(cp.adminPod.volumeDir('scratch'), 'secrets');
  const data = Object.fromEntries(readdirSync(dir).map((k) => [k, readFileSync(join(dir, k)).toString('base64')]));
  const core = hub.makeApiClient(CoreV1Api);
  const secret = await core.readNamespacedSecret({ name: 'flyte-admin-secrets', namespace: NS });
  secret.data = { ...secret.data, ...data };
  await core.replaceNamespacedSecret({ name: 'flyte-admin-secrets', namespace: NS, body: secret });
  return Object.keys(data).sort();
}

// A data plane whose control plane has auth on: flytepropeller mounts the client-secret Secret at /etc/secrets.
import type { Operation } from 'fast-json-patch';
import { CLIENT_SECRET_DIR } from '../config/control-plane.ts';
import { isObject } from '../yaml/data.ts';
import { trimSlashes } from '../yaml/json-pointer.ts';
import { podOf, type Pod } from './find.ts';
import type { DocPatch } from './patch.ts';
import { kindOf, nameOf, type Doc } from './stream.ts';

const BASE = '/spec/template/spec';
const VOLUME = 'flytemc-client-secret';

/** The mount in every flytepropeller Deployment; flyte-core's placeholder Secret of that name (client_secret "foobar") is dropped. */
export function clientSecretPatches(docs: Doc[], secretName: string): DocPatch[] {
  for (const d of docs) if (kindOf(d) === 'Secret' && nameOf(d) === secretName) d.dropped = true;
  const patches: DocPatch[] = [];
  for (const d of docs) {
    if (kindOf(d) !== 'Deployment') continue;
    const pod = podOf(d);
    if (!isObject(pod) || !Array.isArray(pod.containers)) continue;
    const ci = pod.containers.findIndex((c) => c.name === 'flytepropeller' || c.name === 'flytepropeller-manager');
    if (ci < 0) continue;
    const ops = mountOps(pod, ci, secretName);
    if (ops.length) patches.push({ doc: d, ops });
  }
  return patches;
}

/** The Secret at CLIENT_SECRET_DIR in container `ci`: the volume of a mount already there made that Secret, else a volume and a mount added. */
function mountOps(pod: Pod, ci: number, secretName: string): Operation[] {
  const c = pod.containers[ci]!;
  const volumes = Array.isArray(pod.volumes) ? pod.volumes : [];
  const mounts = Array.isArray(c.volumeMounts) ? c.volumeMounts : [];
  const mi = mounts.findIndex((m) => trimSlashes(String(m.mountPath)) === CLIENT_SECRET_DIR);
  if (mi >= 0) {
    const name = mounts[mi]!.name;
    const vi = volumes.findIndex((v) => v.name === name);
    const v = volumes[vi];
    if (vi < 0) return [{ op: 'add', path: `${BASE}/volumes/-`, value: { name, secret: { secretName } } }];
    if (!isObject(v?.secret)) return [{ op: 'replace', path: `${BASE}/volumes/${vi}`, value: { name, secret: { secretName } } }];
    return v.secret.secretName === secretName ? [] : [{ op: 'replace', path: `${BASE}/volumes/${vi}/secret/secretName`, value: secretName }];
  }
  const volume = { name: VOLUME, secret: { secretName } };
  const mount = { name: VOLUME, mountPath: CLIENT_SECRET_DIR, readOnly: true };
  const mountsPath = `${BASE}/containers/${ci}/volumeMounts`;
  return [
    Array.isArray(pod.volumes) ? { op: 'add', path: `${BASE}/volumes/-`, value: volume } : { op: 'add', path: `${BASE}/volumes`, value: [volume] },
    Array.isArray(c.volumeMounts) ? { op: 'add', path: `${mountsPath}/-`, value: mount } : { op: 'add', path: mountsPath, value: [mount] },
  ];
}

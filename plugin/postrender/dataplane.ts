// The data plane's stages: flytepropeller pointed back at the control plane's FlyteAdmin and DataCatalog.
import { validateConfigMap, validateDeployment, validateMulticluster } from '../generated/validators.cjs';
import { resolveWiring, type Wiring } from '../config/control-plane.ts';
import { schemaProblems } from '../config/schema-errors.ts';
import type { FoundConfig, MulticlusterValues } from '../config/types.ts';
import { FlytemcError, EXIT, error, errorsIn, type Problem } from '../problems/problems.ts';
import { isObject } from '../yaml/data.ts';
import { get } from '../yaml/json-pointer.ts';
import { clientSecretPatches } from './client-secret.ts';
import { CONFIG_API_GROUP, CONFIG_KIND } from './find.ts';
import { minimalRbacPatches } from './minimal-rbac.ts';
import { checksumOps, type DocPatch } from './patch.ts';
import type { Plane } from './plane.ts';
import { carriesWiring, PROPELLER_CONFIGMAP, propellerConfigOps, recordedWiring, wiredPropellerConfig } from './propeller-config.ts';
import { isNamed, kindOf, objectAt, type Doc, type K8sObject } from './stream.ts';
import { podProblems, schemaCheck } from './verify.ts';

const STREAM = 'the rendered manifests';

/** The chart's MultiClusterConfig of a data plane (spec.role: data-plane). */
function isDataPlaneConfig(d: Doc): boolean {
  if (kindOf(d) !== CONFIG_KIND) return false;
  const v = d.value as K8sObject | null;
  return (
    isObject(v) && v.kind === CONFIG_KIND && String(v.apiVersion ?? '').startsWith(`${CONFIG_API_GROUP}/`) && isObject(v.spec) && v.spec.role === 'data-plane'
  );
}

/**
 * Whether the stream is a data plane's: the chart's MultiClusterConfig says role data-plane, or
 * (no config at all) it is flytemc's own data-plane output, whose flyte-propeller-config records
 * the wiring, so that post-rendering twice equals once. `--config` is for a control plane.
 */
export function isDataPlane(docs: Doc[], config: FoundConfig | undefined): boolean {
  if (config) return false;
  if (docs.some(isDataPlaneConfig)) return true;
  return !docs.some((d) => kindOf(d) === CONFIG_KIND) && wiredPropellerConfig(docs) !== undefined;
}

/** flyte-core renders flytepropeller's config with its single-cluster defaults (flyteadmin:81, datacatalog:89); the chart's MultiClusterConfig says where they are. */
interface DataState {
  docs: Doc[];
  /** The chart's MultiClusterConfig; none when the wiring comes from an earlier run's record. */
  configDoc?: Doc;
  /** flyte-propeller-config. */
  cm?: Doc;
  values: MulticlusterValues;
  /** The wiring, once validate passed. */
  wiring?: Wiring;
}

export const dataPlane: Plane<DataState> = {
  find(docs) {
    const configs = docs.filter((d) => kindOf(d) === CONFIG_KIND);
    for (const d of configs) d.dropped = true;
    if (configs.length > 1)
      throw new FlytemcError([
        error(
          objectAt(configs[1]!, 'stream.config-count'),
          `the stream has ${configs.length} ${CONFIG_KIND} documents; there must be one`,
          'render one flyte-multicluster release at a time',
        ),
      ]);
    const cm = docs.find((d) => isNamed(d, 'ConfigMap', PROPELLER_CONFIGMAP));
    return { docs, configDoc: configs[0], cm, values: {} };
  },
  validate(state) {
    const checked = state.configDoc ? configProblems(state, state.configDoc) : { problems: [], schemaValid: true };
    // wiring problems are reported with those of the manifests; a config the schema refuses, alone
    if (!checked.schemaValid) return checked.problems;
    const problems = checked.problems;
    if (!state.configDoc && state.cm) state.wiring = recordedWiring(state.cm);
    if (!state.cm)
      problems.push(
        error(
          { code: 'wiring.no-propeller', subject: STREAM },
          `no ConfigMap ${PROPELLER_CONFIGMAP}: there is no flytepropeller to point at the control plane`,
          'a data plane runs flytepropeller: install it with -f values-dataplane.yaml (flyte-core.flytepropeller.enabled: true)',
        ),
      );
    // the objects patched below, as flyte-core renders them (schemas/manifests.schema.json)
    if (state.cm) problems.push(...schemaCheck(state.cm, validateConfigMap));
    for (const d of state.docs) if (kindOf(d) === 'Deployment') problems.push(...schemaCheck(d, validateDeployment));
    return problems;
  },
  patch: patchDataPlane,
  verify(state) {
    // every Deployment patched is one the API server takes
    const refused = errorsIn(state.docs.filter((d) => d.changed && kindOf(d) === 'Deployment').flatMap(podProblems));
    if (refused.length) return refused;
    // and flytepropeller reads exactly the wiring
    if (!carriesWiring(state.cm!, state.wiring!))
      throw new FlytemcError(
        [error(objectAt(state.cm!, 'verify.wiring'), "flytepropeller's config does not carry the control plane's endpoints after patching (a bug in flytemc)")],
        EXIT.internal,
      );
    return [];
  },
};

/** The chart's MultiClusterConfig against the schema, then its controlPlane resolved to the wiring. */
function configProblems(state: DataState, configDoc: Doc): { problems: Problem[]; schemaValid: boolean } {
  const spec = (configDoc.value as { spec: unknown }).spec;
  const problems = validateMulticluster(spec)
    ? []
    : schemaProblems(
        validateMulticluster.errors,
        (p) => objectAt(configDoc, 'values.schema', `/spec${p}`),
        (p) => get(spec, p),
      );
  if (errorsIn(problems).length) return { problems, schemaValid: false };
  state.values = spec as MulticlusterValues;
  const resolved = resolveWiring(state.values.controlPlane, (p) => objectAt(configDoc, 'wiring.control-plane', `/spec${p}`));
  if (resolved.wiring) state.wiring = resolved.wiring;
  return { problems: [...problems, ...resolved.problems], schemaValid: true };
}

/** flytepropeller's config and the pods that read it; the client secret when the control plane has auth on; least privilege with rbac minimal. */
function patchDataPlane(state: DataState): DocPatch[] {
  const { docs, configDoc } = state;
  const cm = state.cm!;
  const wiring = state.wiring!;
  const patches: DocPatch[] = [];
  const { ops, content } = propellerConfigOps(cm, wiring);
  if (ops.length) patches.push({ doc: cm, ops });
  if (content !== undefined) {
    const changed = new Map([[PROPELLER_CONFIGMAP, content]]);
    for (const d of docs) {
      if (kindOf(d) !== 'Deployment' || !isObject((d.value as { spec?: { template?: { spec?: unknown } } }).spec?.template?.spec)) continue;
      const checksum = checksumOps(d, changed);
      if (checksum.length) patches.push({ doc: d, ops: checksum });
    }
  }
  if (wiring.admin.clientSecret) patches.push(...clientSecretPatches(docs, wiring.admin.clientSecret.secretName));
  if (state.values.dataPlane?.rbac === 'minimal') {
    const templates = (configDoc?.value as { clusterResourceTemplates?: unknown } | undefined)?.clusterResourceTemplates;
    const at = configDoc ? objectAt(configDoc, 'wiring.rbac-templates', '/clusterResourceTemplates') : { code: 'wiring.rbac-templates', subject: STREAM };
    patches.push(...minimalRbacPatches(docs, templates, at));
  }
  return patches;
}

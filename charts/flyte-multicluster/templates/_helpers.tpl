{{/*
flytemc.namespace: where flyte-core puts its objects (its own `flyte.namespace` rule), so that
our objects land next to them.
*/}}
{{- define "flytemc.namespace" -}}
{{- $core := index .Values "flyte-core" | default dict -}}
{{- default .Release.Namespace $core.forceNamespace | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/*
flytemc.labels: labels of the objects this chart adds to flyte-core's.
*/}}
{{- define "flytemc.labels" -}}
app.kubernetes.io/name: flyte-multicluster
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
flytemc.io/role: {{ .Values.multicluster.role }}
{{- end -}}

{{/*
flytemc.validate: refuses combinations that values.schema.json cannot see (it validates our
block and flyte-core's separately). Renders nothing; fails with where → what → why → fix.
*/}}
{{- define "flytemc.validate" -}}
{{- $mc := .Values.multicluster | default dict -}}
{{- $core := index .Values "flyte-core" | default dict -}}
{{- $role := $mc.role | default "" | toString -}}
{{- if not $role -}}
  {{- fail "\n\nmulticluster.role is not set: flyte-multicluster installs either a control plane or a data plane.\nPass -f values-controlplane.yaml (FlyteAdmin and friends; with --post-renderer flytemc-post-renderer)\nor   -f values-dataplane.yaml (flytepropeller; with -f shared-values.yaml, the way back and the bucket both planes share, --set multicluster.clusterName=NAME --set flyte-core.flytepropeller.clusterName=NAME and --post-renderer flytemc-post-renderer)\nfrom charts/flyte-multicluster, or use `helm flytemc install control-plane|data-plane`." -}}
{{- end -}}
{{- $configmap := $core.configmap | default dict -}}
{{- range $k := list "clusterConfigs" "labelClusterMap" "defaultExecutionLabel" -}}
  {{- if hasKey $configmap $k -}}
    {{- fail (printf "\n\nflyte-core.configmap.%s is set: flyte-core ignores it there (its cluster list is configmap.clusters.%s), and flyte-multicluster reads the cluster list only from multicluster.clusters.\nMove it to multicluster.clusters.%s." $k $k $k) -}}
  {{- end -}}
{{- end -}}
{{- if eq $role "control-plane" -}}
  {{- $c := ($configmap.clusters | default dict) -}}
  {{- if or $c.clusterConfigs $c.labelClusterMap $c.defaultExecutionLabel -}}
    {{- fail "\n\nflyte-core.configmap.clusters is set on a control plane: the cluster list belongs in multicluster.clusters (validated, and wired to the credentials by the flytemc post-renderer).\nMove clusterConfigs, labelClusterMap and defaultExecutionLabel to multicluster.clusters." -}}
  {{- end -}}
  {{- /* a credential proxy is a native sidecar: an init container with restartPolicy Always, on by default from Kubernetes 1.29 */ -}}
  {{- $proxied := list -}}
  {{- range $c := (($mc.clusters | default dict).clusterConfigs | default list) -}}
    {{- if $c.credentialProxy -}}{{- $proxied = append $proxied $c.name -}}{{- end -}}
  {{- end -}}
  {{- if and $proxied (semverCompare "<1.29-0" .Capabilities.KubeVersion.Version) -}}
    {{- fail (printf "\n\nmulticluster.clusters.clusterConfigs: %s reached through a credential proxy (credentialProxy), which runs as a native sidecar (an init container with restartPolicy: Always): Kubernetes 1.29 or later, and this control plane's cluster is %s.\nUpgrade the control plane's cluster to 1.29 or later (or pass its real version: helm --kube-version), or keep these clusters on the long-lived token (remove credentialProxy; flytemc join without --auth)." (join ", " $proxied) .Capabilities.KubeVersion.Version) -}}
  {{- end -}}
  {{- if not ($core.flyteadmin | default dict).enabled -}}
    {{- fail "\n\nmulticluster.role is control-plane but flyte-core.flyteadmin.enabled is false: a control plane runs FlyteAdmin.\nPass only one role file: values-controlplane.yaml (not values-dataplane.yaml as well)." -}}
  {{- end -}}
  {{- $propeller := $core.flytepropeller | default dict -}}
  {{- if $propeller.enabled -}}
    {{- /* a control plane that also runs workloads: FlyteAdmin must list its own cluster (inCluster) under the name flytepropeller reports */ -}}
    {{- $own := list -}}
    {{- range $c := (($mc.clusters | default dict).clusterConfigs | default list) -}}
      {{- if $c.inCluster -}}{{- $own = append $own $c.name -}}{{- end -}}
    {{- end -}}
    {{- $propName := $propeller.clusterName | default "" | toString -}}
    {{- if ne (len $own) 1 -}}
      {{- fail (printf "\n\nflyte-core.flytepropeller.enabled is true on a control plane (it runs workloads too), but multicluster.clusters.clusterConfigs has %d entries with inCluster: true: FlyteAdmin sends executions to its own cluster only through exactly one such entry.\nAdd one, e.g. {name: %s, inCluster: true, enabled: true}, and set flyte-core.flytepropeller.clusterName to its name (docs/chart.md, \"A control plane that also runs workloads\")." (len $own) ($propName | default "control-plane")) -}}
    {{- end -}}
    {{- if ne $propName (first $own) -}}
      {{- fail (printf "\n\nflyte-core.flytepropeller.clusterName (%q) differs from the inCluster entry's name (%q): FlyteAdmin drops the events of a cluster that reports another name.\nSet --set flyte-core.flytepropeller.clusterName=%s." $propName (first $own) (first $own)) -}}
    {{- end -}}
  {{- end -}}
{{- else if eq $role "data-plane" -}}
  {{- /* every missing or conflicting setting of a data plane, reported together: one run shows them all */ -}}
  {{- $errs := list -}}
  {{- $name := $mc.clusterName | default "" | toString -}}
  {{- $propeller := $core.flytepropeller | default dict -}}
  {{- $propName := $propeller.clusterName | default "" | toString -}}
  {{- if not $name -}}
    {{- $errs = append $errs "multicluster.clusterName is not set: a data plane needs the name under which the control plane lists it (multicluster.clusters.clusterConfigs[].name); FlyteAdmin drops the events of a data plane whose flytepropeller.clusterName differs.\nPass --set multicluster.clusterName=NAME --set flyte-core.flytepropeller.clusterName=NAME (`helm flytemc install data-plane --name NAME` sets both)." -}}
  {{- else if ne $name $propName -}}
    {{- $errs = append $errs (printf "flyte-core.flytepropeller.clusterName (%q) differs from multicluster.clusterName (%q): FlyteAdmin drops the events of a data plane whose flytepropeller.clusterName is not the name it is listed under.\nSet both to %q: --set multicluster.clusterName=%s --set flyte-core.flytepropeller.clusterName=%s (a parent chart cannot set its subchart's values, so both are needed; `helm flytemc install data-plane --name %s` sets both)." $propName $name $name $name $name $name) -}}
  {{- end -}}
  {{- if not $propeller.enabled -}}
    {{- $errs = append $errs "multicluster.role is data-plane but flyte-core.flytepropeller.enabled is false: a data plane runs flytepropeller.\nPass only one role file: values-dataplane.yaml (not values-controlplane.yaml as well)." -}}
  {{- end -}}
  {{- $on := list -}}
  {{- range $c := list "flyteadmin" "flyteconsole" "datacatalog" "cluster_resource_manager" "workflow_scheduler" -}}
    {{- if (index $core $c | default dict).enabled -}}{{- $on = append $on $c -}}{{- end -}}
  {{- end -}}
  {{- if $on -}}
    {{- $what := ternary (printf "flyte-core.%s.enabled is" (first $on)) (printf "flyte-core.{%s}.enabled are" (join "," $on)) (eq (len $on) 1) -}}
    {{- $errs = append $errs (printf "multicluster.role is data-plane but %s true: these run in the control plane only.\nPass the cloud overlay BEFORE the role file (-f values-eks.yaml -f values-dataplane.yaml): values-dataplane.yaml turns them off, an overlay after it turns them back on." $what) -}}
  {{- end -}}
  {{- /* the way back: flytepropeller must reach FlyteAdmin (and DataCatalog) in the control plane */ -}}
  {{- $cp := $mc.controlPlane | default dict -}}
  {{- $shared := "keep it in the values file both planes share (-f shared-values.yaml on both installs)" -}}
  {{- if not $cp.adminEndpoint -}}
    {{- $errs = append $errs (printf "multicluster.controlPlane.adminEndpoint is not set: a data plane's flytepropeller sends every execution event to FlyteAdmin in the control plane, and flyte-core's default (flyteadmin:81) exists only inside the control plane's cluster, so no execution would ever finish.\nSet FlyteAdmin's gRPC endpoint as this cluster reaches it, e.g. multicluster.controlPlane.adminEndpoint: dns:///flyte.example.com:443 (`helm flytemc install data-plane --admin-endpoint URL` sets it); %s." $shared) -}}
  {{- end -}}
  {{- $catalogOn := not (and (hasKey $cp "catalog") (eq (toString $cp.catalog) "false")) -}}
  {{- if and $catalogOn (not $cp.catalogEndpoint) (not $cp.catalogIngress) -}}
    {{- $errs = append $errs (printf "multicluster.controlPlane.catalogEndpoint is not set: flytepropeller reads task caches from DataCatalog in the control plane, and flyte-core's gRPC Ingress routes only FlyteAdmin's services (%s serves no datacatalog.DataCatalog).\nEither set multicluster.controlPlane.catalogIngress: true for both planes (the control plane then routes DataCatalog on its gRPC Ingress, and the catalog defaults to adminEndpoint): %s,\nor set multicluster.controlPlane.catalogEndpoint: dns:///datacatalog.example.com:443 (DataCatalog as this cluster reaches it),\nor turn task caching off on purpose: multicluster.controlPlane.catalog: false." ($cp.adminEndpoint | default "FlyteAdmin's endpoint") $shared) -}}
  {{- end -}}
  {{- $cm := $core.configmap | default dict -}}
  {{- $adminEndpoint := (($cm.admin | default dict).admin | default dict).endpoint | default "" | toString -}}
  {{- if and $adminEndpoint (ne $adminEndpoint "flyteadmin:81") (ne $adminEndpoint (toString ($cp.adminEndpoint | default ""))) -}}
    {{- $errs = append $errs (printf "flyte-core.configmap.admin.admin.endpoint is %q but multicluster.controlPlane.adminEndpoint is %q: on a data plane flytepropeller's admin endpoint comes from multicluster.controlPlane.adminEndpoint only.\nRemove flyte-core.configmap.admin.admin.endpoint (and set multicluster.controlPlane.adminEndpoint)." $adminEndpoint (toString ($cp.adminEndpoint | default ""))) -}}
  {{- end -}}
  {{- $cache := index ($cm.catalog | default dict) "catalog-cache" | default dict -}}
  {{- $catalogEndpoint := $cache.endpoint | default "" | toString -}}
  {{- if and $catalogEndpoint (ne $catalogEndpoint "datacatalog:89") (ne $catalogEndpoint (toString ($cp.catalogEndpoint | default $cp.adminEndpoint | default ""))) -}}
    {{- $errs = append $errs (printf "flyte-core.configmap.catalog.catalog-cache.endpoint is %q: on a data plane the catalog endpoint comes from multicluster.controlPlane.catalogEndpoint (or adminEndpoint with catalogIngress).\nRemove flyte-core.configmap.catalog.catalog-cache.endpoint and set multicluster.controlPlane.catalogEndpoint: %s." $catalogEndpoint $catalogEndpoint) -}}
  {{- end -}}
  {{- /* shared storage: FlyteAdmin reads what flytepropeller writes */ -}}
  {{- $storage := $core.storage | default dict -}}
  {{- if not $storage.secretName -}}
    {{- if eq (toString ($storage.type | default "sandbox")) "sandbox" -}}
      {{- $errs = append $errs (printf "flyte-core.storage.type is sandbox: this data plane would write inputs, outputs and metadata to an in-cluster minio (minio.<namespace>.svc.cluster.local) that FlyteAdmin in the control plane cannot read.\nUse the control plane's storage on both planes: the same flyte-core.storage.type (s3, gcs or custom) and flyte-core.storage.bucketName (with -f values-eks.yaml or -f values-gcp.yaml: flyte-core.userSettings.bucketName), e.g. flyte-core.storage: {type: s3, bucketName: my-flyte-metadata}; %s. `helm flytemc validate -f shared-values.yaml -f my-values.yaml --data-plane shared-values.yaml` compares the two." $shared) -}}
    {{- else -}}
      {{- $bucket := tpl (toString $storage.bucketName) (dict "Values" $core "Template" $.Template) -}}
      {{- if regexMatch "^<.*>$" $bucket -}}
        {{- $errs = append $errs (printf "flyte-core.storage.bucketName is still the cloud overlay's placeholder %s: the data plane must write to the control plane's metadata bucket.\nSet flyte-core.userSettings.bucketName (and the rest of userSettings) to the same values as the control plane's; %s." $bucket $shared) -}}
      {{- end -}}
    {{- end -}}
  {{- end -}}
  {{- if $errs -}}
    {{- $out := "" -}}
    {{- range $i, $e := $errs -}}{{- $out = printf "%s\n\n%d. %s" $out (add1 $i) $e -}}{{- end -}}
    {{- fail (printf "\n\nthis data plane%s cannot be installed: %d setting%s missing or conflicting (all of them, in one run):%s" (ternary (printf " (%s)" $name) "" (ne $name "")) (len $errs) (ternary " is" "s are" (eq (len $errs) 1)) $out) -}}
  {{- end -}}
{{- else -}}
  {{- fail (printf "\n\nmulticluster.role is %q: use control-plane (-f values-controlplane.yaml) or data-plane (-f values-dataplane.yaml)." $role) -}}
{{- end -}}
{{- end -}}

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
  {{- fail "\n\nmulticluster.role is not set: flyte-multicluster installs either a control plane or a data plane.\nPass -f values-controlplane.yaml (FlyteAdmin and friends; with --post-renderer flytemc-post-renderer)\nor   -f values-dataplane.yaml (flytepropeller; with --set multicluster.clusterName=NAME --set flyte-core.flytepropeller.clusterName=NAME)\nfrom charts/flyte-multicluster, or use `helm flytemc install control-plane|data-plane`." -}}
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
  {{- if not ($core.flyteadmin | default dict).enabled -}}
    {{- fail "\n\nmulticluster.role is control-plane but flyte-core.flyteadmin.enabled is false: a control plane runs FlyteAdmin.\nPass only one role file: values-controlplane.yaml (not values-dataplane.yaml as well)." -}}
  {{- end -}}
{{- else if eq $role "data-plane" -}}
  {{- $name := $mc.clusterName | default "" | toString -}}
  {{- $propeller := $core.flytepropeller | default dict -}}
  {{- $propName := $propeller.clusterName | default "" | toString -}}
  {{- if not $name -}}
    {{- fail "\n\nmulticluster.clusterName is not set: a data plane needs the name under which the control plane lists it (multicluster.clusters.clusterConfigs[].name); FlyteAdmin drops the events of a data plane whose flytepropeller.clusterName differs.\nPass --set multicluster.clusterName=NAME --set flyte-core.flytepropeller.clusterName=NAME (`helm flytemc install data-plane --name NAME` sets both)." -}}
  {{- end -}}
  {{- if ne $name $propName -}}
    {{- fail (printf "\n\nflyte-core.flytepropeller.clusterName (%q) differs from multicluster.clusterName (%q): FlyteAdmin drops the events of a data plane whose flytepropeller.clusterName is not the name it is listed under.\nSet both to %q: --set multicluster.clusterName=%s --set flyte-core.flytepropeller.clusterName=%s (a parent chart cannot set its subchart's values, so both are needed; `helm flytemc install data-plane --name %s` sets both)." $propName $name $name $name $name $name) -}}
  {{- end -}}
  {{- if not $propeller.enabled -}}
    {{- fail "\n\nmulticluster.role is data-plane but flyte-core.flytepropeller.enabled is false: a data plane runs flytepropeller.\nPass only one role file: values-dataplane.yaml (not values-controlplane.yaml as well)." -}}
  {{- end -}}
  {{- $on := list -}}
  {{- range $c := list "flyteadmin" "flyteconsole" "datacatalog" "cluster_resource_manager" "workflow_scheduler" -}}
    {{- if (index $core $c | default dict).enabled -}}{{- $on = append $on $c -}}{{- end -}}
  {{- end -}}
  {{- if $on -}}
    {{- $what := ternary (printf "flyte-core.%s.enabled is" (first $on)) (printf "flyte-core.{%s}.enabled are" (join "," $on)) (eq (len $on) 1) -}}
    {{- fail (printf "\n\nmulticluster.role is data-plane but %s true: these run in the control plane only.\nPass the cloud overlay BEFORE the role file (-f values-eks.yaml -f values-dataplane.yaml): values-dataplane.yaml turns them off, an overlay after it turns them back on." $what) -}}
  {{- end -}}
{{- else -}}
  {{- fail (printf "\n\nmulticluster.role is %q: use control-plane (-f values-controlplane.yaml) or data-plane (-f values-dataplane.yaml)." $role) -}}
{{- end -}}
{{- end -}}

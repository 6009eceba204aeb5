#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  js_yaml_default
} from "./chunk-IVYUDTSF.mjs";

// plugin/yaml/dialect.ts
var t = js_yaml_default.types;
var isOctal11 = (data) => /^[-+]?0[0-7]+$/.test(data) && data.replace(/^[-+]/, "") !== "0";
var int = new js_yaml_default.Type("tag:yaml.org,2002:int", {
  kind: "scalar",
  resolve: (data) => data !== null && (isOctal11(data) || t.int.resolve(data)),
  construct: (data) => isOctal11(data) ? (data.startsWith("-") ? -1 : 1) * parseInt(data.replace(/^[-+]/, ""), 8) : t.int.construct(data),
  predicate: t.int.predicate,
  represent: t.int.represent,
  defaultStyle: t.int.defaultStyle
});
var SCHEMA = js_yaml_default.FAILSAFE_SCHEMA.extend({
  implicit: [t.null, t.bool, int, t.float, t.merge]
});
function parseYaml(text, filename) {
  return js_yaml_default.load(text, { schema: SCHEMA, ...filename ? { filename } : {} });
}
var DUMP_OPTIONS = { schema: SCHEMA, lineWidth: -1, noRefs: true };
var dumpYaml = (value) => js_yaml_default.dump(value, DUMP_OPTIONS);
var isYamlError = (e) => e instanceof js_yaml_default.YAMLException;

export {
  parseYaml,
  dumpYaml,
  isYamlError
};

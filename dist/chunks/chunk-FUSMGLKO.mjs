#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  checkConfig
} from "./chunk-A763IIPD.mjs";
import {
  PROXY_VOLUME,
  isProxied,
  isProxyKey,
  kubeconfigKey,
  proxyData,
  proxyVolume,
  sidecar,
  sidecarName
} from "./chunk-4MI52BG5.mjs";
import {
  ADMIN_GRPC_ROUTE,
  CATALOG_GRPC_ROUTES,
  CLIENT_SECRET_DIR,
  CLIENT_SECRET_KEY,
  resolveWiring
} from "./chunk-EMYUWFA7.mjs";
import {
  tokenKey
} from "./chunk-CMNDI7DY.mjs";
import {
  SERVICE_ACCOUNT,
  minimalRules,
  neededAccess,
  templatesOfValues
} from "./chunk-LPW2GZIF.mjs";
import {
  require_validators,
  schemaProblems,
  secretProblems
} from "./chunk-TNQNMB5Q.mjs";
import {
  checkText,
  parseUntrusted,
  refuseResourceErrors
} from "./chunk-SMKU2DWZ.mjs";
import {
  isObject,
  sameData
} from "./chunk-4VJRSWY5.mjs";
import {
  MAX_DOCUMENTS,
  STREAM_INPUT,
  tooManyDocuments
} from "./chunk-QVD5WBXB.mjs";
import {
  escapeSegment,
  fileIn,
  get,
  trimSlashes
} from "./chunk-C2L5FP4Q.mjs";
import {
  dumpYaml,
  isYamlError,
  parseYaml
} from "./chunk-QI4TXXNF.mjs";
import {
  EXIT,
  FlytemcError,
  error,
  errorsIn,
  warning,
  whereOf
} from "./chunk-PXOMBRJH.mjs";
import {
  __commonJS,
  __toESM
} from "./chunk-GPAN37FC.mjs";

// node_modules/fast-json-patch/commonjs/helpers.js
var require_helpers = __commonJS({
  "node_modules/fast-json-patch/commonjs/helpers.js"(exports) {
    var __extends = exports && exports.__extends || /* @__PURE__ */ (function() {
      var extendStatics = function(d, b) {
        extendStatics = Object.setPrototypeOf || { __proto__: [] } instanceof Array && function(d2, b2) {
          d2.__proto__ = b2;
        } || function(d2, b2) {
          for (var p in b2) if (b2.hasOwnProperty(p)) d2[p] = b2[p];
        };
        return extendStatics(d, b);
      };
      return function(d, b) {
        extendStatics(d, b);
        function __() {
          this.constructor = d;
        }
        d.prototype = b === null ? Object.create(b) : (__.prototype = b.prototype, new __());
      };
    })();
    Object.defineProperty(exports, "__esModule", { value: true });
    var _hasOwnProperty = Object.prototype.hasOwnProperty;
    function hasOwnProperty(obj, key) {
      return _hasOwnProperty.call(obj, key);
    }
    exports.hasOwnProperty = hasOwnProperty;
    function _objectKeys(obj) {
      if (Array.isArray(obj)) {
        var keys_1 = new Array(obj.length);
        for (var k = 0; k < keys_1.length; k++) {
          keys_1[k] = "" + k;
        }
        return keys_1;
      }
      if (Object.keys) {
        return Object.keys(obj);
      }
      var keys = [];
      for (var i in obj) {
        if (hasOwnProperty(obj, i)) {
          keys.push(i);
        }
      }
      return keys;
    }
    exports._objectKeys = _objectKeys;
    function _deepClone(obj) {
      switch (typeof obj) {
        case "object":
          return JSON.parse(JSON.stringify(obj));
        //Faster than ES5 clone - http://jsperf.com/deep-cloning-of-objects/5
        case "undefined":
          return null;
        //this is how JSON.stringify behaves for array items
        default:
          return obj;
      }
    }
    exports._deepClone = _deepClone;
    function isInteger(str) {
      var i = 0;
      var len = str.length;
      var charCode;
      while (i < len) {
        charCode = str.charCodeAt(i);
        if (charCode >= 48 && charCode <= 57) {
          i++;
          continue;
        }
        return false;
      }
      return true;
    }
    exports.isInteger = isInteger;
    function escapePathComponent(path) {
      if (path.indexOf("/") === -1 && path.indexOf("~") === -1)
        return path;
      return path.replace(/~/g, "~0").replace(/\//g, "~1");
    }
    exports.escapePathComponent = escapePathComponent;
    function unescapePathComponent(path) {
      return path.replace(/~1/g, "/").replace(/~0/g, "~");
    }
    exports.unescapePathComponent = unescapePathComponent;
    function _getPathRecursive(root, obj) {
      var found;
      for (var key in root) {
        if (hasOwnProperty(root, key)) {
          if (root[key] === obj) {
            return escapePathComponent(key) + "/";
          } else if (typeof root[key] === "object") {
            found = _getPathRecursive(root[key], obj);
            if (found != "") {
              return escapePathComponent(key) + "/" + found;
            }
          }
        }
      }
      return "";
    }
    exports._getPathRecursive = _getPathRecursive;
    function getPath(root, obj) {
      if (root === obj) {
        return "/";
      }
      var path = _getPathRecursive(root, obj);
      if (path === "") {
        throw new Error("Object not found in root");
      }
      return "/" + path;
    }
    exports.getPath = getPath;
    function hasUndefined(obj) {
      if (obj === void 0) {
        return true;
      }
      if (obj) {
        if (Array.isArray(obj)) {
          for (var i_1 = 0, len = obj.length; i_1 < len; i_1++) {
            if (hasUndefined(obj[i_1])) {
              return true;
            }
          }
        } else if (typeof obj === "object") {
          var objKeys = _objectKeys(obj);
          var objKeysLength = objKeys.length;
          for (var i = 0; i < objKeysLength; i++) {
            if (hasUndefined(obj[objKeys[i]])) {
              return true;
            }
          }
        }
      }
      return false;
    }
    exports.hasUndefined = hasUndefined;
    function patchErrorMessageFormatter(message, args) {
      var messageParts = [message];
      for (var key in args) {
        var value = typeof args[key] === "object" ? JSON.stringify(args[key], null, 2) : args[key];
        if (typeof value !== "undefined") {
          messageParts.push(key + ": " + value);
        }
      }
      return messageParts.join("\n");
    }
    var PatchError = (
      /** @class */
      (function(_super) {
        __extends(PatchError2, _super);
        function PatchError2(message, name, index, operation, tree) {
          var _newTarget = this.constructor;
          var _this = _super.call(this, patchErrorMessageFormatter(message, { name, index, operation, tree })) || this;
          _this.name = name;
          _this.index = index;
          _this.operation = operation;
          _this.tree = tree;
          Object.setPrototypeOf(_this, _newTarget.prototype);
          _this.message = patchErrorMessageFormatter(message, { name, index, operation, tree });
          return _this;
        }
        return PatchError2;
      })(Error)
    );
    exports.PatchError = PatchError;
  }
});

// node_modules/fast-json-patch/commonjs/core.js
var require_core = __commonJS({
  "node_modules/fast-json-patch/commonjs/core.js"(exports) {
    Object.defineProperty(exports, "__esModule", { value: true });
    var helpers_js_1 = require_helpers();
    exports.JsonPatchError = helpers_js_1.PatchError;
    exports.deepClone = helpers_js_1._deepClone;
    var objOps = {
      add: function(obj, key, document) {
        obj[key] = this.value;
        return { newDocument: document };
      },
      remove: function(obj, key, document) {
        var removed = obj[key];
        delete obj[key];
        return { newDocument: document, removed };
      },
      replace: function(obj, key, document) {
        var removed = obj[key];
        obj[key] = this.value;
        return { newDocument: document, removed };
      },
      move: function(obj, key, document) {
        var removed = getValueByPointer(document, this.path);
        if (removed) {
          removed = helpers_js_1._deepClone(removed);
        }
        var originalValue = applyOperation(document, { op: "remove", path: this.from }).removed;
        applyOperation(document, { op: "add", path: this.path, value: originalValue });
        return { newDocument: document, removed };
      },
      copy: function(obj, key, document) {
        var valueToCopy = getValueByPointer(document, this.from);
        applyOperation(document, { op: "add", path: this.path, value: helpers_js_1._deepClone(valueToCopy) });
        return { newDocument: document };
      },
      test: function(obj, key, document) {
        return { newDocument: document, test: _areEquals(obj[key], this.value) };
      },
      _get: function(obj, key, document) {
        this.value = obj[key];
        return { newDocument: document };
      }
    };
    var arrOps = {
      add: function(arr, i, document) {
        if (helpers_js_1.isInteger(i)) {
          arr.splice(i, 0, this.value);
        } else {
          arr[i] = this.value;
        }
        return { newDocument: document, index: i };
      },
      remove: function(arr, i, document) {
        var removedList = arr.splice(i, 1);
        return { newDocument: document, removed: removedList[0] };
      },
      replace: function(arr, i, document) {
        var removed = arr[i];
        arr[i] = this.value;
        return { newDocument: document, removed };
      },
      move: objOps.move,
      copy: objOps.copy,
      test: objOps.test,
      _get: objOps._get
    };
    function getValueByPointer(document, pointer) {
      if (pointer == "") {
        return document;
      }
      var getOriginalDestination = { op: "_get", path: pointer };
      applyOperation(document, getOriginalDestination);
      return getOriginalDestination.value;
    }
    exports.getValueByPointer = getValueByPointer;
    function applyOperation(document, operation, validateOperation, mutateDocument, banPrototypeModifications, index) {
      if (validateOperation === void 0) {
        validateOperation = false;
      }
      if (mutateDocument === void 0) {
        mutateDocument = true;
      }
      if (banPrototypeModifications === void 0) {
        banPrototypeModifications = true;
      }
      if (index === void 0) {
        index = 0;
      }
      if (validateOperation) {
        if (typeof validateOperation == "function") {
          validateOperation(operation, 0, document, operation.path);
        } else {
          validator(operation, 0);
        }
      }
      if (operation.path === "") {
        var returnValue = { newDocument: document };
        if (operation.op === "add") {
          returnValue.newDocument = operation.value;
          return returnValue;
        } else if (operation.op === "replace") {
          returnValue.newDocument = operation.value;
          returnValue.removed = document;
          return returnValue;
        } else if (operation.op === "move" || operation.op === "copy") {
          returnValue.newDocument = getValueByPointer(document, operation.from);
          if (operation.op === "move") {
            returnValue.removed = document;
          }
          return returnValue;
        } else if (operation.op === "test") {
          returnValue.test = _areEquals(document, operation.value);
          if (returnValue.test === false) {
            throw new exports.JsonPatchError("Test operation failed", "TEST_OPERATION_FAILED", index, operation, document);
          }
          returnValue.newDocument = document;
          return returnValue;
        } else if (operation.op === "remove") {
          returnValue.removed = document;
          returnValue.newDocument = null;
          return returnValue;
        } else if (operation.op === "_get") {
          operation.value = document;
          return returnValue;
        } else {
          if (validateOperation) {
            throw new exports.JsonPatchError("Operation `op` property is not one of operations defined in RFC-6902", "OPERATION_OP_INVALID", index, operation, document);
          } else {
            return returnValue;
          }
        }
      } else {
        if (!mutateDocument) {
          document = helpers_js_1._deepClone(document);
        }
        var path = operation.path || "";
        var keys = path.split("/");
        var obj = document;
        var t = 1;
        var len = keys.length;
        var existingPathFragment = void 0;
        var key = void 0;
        var validateFunction = void 0;
        if (typeof validateOperation == "function") {
          validateFunction = validateOperation;
        } else {
          validateFunction = validator;
        }
        while (true) {
          key = keys[t];
          if (key && key.indexOf("~") != -1) {
            key = helpers_js_1.unescapePathComponent(key);
          }
          if (banPrototypeModifications && (key == "__proto__" || key == "prototype" && t > 0 && keys[t - 1] == "constructor")) {
            throw new TypeError("JSON-Patch: modifying `__proto__` or `constructor/prototype` prop is banned for security reasons, if this was on purpose, please set `banPrototypeModifications` flag false and pass it to this function. More info in fast-json-patch README");
          }
          if (validateOperation) {
            if (existingPathFragment === void 0) {
              if (obj[key] === void 0) {
                existingPathFragment = keys.slice(0, t).join("/");
              } else if (t == len - 1) {
                existingPathFragment = operation.path;
              }
              if (existingPathFragment !== void 0) {
                validateFunction(operation, 0, document, existingPathFragment);
              }
            }
          }
          t++;
          if (Array.isArray(obj)) {
            if (key === "-") {
              key = obj.length;
            } else {
              if (validateOperation && !helpers_js_1.isInteger(key)) {
                throw new exports.JsonPatchError("Expected an unsigned base-10 integer value, making the new referenced value the array element with the zero-based index", "OPERATION_PATH_ILLEGAL_ARRAY_INDEX", index, operation, document);
              } else if (helpers_js_1.isInteger(key)) {
                key = ~~key;
              }
            }
            if (t >= len) {
              if (validateOperation && operation.op === "add" && key > obj.length) {
                throw new exports.JsonPatchError("The specified index MUST NOT be greater than the number of elements in the array", "OPERATION_VALUE_OUT_OF_BOUNDS", index, operation, document);
              }
              var returnValue = arrOps[operation.op].call(operation, obj, key, document);
              if (returnValue.test === false) {
                throw new exports.JsonPatchError("Test operation failed", "TEST_OPERATION_FAILED", index, operation, document);
              }
              return returnValue;
            }
          } else {
            if (t >= len) {
              var returnValue = objOps[operation.op].call(operation, obj, key, document);
              if (returnValue.test === false) {
                throw new exports.JsonPatchError("Test operation failed", "TEST_OPERATION_FAILED", index, operation, document);
              }
              return returnValue;
            }
          }
          obj = obj[key];
          if (validateOperation && t < len && (!obj || typeof obj !== "object")) {
            throw new exports.JsonPatchError("Cannot perform operation at the desired path", "OPERATION_PATH_UNRESOLVABLE", index, operation, document);
          }
        }
      }
    }
    exports.applyOperation = applyOperation;
    function applyPatch(document, patch, validateOperation, mutateDocument, banPrototypeModifications) {
      if (mutateDocument === void 0) {
        mutateDocument = true;
      }
      if (banPrototypeModifications === void 0) {
        banPrototypeModifications = true;
      }
      if (validateOperation) {
        if (!Array.isArray(patch)) {
          throw new exports.JsonPatchError("Patch sequence must be an array", "SEQUENCE_NOT_AN_ARRAY");
        }
      }
      if (!mutateDocument) {
        document = helpers_js_1._deepClone(document);
      }
      var results = new Array(patch.length);
      for (var i = 0, length_1 = patch.length; i < length_1; i++) {
        results[i] = applyOperation(document, patch[i], validateOperation, true, banPrototypeModifications, i);
        document = results[i].newDocument;
      }
      results.newDocument = document;
      return results;
    }
    exports.applyPatch = applyPatch;
    function applyReducer(document, operation, index) {
      var operationResult = applyOperation(document, operation);
      if (operationResult.test === false) {
        throw new exports.JsonPatchError("Test operation failed", "TEST_OPERATION_FAILED", index, operation, document);
      }
      return operationResult.newDocument;
    }
    exports.applyReducer = applyReducer;
    function validator(operation, index, document, existingPathFragment) {
      if (typeof operation !== "object" || operation === null || Array.isArray(operation)) {
        throw new exports.JsonPatchError("Operation is not an object", "OPERATION_NOT_AN_OBJECT", index, operation, document);
      } else if (!objOps[operation.op]) {
        throw new exports.JsonPatchError("Operation `op` property is not one of operations defined in RFC-6902", "OPERATION_OP_INVALID", index, operation, document);
      } else if (typeof operation.path !== "string") {
        throw new exports.JsonPatchError("Operation `path` property is not a string", "OPERATION_PATH_INVALID", index, operation, document);
      } else if (operation.path.indexOf("/") !== 0 && operation.path.length > 0) {
        throw new exports.JsonPatchError('Operation `path` property must start with "/"', "OPERATION_PATH_INVALID", index, operation, document);
      } else if ((operation.op === "move" || operation.op === "copy") && typeof operation.from !== "string") {
        throw new exports.JsonPatchError("Operation `from` property is not present (applicable in `move` and `copy` operations)", "OPERATION_FROM_REQUIRED", index, operation, document);
      } else if ((operation.op === "add" || operation.op === "replace" || operation.op === "test") && operation.value === void 0) {
        throw new exports.JsonPatchError("Operation `value` property is not present (applicable in `add`, `replace` and `test` operations)", "OPERATION_VALUE_REQUIRED", index, operation, document);
      } else if ((operation.op === "add" || operation.op === "replace" || operation.op === "test") && helpers_js_1.hasUndefined(operation.value)) {
        throw new exports.JsonPatchError("Operation `value` property is not present (applicable in `add`, `replace` and `test` operations)", "OPERATION_VALUE_CANNOT_CONTAIN_UNDEFINED", index, operation, document);
      } else if (document) {
        if (operation.op == "add") {
          var pathLen = operation.path.split("/").length;
          var existingPathLen = existingPathFragment.split("/").length;
          if (pathLen !== existingPathLen + 1 && pathLen !== existingPathLen) {
            throw new exports.JsonPatchError("Cannot perform an `add` operation at the desired path", "OPERATION_PATH_CANNOT_ADD", index, operation, document);
          }
        } else if (operation.op === "replace" || operation.op === "remove" || operation.op === "_get") {
          if (operation.path !== existingPathFragment) {
            throw new exports.JsonPatchError("Cannot perform the operation at a path that does not exist", "OPERATION_PATH_UNRESOLVABLE", index, operation, document);
          }
        } else if (operation.op === "move" || operation.op === "copy") {
          var existingValue = { op: "_get", path: operation.from, value: void 0 };
          var error2 = validate([existingValue], document);
          if (error2 && error2.name === "OPERATION_PATH_UNRESOLVABLE") {
            throw new exports.JsonPatchError("Cannot perform the operation from a path that does not exist", "OPERATION_FROM_UNRESOLVABLE", index, operation, document);
          }
        }
      }
    }
    exports.validator = validator;
    function validate(sequence, document, externalValidator) {
      try {
        if (!Array.isArray(sequence)) {
          throw new exports.JsonPatchError("Patch sequence must be an array", "SEQUENCE_NOT_AN_ARRAY");
        }
        if (document) {
          applyPatch(helpers_js_1._deepClone(document), helpers_js_1._deepClone(sequence), externalValidator || true);
        } else {
          externalValidator = externalValidator || validator;
          for (var i = 0; i < sequence.length; i++) {
            externalValidator(sequence[i], i, document, void 0);
          }
        }
      } catch (e) {
        if (e instanceof exports.JsonPatchError) {
          return e;
        } else {
          throw e;
        }
      }
    }
    exports.validate = validate;
    function _areEquals(a, b) {
      if (a === b)
        return true;
      if (a && b && typeof a == "object" && typeof b == "object") {
        var arrA = Array.isArray(a), arrB = Array.isArray(b), i, length, key;
        if (arrA && arrB) {
          length = a.length;
          if (length != b.length)
            return false;
          for (i = length; i-- !== 0; )
            if (!_areEquals(a[i], b[i]))
              return false;
          return true;
        }
        if (arrA != arrB)
          return false;
        var keys = Object.keys(a);
        length = keys.length;
        if (length !== Object.keys(b).length)
          return false;
        for (i = length; i-- !== 0; )
          if (!b.hasOwnProperty(keys[i]))
            return false;
        for (i = length; i-- !== 0; ) {
          key = keys[i];
          if (!_areEquals(a[key], b[key]))
            return false;
        }
        return true;
      }
      return a !== a && b !== b;
    }
    exports._areEquals = _areEquals;
  }
});

// node_modules/fast-json-patch/commonjs/duplex.js
var require_duplex = __commonJS({
  "node_modules/fast-json-patch/commonjs/duplex.js"(exports) {
    Object.defineProperty(exports, "__esModule", { value: true });
    var helpers_js_1 = require_helpers();
    var core_js_1 = require_core();
    var beforeDict = /* @__PURE__ */ new WeakMap();
    var Mirror = (
      /** @class */
      /* @__PURE__ */ (function() {
        function Mirror2(obj) {
          this.observers = /* @__PURE__ */ new Map();
          this.obj = obj;
        }
        return Mirror2;
      })()
    );
    var ObserverInfo = (
      /** @class */
      /* @__PURE__ */ (function() {
        function ObserverInfo2(callback, observer) {
          this.callback = callback;
          this.observer = observer;
        }
        return ObserverInfo2;
      })()
    );
    function getMirror(obj) {
      return beforeDict.get(obj);
    }
    function getObserverFromMirror(mirror, callback) {
      return mirror.observers.get(callback);
    }
    function removeObserverFromMirror(mirror, observer) {
      mirror.observers.delete(observer.callback);
    }
    function unobserve(root, observer) {
      observer.unobserve();
    }
    exports.unobserve = unobserve;
    function observe(obj, callback) {
      var patches = [];
      var observer;
      var mirror = getMirror(obj);
      if (!mirror) {
        mirror = new Mirror(obj);
        beforeDict.set(obj, mirror);
      } else {
        var observerInfo = getObserverFromMirror(mirror, callback);
        observer = observerInfo && observerInfo.observer;
      }
      if (observer) {
        return observer;
      }
      observer = {};
      mirror.value = helpers_js_1._deepClone(obj);
      if (callback) {
        observer.callback = callback;
        observer.next = null;
        var dirtyCheck = function() {
          generate(observer);
        };
        var fastCheck = function() {
          clearTimeout(observer.next);
          observer.next = setTimeout(dirtyCheck);
        };
        if (typeof window !== "undefined") {
          window.addEventListener("mouseup", fastCheck);
          window.addEventListener("keyup", fastCheck);
          window.addEventListener("mousedown", fastCheck);
          window.addEventListener("keydown", fastCheck);
          window.addEventListener("change", fastCheck);
        }
      }
      observer.patches = patches;
      observer.object = obj;
      observer.unobserve = function() {
        generate(observer);
        clearTimeout(observer.next);
        removeObserverFromMirror(mirror, observer);
        if (typeof window !== "undefined") {
          window.removeEventListener("mouseup", fastCheck);
          window.removeEventListener("keyup", fastCheck);
          window.removeEventListener("mousedown", fastCheck);
          window.removeEventListener("keydown", fastCheck);
          window.removeEventListener("change", fastCheck);
        }
      };
      mirror.observers.set(callback, new ObserverInfo(callback, observer));
      return observer;
    }
    exports.observe = observe;
    function generate(observer, invertible) {
      if (invertible === void 0) {
        invertible = false;
      }
      var mirror = beforeDict.get(observer.object);
      _generate(mirror.value, observer.object, observer.patches, "", invertible);
      if (observer.patches.length) {
        core_js_1.applyPatch(mirror.value, observer.patches);
      }
      var temp = observer.patches;
      if (temp.length > 0) {
        observer.patches = [];
        if (observer.callback) {
          observer.callback(temp);
        }
      }
      return temp;
    }
    exports.generate = generate;
    function _generate(mirror, obj, patches, path, invertible) {
      if (obj === mirror) {
        return;
      }
      if (typeof obj.toJSON === "function") {
        obj = obj.toJSON();
      }
      var newKeys = helpers_js_1._objectKeys(obj);
      var oldKeys = helpers_js_1._objectKeys(mirror);
      var changed = false;
      var deleted = false;
      for (var t = oldKeys.length - 1; t >= 0; t--) {
        var key = oldKeys[t];
        var oldVal = mirror[key];
        if (helpers_js_1.hasOwnProperty(obj, key) && !(obj[key] === void 0 && oldVal !== void 0 && Array.isArray(obj) === false)) {
          var newVal = obj[key];
          if (typeof oldVal == "object" && oldVal != null && typeof newVal == "object" && newVal != null && Array.isArray(oldVal) === Array.isArray(newVal)) {
            _generate(oldVal, newVal, patches, path + "/" + helpers_js_1.escapePathComponent(key), invertible);
          } else {
            if (oldVal !== newVal) {
              changed = true;
              if (invertible) {
                patches.push({ op: "test", path: path + "/" + helpers_js_1.escapePathComponent(key), value: helpers_js_1._deepClone(oldVal) });
              }
              patches.push({ op: "replace", path: path + "/" + helpers_js_1.escapePathComponent(key), value: helpers_js_1._deepClone(newVal) });
            }
          }
        } else if (Array.isArray(mirror) === Array.isArray(obj)) {
          if (invertible) {
            patches.push({ op: "test", path: path + "/" + helpers_js_1.escapePathComponent(key), value: helpers_js_1._deepClone(oldVal) });
          }
          patches.push({ op: "remove", path: path + "/" + helpers_js_1.escapePathComponent(key) });
          deleted = true;
        } else {
          if (invertible) {
            patches.push({ op: "test", path, value: mirror });
          }
          patches.push({ op: "replace", path, value: obj });
          changed = true;
        }
      }
      if (!deleted && newKeys.length == oldKeys.length) {
        return;
      }
      for (var t = 0; t < newKeys.length; t++) {
        var key = newKeys[t];
        if (!helpers_js_1.hasOwnProperty(mirror, key) && obj[key] !== void 0) {
          patches.push({ op: "add", path: path + "/" + helpers_js_1.escapePathComponent(key), value: helpers_js_1._deepClone(obj[key]) });
        }
      }
    }
    function compare(tree1, tree2, invertible) {
      if (invertible === void 0) {
        invertible = false;
      }
      var patches = [];
      _generate(tree1, tree2, patches, "", invertible);
      return patches;
    }
    exports.compare = compare;
  }
});

// node_modules/fast-json-patch/index.js
var require_fast_json_patch = __commonJS({
  "node_modules/fast-json-patch/index.js"(exports) {
    var core = require_core();
    Object.assign(exports, core);
    var duplex = require_duplex();
    Object.assign(exports, duplex);
    var helpers = require_helpers();
    exports.JsonPatchError = helpers.PatchError;
    exports.deepClone = helpers._deepClone;
    exports.escapePathComponent = helpers.escapePathComponent;
    exports.unescapePathComponent = helpers.unescapePathComponent;
  }
});

// plugin/postrender/stream.ts
var Doc = class {
  /** Set by the patch stage when the document must be serialised again. */
  changed = false;
  /** Set when the document is consumed (the chart's MultiClusterConfig) and must not be written. */
  dropped = false;
  /** The top-level `kind`, read from the text when it says it plainly (textKind), else undefined. */
  textKind;
  #value;
  #parsed;
  /** Comment and blank lines before the body (`# Source: ...`). */
  header;
  /** The YAML text as Helm wrote it. */
  body;
  /** 1-based line of the stream where the document's first line is. */
  line;
  #label;
  constructor(header, body, line, label) {
    this.header = header;
    this.body = body;
    this.line = line;
    this.#label = label;
    this.#parsed = body === "";
    this.#value = null;
    this.textKind = body === "" ? void 0 : textKind(body);
  }
  /** The parsed document (objects are patched in place by the patch stage). */
  get value() {
    if (!this.#parsed) {
      this.#value = parseDocument(this.body, this.line, this.#label);
      this.#parsed = true;
    }
    return this.#value;
  }
  set value(v) {
    this.#value = v;
    this.#parsed = true;
  }
  /** Whether the value has been parsed (tests and the benchmark's account of the work done). */
  get parsed() {
    return this.#parsed;
  }
};
function objectAt(d, code, pointer) {
  const v = d.value;
  const source = /^# Source: (.*)$/m.exec(d.header)?.[1];
  const at = { object: isObject(v) ? `${v.kind ?? "?"}/${v.metadata?.name ?? "?"}` : "document", streamLine: d.line };
  if (code !== void 0) at.code = code;
  if (source) at.source = source;
  if (pointer !== void 0) at.pointer = pointer;
  return at;
}
var objectName = (d) => whereOf(objectAt(d));
function resourceId(value) {
  if (!isObject(value)) return void 0;
  const v = value;
  if (typeof v.kind !== "string" || typeof v.metadata?.name !== "string") return void 0;
  const id = { apiVersion: String(v.apiVersion ?? ""), kind: v.kind, name: v.metadata.name };
  if (typeof v.metadata.namespace === "string" && v.metadata.namespace) id.namespace = v.metadata.namespace;
  return id;
}
var kindOf = (d) => {
  if (d.textKind !== void 0) return d.textKind;
  const v = d.value;
  return isObject(v) && typeof v.kind === "string" ? v.kind : void 0;
};
var nameOf = (d) => {
  const v = d.value;
  return isObject(v) && typeof v.metadata?.name === "string" ? v.metadata.name : void 0;
};
var mayMention = (d, text) => d.body.includes(text) || d.body.includes("\\");
var isNamed = (d, kind, name) => kindOf(d) === kind && mayMention(d, name) && nameOf(d) === name;
var KIND_LINE = /^kind[ \t]*:[ \t]+([A-Za-z][A-Za-z0-9]*)(?:[ \t]+(?:#.*)?)?$/;
var KEY_LINE = /^[A-Za-z_][\w./-]*[ \t]*:(?:[ \t]|$)/;
var SEQUENCE_ENTRY = /^-(?:[ \t]|$)/;
function textKind(body) {
  if (body.includes("\r")) return void 0;
  let kind;
  let afterKind = false;
  let pos = 0;
  while (pos < body.length) {
    let nl = body.indexOf("\n", pos);
    if (nl < 0) nl = body.length;
    const c = body.charCodeAt(pos);
    if (c === 32 || c === 9) {
      if (afterKind && !BLANK.test(body.slice(pos, nl))) return void 0;
    } else if (c !== 10 && c !== 35) {
      afterKind = false;
      const line = body.slice(pos, nl);
      const m = KIND_LINE.exec(line);
      if (m) {
        if (kind !== void 0) return void 0;
        kind = m[1];
        afterKind = true;
      } else if (line.startsWith("kind") && /^kind[ \t]*:/.test(line)) return void 0;
      else if (!KEY_LINE.test(line) && !SEQUENCE_ENTRY.test(line)) return void 0;
    }
    pos = nl + 1;
  }
  return kind;
}
function parseDocument(body, line, label) {
  const where = `${label}: stream line ${line}`;
  let value;
  try {
    value = parseUntrusted(body, where, STREAM_INPUT);
  } catch (e) {
    if (!isYamlError(e)) throw e;
    const m = e.mark;
    throw new FlytemcError([
      error(
        { code: "stream.yaml", subject: m ? `${label}: stream line ${line + m.line}` : label },
        `invalid YAML: ${e.reason}`,
        "the stream must be YAML documents separated by `---` lines, as `helm template` writes them"
      )
    ]);
  }
  if (value !== null && (typeof value !== "object" || Array.isArray(value))) {
    throw new FlytemcError([
      error(
        { code: "stream.document", subject: where },
        `a document must be a Kubernetes object (a mapping), not ${Array.isArray(value) ? "a list" : `the ${typeof value} ${JSON.stringify(String(value).slice(0, 40))}`}`,
        "the stream must be Kubernetes manifests, as `helm template` writes them"
      )
    ]);
  }
  return value;
}
var HEADER_LINE = /^\s*(#.*)?$/;
var BLANK = /^\s*$/;
function parseStream(text, label = "the rendered manifests") {
  checkText(text, label, STREAM_INPUT);
  const docs = [];
  let separators = 0;
  const flush = (from, to, firstLine) => {
    let pos2 = from;
    let h = 0;
    while (pos2 <= to) {
      let nl = text.indexOf("\n", pos2);
      if (nl < 0 || nl > to) nl = to;
      if (!HEADER_LINE.test(text.slice(pos2, nl))) break;
      h++;
      pos2 = nl + 1;
    }
    const header = pos2 > from ? text.slice(from, Math.min(pos2 - 1, to)) : "";
    const body = pos2 <= to ? text.slice(pos2, to) : "";
    const line2 = firstLine + h;
    if (BLANK.test(body)) {
      if (!BLANK.test(header)) docs.push(new Doc(header.replace(/\s+$/, ""), "", line2, label));
      return;
    }
    docs.push(new Doc(header, body, line2, label));
  };
  let chunkStart = 0;
  let chunkLine = 1;
  let pos = 0;
  let line = 1;
  while (pos <= text.length) {
    let nl = text.indexOf("\n", pos);
    if (nl < 0) nl = text.length;
    if (text.startsWith("---", pos) && BLANK.test(text.slice(pos + 3, nl))) {
      if (++separators > MAX_DOCUMENTS) throw tooManyDocuments(label);
      flush(chunkStart, pos - 1, chunkLine);
      chunkStart = nl + 1;
      chunkLine = line + 1;
    }
    pos = nl + 1;
    line++;
  }
  flush(chunkStart, text.length, chunkLine);
  return docs;
}
function emitStream(docs) {
  let out = "";
  for (const d of docs) {
    if (d.dropped) continue;
    const body = d.changed ? dumpYaml(d.value) : d.body.endsWith("\n") || d.body === "" ? d.body : d.body + "\n";
    out += "---\n" + (d.header ? d.header + "\n" : "") + body;
  }
  return out;
}

// plugin/postrender/find.ts
var CONFIG_API_GROUP = "flytemc.io";
var CONFIG_KIND = "MultiClusterConfig";
var CLUSTERS_KEY = "clusters.yaml";
var ADMIN_CLUSTERS_CONFIGMAP = "flyte-admin-clusters-config";
var podOf = (d) => d.value.spec.template.spec;
function configMapsOfVolume(v) {
  const names = [];
  const cm = v.configMap;
  if (isObject(cm) && typeof cm.name === "string") names.push(cm.name);
  const projected = v.projected;
  if (isObject(projected) && Array.isArray(projected.sources)) {
    for (const s of projected.sources) if (isObject(s) && isObject(s.configMap) && typeof s.configMap.name === "string") names.push(s.configMap.name);
  }
  return names;
}
var parsedClusters = /* @__PURE__ */ new WeakMap();
function clustersYamlOf(cm) {
  let r = parsedClusters.get(cm);
  if (!r) {
    const text = cm.value.data[CLUSTERS_KEY];
    try {
      r = { value: typeof text === "string" ? parseUntrusted(text, `${objectName(cm)} /data/${CLUSTERS_KEY}`, STREAM_INPUT) : void 0 };
    } catch (e) {
      if (!isYamlError(e)) throw e;
      r = { error: e };
    }
    parsedClusters.set(cm, r);
  }
  return r;
}
function findTargets(docs) {
  const configMaps = docs.filter(
    (d) => kindOf(d) === "ConfigMap" && mayMention(d, CLUSTERS_KEY) && isObject(d.value.data) && CLUSTERS_KEY in d.value.data
  );
  const cmNames = new Set(configMaps.map(nameOf));
  const names = [...cmNames];
  const mountsOne = (d) => names.some((n) => n === void 0 || mayMention(d, n));
  const deployments = [];
  const readers = [];
  for (const d of docs) {
    if (kindOf(d) !== "Deployment" || !mountsOne(d)) continue;
    const pod = d.value.spec?.template?.spec;
    if (!isObject(pod)) continue;
    const vols = Array.isArray(pod.volumes) ? pod.volumes : [];
    const configVolumes = new Set(
      vols.filter((v) => isObject(v) && v.name !== PROXY_VOLUME && configMapsOfVolume(v).some((n) => cmNames.has(n))).map((v) => v.name)
    );
    if (configVolumes.size === 0) continue;
    readers.push(d);
    const containers = [];
    for (const list of ["initContainers", "containers"]) {
      const cs = pod[list];
      if (!Array.isArray(cs)) continue;
      cs.forEach((c, index) => {
        if (isObject(c) && Array.isArray(c.volumeMounts) && c.volumeMounts.some((m) => isObject(m) && configVolumes.has(m.name))) {
          containers.push({ list, index, name: String(c.name) });
        }
      });
    }
    if (containers.length) deployments.push({ doc: d, containers });
  }
  const twice = duplicates([...configMaps, ...readers]);
  if (twice.length) throw new FlytemcError(twice);
  const admin = deployments.find((t) => t.containers.some((c) => c.list === "containers" && c.name === "flyteadmin"))?.doc;
  if (!admin) {
    throw new FlytemcError([
      error(
        { code: "wiring.no-flyteadmin", subject: "the rendered manifests" },
        "no FlyteAdmin: the stream has no Deployment with a `flyteadmin` container that mounts the clusters ConfigMap",
        "flytemc post-renders a flyte-multicluster control plane (-f values-controlplane.yaml) or data plane (-f values-dataplane.yaml, whose MultiClusterConfig says where FlyteAdmin is)"
      )
    ]);
  }
  const secrets = docs.filter((d) => kindOf(d) === "Secret");
  return { configMaps, deployments, admin, secrets };
}
function duplicates(docs) {
  const seen = /* @__PURE__ */ new Map();
  const out = [];
  for (const d of docs) {
    const v = d.value;
    const key = `${kindOf(d)}/${v.metadata?.namespace ?? ""}/${v.metadata?.name ?? ""}`;
    const first = seen.get(key);
    if (!first) seen.set(key, d);
    else
      out.push(
        error(
          objectAt(d, "stream.duplicate"),
          `the stream holds this object twice (also ${objectName(first)}): the API server keeps one of them, and the wiring of the other is lost`,
          "render each object once: remove the duplicate (e.g. a second chart or template that renders it too)"
        )
      );
  }
  return out;
}
function secretNamed(targets, name) {
  for (let i = targets.secrets.length - 1; i >= 0; i--) {
    const d = targets.secrets[i];
    if (isNamed(d, "Secret", name)) return d;
  }
  return void 0;
}
function findConfig(docs, targets, fromFile) {
  const problems = [];
  const configDocs = docs.filter((d) => kindOf(d) === CONFIG_KIND && String(d.value.apiVersion ?? "").startsWith(CONFIG_API_GROUP + "/"));
  for (const d of configDocs) d.dropped = true;
  if (configDocs.length > 1) {
    throw new FlytemcError([
      error(
        objectAt(configDocs[1], "stream.config-count"),
        `the stream has ${configDocs.length} ${CONFIG_KIND} documents; there must be one`,
        "render one flyte-multicluster control plane per release"
      )
    ]);
  }
  if (fromFile) {
    if (configDocs.length)
      problems.push(
        warning(objectAt(configDocs[0], "wiring.config-ignored"), `the chart's ${CONFIG_KIND} is ignored: --config ${fromFile.source.label} is used instead`)
      );
    return { found: fromFile, problems };
  }
  const doc = configDocs[0];
  if (doc) {
    const v = doc.value;
    return { found: { source: { label: objectName(doc), base: "/spec", at: objectAt(doc) }, form: "multicluster", raw: v.spec ?? null }, problems };
  }
  const cm = targets.configMaps.find((d) => nameOf(d) === ADMIN_CLUSTERS_CONFIGMAP) ?? targets.configMaps[0];
  const clustersYaml2 = clustersYamlOf(cm);
  if ("error" in clustersYaml2)
    throw new FlytemcError([error(objectAt(cm, "wiring.clusters-yaml", `/data/${CLUSTERS_KEY}`), `invalid YAML: ${clustersYaml2.error.reason}`)]);
  const parsed = clustersYaml2.value;
  const clusters = isObject(parsed) ? parsed.clusters : void 0;
  const list = isObject(clusters) ? clusters.clusterConfigs : void 0;
  if (!Array.isArray(list) || list.length === 0) {
    throw new FlytemcError([
      error(
        { code: "wiring.no-config", subject: "the rendered manifests" },
        "no multi-cluster config: no --config FILE, no MultiClusterConfig document from the flyte-multicluster chart, and flyte-core's clusters.yaml lists no cluster",
        "pass --config values.yaml (with a `multicluster:` block or flyte-core's `configmap.clusters`), or install the flyte-multicluster chart with -f values-controlplane.yaml"
      )
    ]);
  }
  const pod = podOf(targets.admin);
  const main = pod.containers.find((c) => c.name === "flyteadmin");
  const label = `${objectName(cm)} data.${CLUSTERS_KEY}`;
  const mounts = `/spec/template/spec/containers/${pod.containers.indexOf(main)}/volumeMounts`;
  return {
    found: {
      // a file inside the ConfigMap: its pointers are not fields of the object
      source: { label, base: "/clusters", at: { file: label, streamLine: cm.line } },
      form: "stream",
      raw: clusters,
      volumes: { value: pod.volumes ?? [], where: (p) => objectAt(targets.admin, void 0, `/spec/template/spec/volumes${p}`) },
      mounts: { value: main.volumeMounts ?? [], where: (p) => objectAt(targets.admin, void 0, mounts + p) }
    },
    problems
  };
}

// plugin/postrender/ingress.ts
var CATALOG_SERVICE = "datacatalog";
var CATALOG_GRPC_PORT = 89;
function catalogRoutePatches(docs) {
  const patches = [];
  let grpcRules = 0;
  for (const d of docs) {
    if (kindOf(d) !== "Ingress") continue;
    const v = d.value;
    if (!isObject(v) || v.kind !== "Ingress" || !Array.isArray(v.spec?.rules)) continue;
    const ops = [];
    v.spec.rules.forEach((rule, ri) => {
      const paths = isObject(rule) && isObject(rule.http) && Array.isArray(rule.http.paths) ? rule.http.paths : void 0;
      if (!paths?.some((p) => isObject(p) && p.path === ADMIN_GRPC_ROUTE)) return;
      grpcRules++;
      for (const path of CATALOG_GRPC_ROUTES) {
        if (paths.some((p) => isObject(p) && p.path === path)) continue;
        ops.push({
          op: "add",
          path: `/spec/rules/${ri}/http/paths/-`,
          value: { path, pathType: "ImplementationSpecific", backend: { service: { name: CATALOG_SERVICE, port: { number: CATALOG_GRPC_PORT } } } }
        });
      }
    });
    if (ops.length) patches.push({ doc: d, ops });
  }
  if (!docs.some((d) => isNamed(d, "Service", CATALOG_SERVICE))) {
    throw new FlytemcError([
      error(
        { code: "wiring.catalog-service", subject: "the rendered manifests" },
        `multicluster.controlPlane.catalogIngress is true, but the control plane runs no Service ${CATALOG_SERVICE}`,
        "keep DataCatalog on in the control plane (flyte-core.datacatalog.enabled: true)"
      )
    ]);
  }
  if (grpcRules === 0) {
    throw new FlytemcError([
      error(
        { code: "wiring.catalog-ingress", subject: "the rendered manifests" },
        `multicluster.controlPlane.catalogIngress is true, but no Ingress routes FlyteAdmin's gRPC services (${ADMIN_GRPC_ROUTE}) to add datacatalog.DataCatalog to`,
        "turn flyte-core's Ingress on (flyte-core.common.ingress.enabled: true), or set catalogIngress: false and give the data planes a catalogEndpoint"
      )
    ]);
  }
  return patches;
}

// plugin/postrender/patch.ts
var import_fast_json_patch = __toESM(require_fast_json_patch(), 1);
import { createHash } from "node:crypto";
var BASE = "/spec/template/spec";
var CHECKSUM = "configChecksum";
var CHART_VOLUME = "cluster-secrets";
var CHART_SECRET = "cluster-credentials";
function clustersYaml(config) {
  return dumpYaml({ clusters: config.clusters });
}
function sameClusters(cm, want, wantJson) {
  const text = cm.value.data[CLUSTERS_KEY];
  if (typeof text !== "string") return false;
  if (text === want) return true;
  const parsed = clustersYamlOf(cm);
  return !("error" in parsed) && JSON.stringify(parsed.value) === wantJson();
}
function configMapPatch(doc, want, wantJson, proxies) {
  const data = doc.value.data;
  const ops = sameClusters(doc, want, wantJson) ? [] : [{ op: "replace", path: `/data/${escapeSegment(CLUSTERS_KEY)}`, value: want }];
  for (const [k, v] of Object.entries(proxies)) if (data[k] !== v) ops.push({ op: k in data ? "replace" : "add", path: `/data/${escapeSegment(k)}`, value: v });
  for (const k of Object.keys(data)) if (isProxyKey(k) && !(k in proxies)) ops.push({ op: "remove", path: `/data/${escapeSegment(k)}` });
  return ops;
}
var isSidecarOfProxy = (c) => isObject(c) && typeof c.name === "string" && c.restartPolicy === "Always" && isProxyKey(c.name);
function proxyPatch(target, before, proxied, secretName, cmNames) {
  const rendered = podOf(target.doc);
  const ours = (rendered.initContainers ?? []).some(isSidecarOfProxy) || (rendered.volumes ?? []).some((v) => isObject(v) && v.name === PROXY_VOLUME);
  if (!proxied.length && !ours) return [];
  const pod = podOf({ value: import_fast_json_patch.default.applyPatch(structuredClone(target.doc.value), before, false, false).newDocument });
  const init = Array.isArray(pod.initContainers) ? pod.initContainers : [];
  const wanted = [...proxied.map(sidecar), ...init.filter((c) => !isSidecarOfProxy(c))];
  const ops = [];
  const volumes = Array.isArray(pod.volumes) ? pod.volumes : [];
  const vi = volumes.findIndex((v) => isObject(v) && v.name === PROXY_VOLUME);
  if (proxied.length) {
    const configMap = volumes.flatMap((v) => isObject(v) ? configMapsOfVolume(v) : []).find((n) => cmNames.has(n));
    const volume = proxyVolume(configMap, secretName, proxied);
    if (vi < 0)
      ops.push(Array.isArray(pod.volumes) ? { op: "add", path: `${BASE}/volumes/-`, value: volume } : { op: "add", path: `${BASE}/volumes`, value: [volume] });
    else if (!sameData(volumes[vi], volume)) ops.push({ op: "replace", path: `${BASE}/volumes/${vi}`, value: volume });
  }
  if (!sameData(init, wanted))
    ops.push(
      wanted.length ? { op: Array.isArray(pod.initContainers) ? "replace" : "add", path: `${BASE}/initContainers`, value: wanted } : { op: "remove", path: `${BASE}/initContainers` }
      // only sidecars of ours were there
    );
  if (!proxied.length && vi >= 0) ops.push({ op: "remove", path: `${BASE}/volumes/${vi}` });
  return ops;
}
function freeVolumeName(pod) {
  const taken = new Set((pod.volumes ?? []).map((v) => v.name));
  for (const n of ["cluster-credentials", "flytemc-cluster-credentials"]) if (!taken.has(n)) return n;
  let i = 2;
  while (taken.has(`flytemc-cluster-credentials-${i}`)) i++;
  return `flytemc-cluster-credentials-${i}`;
}
function credentialVolume(target, secretName, mountPath) {
  const pod = podOf(target.doc);
  const volumes = Array.isArray(pod.volumes) ? pod.volumes : [];
  const chartVolume = volumes.findIndex((v) => v.name === CHART_VOLUME && isObject(v.secret) && v.secret.secretName === CHART_SECRET);
  const ops = [];
  let vi = volumes.findIndex((v) => isObject(v.secret) && v.secret.secretName === secretName);
  if (vi < 0) {
    const mountedThere = new Set(
      target.containers.flatMap(
        (c) => (pod[c.list][c.index].volumeMounts ?? []).filter((m) => trimSlashes(m.mountPath) === trimSlashes(mountPath)).map((m) => m.name)
      )
    );
    vi = volumes.findIndex((v) => mountedThere.has(String(v.name)) && isObject(v.secret));
    if (vi < 0) vi = chartVolume;
    if (vi >= 0) ops.push({ op: "replace", path: `${BASE}/volumes/${vi}/secret/secretName`, value: secretName });
  }
  if (vi >= 0) return { ops, name: String(volumes[vi].name), fromChart: vi === chartVolume };
  const volume = { name: freeVolumeName(pod), secret: { secretName } };
  ops.push(Array.isArray(pod.volumes) ? { op: "add", path: `${BASE}/volumes/-`, value: volume } : { op: "add", path: `${BASE}/volumes`, value: [volume] });
  return { ops, name: volume.name, fromChart: false };
}
function mountOps(target, c, mountPath, volume) {
  const container = podOf(target.doc)[c.list][c.index];
  const norm = trimSlashes;
  const cpath = `${BASE}/${c.list}/${c.index}/volumeMounts`;
  const mounts = Array.isArray(container.volumeMounts) ? container.volumeMounts : [];
  const there = mounts.map((m, i) => ({ m, i })).filter(({ m }) => isObject(m) && typeof m.mountPath === "string" && norm(m.mountPath) === norm(mountPath));
  const remove = new Set(there.slice(1).map((t) => t.i));
  if (volume.fromChart) {
    mounts.forEach((m, i) => {
      if (m.name === volume.name && norm(m.mountPath) !== norm(mountPath)) remove.add(i);
    });
  }
  const ops = [];
  if (there.length === 0) {
    const mount = { mountPath, name: volume.name, readOnly: true };
    ops.push(Array.isArray(container.volumeMounts) ? { op: "add", path: `${cpath}/-`, value: mount } : { op: "add", path: cpath, value: [mount] });
  } else if (there[0].m.name !== volume.name) {
    ops.push({ op: "replace", path: `${cpath}/${there[0].i}/name`, value: volume.name });
  }
  for (const i of [...remove].sort((a, b) => b - a)) ops.push({ op: "remove", path: `${cpath}/${i}` });
  return ops;
}
function deploymentPatch(target, config, changed, proxied, cmNames) {
  const { secretName, mountPath } = config.credentials;
  const volume = credentialVolume(target, secretName, mountPath);
  const ops = [...volume.ops];
  for (const c of target.containers) ops.push(...mountOps(target, c, mountPath, volume));
  ops.push(...proxyPatch(target, ops, proxied, secretName, cmNames));
  ops.push(...checksumOps(target.doc, changed));
  return ops;
}
function checksumOps(doc, changed) {
  const pod = podOf(doc);
  const volumes = Array.isArray(pod.volumes) ? pod.volumes : [];
  const reads = volumes.flatMap((v) => configMapsOfVolume(v)).filter((n) => changed.has(n));
  if (!reads.length) return [];
  const meta = doc.value.spec.template.metadata;
  const old = meta?.annotations?.[CHECKSUM] ?? "";
  const hash = createHash("sha256").update(old).update("\n");
  for (const n of reads.sort()) hash.update(n).update("\n").update(changed.get(n));
  const value = hash.digest("hex").slice(0, 63);
  if (!meta) return [{ op: "add", path: "/spec/template/metadata", value: { annotations: { [CHECKSUM]: value } } }];
  if (!isObject(meta.annotations)) return [{ op: "add", path: "/spec/template/metadata/annotations", value: { [CHECKSUM]: value } }];
  return [{ op: meta.annotations[CHECKSUM] === void 0 ? "add" : "replace", path: `/spec/template/metadata/annotations/${CHECKSUM}`, value }];
}
function computePatches(targets, config) {
  const want = clustersYaml(config);
  let json;
  const wantJson = () => json ??= JSON.stringify(parseYaml(want));
  const patches = [];
  const changed = /* @__PURE__ */ new Map();
  const proxied = config.clusters.clusterConfigs.filter(isProxied);
  const proxies = proxyData(proxied);
  const cmNames = new Set(targets.configMaps.map((d) => String(d.value.metadata.name)));
  for (const doc of targets.configMaps) {
    const ops = configMapPatch(doc, want, wantJson, proxies);
    if (ops.length) {
      patches.push({ doc, ops });
      changed.set(String(doc.value.metadata.name), want + JSON.stringify(proxies));
    }
  }
  for (const t of targets.deployments) {
    const ops = deploymentPatch(t, config, changed, proxied, cmNames);
    if (ops.length) patches.push({ doc: t.doc, ops });
  }
  return patches;
}
function applyPatches(patches) {
  for (const p of patches) {
    import_fast_json_patch.default.applyPatch(p.doc.value, p.ops, true, true);
    p.doc.changed = true;
  }
}

// plugin/postrender/verify.ts
var import_validators = __toESM(require_validators(), 1);
function schemaCheck(doc, validate) {
  if (validate(doc.value)) return [];
  return schemaProblems(
    validate.errors,
    (p) => objectAt(doc, "manifests.schema", p || "/"),
    (p) => get(doc.value, p)
  );
}
function checkManifests(targets, secretName, only = () => true) {
  const problems = [];
  for (const d of targets.configMaps) if (only(d)) problems.push(...schemaCheck(d, import_validators.validateConfigMap));
  for (const t of targets.deployments) if (only(t.doc)) problems.push(...schemaCheck(t.doc, import_validators.validateDeployment));
  const secret = secretName === void 0 ? void 0 : secretNamed(targets, secretName);
  if (secret && only(secret)) problems.push(...secretProblems(secret.value, (p) => objectAt(secret, "manifests.secret", p || "/")));
  return problems;
}
function verifyResult(targets, config) {
  const problems = [...checkManifests(targets, config.credentials.secretName, (d) => d.changed)];
  const texts = new Set(targets.configMaps.map((d) => d.value.data[CLUSTERS_KEY]));
  if (texts.size !== 1)
    problems.push(error({ code: "verify.clusters", subject: targets.configMaps.map(objectName).join(" and ") }, `the ConfigMaps disagree on ${CLUSTERS_KEY}`));
  const keys = credentialKeys(config);
  for (const t of targets.deployments) {
    problems.push(...podProblems(t.doc));
    for (const c of t.containers) problems.push(...mountProblems(t.doc, c, config, keys));
  }
  problems.push(...proxyResultProblems(targets, config));
  const secret = secretNamed(targets, config.credentials.secretName);
  if (secret) problems.push(...secretKeyProblems(secret, config, keys));
  return problems;
}
function credentialKeys(config) {
  const keys = /* @__PURE__ */ new Set();
  for (const c of config.clusters.clusterConfigs) {
    if (c.inCluster) continue;
    for (const p of [c.auth?.tokenPath, c.auth?.certPath]) {
      const key = p === void 0 ? void 0 : fileIn(config.credentials.mountPath, p);
      if (key) keys.add(key);
    }
  }
  return keys;
}
function mountProblems(doc, c, config, keys) {
  const { secretName, mountPath } = config.credentials;
  const pod = podOf(doc);
  const index = pod[c.list].findIndex((x) => x.name === c.name);
  const at = objectAt(doc, "verify.mounts", `${POD}/${c.list}/${index}/volumeMounts`);
  const there = (pod[c.list][index].volumeMounts ?? []).filter((m) => trimSlashes(m.mountPath) === trimSlashes(mountPath));
  if (there.length !== 1) return [error(at, `container ${c.name} has ${there.length} mounts at ${mountPath}; it needs exactly one, of Secret ${secretName}`)];
  const vi = new Map((pod.volumes ?? []).map((v, i) => [String(v.name), i])).get(there[0].name) ?? -1;
  const volume = pod.volumes?.[vi];
  const secret = volume && isObject(volume.secret) ? volume.secret : void 0;
  if (!secret || secret.secretName !== secretName)
    return [error(at, `container ${c.name} mounts ${mountPath} from volume ${JSON.stringify(there[0].name)}, which is not Secret ${secretName}`)];
  if (!Array.isArray(secret.items)) return [];
  const projected = new Set(secret.items.map((it) => isObject(it) ? it.path : void 0));
  return [...keys].filter((k) => !projected.has(k)).map(
    (k) => error(
      objectAt(doc, "verify.items", `${POD}/volumes/${vi}/secret/items`),
      `the volume's items do not project ${k}, which a tokenPath/certPath needs`,
      `add {key: ${k}, path: ${k}} to its items, or drop items`
    )
  );
}
function secretKeyProblems(secret, config, keys) {
  const problems = [];
  const v = secret.value;
  const have = /* @__PURE__ */ new Set([...Object.keys(v.data ?? {}), ...Object.keys(v.stringData ?? {})]);
  for (const c of config.clusters.clusterConfigs.filter(isProxied))
    if (have.has(tokenKey(c.name)))
      problems.push(
        error(
          objectAt(secret, "verify.proxy-token"),
          `the credentials Secret holds ${tokenKey(c.name)}, a long-lived token for ${c.name}, which FlyteAdmin reaches through its credential proxy with short-lived credentials`,
          `remove the key ${tokenKey(c.name)} (and revoke the token: delete its token Secret in the data plane)`
        )
      );
  for (const k of keys)
    if (!have.has(k))
      problems.push(
        error(
          objectAt(secret, "verify.secret-key"),
          `the credentials Secret has no key ${k}, which a tokenPath/certPath needs; FlyteAdmin would panic at start-up`,
          `add it (flytemc join writes ${k} for you)`
        )
      );
  return problems;
}
function proxyResultProblems(targets, config) {
  const proxied = config.clusters.clusterConfigs.filter(isProxied);
  if (!proxied.length) return [];
  const problems = [];
  for (const cm of targets.configMaps) {
    const data = cm.value.data;
    for (const c of proxied)
      if (typeof data[kubeconfigKey(c.name)] !== "string")
        problems.push(error(objectAt(cm, "verify.proxy"), `has no ${kubeconfigKey(c.name)}, the kubeconfig of ${c.name}'s credential proxy`));
  }
  for (const t of targets.deployments) problems.push(...proxyPodProblems(t.doc, proxied));
  return problems;
}
function proxyPodProblems(doc, proxied) {
  const problems = [];
  const pod = podOf(doc);
  const init = Array.isArray(pod.initContainers) ? pod.initContainers : [];
  const firstOther = init.findIndex((c) => !(isObject(c) && c.restartPolicy === "Always"));
  const at = (pointer) => objectAt(doc, "verify.proxy", pointer);
  for (const c of proxied) {
    const i = init.findIndex((x) => isObject(x) && x.name === sidecarName(c.name));
    if (i < 0 || init[i].restartPolicy !== "Always")
      problems.push(error(at(`${POD}/initContainers`), `has no native sidecar ${sidecarName(c.name)} for ${c.name}'s credential proxy`));
    else if (firstOther >= 0 && firstOther < i)
      problems.push(
        error(at(`${POD}/initContainers/${i}`), `the credential proxy of ${c.name} starts after init container ${init[firstOther].name}, which may need it`)
      );
  }
  if (!(pod.volumes ?? []).some((v) => isObject(v) && v.name === PROXY_VOLUME)) problems.push(error(at(`${POD}/volumes`), `has no volume ${PROXY_VOLUME}`));
  const ports = /* @__PURE__ */ new Map();
  for (const list of LISTS)
    (Array.isArray(pod[list]) ? pod[list] : []).forEach((c, ci) => {
      (Array.isArray(c.ports) ? c.ports : []).forEach((p, pi) => {
        if (isObject(p) && typeof p.containerPort === "number") ports.set(p.containerPort, `${POD}/${list}/${ci}/ports/${pi}`);
      });
    });
  for (const c of proxied) {
    const other = ports.get(c.credentialProxy.port);
    if (other)
      problems.push(
        error(
          at(other),
          `listens on port ${c.credentialProxy.port}, the port of ${c.name}'s credential proxy in the same pod`,
          `set clusterConfigs[].credentialProxy.port of ${c.name} to a free port`
        )
      );
  }
  return problems;
}
var POD = "/spec/template/spec";
var LISTS = ["initContainers", "containers"];
function podDefects(pod) {
  const out = [];
  const volumes = Array.isArray(pod.volumes) ? pod.volumes : [];
  const firstVolume = /* @__PURE__ */ new Map();
  volumes.forEach((v, i) => {
    if (!isObject(v)) return;
    const n = String(v.name);
    const first = firstVolume.get(n);
    if (first === void 0) firstVolume.set(n, i);
    else
      out.push({
        at: `${POD}/volumes/${i}/name`,
        what: `the pod has two volumes named ${JSON.stringify(n)} (volumes/${first} and volumes/${i})`,
        fix: "give each volume its own name, or remove the repeated one"
      });
  });
  const firstContainer = /* @__PURE__ */ new Map();
  for (const list of LISTS) {
    const cs = Array.isArray(pod[list]) ? pod[list] : [];
    cs.forEach((c, i) => {
      if (!isObject(c)) return;
      const n = String(c.name);
      const first = firstContainer.get(n);
      if (first === void 0) firstContainer.set(n, `${list}/${i}`);
      else
        out.push({
          at: `${POD}/${list}/${i}/name`,
          what: `the pod has two containers named ${JSON.stringify(n)} (${first} and ${list}/${i})`,
          fix: "give each container, init containers included, its own name"
        });
      const firstPath = /* @__PURE__ */ new Map();
      (Array.isArray(c.volumeMounts) ? c.volumeMounts : []).forEach((m, j) => {
        if (!isObject(m)) return;
        if (!firstVolume.has(String(m.name)))
          out.push({
            at: `${POD}/${list}/${i}/volumeMounts/${j}/name`,
            what: `container ${c.name} mounts volume ${JSON.stringify(m.name)}, which the pod does not have`,
            fix: "add the volume, or remove the mount"
          });
        const path = String(m.mountPath);
        const at = firstPath.get(path);
        if (at === void 0) firstPath.set(path, j);
        else
          out.push({
            at: `${POD}/${list}/${i}/volumeMounts/${j}/mountPath`,
            what: `container ${c.name} mounts two volumes at ${path} (volumeMounts/${at} and volumeMounts/${j})`,
            fix: "mount one volume at a path"
          });
      });
    });
  }
  return out;
}
function podProblems(doc) {
  const found = podDefects(podOf(doc));
  if (!found.length) return [];
  let before = /* @__PURE__ */ new Set();
  if (doc.changed) {
    try {
      const original = parseUntrusted(doc.body, objectName(doc), STREAM_INPUT);
      const pod = original?.spec?.template?.spec;
      before = new Set(isObject(pod) ? podDefects(pod).map((d) => d.what) : []);
    } catch {
    }
  }
  return found.map((d) => {
    const ours = doc.changed && !before.has(d.what);
    return error(
      objectAt(doc, "verify.pod", d.at),
      `${d.what}${ours ? " after flytemc patched it: a bug in flytemc, please report it" : ""}; the API server refuses such a Deployment`,
      ours ? "report it with the rendered manifests (helm template without --post-renderer)" : d.fix
    );
  });
}

// plugin/postrender/controlplane.ts
var controlPlane = {
  find(docs, fromFile) {
    const targets = findTargets(docs);
    const { found, problems } = findConfig(docs, targets, fromFile);
    return { docs, targets, found, noticed: problems };
  },
  validate(state) {
    const checked = checkConfig(state.found, { requireClusters: true });
    if (checked.config) state.config = checked.config;
    return [...state.noticed, ...checked.problems, ...checkManifests(state.targets, checked.config?.credentials.secretName)];
  },
  patch(state) {
    const patches = computePatches(state.targets, state.config);
    if (state.config.controlPlane?.catalogIngress) patches.push(...catalogRoutePatches(state.docs));
    return patches;
  },
  verify: (state) => verifyResult(state.targets, state.config)
};

// plugin/postrender/dataplane.ts
var import_validators2 = __toESM(require_validators(), 1);

// plugin/postrender/client-secret.ts
var BASE2 = "/spec/template/spec";
var VOLUME = "flytemc-client-secret";
function clientSecretPatches(docs, secretName) {
  for (const d of docs) if (kindOf(d) === "Secret" && nameOf(d) === secretName) d.dropped = true;
  const patches = [];
  for (const d of docs) {
    if (kindOf(d) !== "Deployment") continue;
    const pod = podOf(d);
    if (!isObject(pod) || !Array.isArray(pod.containers)) continue;
    const ci = pod.containers.findIndex((c) => c.name === "flytepropeller" || c.name === "flytepropeller-manager");
    if (ci < 0) continue;
    const ops = mountOps2(pod, ci, secretName);
    if (ops.length) patches.push({ doc: d, ops });
  }
  return patches;
}
function mountOps2(pod, ci, secretName) {
  const c = pod.containers[ci];
  const volumes = Array.isArray(pod.volumes) ? pod.volumes : [];
  const mounts = Array.isArray(c.volumeMounts) ? c.volumeMounts : [];
  const mi = mounts.findIndex((m) => trimSlashes(String(m.mountPath)) === CLIENT_SECRET_DIR);
  if (mi >= 0) {
    const name = mounts[mi].name;
    const vi = volumes.findIndex((v2) => v2.name === name);
    const v = volumes[vi];
    if (vi < 0) return [{ op: "add", path: `${BASE2}/volumes/-`, value: { name, secret: { secretName } } }];
    if (!isObject(v?.secret)) return [{ op: "replace", path: `${BASE2}/volumes/${vi}`, value: { name, secret: { secretName } } }];
    return v.secret.secretName === secretName ? [] : [{ op: "replace", path: `${BASE2}/volumes/${vi}/secret/secretName`, value: secretName }];
  }
  const volume = { name: VOLUME, secret: { secretName } };
  const mount = { name: VOLUME, mountPath: CLIENT_SECRET_DIR, readOnly: true };
  const mountsPath = `${BASE2}/containers/${ci}/volumeMounts`;
  return [
    Array.isArray(pod.volumes) ? { op: "add", path: `${BASE2}/volumes/-`, value: volume } : { op: "add", path: `${BASE2}/volumes`, value: [volume] },
    Array.isArray(c.volumeMounts) ? { op: "add", path: `${mountsPath}/-`, value: mount } : { op: "add", path: mountsPath, value: [mount] }
  ];
}

// plugin/postrender/minimal-rbac.ts
function minimalRbacPatches(docs, rawTemplates, at) {
  const templates = templatesOfValues({ cluster_resource_manager: { templates: rawTemplates } }) ?? [];
  const { needs, unknown } = neededAccess(templates);
  if (unknown.length) {
    const many = unknown.length > 1;
    throw new FlytemcError([
      error(
        at,
        `cluster-resource template${many ? "s" : ""} ${unknown.join(", ")} name${many ? "" : "s"} no apiVersion and kind, so the permissions FlyteAdmin needs for ${many ? "them" : "it"} are unknown`,
        "give every template top-level apiVersion: and kind: lines, or use multicluster.dataPlane.rbac: flyte-core"
      )
    ]);
  }
  const roles = rolesOfAdmin(docs);
  const targets = docs.filter((d) => kindOf(d) === "ClusterRole" && roles.has(String(nameOf(d))));
  if (!targets.length) {
    throw new FlytemcError([
      error(
        { code: "wiring.rbac-no-role", subject: "the rendered manifests" },
        `multicluster.dataPlane.rbac is minimal, but no ClusterRole is bound to ServiceAccount ${SERVICE_ACCOUNT}`,
        "keep flyte-core.flyteadmin.serviceAccount.alwaysCreate and rbac on (values-dataplane.yaml sets them), or use rbac: flyte-core"
      )
    ]);
  }
  const rules = minimalRules(needs);
  return targets.filter((d) => JSON.stringify(d.value.rules) !== JSON.stringify(rules)).map((d) => ({ doc: d, ops: [{ op: "add", path: "/rules", value: rules }] }));
}
function rolesOfAdmin(docs) {
  const roles = /* @__PURE__ */ new Set();
  for (const d of docs) {
    if (kindOf(d) !== "ClusterRoleBinding") continue;
    const b = d.value;
    const subjects = Array.isArray(b.subjects) ? b.subjects : [];
    const ref = isObject(b.roleRef) ? b.roleRef : {};
    const toAdmin = subjects.some((s) => isObject(s) && s.kind === "ServiceAccount" && s.name === SERVICE_ACCOUNT);
    if (toAdmin && ref.kind === "ClusterRole" && typeof ref.name === "string" && ref.name) roles.add(ref.name);
  }
  return roles;
}

// plugin/postrender/propeller-config.ts
var PROPELLER_CONFIGMAP = "flyte-propeller-config";
var WIRING_ANNOTATION = "flytemc.io/control-plane";
var ADMIN_KEY = "admin.yaml";
var CATALOG_KEY = "catalog.yaml";
var same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
function parseConfigKey(doc, key) {
  const text = doc.value.data?.[key];
  if (text === void 0 || text === null) return {};
  const at = objectAt(doc, "wiring.propeller-config", `/data/${key}`);
  try {
    const v = typeof text === "string" ? parseUntrusted(text, whereOf(at), STREAM_INPUT) : void 0;
    if (v === null || v === void 0) return {};
    if (isObject(v)) return v;
  } catch (e) {
    if (!isYamlError(e)) throw e;
    throw new FlytemcError([error(at, `invalid YAML: ${e.reason}`)]);
  }
  throw new FlytemcError([error(at, `${key} must be a YAML mapping`)]);
}
function wiredConfig(admin, catalog, w) {
  const a = isObject(admin.admin) ? { ...admin.admin } : {};
  a.endpoint = w.admin.endpoint;
  a.insecure = w.admin.insecure;
  if (w.admin.clientSecret) {
    a.clientId = w.admin.clientSecret.clientId;
    a.clientSecretLocation = `${CLIENT_SECRET_DIR}/${CLIENT_SECRET_KEY}`;
    a.authType = "ClientSecret";
  }
  const cache = isObject(catalog["catalog-cache"]) ? { ...catalog["catalog-cache"] } : {};
  if (w.catalog.type === "noop") {
    for (const k of ["endpoint", "insecure"]) delete cache[k];
    cache.type = "noop";
  } else {
    cache.type = "datacatalog";
    cache.endpoint = w.catalog.endpoint;
    cache.insecure = w.catalog.insecure;
  }
  return { admin: { ...admin, admin: a }, catalog: { ...catalog, "catalog-cache": cache } };
}
function wiredPropellerConfig(docs) {
  const cm = docs.find((d) => isNamed(d, "ConfigMap", PROPELLER_CONFIGMAP));
  return typeof cm?.value?.metadata?.annotations?.[WIRING_ANNOTATION] === "string" ? cm : void 0;
}
var isWiring = (w) => {
  const a = isObject(w) && isObject(w.admin) ? w.admin : void 0;
  const c = isObject(w) && isObject(w.catalog) ? w.catalog : void 0;
  return Boolean(
    a && typeof a.endpoint === "string" && typeof a.insecure === "boolean" && c && (c.type === "noop" || c.type === "datacatalog" && typeof c.endpoint === "string" && typeof c.insecure === "boolean") && (a.clientSecret === void 0 || isObject(a.clientSecret) && typeof a.clientSecret.secretName === "string" && typeof a.clientSecret.clientId === "string")
  );
};
function recordedWiring(cm) {
  const text = cm.value.metadata.annotations[WIRING_ANNOTATION];
  let w;
  try {
    w = JSON.parse(text);
  } catch {
    w = void 0;
  }
  if (isWiring(w)) return w;
  throw new FlytemcError([
    error(
      objectAt(cm, "wiring.recorded", `/metadata/annotations/${escapeSegment(WIRING_ANNOTATION)}`),
      "is not the wiring flytemc records (admin, catalog)",
      "render the data plane from the chart again (-f values-dataplane.yaml), whose MultiClusterConfig says where FlyteAdmin is"
    )
  ]);
}
function propellerConfigOps(cm, wiring) {
  const oldAdmin = parseConfigKey(cm, ADMIN_KEY);
  const oldCatalog = parseConfigKey(cm, CATALOG_KEY);
  const want = wiredConfig(oldAdmin, oldCatalog, wiring);
  const value = cm.value;
  const data = isObject(value.data) ? value.data : void 0;
  const ops = data ? [] : [{ op: "add", path: "/data", value: {} }];
  for (const [key, before, after] of [
    [ADMIN_KEY, oldAdmin, want.admin],
    [CATALOG_KEY, oldCatalog, want.catalog]
  ]) {
    if (same(before, after) && data && key in data) continue;
    ops.push({ op: data && key in data ? "replace" : "add", path: `/data/${escapeSegment(key)}`, value: dumpYaml(after) });
  }
  const content = ops.length ? dumpYaml(want.admin) + dumpYaml(want.catalog) : void 0;
  ops.push(...recordOps(value, JSON.stringify(wiring)));
  return content === void 0 ? { ops } : { ops, content };
}
function recordOps(value, record) {
  const meta = isObject(value.metadata) ? value.metadata : void 0;
  if (!meta) return [{ op: "add", path: "/metadata", value: { annotations: { [WIRING_ANNOTATION]: record } } }];
  if (!isObject(meta.annotations)) return [{ op: "add", path: "/metadata/annotations", value: { [WIRING_ANNOTATION]: record } }];
  if (meta.annotations[WIRING_ANNOTATION] === record) return [];
  return [{ op: "add", path: `/metadata/annotations/${escapeSegment(WIRING_ANNOTATION)}`, value: record }];
}
function carriesWiring(cm, wiring) {
  const admin = parseConfigKey(cm, ADMIN_KEY);
  const catalog = parseConfigKey(cm, CATALOG_KEY);
  const got = wiredConfig(admin, catalog, wiring);
  return same(got.admin, admin) && same(got.catalog, catalog);
}

// plugin/postrender/dataplane.ts
var STREAM = "the rendered manifests";
function isDataPlaneConfig(d) {
  if (kindOf(d) !== CONFIG_KIND) return false;
  const v = d.value;
  return isObject(v) && v.kind === CONFIG_KIND && String(v.apiVersion ?? "").startsWith(`${CONFIG_API_GROUP}/`) && isObject(v.spec) && v.spec.role === "data-plane";
}
function isDataPlane(docs, config) {
  if (config) return false;
  if (docs.some(isDataPlaneConfig)) return true;
  return !docs.some((d) => kindOf(d) === CONFIG_KIND) && wiredPropellerConfig(docs) !== void 0;
}
var dataPlane = {
  find(docs) {
    const configs = docs.filter((d) => kindOf(d) === CONFIG_KIND);
    for (const d of configs) d.dropped = true;
    if (configs.length > 1)
      throw new FlytemcError([
        error(
          objectAt(configs[1], "stream.config-count"),
          `the stream has ${configs.length} ${CONFIG_KIND} documents; there must be one`,
          "render one flyte-multicluster release at a time"
        )
      ]);
    const cm = docs.find((d) => isNamed(d, "ConfigMap", PROPELLER_CONFIGMAP));
    return { docs, configDoc: configs[0], cm, values: {} };
  },
  validate(state) {
    const checked = state.configDoc ? configProblems(state, state.configDoc) : { problems: [], schemaValid: true };
    if (!checked.schemaValid) return checked.problems;
    const problems = checked.problems;
    if (!state.configDoc && state.cm) state.wiring = recordedWiring(state.cm);
    if (!state.cm)
      problems.push(
        error(
          { code: "wiring.no-propeller", subject: STREAM },
          `no ConfigMap ${PROPELLER_CONFIGMAP}: there is no flytepropeller to point at the control plane`,
          "a data plane runs flytepropeller: install it with -f values-dataplane.yaml (flyte-core.flytepropeller.enabled: true)"
        )
      );
    if (state.cm) problems.push(...schemaCheck(state.cm, import_validators2.validateConfigMap));
    for (const d of state.docs) if (kindOf(d) === "Deployment") problems.push(...schemaCheck(d, import_validators2.validateDeployment));
    return problems;
  },
  patch: patchDataPlane,
  verify(state) {
    const refused = errorsIn(state.docs.filter((d) => d.changed && kindOf(d) === "Deployment").flatMap(podProblems));
    if (refused.length) return refused;
    if (!carriesWiring(state.cm, state.wiring))
      throw new FlytemcError(
        [error(objectAt(state.cm, "verify.wiring"), "flytepropeller's config does not carry the control plane's endpoints after patching (a bug in flytemc)")],
        EXIT.internal
      );
    return [];
  }
};
function configProblems(state, configDoc) {
  const spec = configDoc.value.spec;
  const problems = (0, import_validators2.validateMulticluster)(spec) ? [] : schemaProblems(
    import_validators2.validateMulticluster.errors,
    (p) => objectAt(configDoc, "values.schema", `/spec${p}`),
    (p) => get(spec, p)
  );
  if (errorsIn(problems).length) return { problems, schemaValid: false };
  state.values = spec;
  const resolved = resolveWiring(state.values.controlPlane, (p) => objectAt(configDoc, "wiring.control-plane", `/spec${p}`));
  if (resolved.wiring) state.wiring = resolved.wiring;
  return { problems: [...problems, ...resolved.problems], schemaValid: true };
}
function patchDataPlane(state) {
  const { docs, configDoc } = state;
  const cm = state.cm;
  const wiring = state.wiring;
  const patches = [];
  const { ops, content } = propellerConfigOps(cm, wiring);
  if (ops.length) patches.push({ doc: cm, ops });
  if (content !== void 0) {
    const changed = /* @__PURE__ */ new Map([[PROPELLER_CONFIGMAP, content]]);
    for (const d of docs) {
      if (kindOf(d) !== "Deployment" || !isObject(d.value.spec?.template?.spec)) continue;
      const checksum = checksumOps(d, changed);
      if (checksum.length) patches.push({ doc: d, ops: checksum });
    }
  }
  if (wiring.admin.clientSecret) patches.push(...clientSecretPatches(docs, wiring.admin.clientSecret.secretName));
  if (state.values.dataPlane?.rbac === "minimal") {
    const templates = configDoc?.value?.clusterResourceTemplates;
    const at = configDoc ? objectAt(configDoc, "wiring.rbac-templates", "/clusterResourceTemplates") : { code: "wiring.rbac-templates", subject: STREAM };
    patches.push(...minimalRbacPatches(docs, templates, at));
  }
  return patches;
}

// plugin/postrender/plane.ts
function fail(problems) {
  if (errorsIn(problems).length) throw new FlytemcError(problems);
}
function runPlane(plane, docs, config) {
  const state = plane.find(docs, config);
  const problems = plane.validate(state);
  fail(problems);
  const patches = plane.patch(state);
  applyPatches(patches);
  fail([...problems, ...plane.verify(state)]);
  return {
    output: emitStream(docs),
    warnings: problems,
    patches: patches.map((p) => ({ object: objectName(p.doc), target: resourceId(p.doc.value), ops: p.ops }))
  };
}

// plugin/postrender/index.ts
function postRender(input, options = {}) {
  return refuseResourceErrors("the rendered manifests", () => {
    if (input.trim() === "")
      throw new FlytemcError([
        error(
          { code: "stream.empty", subject: "flytemc" },
          "the input is empty: Helm rendered no manifests (run `helm template` without --post-renderer to see why)"
        )
      ]);
    const docs = parseStream(input);
    return isDataPlane(docs, options.config) ? runPlane(dataPlane, docs, options.config) : runPlane(controlPlane, docs, options.config);
  });
}

export {
  resourceId,
  parseStream,
  CONFIG_API_GROUP,
  CONFIG_KIND,
  postRender
};
/*! Bundled license information:

fast-json-patch/commonjs/helpers.js:
  (*!
   * https://github.com/Starcounter-Jack/JSON-Patch
   * (c) 2017-2022 Joachim Wester
   * MIT licensed
   *)

fast-json-patch/commonjs/duplex.js:
  (*!
   * https://github.com/Starcounter-Jack/JSON-Patch
   * (c) 2017-2021 Joachim Wester
   * MIT license
   *)
*/

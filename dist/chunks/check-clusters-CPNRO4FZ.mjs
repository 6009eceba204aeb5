#!/usr/bin/env node
import { createRequire as __flytemcCreateRequire } from 'node:module'; const require = __flytemcCreateRequire(import.meta.url);
import {
  checkControlPlane,
  clustersFromFile,
  formatTable,
  memberContext,
  needsFor
} from "./chunk-SE52LL4C.mjs";
import "./chunk-ILR2UG56.mjs";
import "./chunk-SNJDAC4L.mjs";
import "./chunk-DEZCN6WC.mjs";
import "./chunk-GNREWZYB.mjs";
import "./chunk-LMX34PRA.mjs";
import "./chunk-W4X4OBCU.mjs";
import "./chunk-Y6SJW5Z7.mjs";
import "./chunk-CMNDI7DY.mjs";
import "./chunk-LPW2GZIF.mjs";
import "./chunk-2KYTK3TD.mjs";
import "./chunk-YQNKOH5S.mjs";
import "./chunk-QZFYKPST.mjs";
import "./chunk-GHRR6URY.mjs";
import "./chunk-4VJRSWY5.mjs";
import "./chunk-C2L5FP4Q.mjs";
import "./chunk-ZCDYBYK4.mjs";
import "./chunk-D7UN66C5.mjs";
import "./chunk-CNWFL7ZM.mjs";
import "./chunk-PGTI4LGT.mjs";
import "./chunk-CMVQK6VE.mjs";
import "./chunk-IVYUDTSF.mjs";
import "./chunk-GPAN37FC.mjs";
export {
  checkControlPlane,
  clustersFromFile,
  formatTable,
  memberContext,
  needsFor
};

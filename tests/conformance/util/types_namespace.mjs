// util.types.isModuleNamespaceObject on real ES module namespaces and look-alikes.
import * as ns from './types_namespace_helper.mjs';
import { types } from 'node:util';
const fs = await import('node:fs');
console.log(types.isModuleNamespaceObject(ns), types.isModuleNamespaceObject(fs), types.isModuleNamespaceObject(Object.freeze(Object.create(null))), types.isModuleNamespaceObject({}));

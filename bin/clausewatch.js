#!/usr/bin/env node
// Before anything else runs a regular expression (see src/util/regexp-engine.ts).
import "../dist/util/regexp-engine.js";
import "../dist/cli/index.js";

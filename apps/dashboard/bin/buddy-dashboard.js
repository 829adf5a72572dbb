#!/usr/bin/env node
// Committed shim: the bin exists before the first build.
import '../dist/cli.js';

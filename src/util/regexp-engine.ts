/**
 * How V8 runs this process's regular expressions: compiled to machine code when first run, not interpreted first.
 *
 * By default V8 interprets a regular expression's bytecode and compiles it to machine code ("tier-up") when it is
 * run again or on a long text; and garbage collections drop that machine code, so the analysis's large
 * alternations (a clause type's patterns, the change vocabulary: tens of kilobytes of bytecode each) went back to
 * the interpreter and were compiled again tens of thousands of times over a corpus (`--trace-regexp-tier-up`:
 * 22,938 forced tier-ups classifying the 126 latest versions of ota-contrib once, 15 with this setting). Matching
 * is the same either way; only when the machine code is made changes. Measured in BENCHMARKS.md ("regular
 * expressions compiled once").
 *
 * Imported for its effect first by the command-line entry point and by the classifier, which every analysis and
 * change record goes through. The flag is read each time a regular expression runs, so setting it after start-up
 * applies to every later run, except that an expression already run interpreted before stays interpreted (V8 no
 * longer tiers up once the flag is off): hence first, before the modules that run expressions as they load.
 */
import { setFlagsFromString } from "node:v8";

// Node warns that changing V8 flags after start-up may crash the process: where the flag was given at start-up
// (the test runner gives it), it is not set again.
if (!process.execArgv.includes("--no-regexp-tier-up")) setFlagsFromString("--no-regexp-tier-up");

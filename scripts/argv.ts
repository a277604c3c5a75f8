/** Command-line options of the project's scripts and benchmarks, which take a few `--name value` pairs each. */

/** The value after `name` on the command line, or undefined when the option is not given. */
export function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** The `clausewatch` command line. Each command is a thin adapter over the modules in src/. */
import { Command, CommanderError } from "commander";
import { registerAnalysisCommands } from "./commands/analysis-commands.js";
import { registerArchiveCommands } from "./commands/archive-commands.js";
import { registerChangeCommands } from "./commands/change-commands.js";
import { registerDemoCommand } from "./commands/demo-command.js";
import { registerKeyCommands } from "./commands/key-commands.js";
import { registerReviewCommands } from "./commands/review-commands.js";
import { registerServeCommand } from "./commands/serve-command.js";
import { registerWatchCommands } from "./commands/watch-commands.js";
import { registerWorkerCommand } from "./commands/worker-command.js";
import { CliError } from "./context.js";

const program = new Command()
  .name("clausewatch")
  .description("Independent monitoring of platforms' privacy policies and terms")
  .exitOverride();

registerArchiveCommands(program);
registerAnalysisCommands(program);
registerChangeCommands(program);
registerDemoCommand(program);
registerServeCommand(program);
registerWorkerCommand(program);
registerWatchCommands(program);
registerKeyCommands(program);
registerReviewCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exitCode = error.exitCode;
  else {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`clausewatch: ${message}`);
    if (process.env.CLAUSEWATCH_DEBUG && error instanceof Error) console.error(error.stack);
    process.exitCode = error instanceof CliError ? error.exitCode : 1;
  }
}

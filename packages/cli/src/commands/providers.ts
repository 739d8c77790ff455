import { userInfo } from "node:os";
import { enforceAgreementEnds } from "@cairn/db";
import type { Command } from "commander";
import { printJson } from "../output";
import { withDatabase } from "./database";

function operatorName(): string {
  try {
    return userInfo().username;
  } catch {
    return "unknown";
  }
}

export function registerProviders(program: Command): void {
  const providers = program.command("providers").description("Providers and their data-sharing agreements");
  providers
    .command("enforce")
    .description(
      "End every agreement whose destruction date has come: revoke its tokens, mark it destroyed, keep a destruction record. Safe to run daily; a second run changes nothing",
    )
    .option("--json", "print the agreements ended as JSON")
    .action(async (options: { json?: boolean }) => {
      const ended = await withDatabase((database) =>
        enforceAgreementEnds({ db: database.db, viewer: { kind: "operator", name: operatorName() }, now: new Date() }),
      );
      if (options.json) return printJson(ended);
      if (ended.length === 0) {
        process.stdout.write("No agreement has reached its destruction date; nothing to do.\n");
        return;
      }
      for (const agreement of ended) {
        process.stdout.write(
          `ended agreement ${agreement.agreementId} with ${agreement.providerName} (destroy by ${agreement.destroyBy}): ${agreement.tokensRevoked} token(s) revoked, destruction record kept\n`,
        );
      }
      process.stdout.write(`${ended.length} agreement(s) ended.\n`);
    });
}

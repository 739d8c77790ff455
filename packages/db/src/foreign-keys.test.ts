import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withForeignKeysCheckedAtEnd } from "./foreign-keys";
import { openTestDatabase, type TestDatabase } from "./testing";

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database.destroy());

const foreignKeysOf = (table: string) =>
  database.bulkLoad((tx) =>
    tx.query<{ name: string }>(
      "select conname as name from pg_constraint where contype = 'f' and conrelid::regclass::text = $1 order by conname",
      [table],
    ),
  );

describe("withForeignKeysCheckedAtEnd", () => {
  it("loads valid rows and puts every constraint back", async () => {
    const before = await foreignKeysOf("district");
    await database.bulkLoad((tx) =>
      withForeignKeysCheckedAtEnd(tx, ["state", "district"], async () => {
        await tx.copy(
          "district",
          ["id", "state_id", "code", "name"],
          [["00000000-0000-4000-8000-000000000002", "00000000-0000-4000-8000-000000000001", "d", "D"]],
        );
        await tx.copy("state", ["id", "code", "name"], [["00000000-0000-4000-8000-000000000001", "QQ", "Q"]]);
      }),
    );
    expect(await foreignKeysOf("district")).toEqual(before);
    expect(before.length).toBeGreaterThan(0);
  });

  it("rolls the whole load back when a row points nowhere, keeping the constraints", async () => {
    const before = await foreignKeysOf("district");
    await expect(
      database.bulkLoad((tx) =>
        withForeignKeysCheckedAtEnd(tx, ["district"], async () => {
          await tx.copy(
            "district",
            ["id", "state_id", "code", "name"],
            [["00000000-0000-4000-8000-000000000003", "00000000-0000-4000-8000-0000000000ff", "x", "X"]],
          );
        }),
      ),
    ).rejects.toThrow(/foreign key/);
    expect(await foreignKeysOf("district")).toEqual(before);
    const rows = await database.bulkLoad((tx) => tx.query("select 1 from district where code = 'x'"));
    expect(rows).toEqual([]);
  });
});

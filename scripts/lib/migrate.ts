import { bin, run } from "./proc";

/** Applies prisma/migrations with the WebAssembly schema engine (see prisma.config.ts). */
export async function migrateDeploy(databaseUrl: string): Promise<void> {
  await run(bin("prisma"), ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

/** The generated client (lib/generated/prisma) is git-ignored; make sure it exists. */
export async function prismaGenerate(): Promise<void> {
  await run(bin("prisma"), ["generate"], {
    env: {
      ...process.env,
      DATABASE_URL: process.env.DATABASE_URL || "postgresql://placeholder@localhost:5432/placeholder",
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

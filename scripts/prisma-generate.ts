// postinstall: generate the Prisma client (git-ignored). The CLI needs some DATABASE_URL even to
// generate, or it tries to download a native engine; a placeholder is enough.
import { prismaGenerate } from "./lib/migrate";

await prismaGenerate();

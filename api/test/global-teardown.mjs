export default async function globalTeardown() {
  const scratch = globalThis.__emergeScratch;
  if (!scratch) return;
  await scratch.server.dropDatabase(scratch.template).catch(() => undefined);
  await scratch.server.stop();
}

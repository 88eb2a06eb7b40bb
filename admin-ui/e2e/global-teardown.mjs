export default async function globalTeardown() {
  const app = globalThis.__emergeBrowserApp;
  if (!app) return;
  if (app.child.exitCode === null) {
    const exited = new Promise((r) => app.child.once('exit', r));
    app.child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 15000))]);
  }
  // Release the pipes and pooled sockets the set-up held, so the runner can exit on its own.
  app.child.stdout?.destroy();
  app.child.stderr?.destroy();
  await globalThis.__emergeDispatcher?.close();
  if (app.scratch && app.dbUrl)
    await app.scratch.dropDatabase(new URL(app.dbUrl).pathname.slice(1)).catch(() => undefined);
  app.cleanupDir();
}

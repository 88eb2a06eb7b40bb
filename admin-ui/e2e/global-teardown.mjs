export default async function globalTeardown() {
  const app = globalThis.__emergeBrowserApp;
  if (!app) return;
  if (app.child.exitCode === null) {
    const exited = new Promise((r) => app.child.once('exit', r));
    app.child.kill('SIGTERM');
    // Cleared once the app exits: a pending 15 s timer kept the runner alive after the run.
    let timer;
    await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 15000)))]);
    clearTimeout(timer);
  }
  // Release the pipes the set-up held, so the runner can exit on its own.
  app.child.stdout?.destroy();
  app.child.stderr?.destroy();
  if (app.scratch && app.dbUrl)
    await app.scratch.dropDatabase(new URL(app.dbUrl).pathname.slice(1)).catch(() => undefined);
  app.cleanupDir();
}

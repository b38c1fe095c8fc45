// The app targets Node 22 (Zapier runs platform-core 19 apps on Node 22; the CLI refuses Node 20).
// npm scripts put node_modules/.bin first on PATH, where the `node@22` devDependency installs Node 22.
const major = Number(process.versions.node.split('.')[0]);
if (major !== 22) {
  console.error(
    `Expected Node 22 from the node@22 devDependency, got ${process.version}. Run through npm (npm test / npm start).`,
  );
  process.exit(1);
}

// Package entry. n8n itself finds the nodes and credentials through the "n8n" section of package.json;
// this lists the same for other tools. The build copies it to dist/ (package.json "main"), so that the
// published package holds dist/ only; package.json is then one folder up.
const path = require('path');

const packageRoot = path.basename(__dirname) === 'dist' ? path.join(__dirname, '..') : __dirname;
const { n8n } = require(path.join(packageRoot, 'package.json'));

module.exports = { nodes: n8n.nodes, credentials: n8n.credentials };

// Package entry point. n8n finds the nodes and credentials through the "n8n" section of package.json, so
// nothing is exported here. The build copies this file to dist/ ("main"), which keeps the package dist-only.
module.exports = {};

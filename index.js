// n8n finds the nodes and credentials through the "n8n" section of package.json; this entry only lists them.
const { n8n } = require('./package.json');

module.exports = { nodes: n8n.nodes, credentials: n8n.credentials };

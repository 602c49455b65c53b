// A stale file in dist would be packed and loaded by n8n, so every build starts from an empty dist.
require('fs').rmSync(require('path').join(__dirname, '..', 'dist'), { recursive: true, force: true });

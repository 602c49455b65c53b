const { src, dest, parallel } = require('gulp');

/** tsc does not copy icons; n8n loads them from dist next to the compiled nodes and credentials. */
function buildIcons() {
	return src(['nodes/**/*.{png,svg}', 'credentials/**/*.{png,svg}'], { base: '.', encoding: false }).pipe(dest('dist'));
}

/** The package entry lives at the top of the repo and ships in dist/, so the tarball holds dist/ only. */
function copyEntry() {
	return src('index.js').pipe(dest('dist'));
}

exports['build:icons'] = parallel(buildIcons, copyEntry);

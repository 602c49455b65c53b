// Jest applies `testTimeout` only from the top-level config, not per project: each project sets its own here.
jest.setTimeout(20000);

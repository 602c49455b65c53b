// Loaded before every test file: n8n-core's DI needs reflect-metadata, and its logger would print
// every node error the tests provoke on purpose.
import 'reflect-metadata';

process.env.N8N_LOG_LEVEL = 'silent';

// `npm start`: the composition root. With no Slack or Teams credentials (all there is so far), it runs
// the conversation in this terminal; piped stdin works too, one user line per line.
await import('./cli/ipcheck.js');

// `npm start`: the composition root. With SLACK_BOT_TOKEN set it runs the Slack app (Socket Mode when
// SLACK_APP_TOKEN is set, else HTTP); with no platform credentials it runs the conversation in this
// terminal, where piped stdin works too, one user line per line.
await import('./cli/ipcheck.js');

// `npm start`. With SLACK_BOT_TOKEN set it runs the Slack app (Socket Mode when SLACK_APP_TOKEN is set,
// else HTTP), with Teams configured alone the Teams bot; with no platform credentials it runs the
// conversation in this terminal, where piped stdin works too, one user line per line. The command line
// picks the channel; src/boot/compose.ts builds what every channel runs on.
await import('./cli/ipcheck.js');

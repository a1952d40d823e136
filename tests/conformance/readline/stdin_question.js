// The usual interactive script with piped stdin: readline/promises question() in a loop
// writing prompts to process.stdout, then for await over the remaining lines.
const readline = require('readline/promises');
async function main() {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  console.log('terminal', rl.terminal);
  const name = await rl.question('name? ');
  const age = await rl.question('age? ');
  console.log(`\nhello ${name}, ${Number(age) + 1} next year`);
  for await (const line of rl) console.log('rest:', line);
  console.log('closed', rl.closed);
}
main();

process.stdin.setEncoding('utf8');
(async () => {
  let all = '';
  for await (const c of process.stdin) all += c;
  console.log(JSON.stringify(all));
})();

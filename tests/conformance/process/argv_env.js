console.log(process.argv.length, process.argv.slice(2));
console.log(process.argv[1].endsWith('argv_env.js'), typeof process.argv0, process.execArgv);
console.log(typeof process.execPath, process.execPath.length > 0);
process.env.NRT_TEST_VAR = 42;
console.log(process.env.NRT_TEST_VAR, typeof process.env.NRT_TEST_VAR, 'NRT_TEST_VAR' in process.env);
delete process.env.NRT_TEST_VAR;
console.log(process.env.NRT_TEST_VAR, Object.keys(process.env).includes('NRT_TEST_VAR'));
console.log(typeof process.env.PATH);

console.log(1);
await new Promise(() => {});
